import type { Node, Word } from './ast';
import { literalCommand } from './ast';
import { parseSh, ShSyntaxError } from './parse';
import { runCommand, type CommandResult } from './commands';
import type { Vfs } from '../fs';
import { normalizePath } from '../fs';

// A resumable sh process with virtual time. The whole process state (continuation stack,
// environment, last status) is an immutable value, so it can live in a snapshot: `runSh` runs it
// until it blocks in `sleep` (wakeMs) or exits (exitCode), never longer than STEP_BUDGET steps.
// Commands are instantaneous; only `sleep` takes (virtual) time.

export type Env = Readonly<Record<string, string>>;

/** A continuation frame: what to do once the current node finished (with $? set). */
type Frame =
  | { readonly f: 'exec'; readonly node: Node }
  | { readonly f: 'and'; readonly right: Node }
  | { readonly f: 'or'; readonly right: Node }
  | { readonly f: 'not' }
  | { readonly f: 'whileTest'; readonly node: Node & { t: 'while' } }
  | { readonly f: 'whileBody'; readonly node: Node & { t: 'while' } }
  | { readonly f: 'for'; readonly node: Node & { t: 'for' }; readonly values: readonly string[]; readonly i: number }
  | { readonly f: 'ifTest'; readonly node: Node & { t: 'if' } }
  | { readonly f: 'subshell'; readonly env: Env };

interface Stack { readonly top: Frame; readonly rest: Stack | undefined }

export interface ShProcess {
  readonly stack: Stack | undefined;
  readonly env: Env;
  readonly status: number;
  /** Blocked in sleep until this virtual time (Infinity: forever, e.g. `sleep infinity` or a busy loop). */
  readonly wakeMs?: number;
  /** Set once the process ended. */
  readonly exitCode?: number;
  /** Why the simulator stopped stepping it (a loop that never sleeps). */
  readonly note?: string;
  /** The script ran the image's server binary (`exec nginx -g 'daemon off;'`): it now serves, forever. */
  readonly server?: boolean;
}

/** Network commands (wget, curl, nslookup) are delegated: sim/network fills these in. */
export type NetCommand = (argv: readonly string[], io: ShIo) => CommandResult;

export interface ShIo {
  readonly nowMs: number;
  readonly epochMs: number;
  readonly fs: Vfs;
  readonly hostname: string;
  /** Output that is not redirected: the container log (or an exec's stdout/stderr). */
  out(fd: 1 | 2, text: string): void;
  readonly net?: Readonly<Record<string, NetCommand>>;
  /** Commands that start the image's long-running server (nginx, httpd-foreground, an unknown app binary). */
  readonly isServer?: (command: string) => boolean;
}

/** Steps one run may take without sleeping; beyond it the process counts as busy-looping. */
export const STEP_BUDGET = 100_000;

export function startSh(script: string, env: Env): ShProcess {
  let node: Node;
  try {
    node = parseSh(script);
  } catch (e) {
    if (e instanceof ShSyntaxError) {
      return { stack: { top: { f: 'exec', node: literalCommand(['__syntax_error__', e.message]) }, rest: undefined }, env, status: 0 };
    }
    throw e;
  }
  return startNode(node, env);
}

export function startNode(node: Node, env: Env): ShProcess {
  return { stack: { top: { f: 'exec', node }, rest: undefined }, env, status: 0 };
}

/** Runs a process from its current state until it blocks or exits. Returns the new state. */
export function runSh(proc: ShProcess, io: ShIo, budget = STEP_BUDGET): ShProcess {
  if (proc.exitCode !== undefined) return proc;
  if (proc.wakeMs !== undefined && proc.wakeMs > io.nowMs) return proc;
  let stack = proc.stack;
  let env = proc.env;
  let status = proc.status;
  for (let steps = 0; steps < budget; steps++) {
    if (stack === undefined) return { stack, env, status, exitCode: status };
    const fr = stack.top;
    stack = stack.rest;
    switch (fr.f) {
      case 'exec': {
        const node = fr.node;
        switch (node.t) {
          case 'cmd': {
            const before = env;
            const r = execSimple(node, env, status, io);
            env = r.env;
            status = r.status;
            if (r.exit !== undefined) {
              // `exit` ends the innermost subshell, or the process.
              let s = stack;
              while (s !== undefined && s.top.f !== 'subshell') s = s.rest;
              if (s === undefined) return { stack: undefined, env, status: r.exit, exitCode: r.exit };
              env = (s.top as { env: Env }).env;
              status = r.exit;
              stack = s.rest;
              break;
            }
            if (r.push !== undefined) stack = { top: { f: 'exec', node: r.push }, rest: { top: { f: 'subshell', env: before }, rest: stack } };
            if (r.replace !== undefined) stack = { top: { f: 'exec', node: r.replace }, rest: { top: { f: 'exec', node: literalCommand(['exit']) }, rest: stack } };
            if (r.server === true) return { stack, env, status, wakeMs: Infinity, server: true };
            if (r.sleepMs !== undefined) {
              return { stack, env, status, wakeMs: io.nowMs + r.sleepMs };
            }
            break;
          }
          case 'pipe': {
            let input = '';
            for (let i = 0; i < node.cmds.length; i++) {
              const last = i === node.cmds.length - 1;
              const r = runSync(node.cmds[i], env, status, io, input, !last);
              input = r.stdout;
              status = r.status;
            }
            break;
          }
          case 'seq':
            for (let i = node.items.length - 1; i >= 0; i--) stack = { top: { f: 'exec', node: node.items[i] }, rest: stack };
            if (node.items.length === 0) status = 0;
            break;
          case 'and': stack = { top: { f: 'exec', node: node.left }, rest: { top: { f: 'and', right: node.right }, rest: stack } }; break;
          case 'or': stack = { top: { f: 'exec', node: node.left }, rest: { top: { f: 'or', right: node.right }, rest: stack } }; break;
          case 'not': stack = { top: { f: 'exec', node: node.body }, rest: { top: { f: 'not' }, rest: stack } }; break;
          case 'while':
            status = 0;
            stack = { top: { f: 'exec', node: node.cond }, rest: { top: { f: 'whileTest', node }, rest: stack } };
            break;
          case 'for': {
            const values = node.words === undefined ? [] : node.words.flatMap((w) => expandWord(w, env, status, io));
            stack = { top: { f: 'for', node, values, i: 0 }, rest: stack };
            status = 0;
            break;
          }
          case 'if': stack = { top: { f: 'exec', node: node.cond }, rest: { top: { f: 'ifTest', node }, rest: stack } }; break;
          case 'group':
            if (node.subshell) stack = { top: { f: 'exec', node: node.body }, rest: { top: { f: 'subshell', env }, rest: stack } };
            else stack = { top: { f: 'exec', node: node.body }, rest: stack };
            break;
        }
        break;
      }
      case 'and': if (status === 0) stack = { top: { f: 'exec', node: fr.right }, rest: stack }; break;
      case 'or': if (status !== 0) stack = { top: { f: 'exec', node: fr.right }, rest: stack }; break;
      case 'not': status = status === 0 ? 1 : 0; break;
      case 'whileTest': {
        const go = fr.node.until ? status !== 0 : status === 0;
        if (go) stack = { top: { f: 'exec', node: fr.node.body }, rest: { top: { f: 'whileBody', node: fr.node }, rest: stack } };
        else status = 0;
        break;
      }
      case 'whileBody':
        stack = { top: { f: 'exec', node: fr.node.cond }, rest: { top: { f: 'whileTest', node: fr.node }, rest: stack } };
        break;
      case 'for':
        if (fr.i < fr.values.length) {
          env = { ...env, [fr.node.name]: fr.values[fr.i] };
          stack = { top: { f: 'exec', node: fr.node.body }, rest: { top: { ...fr, i: fr.i + 1 }, rest: stack } };
        }
        break;
      case 'ifTest':
        if (status === 0) stack = { top: { f: 'exec', node: fr.node.then }, rest: stack };
        else if (fr.node.else !== undefined) stack = { top: { f: 'exec', node: fr.node.else }, rest: stack };
        else status = 0;
        break;
      case 'subshell':
        env = fr.env;
        break;
    }
  }
  // A loop that never sleeps: a real container would spin at 100% CPU forever.
  return { stack, env, status, wakeMs: Infinity, note: `sh: the simulator stopped a loop that ran ${budget} steps without sleeping; the container keeps running (busy)` };
}

/**
 * Runs a node to completion in one instant (pipeline stages, command substitution, exec probes):
 * sleeps do not block; output is captured. `maxSleepMs` bounds the total virtual sleep (probe timeouts).
 */
export function runSync(node: Node, env: Env, status: number, io: ShIo, stdin = '', capture = true, maxSleepMs = Infinity): { stdout: string; stderr: string; status: number; timedOut: boolean; env: Env } {
  let stdout = '';
  let stderr = '';
  const sub: ShIo = {
    ...io,
    out: (fd, text) => {
      if (fd === 1 && capture) stdout += text;
      else if (fd === 2 && capture) stderr += text;
      else io.out(fd, text);
    },
  };
  let proc: ShProcess = { stack: { top: { f: 'exec', node }, rest: undefined }, env: stdin !== '' ? { ...env, __STDIN__: stdin } : env, status };
  let slept = 0;
  for (let round = 0; round < 10_000; round++) {
    proc = runSh(proc, { ...sub, nowMs: io.nowMs + slept });
    if (proc.exitCode !== undefined) return { stdout, stderr, status: proc.exitCode, timedOut: false, env: proc.env };
    const wait = (proc.wakeMs ?? Infinity) - (io.nowMs + slept);
    if (!Number.isFinite(wait) || slept + wait > maxSleepMs) return { stdout, stderr, status: 1, timedOut: true, env: proc.env };
    slept += wait;
  }
  return { stdout, stderr, status: 1, timedOut: true, env: proc.env };
}

const CAT = /^(?:\/(?:usr\/)?s?bin\/)?cat$/;

/**
 * What runSync(literalCommand(argv), env, 0, io) gives when argv is `cat` with absolute file
 * operands only (an exec probe's `cat /tmp/healthy`), without the interpreter; undefined for any
 * other argv. Such a command is no builtin, reads neither env nor stdin, and writes nothing: the
 * interpreter would only hand argv to runCommand and capture its output, which this does.
 */
export function runLiteralCat(argv: readonly string[], io: ShIo): { stdout: string; stderr: string; status: number; timedOut: false } | undefined {
  if (argv.length < 2 || !CAT.test(argv[0]) || io.isServer?.(argv[0]) === true) return undefined;
  for (let i = 1; i < argv.length; i++) if (!argv[i].startsWith('/')) return undefined;
  const r = runCommand(argv, { env: NO_ENV, stdin: '', io });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, timedOut: false };
}

const NO_ENV: Env = Object.freeze({});

// ---------------------------------------------------------------- simple commands

interface SimpleResult {
  readonly env: Env;
  readonly status: number;
  readonly exit?: number;
  readonly sleepMs?: number;
  /** `sh -c script`: run this node next, as a subshell. */
  readonly push?: Node;
  /** `exec cmd`: run this next in place of the shell (then exit with its status). */
  readonly replace?: Node;
  readonly server?: boolean;
}

const SH_NAMES = new Set(['sh', '/bin/sh', 'ash', '/bin/ash', 'bash', '/bin/bash', '/usr/bin/bash', '/usr/bin/sh', '/bin/busybox']);

function execSimple(node: Node & { t: 'cmd' }, env: Env, status: number, io: ShIo): SimpleResult {
  const argv = node.words.flatMap((w) => expandWord(w, env, status, io));
  if (argv.length === 0) {
    let next = env;
    for (const [name, w] of node.assigns) next = { ...next, [name]: expandWord(w, next, status, io, false).join('') };
    return { env: next, status: 0 };
  }
  const cmdEnv = node.assigns.length === 0 ? env : node.assigns.reduce<Env>((e, [name, w]) => ({ ...e, [name]: expandWord(w, e, status, io, false).join('') }), env);
  const name = argv[0];
  // Builtins that change the shell itself.
  switch (name) {
    case 'exit': return { env, status, exit: argv[1] === undefined ? status : (Number(argv[1]) & 255) };
    case 'export': {
      let next = env;
      for (const a of argv.slice(1)) { const i = a.indexOf('='); if (i > 0) next = { ...next, [a.slice(0, i)]: a.slice(i + 1) }; }
      return { env: next, status: 0 };
    }
    case 'unset': {
      const next = { ...env };
      for (const a of argv.slice(1)) delete (next as Record<string, string>)[a];
      return { env: next, status: 0 };
    }
    case 'cd': {
      const target = normalizePath(argv[1] ?? env.HOME ?? '/', env.PWD ?? '/');
      if (io.fs.stat(target) !== 'dir') {
        io.out(2, `sh: cd: can't cd to ${argv[1]}: No such file or directory\n`);
        return { env, status: 2 };
      }
      return { env: { ...env, PWD: target }, status: 0 };
    }
    case 'sleep': {
      const ms = sleepMs(argv.slice(1));
      if (ms === undefined) {
        io.out(2, argv.length < 2 ? 'sleep: missing operand\n' : `sleep: invalid number '${argv[1]}'\n`);
        return { env, status: 1 };
      }
      return { env, status: 0, sleepMs: ms };
    }
    case 'exec':
      if (argv.length === 1) return { env, status: 0 };
      return { env, status, replace: { ...node, words: node.words.slice(1) } };
    case '__syntax_error__':
      io.out(2, `sh: ${argv[1]}\n`);
      return { env, status: 2, exit: 2 };
  }
  if (SH_NAMES.has(name) || name.endsWith('/sh')) {
    const rest = name === '/bin/busybox' && argv[1] === 'sh' ? argv.slice(2) : argv.slice(1);
    const ci = rest.indexOf('-c');
    if (ci >= 0 && rest[ci + 1] !== undefined) {
      let inner: Node;
      try { inner = parseSh(rest[ci + 1]); } catch (e) {
        if (!(e instanceof ShSyntaxError)) throw e;
        io.out(2, `sh: ${e.message}\n`);
        return { env, status: 2 };
      }
      return { env: cmdEnv, status: 0, push: inner };
    }
    return { env, status: 0 }; // an interactive shell without a tty reads EOF and exits 0
  }
  if (io.isServer?.(name) === true) return { env, status: 0, server: true };
  return withRedirections(node, argv, cmdEnv, status, io);
}

function withRedirections(node: Node & { t: 'cmd' }, argv: readonly string[], env: Env, status: number, io: ShIo): SimpleResult {
  type Target = { file: string; append: boolean } | 1 | 2;
  const fds: Record<number, Target> = { 1: 1, 2: 2 };
  let stdin = env.__STDIN__ ?? '';
  const cwd = env.PWD ?? '/';
  for (const r of node.redirs) {
    if (r.op === '>&') { fds[r.fd] = fds[r.toFd] ?? r.toFd as 1 | 2; continue; }
    const path = normalizePath(expandWord(r.target, env, status, io, false).join(''), cwd);
    if (r.op === '<') {
      const data = io.fs.read(path);
      if (data === undefined) { io.out(2, `sh: can't open ${path}: no such file\n`); return { env, status: 1 }; }
      stdin = data;
      continue;
    }
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (io.fs.stat(parent) !== 'dir') { io.out(2, `sh: can't create ${path}: nonexistent directory\n`); return { env, status: 1 }; }
    if (io.fs.stat(path) === 'dir') { io.out(2, `sh: can't create ${path}: Is a directory\n`); return { env, status: 1 }; }
    if (io.fs.isReadOnly(path)) { io.out(2, `sh: can't create ${path}: Read-only file system\n`); return { env, status: 1 }; }
    if (r.op === '>') io.fs.write(path, '', false);
    fds[r.fd] = { file: path, append: true };
  }
  const result = runCommand(argv, { env, stdin, io });
  const route = (fd: 1 | 2, text: string) => {
    if (text === '') return;
    const t = fds[fd];
    if (t === 1 || t === 2) io.out(t, text);
    else io.fs.write(t.file, text, true);
  };
  route(1, result.stdout);
  route(2, result.stderr);
  return { env, status: result.status };
}

function sleepMs(args: readonly string[]): number | undefined {
  if (args.length === 0) return undefined;
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Infinity;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's']!;
  }
  return Math.round(total);
}

// ---------------------------------------------------------------- expansion

/** Expands a word to fields: parameters, command substitution, field splitting of unquoted expansions. */
export function expandWord(word: Word, env: Env, status: number, io: ShIo, split = true): string[] {
  const fields: string[] = [];
  let cur = '';
  let hasQuoted = false;
  let started = false;
  const pushSplit = (text: string) => {
    if (!split) { cur += text; started = true; return; }
    const pieces = text.split(/[ \t\n]+/);
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) { if (started || cur !== '') fields.push(cur); cur = ''; started = false; }
      if (pieces[i] !== '') { cur += pieces[i]; started = true; }
    }
  };
  for (const part of word) {
    if (part.k === 'lit') {
      cur += part.s;
      if (part.q) hasQuoted = true;
      started = true;
      continue;
    }
    let value: string;
    if (part.k === 'var') {
      value = param(part.name, env, status, io);
      const useDefault = part.def !== undefined && (part.unsetOnly === true ? value === '' && !Object.prototype.hasOwnProperty.call(env, part.name) : value === '');
      if (useDefault) value = expandWord(part.def!, env, status, io, false).join('');
    } else {
      value = runSync(part.prog, env, status, io).stdout.replace(/\n+$/, '');
    }
    if (part.q) { cur += value; hasQuoted = true; started = true; } else pushSplit(value);
  }
  if (started || hasQuoted || cur !== '') fields.push(cur);
  return fields;
}

function param(name: string, env: Env, status: number, io: ShIo): string {
  switch (name) {
    case '?': return String(status);
    case '$': return '1';
    case '#': return '0';
    case '0': return 'sh';
    case '!': return '';
    case '@': case '*': return '';
    case 'HOSTNAME': return env.HOSTNAME ?? io.hostname;
    case 'RANDOM': return '4242';
    default: return env[name] ?? '';
  }
}
