import type { Pod } from '../api/types';
import type { ClusterView } from '../engine/types';
import { fnv32a } from '../api/naming';
import { rngFrom } from '../engine/rng';
import { registerNetCommands } from '../runtime/net-hooks';
import { AccessRecorder } from '../runtime/access-log';
import { podAcceptsTcp, podHttpServe } from '../runtime/serve';
import { clientAddress } from './client-address';
import type { CommandResult } from '../runtime/sh/commands';
import type { ShIo } from '../runtime/sh/interp';
import { curlFailure, wgetFailure } from './client-messages';
import { connect, type ConnectResult } from './connect';
import { nslookup } from './nslookup';
import { ProxyState } from './proxy-state';

// wget, curl and nslookup inside a container: a connection through sim/network (DNS, kube-proxy,
// NetworkPolicy), then the answering Pod's HTTP answer from the runtime. Registered once at load.
// The commands of one run share kube-proxy's state (a Session), which starts from the cluster's
// proxy table; the caller applies session.changes() so the next run goes on from there.

interface Url { readonly host: string; readonly port: number; readonly path: string }

/** http://host[:port][/path], or host[:port][/path] as wget and curl accept it. */
export function parseUrl(text: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(text);
  if (m === null) return undefined;
  return { host: m[2], port: m[3] !== undefined ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] ?? '/' };
}

/** Connection choices are random (kube-proxy) but must replay: seed from the instant, the Pod, the command and its turn in the run. */
function connectionRng(view: ClusterView, pod: Pod, argv: readonly string[], turn: number) {
  return rngFrom(fnv32a(`${view.config.seed}|${view.nowMs}|${pod.metadata.uid}|${argv.join(' ')}${turn > 0 ? `|${turn}` : ''}`));
}

/** kube-proxy's state through one run of commands, how many connections it has opened, and the requests the servers answered. */
interface Session { state: ProxyState; turn: number; access: AccessRecorder }

const listens = (view: ClusterView) => (pod: Pod, port: number) => podAcceptsTcp(view, pod, port);

/** What the client sends as User-Agent: busybox wget's fixed "Wget", curl its version (the curl image's, or Debian bookworm's in the nginx image). */
function userAgentOf(pod: Pod, tool: 'wget' | 'curl'): string {
  if (tool === 'wget') return 'Wget';
  return pod.spec.containers.some((c) => /(^|\/)nginx(:|@|$)/.test(c.image)) ? 'curl/7.88.1' : 'curl/8.16.0';
}

function fetch(view: ClusterView, pod: Pod, tool: 'wget' | 'curl', argv: readonly string[], url: Url, session: Session): { r: ConnectResult; status?: number; body?: string } {
  const from = { pod: { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name } };
  const r = connect(view, connectionRng(view, pod, argv, session.turn++), from, url.host, url.port, { listens: listens(view), proxyState: session.state });
  session.state = r.proxyState;
  if (r.result !== 'ok' || r.pod === undefined) return { r };
  const target = view.get<Pod>('Pod', r.pod.namespace, r.pod.name);
  if (target === undefined) return { r: { result: 'refused', reason: 'backend gone', proxyState: r.proxyState } };
  const { answer, container, instance } = podHttpServe(view, target, r.port, url.path);
  if ('refused' in answer) return { r: { result: 'refused', reason: 'nothing listening', proxyState: r.proxyState } };
  session.access.record(target.metadata.uid, {
    tMs: view.nowMs, container: container!, instance: instance!, client: clientAddress(view, pod, r, target),
    method: 'GET', path: url.path, status: answer.status, bytes: answer.body.length, userAgent: userAgentOf(pod, tool),
  });
  return { r, status: answer.status, body: answer.body };
}

/** The -O argument: `-O FILE`, `-OFILE`, `-qO-`, `-qO FILE`; undefined when absent. */
function outputArg(argv: readonly string[]): { file?: string; skip: Set<number> } {
  const skip = new Set<number>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^-[a-zA-Z]*O(.*)$/.exec(argv[i]);
    if (m === null) continue;
    skip.add(i);
    if (m[1] !== '') return { file: m[1], skip };
    if (i + 1 < argv.length) { skip.add(i + 1); return { file: argv[i + 1], skip }; }
  }
  return { skip };
}

/** busybox wget's progress bar line for a finished download (1.36). */
function progressLine(file: string, bytes: number): string {
  return `${file.padEnd(20)} 100% |${'*'.repeat(32)}| ${String(bytes).padStart(5)}  0:00:00 ETA\n`;
}

/**
 * busybox wget: `wget -q -O - URL` / `wget -qO- URL` print the body; `wget URL` saves it as
 * index.html (or the URL's last path part) in the working directory, as the book's `wget httpd-svc:8080` does.
 */
function wget(view: ClusterView, pod: Pod, session: Session, argv: readonly string[], io?: ShIo): CommandResult {
  const out = outputArg(argv);
  const urlArg = argv.filter((a, i) => !out.skip.has(i) && !a.startsWith('-')).pop();
  const url = urlArg === undefined ? undefined : parseUrl(urlArg);
  if (url === undefined) return { stdout: '', stderr: 'BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] URL\n', status: 1 };
  const quiet = argv.some((a, i) => !out.skip.has(i) && /^-[a-zA-Z]*q/.test(a)) || argv.some((a) => /^-[a-zA-Z]*q[a-zA-Z]*O/.test(a));
  const file = out.file ?? (url.path.replace(/\/$/, '').split('/').pop() || 'index.html');
  const toStdout = file === '-';
  // --spider (-s) only checks that the file is there: nothing is saved (networking/wget.c).
  const spider = argv.some((a) => a === '--spider' || a === '-s');
  if (!spider && !toStdout && io !== undefined && io.fs.stat(file.startsWith('/') ? file : `/${file}`) !== undefined) {
    return { stdout: '', stderr: `wget: can't open '${file}': File exists\n`, status: 1 };
  }
  const got = fetch(view, pod, 'wget', argv, url, session);
  if (got.r.result !== 'ok') return { stdout: '', ...asSh(wgetFailure(got.r, url.host)) };
  const connecting = quiet ? '' : `Connecting to ${url.host}${url.port === 80 ? '' : `:${url.port}`} (${got.r.dialed?.ip ?? got.r.ip}:${got.r.dialed?.port ?? got.r.port})\n`;
  if (got.status! >= 400) return { stdout: '', stderr: `${connecting}wget: server returned error: HTTP/1.1 ${got.status} ${reasonPhrase(got.status!)}\n`, status: 1 };
  if (spider) return { stdout: '', stderr: connecting + (quiet ? '' : 'remote file exists\n'), status: 0 };
  if (toStdout || io === undefined) return { stdout: got.body!, stderr: connecting, status: 0 };
  io.fs.write(file.startsWith('/') ? file : `/${file}`, got.body!, false);
  const saved = quiet ? '' : `saving to '${file}'\n${progressLine(file, got.body!.length)}'${file}' saved\n`;
  return { stdout: '', stderr: connecting + saved, status: 0 };
}

/** curl URL (-s silences errors' progress; body on stdout). */
function curl(view: ClusterView, pod: Pod, session: Session, argv: readonly string[]): CommandResult {
  const urlArg = argv.filter((a) => !a.startsWith('-')).pop();
  const url = urlArg === undefined ? undefined : parseUrl(urlArg);
  if (url === undefined) return { stdout: '', stderr: 'curl: try \'curl --help\' for more information\n', status: 2 };
  const got = fetch(view, pod, 'curl', argv, url, session);
  if (got.r.result !== 'ok') return { stdout: '', ...asSh(curlFailure(got.r, url.host, url.port)) };
  return { stdout: got.body!, stderr: '', status: 0 };
}

function asSh(f: { stderr: string; exitCode: number }): { stderr: string; status: number } {
  return { stderr: f.stderr, status: f.exitCode };
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
  return phrases[status] ?? 'Error';
}

registerNetCommands((view, pod) => {
  const access = view.table('access');
  const session: Session = { state: ProxyState.of(view.table('proxy')), turn: 0, access: new AccessRecorder((uid) => access.get(uid)) };
  return {
    commands: {
      wget: (argv, io) => wget(view, pod, session, argv, io),
      curl: (argv) => curl(view, pod, session, argv),
      nslookup: (argv) => {
        const name = argv.filter((a) => !a.startsWith('-'))[0];
        if (name === undefined) return { stdout: '', stderr: 'BusyBox v1.28.4 multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n', status: 1 };
        const out = nslookup(view, pod, name);
        return { stdout: out.stdout, stderr: out.stderr, status: out.exitCode };
      },
    },
    changes: () => [...session.state.changes(), ...session.access.changes()],
  };
});
