import { Output, failure, type Command, type CommandContext, type KubectlResult, type LocalWrite } from '../context';
import { str } from '../flags';
import { isDirectoryIn, tarCreate, tarExtract, type TarMember } from '../../runtime/copy';

// kubectl cp (staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go): copies through tar in the container
// (sim/runtime/copy.ts). The local side is the caller's: files come from io.readFile/io.listDir and
// the files kubectl writes come back as KubectlResult.writes (no I/O here).

/** A filespec: [[namespace/]pod:]file/path (extractFileSpec). */
interface FileSpec {
  readonly podNamespace?: string;
  readonly podName?: string;
  readonly file: string;
}

const FORMAT = 'error: filespec must match the canonical format: [[namespace/]pod:]file/path';

/** extractFileSpec: a colon makes a remote path, with the Pod (and namespace) before it. */
export function extractFileSpec(arg: string): FileSpec | string {
  const i = arg.indexOf(':');
  if (i === 0) return FORMAT;
  if (i === -1) return { file: stripTrailingSlash(arg) };
  const pieces = arg.slice(0, i).split('/');
  const file = arg.slice(i + 1);
  if (pieces.length === 1) return { podName: pieces[0], file };
  if (pieces.length === 2) return { podNamespace: pieces[0], podName: pieces[1], file };
  return FORMAT;
}

function stripTrailingSlash(file: string): string {
  return file.length > 1 && file.endsWith('/') ? file.slice(0, -1) : file;
}

/** Go's path.Clean for slash-separated paths ('' is '.'). */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg === '..' && rooted) continue;
    else out.push(seg);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

const dirOf = (p: string): string => { const c = cleanPath(p); const i = c.lastIndexOf('/'); return i === -1 ? '.' : i === 0 ? '/' : c.slice(0, i); };
const baseOf = (p: string): string => { const c = cleanPath(p); return c === '/' ? '/' : c.slice(c.lastIndexOf('/') + 1); };

export const cp: Command = {
  name: 'cp',
  short: 'Copy files and directories to and from containers',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'no-preserve', kind: 'bool' },
    { name: 'retries', kind: 'int', default: 0 },
  ],
  run: (ctx: CommandContext): KubectlResult => {
    const { cluster, args } = ctx;
    if (args.positional.length !== 2) return failure(cluster, 'error: source and destination are required'); // Validate
    const src = extractFileSpec(args.positional[0]);
    if (typeof src === 'string') return failure(cluster, src);
    const dest = extractFileSpec(args.positional[1]);
    if (typeof dest === 'string') return failure(cluster, dest);
    if (src.podName !== undefined && dest.podName !== undefined) return failure(cluster, 'error: one of src or dest must be a local file specification');
    if (src.file === '' || dest.file === '') return failure(cluster, 'error: filepath can not be empty');
    if (src.podName !== undefined) return copyFromPod(ctx, src, dest.file);
    if (dest.podName !== undefined) return copyToPod(ctx, src.file, dest);
    return failure(cluster, 'error: one of src or dest must be a remote file specification');
  },
};

/**
 * copyFromPod: `tar cf - PATH` in the container, its stderr on kubectl's stdout (the TarPipe's
 * ErrOut is o.Out), then untarAll: each member's name less the source's prefix, joined to DEST.
 * tar failing after it started (a missing file) still ends the copy with status 0: the archive
 * reader sees its end before the exec's error is checked (kubernetes/kubectl#980).
 */
function copyFromPod(ctx: CommandContext, src: FileSpec, destFile: string): KubectlResult {
  const namespace = src.podNamespace ?? ctx.namespace;
  const tar = tarCreate(ctx.cluster, namespace, src.podName!, str(ctx.args, 'container'), src.file);
  const o = new Output();
  o.write('stdout', tar.note);
  if (tar.failed !== undefined) {
    o.write('stdout', tar.failed.stdout);
    o.write('stderr', tar.failed.stderr);
    o.exitCode = tar.failed.exitCode;
    return o.result(tar.cluster);
  }
  o.write('stdout', tar.tarStderr);
  const prefix = stripPathShortcuts(cleanPath(src.file.replace(/^\/+/, '')));
  const dest = cleanPath(destFile);
  const writes: LocalWrite[] = [];
  for (const m of tar.members) {
    if (!m.name.startsWith(prefix)) { o.fail('error: tar contents corrupted'); return o.result(tar.cluster); }
    const rest = m.name.slice(prefix.length);
    const target = rest.replace(/^\/+|\/+$/g, '') === '' ? dest : cleanPath(`${dest}/${rest}`);
    if (m.data === null) continue; // os.MkdirAll: a local directory needs no entry of its own
    if (isLocalDirectory(ctx, target)) { o.fail(`error: open ${target}: is a directory`); return { ...o.result(tar.cluster), writes }; }
    writes.push({ path: target, data: m.data });
  }
  return { ...o.result(tar.cluster), writes };
}

/** stripPathShortcuts: leading "../" and "./" go (a path escaping "/" on the Pod). */
function stripPathShortcuts(p: string): string {
  let s = p;
  for (;;) {
    if (s.startsWith('../')) s = s.slice(3);
    else if (s.startsWith('./')) s = s.slice(2);
    else if (s === '..' || s === '.') return '';
    else return s;
  }
}

function isLocalDirectory(ctx: CommandContext, path: string): boolean {
  if (path === '.' || path === '..' || path === '/') return true;
  return ctx.io.listDir?.(path) !== undefined;
}

/**
 * copyToPod: the local file (or the regular files of a local directory) as a tar archive named
 * for DEST, extracted by `tar -xmf - -C dir(DEST)`; DEST a directory in the container (test -d,
 * checkDestinationIsDir) takes the source's base name below it.
 */
function copyToPod(ctx: CommandContext, srcFile: string, dest: FileSpec): KubectlResult {
  const { cluster, args, io } = ctx;
  const namespace = dest.podNamespace ?? ctx.namespace;
  const container = str(args, 'container');
  const listed = srcFile === '.' ? undefined : io.listDir?.(srcFile);
  const single = listed === undefined ? io.readFile(srcFile) : undefined;
  if (listed === undefined && single === undefined) return failure(cluster, `error: ${srcFile} doesn't exist in local filesystem`);
  let destFile = dest.file;
  if (isDirectoryIn(cluster, namespace, dest.podName!, container, destFile)) destFile = `${destFile.replace(/\/+$/, '')}/${baseOf(srcFile)}`;
  const name = baseOf(destFile);
  const members: TarMember[] = listed === undefined
    ? [{ name, data: single! }]
    : listed.length === 0 ? [{ name: `${name}/`, data: null }] : listed.map((f) => ({ name: `${name}/${f}`, data: io.readFile(`${cleanPath(srcFile)}/${f}`) ?? '' }));
  const r = tarExtract(cluster, namespace, dest.podName!, container, dirOf(destFile), members);
  return { cluster: r.cluster, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}
