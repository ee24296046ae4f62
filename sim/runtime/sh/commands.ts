import type { Env, ShIo } from './interp';
import { normalizePath } from '../fs';

// The commands a busybox-like image offers, with busybox's messages. Each is instantaneous and
// pure over (argv, stdin, env, file system); `sleep`, `exit`, `cd`, `export` live in interp.ts
// because they change the shell itself. wget/curl/nslookup go to io.net (sim/network fills it).

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

interface Ctx { readonly env: Env; readonly stdin: string; readonly io: ShIo }
type Command = (args: readonly string[], ctx: Ctx) => CommandResult;

const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', status: 0 });
const fail = (stderr: string, status = 1, stdout = ''): CommandResult => ({ stdout, stderr, status });

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** busybox `date`: "Wed Jan  1 00:00:30 UTC 2025". */
export function busyboxDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function flags(args: readonly string[]): { f: Set<string>; rest: string[] } {
  const f = new Set<string>();
  const rest: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') { done = true; continue; }
    if (!done && a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) for (const c of a.slice(1)) f.add(c);
    else rest.push(a);
  }
  return { f, rest };
}

function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

function countArg(args: readonly string[], dflt: number): { n: number; files: string[] } {
  let n = dflt;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n') n = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else files.push(a);
  }
  return { n, files };
}

function readInputs(name: string, files: readonly string[], ctx: Ctx): { text: string; err: string } {
  if (files.length === 0) return { text: ctx.stdin, err: '' };
  let text = '';
  let err = '';
  for (const f of files) {
    if (f === '-') { text += ctx.stdin; continue; }
    const path = normalizePath(f, ctx.env.PWD);
    const st = ctx.io.fs.stat(path);
    if (st === 'dir') { err += `${name}: read error: Is a directory\n`; continue; }
    const data = ctx.io.fs.read(path);
    if (data === undefined) err += `${name}: can't open '${f}': No such file or directory\n`;
    else text += data;
  }
  return { text, err };
}

function test(args: readonly string[], ctx: Ctx): boolean {
  const a = [...args];
  if (a[0] === '!') return !test(a.slice(1), ctx);
  const andIdx = a.indexOf('-a');
  if (andIdx > 0) return test(a.slice(0, andIdx), ctx) && test(a.slice(andIdx + 1), ctx);
  const orIdx = a.indexOf('-o');
  if (orIdx > 0) return test(a.slice(0, orIdx), ctx) || test(a.slice(orIdx + 1), ctx);
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    const path = normalizePath(a[1], ctx.env.PWD);
    const st = ctx.io.fs.stat(path);
    switch (a[0]) {
      case '-f': return st === 'file';
      case '-d': return st === 'dir';
      case '-e': case '-r': case '-w': return st !== undefined;
      case '-s': return st === 'file' && (ctx.io.fs.read(path) ?? '') !== '';
      case '-x': return st === 'dir';
      case '-z': return a[1] === '';
      case '-n': return a[1] !== '';
      default: return false;
    }
  }
  const [l, op, r] = a;
  switch (op) {
    case '=': case '==': return l === r;
    case '!=': return l !== r;
    case '-eq': return Number(l) === Number(r);
    case '-ne': return Number(l) !== Number(r);
    case '-gt': return Number(l) > Number(r);
    case '-ge': return Number(l) >= Number(r);
    case '-lt': return Number(l) < Number(r);
    case '-le': return Number(l) <= Number(r);
    default: return false;
  }
}

function envText(env: Env): string {
  return Object.entries(env).filter(([k]) => !k.startsWith('__')).map(([k, v]) => `${k}=${v}\n`).join('');
}

/** cp/mv/ln of files and directories (ln copies: the simulator has no links). */
function copyOrMove(name: string, args: readonly string[], ctx: Ctx, move: boolean): CommandResult {
  const { rest } = flags(args);
  if (rest.length < 2) return fail(`${name}: missing file operand\n`);
  const dest = normalizePath(rest[rest.length - 1], ctx.env.PWD);
  const fs = ctx.io.fs;
  let err = '';
  for (const src of rest.slice(0, -1)) {
    const from = normalizePath(src, ctx.env.PWD);
    const st = fs.stat(from);
    if (st === undefined) { err += `${name}: can't stat '${src}': No such file or directory\n`; continue; }
    const to = fs.stat(dest) === 'dir' ? normalizePath(`${dest}/${from.split('/').pop()}`) : dest;
    if (st === 'file') fs.write(to, fs.read(from) ?? '', false);
    else {
      const copyDir = (a: string, b: string): void => {
        fs.mkdir(b);
        for (const n of fs.list(a)) {
          const sa = `${a}/${n}`;
          if (fs.stat(sa) === 'dir') copyDir(sa, `${b}/${n}`);
          else fs.write(`${b}/${n}`, fs.read(sa) ?? '', false);
        }
      };
      copyDir(from, to);
    }
    if (move) fs.remove(from);
  }
  return err ? fail(err) : ok();
}

const COMMANDS: Record<string, Command> = {
  true: () => ok(),
  ':': () => ok(),
  false: () => fail('', 1),
  echo: (args) => {
    let a = args;
    let newline = true;
    while (a[0] === '-n' || a[0] === '-e' || a[0] === '-ne' || a[0] === '-en') { if (a[0].includes('n')) newline = false; a = a.slice(1); }
    return ok(a.join(' ') + (newline ? '\n' : ''));
  },
  printf: (args) => {
    const [fmt = '', ...rest] = args;
    let i = 0;
    const out = fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%[sd%]/g, (m) => (m === '%%' ? '%' : rest[i++] ?? ''));
    return ok(out);
  },
  touch: (args, ctx) => {
    let err = '';
    for (const f of flags(args).rest) {
      const path = normalizePath(f, ctx.env.PWD);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      if (ctx.io.fs.stat(parent) !== 'dir') { err += `touch: ${f}: No such file or directory\n`; continue; }
      if (ctx.io.fs.isReadOnly(path)) { err += `touch: ${f}: Read-only file system\n`; continue; }
      if (ctx.io.fs.stat(path) === undefined) ctx.io.fs.write(path, '', false);
    }
    return err ? fail(err) : ok();
  },
  rm: (args, ctx) => {
    const { f, rest } = flags(args);
    let err = '';
    for (const name of rest) {
      const path = normalizePath(name, ctx.env.PWD);
      const st = ctx.io.fs.stat(path);
      if (st === undefined) { if (!f.has('f')) err += `rm: can't remove '${name}': No such file or directory\n`; continue; }
      if (st === 'dir' && !f.has('r') && !f.has('R')) { err += `rm: '${name}' is a directory\n`; continue; }
      if (ctx.io.fs.isReadOnly(path)) { err += `rm: can't remove '${name}': Read-only file system\n`; continue; }
      ctx.io.fs.remove(path);
    }
    return err ? fail(err) : ok();
  },
  mkdir: (args, ctx) => {
    const { f, rest } = flags(args);
    let err = '';
    for (const name of rest) {
      const path = normalizePath(name, ctx.env.PWD);
      const st = ctx.io.fs.stat(path);
      if (st !== undefined) { if (!f.has('p')) err += `mkdir: can't create directory '${name}': File exists\n`; continue; }
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      if (ctx.io.fs.isReadOnly(path)) { err += `mkdir: can't create directory '${name}': Read-only file system\n`; continue; }
      if (!f.has('p') && ctx.io.fs.stat(parent) !== 'dir') { err += `mkdir: can't create directory '${name}': No such file or directory\n`; continue; }
      if (f.has('p')) {
        let p = '';
        for (const seg of path.split('/').slice(1)) { p += `/${seg}`; if (ctx.io.fs.stat(p) === undefined) ctx.io.fs.mkdir(p); }
      } else ctx.io.fs.mkdir(path);
    }
    return err ? fail(err) : ok();
  },
  cat: (args, ctx) => {
    const { text, err } = readInputs('cat', flags(args).rest, ctx);
    return err ? fail(err, 1, text) : ok(text);
  },
  ls: (args, ctx) => {
    const { f, rest } = flags(args);
    const targets = rest.length ? rest : ['.'];
    let out = '';
    let err = '';
    for (const t of targets) {
      const path = normalizePath(t, ctx.env.PWD);
      const st = ctx.io.fs.stat(path);
      if (st === undefined) { err += `ls: ${t}: No such file or directory\n`; continue; }
      if (st === 'file') { out += `${t}\n`; continue; }
      if (targets.length > 1) out += `${t}:\n`;
      const names = ctx.io.fs.list(path).filter((n) => f.has('a') || !n.startsWith('.'));
      out += names.map((n) => `${n}\n`).join('');
    }
    return err ? fail(err, 1, out) : ok(out);
  },
  cp: (args, ctx) => copyOrMove('cp', args, ctx, false),
  mv: (args, ctx) => copyOrMove('mv', args, ctx, true),
  chmod: () => ok(),
  chown: () => ok(),
  ln: (args, ctx) => copyOrMove('ln', args.filter((a) => a !== '-s' && a !== '-sf'), ctx, false),
  sync: () => ok(),
  test: (args, ctx) => (test(args, ctx) ? ok() : fail('', 1)),
  '[': (args, ctx) => {
    if (args[args.length - 1] !== ']') return fail('[: missing ]\n', 2);
    return test(args.slice(0, -1), ctx) ? ok() : fail('', 1);
  },
  date: (_args, ctx) => ok(`${busyboxDate(ctx.io.epochMs + ctx.io.nowMs)}\n`),
  hostname: (_args, ctx) => ok(`${ctx.io.hostname}\n`),
  printenv: (args, ctx) => {
    if (args.length === 0) return ok(envText(ctx.env));
    const vals = args.map((a) => ctx.env[a]);
    return vals.every((v) => v !== undefined) ? ok(vals.map((v) => `${v}\n`).join('')) : fail('', 1, vals.filter((v) => v !== undefined).map((v) => `${v}\n`).join(''));
  },
  env: (_args, ctx) => ok(envText(ctx.env)),
  pwd: (_args, ctx) => ok(`${ctx.env.PWD ?? '/'}\n`),
  whoami: () => ok('root\n'),
  id: () => ok('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n'),
  head: (args, ctx) => {
    const { n, files } = countArg(args, 10);
    const { text, err } = readInputs('head', files, ctx);
    const out = lines(text).slice(0, n).map((l) => `${l}\n`).join('');
    return err ? fail(err, 1, out) : ok(out);
  },
  tail: (args, ctx) => {
    const { n, files } = countArg(args.filter((a) => a !== '-f'), 10);
    const { text, err } = readInputs('tail', files, ctx);
    const all = lines(text);
    const out = (n === 0 ? [] : all.slice(-n)).map((l) => `${l}\n`).join('');
    return err ? fail(err, 1, out) : ok(out);
  },
  wc: (args, ctx) => {
    const { f, rest } = flags(args);
    const { text, err } = readInputs('wc', rest, ctx);
    const nl = (text.match(/\n/g) ?? []).length;
    const words = text.split(/\s+/).filter((w) => w !== '').length;
    const suffix = rest.length === 1 ? ` ${rest[0]}` : '';
    let out: string;
    if (f.has('l')) out = `${nl}${suffix}\n`;
    else if (f.has('w')) out = `${words}${suffix}\n`;
    else if (f.has('c')) out = `${Buffer.byteLength(text)}${suffix}\n`;
    else out = `${String(nl).padStart(7)} ${String(words).padStart(7)} ${String(Buffer.byteLength(text)).padStart(7)}${suffix}\n`;
    return err ? fail(err, 1, out) : ok(out);
  },
  grep: (args, ctx) => {
    const { f, rest } = flags(args);
    const [pattern, ...files] = rest;
    if (pattern === undefined) return fail('BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n', 2);
    const { text, err } = readInputs('grep', files, ctx);
    let re: RegExp;
    try { re = new RegExp(f.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern, f.has('i') ? 'i' : ''); } catch { re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')); }
    const hits = lines(text).filter((l) => re.test(l) !== f.has('v'));
    const out = f.has('q') ? '' : f.has('c') ? `${hits.length}\n` : hits.map((l) => `${l}\n`).join('');
    if (err) return fail(err, 2, out);
    return hits.length > 0 ? ok(out) : fail('', 1, out);
  },
  seq: (args) => {
    const nums = args.map(Number);
    const [first, last] = nums.length === 1 ? [1, nums[0]] : [nums[0], nums[nums.length - 1]];
    const step = nums.length === 3 ? nums[1] : 1;
    let out = '';
    for (let i = first, k = 0; step > 0 ? i <= last : i >= last; i += step, k++) { if (k > 100_000) break; out += `${i}\n`; }
    return ok(out);
  },
  expr: (args) => {
    const [l, op, r] = args;
    const a = Number(l);
    const b = Number(r);
    const v = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? Math.trunc(a / b) : op === '%' ? a % b : NaN;
    return Number.isNaN(v) ? fail('expr: syntax error\n', 2) : { stdout: `${v}\n`, stderr: '', status: v === 0 ? 1 : 0 };
  },
  basename: (args) => ok(`${(args[0] ?? '').replace(/\/+$/, '').split('/').pop()}\n`),
  dirname: (args) => ok(`${(args[0] ?? '').replace(/\/[^/]*$/, '') || '/'}\n`),
  uname: (args) => ok(args.includes('-a') ? 'Linux pod 6.8.0 #1 SMP x86_64 GNU/Linux\n' : 'Linux\n'),
  kill: () => ok(),
  trap: () => ok(),
  wait: () => ok(),
  read: () => fail('', 1),
  // busybox sysctl -w k=v: a privileged container sets a kernel parameter and echoes it.
  sysctl: (args) => {
    const settings = args.filter((a) => !a.startsWith('-'));
    if (!args.includes('-w')) return ok(settings.map((k) => `${k} = 0\n`).join(''));
    return ok(settings.map((kv) => `${kv.replace('=', ' = ')}\n`).join(''));
  },
};

const NET_COMMANDS: Record<string, (args: readonly string[]) => CommandResult> = {
  wget: (args) => {
    const url = args.filter((a) => !a.startsWith('-')).pop() ?? '';
    const host = url.replace(/^[a-z]+:\/\//, '').split(/[/:]/)[0];
    return fail(`wget: bad address '${host}'\n`);
  },
  curl: (args) => {
    const url = args.filter((a) => !a.startsWith('-')).pop() ?? '';
    const host = url.replace(/^[a-z]+:\/\//, '').split(/[/:]/)[0];
    return fail(`curl: (6) Could not resolve host: ${host}\n`, 6);
  },
  nslookup: () => fail(';; connection timed out; no servers could be reached\n\n', 1),
  ping: (args) => fail(`ping: bad address '${args[args.length - 1] ?? ''}'\n`),
};

/** Runs one command (by name or path: /bin/cat works like cat). Unknown: `sh: x: not found`, 127. */
export function runCommand(argv: readonly string[], ctx: Ctx): CommandResult {
  const name = argv[0].replace(/^\/(?:usr\/)?s?bin\//, '');
  const args = argv.slice(1);
  const net = ctx.io.net?.[name];
  if (net !== undefined) return net(args, ctx.io);
  const fallback = NET_COMMANDS[name];
  if (fallback !== undefined) return fallback(args);
  const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (cmd === undefined) return fail(`sh: ${argv[0]}: not found\n`, 127);
  return cmd(args, ctx);
}

/** Whether a command only reads (for probes whose result cannot change while nothing else does). */
export const READ_ONLY_COMMANDS: ReadonlySet<string> = new Set(['sync', 'true', ':', 'false', 'echo', 'printf', 'cat', 'ls', 'test', '[', 'hostname', 'printenv', 'env', 'pwd', 'whoami', 'id', 'head', 'tail', 'wc', 'grep', 'basename', 'dirname', 'uname', 'exit', 'expr', 'seq']);

export function isKnownCommand(name: string): boolean {
  const n = name.replace(/^\/(?:usr\/)?s?bin\//, '');
  return Object.prototype.hasOwnProperty.call(COMMANDS, n) || n in NET_COMMANDS || ['sleep', 'exit', 'cd', 'export', 'unset'].includes(n);
}
