import type { Container, Probe } from '../../api/types';
import type { ProbeResult } from '../types';
import type { Answer } from '../../runtime/process';
import { parseSh, ShSyntaxError } from '../../runtime/sh/parse';
import { READ_ONLY_COMMANDS } from '../../runtime/sh/commands';
import type { Node, Word } from '../../runtime/sh/ast';

// The probe handlers (pkg/probe/{exec,http,tcp}), over the simulated container, with the
// messages the kubelet puts into the Unhealthy event.

export interface ProbeTarget {
  readonly podIP: string;
  exec(argv: readonly string[], timeoutMs: number): { status: number; output: string; timedOut: boolean };
  http(port: number, path: string): Answer;
  tcp(port: number): boolean;
}

export function resolvePort(c: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Runs a probe once: the result and, on failure, the message after "Liveness probe failed: ". */
export function runProbe(p: Probe, c: Container, target: ProbeTarget): { result: ProbeResult; message: string } {
  if (p.exec !== undefined) {
    const cmd = p.exec.command;
    const timeoutMs = Math.max(1, p.timeoutSeconds ?? 1) * 1000;
    const r = target.exec(cmd, timeoutMs);
    // pkg/probe/exec: timeout is a failure since ExecProbeTimeout (GA 1.20)
    if (r.timedOut) return { result: 'Failure', message: `command ${JSON.stringify(cmd.join(' '))} timed out` };
    return r.status === 0 ? { result: 'Success', message: '' } : { result: 'Failure', message: r.output.replace(/\n$/, '') };
  }
  if (p.httpGet !== undefined) {
    const port = resolvePort(c, p.httpGet.port);
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = p.httpGet.path ?? '/';
    const url = `${scheme}://${target.podIP}:${port ?? p.httpGet.port}${path.startsWith('/') ? path : `/${path}`}`;
    const a = port === undefined ? { refused: true as const } : target.http(port, path);
    if ('refused' in a) return { result: 'Failure', message: `Get "${url}": dial tcp ${target.podIP}:${port ?? p.httpGet.port}: connect: connection refused` };
    // pkg/probe/http DoHTTPProbe: 200 <= status < 400
    if (a.status >= 200 && a.status < 400) return { result: 'Success', message: '' };
    return { result: 'Failure', message: `HTTP probe failed with statuscode: ${a.status}` };
  }
  if (p.tcpSocket !== undefined) {
    const port = resolvePort(c, p.tcpSocket.port);
    if (port !== undefined && target.tcp(port)) return { result: 'Success', message: '' };
    return { result: 'Failure', message: `dial tcp ${target.podIP}:${port ?? p.tcpSocket.port}: connect: connection refused` };
  }
  return { result: 'Success', message: '' };
}

const pureCache = new Map<string, boolean>();

/** Whether a probe's result depends only on state that changes at kubelet-visible instants (no writes, no clock). */
const pureByProbe = new WeakMap<Probe, boolean>();

export function isPureProbe(p: Probe): boolean {
  if (p.exec === undefined) return true;
  const known = pureByProbe.get(p);
  if (known !== undefined) return known;
  const v = isPureUncached(p as Probe & { exec: { command: readonly string[] } });
  pureByProbe.set(p, v);
  return v;
}

function isPureUncached(p: Probe & { exec: { command: readonly string[] } }): boolean {
  const key = JSON.stringify(p.exec.command);
  let v = pureCache.get(key);
  if (v === undefined) {
    v = pureArgv(p.exec.command);
    if (pureCache.size > 10_000) pureCache.clear();
    pureCache.set(key, v);
  }
  return v;
}

function pureArgv(argv: readonly string[]): boolean {
  if (argv.length === 0) return true;
  const name = argv[0].replace(/^\/(?:usr\/)?s?bin\//, '');
  if (['sh', 'ash', 'bash'].includes(name)) {
    const i = argv.indexOf('-c');
    if (i < 0 || argv[i + 1] === undefined) return true;
    try { return pureNode(parseSh(argv[i + 1])); } catch (e) { if (e instanceof ShSyntaxError) return true; throw e; }
  }
  return READ_ONLY_COMMANDS.has(name);
}

function pureWord(w: Word): boolean {
  return w.every((p) => p.k === 'lit' || (p.k === 'var' && p.name !== 'RANDOM') || (p.k === 'sub' && pureNode(p.prog)));
}

function pureNode(n: Node): boolean {
  switch (n.t) {
    case 'cmd': {
      if (n.redirs.some((r) => r.op === '>' || r.op === '>>')) {
        if (!n.redirs.every((r) => r.op === '<' || r.op === '>&' || (r.target.length === 1 && r.target[0].k === 'lit' && r.target[0].s === '/dev/null'))) return false;
      }
      if (!n.words.every(pureWord)) return false;
      if (n.words.length === 0) return true;
      const first = n.words[0];
      if (first.length !== 1 || first[0].k !== 'lit') return false;
      const name = first[0].s.replace(/^\/(?:usr\/)?s?bin\//, '');
      if (['sh', 'ash', 'bash'].includes(name)) {
        const args = n.words.map((w) => (w.length === 1 && w[0].k === 'lit' ? w[0].s : undefined));
        return args.every((a) => a !== undefined) && pureArgv(args as string[]);
      }
      return READ_ONLY_COMMANDS.has(name);
    }
    case 'pipe': return n.cmds.every(pureNode);
    case 'and': case 'or': return pureNode(n.left) && pureNode(n.right);
    case 'not': return pureNode(n.body);
    case 'seq': return n.items.every(pureNode);
    case 'while': return false;
    case 'for': return pureNode(n.body);
    case 'if': return pureNode(n.cond) && pureNode(n.then) && (n.else === undefined || pureNode(n.else));
    case 'group': return pureNode(n.body);
  }
}
