import type { Cluster } from '../sim/engine/types';
import type { ImageBehaviour } from '../sim/runtime/images';
import { runKubectl, splitWords, parseDuration, type KubectlIo } from '../sim/kubectl/index';
import { closeSession, openSession, typeLine, type Session } from '../sim/kubectl/session';
import type { Written } from '../sim/kubectl/context';
import type { Kubeconfig } from '../sim/kubectl/commands/kubeconfig';

export type { Session };
import { parseImagePhrases } from './image-phrases';
import { runHelm, type HelmIo } from '../sim/helm/index';

// One line of a `kubespec shell` script -> the next cluster and what to print. No I/O here: the
// simulator functions and the file reader come in as dependencies, so tests can inject them.

export interface ShellDeps {
  /** Files, and the session's kubeconfig (io.kubeconfig) that writeKubeconfig keeps. */
  readonly io: KubectlIo;
  /** Keeps the kubeconfig a `kubectl config set-*` wrote, for the next lines (io.kubeconfig reads it). */
  readonly writeKubeconfig?: (config: Kubeconfig) => void;
  /** helm's view of the files (directories listed, writes kept); without it helm sees no directories. */
  readonly helmIo?: HelmIo & { readonly write?: (path: string, data: string) => void };
  readonly advance: (cluster: Cluster, ms: number) => Cluster;
  readonly failNode: (cluster: Cluster, name: string) => { cluster: Cluster; error?: string };
  readonly recoverNode: (cluster: Cluster, name: string) => { cluster: Cluster; error?: string };
  readonly addNode: (cluster: Cluster, name: string, opts?: { labels?: Record<string, string> }) => { cluster: Cluster; error?: string };
  readonly behaviourOf: (cluster: Cluster, image: string) => ImageBehaviour;
  readonly declareImage: (cluster: Cluster, image: string, behaviour: ImageBehaviour) => Cluster;
}

/** What one input line did; `command` is undefined for blank lines and comments. */
export interface LineResult {
  readonly cluster: Cluster;
  readonly command?: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Both streams in the order written, when not all of stdout came first (KubectlResult.written). */
  readonly written?: readonly Written[];
  /** `exit [N]`: stop reading; the shell ends with N, or (no N) as it would at the end of input. */
  readonly stop?: { readonly status?: number };
  /** The attach session the next lines go to (kubectl run -i), or undefined once it ended. */
  readonly session?: Session;
}

/** One line typed into an attached shell (sim/kubectl/session.ts), as a line of the script. */
export function runSessionLine(cluster: Cluster, text: string, session: Session): LineResult {
  const { result, session: next } = typeLine(cluster, session, text);
  const command = text.trim() === '' || text.trim().startsWith('#') ? undefined : text.trim();
  return { cluster: result.cluster, command, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, written: result.written, session: next };
}

/** The end of the input closes an attached shell's stdin. */
export function endSession(cluster: Cluster, session: Session): LineResult {
  const r = closeSession(cluster, session);
  return { cluster: r.cluster, command: 'exit', stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, written: r.written };
}

export const SHELL_COMMANDS = 'kubectl, helm, sleep, node, image, or exit';

export function runLine(cluster: Cluster, text: string, lineNo: number, deps: ShellDeps): LineResult {
  const trimmed = text.trim().replace(/^\$\s+/, ''); // lines copied from the book start with "$ "
  if (trimmed === '' || trimmed.startsWith('#')) return { cluster, stdout: '', stderr: '', exitCode: 0 };
  const fail = (message: string, exitCode = 1): LineResult => ({ cluster, command: trimmed, stdout: '', stderr: `kubespec shell: line ${lineNo}: ${message}\n`, exitCode });
  const words = splitWords(trimmed);
  if (!Array.isArray(words)) return fail(words.error);
  const operator = unquotedOperator(trimmed);
  if (operator !== undefined) return fail(`"${operator}" is not supported: the shell runs one command a line, without pipes or redirections`);
  const [head, ...rest] = words;
  const ok = (c: Cluster, stdout: string): LineResult => ({ cluster: c, command: trimmed, stdout, stderr: '', exitCode: 0 });

  switch (head) {
    case 'kubectl': {
      const r = runKubectl(cluster, rest, deps.io);
      if (r.kubeconfig !== undefined) deps.writeKubeconfig?.(r.kubeconfig);
      for (const w of r.writes ?? []) deps.helmIo?.write?.(w.path, w.data); // kubectl cp: into the overlay, never to disk
      const session = r.attach !== undefined ? openSession(r.attach) : undefined;
      return { cluster: r.cluster, command: trimmed, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, written: r.written, session };
    }
    case 'helm': {
      const io = deps.helmIo ?? { readFile: (p: string) => deps.io.readFile(p), listDir: () => undefined };
      const r = runHelm(cluster, rest, { ...io, kubeconfig: () => deps.io.kubeconfig?.() });
      for (const w of r.writes) deps.helmIo?.write?.(w.path, w.data);
      return { cluster: r.cluster, command: trimmed, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    }
    case 'sleep': {
      if (rest.length !== 1) return fail('usage: sleep <duration> (e.g. 30s, 5m, 1h30m)');
      const ms = parseDuration(rest[0]) ?? (/^\d+(\.\d+)?$/.test(rest[0]) ? Math.round(Number(rest[0]) * 1000) : undefined);
      if (ms === undefined) return fail(`sleep: invalid duration "${rest[0]}" (e.g. 30s, 5m, 1h30m)`);
      return ok(deps.advance(cluster, ms), '');
    }
    case 'node': {
      const [verb, name, ...labelArgs] = rest;
      if (!['fail', 'recover', 'add'].includes(verb ?? '') || name === undefined) return fail('usage: node fail|recover|add <name> [key=value ...]');
      if (verb !== 'add' && labelArgs.length > 0) return fail(`node ${verb} takes one node name, got extra arguments: ${labelArgs.join(' ')}`);
      const labels: Record<string, string> = {};
      for (const l of labelArgs) {
        const eq = l.indexOf('=');
        if (eq <= 0) return fail(`node add: invalid label "${l}", expected key=value`);
        labels[l.slice(0, eq)] = l.slice(eq + 1);
      }
      const r = verb === 'fail' ? deps.failNode(cluster, name)
        : verb === 'recover' ? deps.recoverNode(cluster, name)
          : deps.addNode(cluster, name, labelArgs.length > 0 ? { labels } : undefined);
      if (r.error !== undefined) return { cluster, command: trimmed, stdout: '', stderr: `${r.error}\n`, exitCode: 1 };
      const past = { fail: 'failed', recover: 'recovered', add: 'added' }[verb as 'fail' | 'recover' | 'add'];
      return ok(r.cluster, `node/${name} ${past}\n`);
    }
    case 'image': {
      const [ref, ...phrase] = rest;
      if (ref === undefined || phrase.length === 0) return fail("usage: image <image> <behaviour>, e.g. 'image myapp:v2 exits with code 1 after 10s'");
      const parsed = parseImagePhrases(deps.behaviourOf(cluster, ref), phrase.join(' '));
      if ('error' in parsed) return fail(`image: ${parsed.error}`);
      return ok(deps.declareImage(cluster, ref, parsed.behaviour), `image ${ref}: ${parsed.summary}\n`);
    }
    case 'exit': {
      if (rest.length > 1 || (rest.length === 1 && !/^\d+$/.test(rest[0]))) return fail('usage: exit [status]');
      const status = rest.length === 1 ? Number(rest[0]) : undefined;
      return { cluster, command: trimmed, stdout: '', stderr: '', exitCode: status ?? 0, stop: { status } };
    }
    default:
      return fail(`unknown command "${head}"; expected ${SHELL_COMMANDS}`);
  }
}

/** The first shell operator (| > < ; &) outside quotes, if any. */
function unquotedOperator(text: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '\\') {
      i++;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if ('|<>;&'.includes(ch)) {
      const two = text.slice(i, i + 2);
      return ['||', '&&', '>>'].includes(two) ? two : ch;
    }
  }
  return undefined;
}
