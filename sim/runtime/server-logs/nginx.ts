import type { AccessEntry } from '../access-log';
import { atLeast, releaseOf, releaseText, type Release } from './release';
import { commonLogTime, nginxErrorLogTime } from './time-formats';
import type { ServerLog, ServerLogContext } from './types';

// The official nginx image (nginxinc/docker-nginx). Since 1.19.0 its ENTRYPOINT,
// /docker-entrypoint.sh, reports on stdout the /docker-entrypoint.d/ scripts it runs before it
// execs `nginx -g 'daemon off;'`, unless NGINX_ENTRYPOINT_QUIET_LOGS is set or the command is not
// nginx. nginx's error log is /dev/stderr, at level `notice` in the packaged nginx.conf of the
// later releases (1.21 on, as far as we know; `warn` before, which prints nothing at start), so the
// master (pid 1) reports its event method, version, compiler, kernel, file limit and workers.
// The access log is /dev/stdout, in the packaged `main` format:
//   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"

const LAST_PATCH: Readonly<Record<string, string>> = {
  '1.29': '1.29.3', '1.28': '1.28.0', '1.27': '1.27.5', '1.26': '1.26.3', '1.25': '1.25.5', '1.24': '1.24.0',
  '1.23': '1.23.4', '1.22': '1.22.1', '1.21': '1.21.6', '1.20': '1.20.2', '1.19': '1.19.10', '1.18': '1.18.0',
  '1.17': '1.17.10', '1.16': '1.16.1', '1.15': '1.15.12', '1.14': '1.14.2', '1.13': '1.13.12',
};
const NAMED: Readonly<Record<string, string>> = { latest: '1.29.3', mainline: '1.29.3', stable: '1.28.0' };

export function nginxRelease(tag: string): Release {
  return releaseOf(tag, LAST_PATCH, NAMED);
}

/** The compiler of the Debian base each release was built on (`gcc -v`'s version keeps its trailing space). */
function compiler(v: Release): string {
  if (atLeast(v, '1.29.1')) return 'gcc 14.2.0 (Debian 14.2.0-19) ';
  if (atLeast(v, '1.25.0')) return 'gcc 12.2.0 (Debian 12.2.0-14) ';
  return 'gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
}

/** The master's first worker pid: pid 1 is the entrypoint (then nginx); its scripts' subprocesses took the pids before. */
const FIRST_WORKER_PID = 29;

const NGINX = /^(?:\/usr\/sbin\/)?nginx(?:-debug)?$/;

/** What runs: the entrypoint with nginx (no command; args, if any, start with nginx), nginx itself (a command replacing the entrypoint), or something else. */
function whatRuns(ctx: ServerLogContext): 'entrypoint' | 'nginx' | 'other' {
  if (ctx.command !== undefined && ctx.command.length > 0) return NGINX.test(ctx.command[0]) ? 'nginx' : 'other';
  return ctx.args === undefined || ctx.args.length === 0 || ctx.args[0] === 'nginx' || ctx.args[0] === 'nginx-debug' ? 'entrypoint' : 'other';
}

const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';

/**
 * 10-listen-on-ipv6-by-default.sh: adds `listen [::]:80;` to the packaged default.conf, and says
 * why not when the file is missing, read-only (a ConfigMap's), already changed or not the
 * packaged one. Before 1.21 its messages had no `info:` and its refusals an `error:` (and "packages").
 */
function ipv6ScriptLines(v: Release, ctx: ServerLogContext): string[] {
  const me = '10-listen-on-ipv6-by-default.sh';
  const modern = atLeast(v, '1.21.0');
  const info = modern ? 'info: ' : '';
  const refusal = modern ? 'info: ' : 'error: ';
  const f = ctx.file(DEFAULT_CONF);
  if (f.from === 'absent') return [`${me}: ${refusal}${DEFAULT_CONF} is not a file or does not exist`];
  if (f.from === 'volume' && !f.writable) return [`${me}: ${refusal}can not modify ${DEFAULT_CONF} (read-only file system?)`];
  if (f.from === 'volume' && /listen {2}\[::\]:80;/.test(f.text)) return [`${me}: ${info}IPv6 listen already enabled`];
  const checksum = `${me}: ${info}Getting the checksum of ${DEFAULT_CONF}`;
  if (f.from === 'volume') return [checksum, `${me}: ${refusal}${DEFAULT_CONF} differs from the ${modern ? 'packaged' : 'packages'} version`];
  return [checksum, `${me}: ${info}Enabled listen on IPv6 in ${DEFAULT_CONF}`];
}

function entrypointLines(v: Release, ctx: ServerLogContext): string[] {
  const me = '/docker-entrypoint.sh';
  const lines = [
    `${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${me}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${me}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
    ...ipv6ScriptLines(v, ctx),
  ];
  if (atLeast(v, '1.25.3')) lines.push(`${me}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`);
  lines.push(`${me}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`);
  if (atLeast(v, '1.20.0')) lines.push(`${me}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`);
  lines.push(`${me}: Configuration complete; ready for start up`);
  return lines;
}

function noticeLines(v: Release, ctx: ServerLogContext): string[] {
  const at = nginxErrorLogTime(ctx.epochMs + ctx.startedMs);
  const notice = (text: string) => `${at} [notice] 1#1: ${text}`;
  const lines = [
    notice('using the "epoll" event method'), notice(`nginx/${releaseText(v)}`), notice(`built by ${compiler(v)}`),
    notice(`OS: Linux ${ctx.kernel}`), notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'), notice('start worker processes'),
  ];
  for (let i = 0; i < Math.max(1, ctx.nodeCpus); i++) lines.push(notice(`start worker process ${FIRST_WORKER_PID + i}`));
  return lines;
}

/**
 * STOPSIGNAL SIGQUIT (the image's, since 1.19): a graceful shutdown. The master signals its
 * workers, each finishes and exits, the master reaps them and exits; the real interleaving of the
 * workers' lines varies from run to run, here it is one worker after another.
 */
function stopLines(ctx: ServerLogContext, atMs: number): string[] {
  const at = nginxErrorLogTime(ctx.epochMs + atMs);
  const workers = Array.from({ length: Math.max(1, ctx.nodeCpus) }, (_, i) => FIRST_WORKER_PID + i);
  const lines = [`${at} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`];
  for (const w of workers) lines.push(`${at} [notice] ${w}#${w}: gracefully shutting down`, `${at} [notice] ${w}#${w}: exiting`, `${at} [notice] ${w}#${w}: exit`);
  workers.forEach((w, i) => {
    lines.push(`${at} [notice] 1#1: signal 17 (SIGCHLD) received from ${w}`, `${at} [notice] 1#1: worker process ${w} exited with code 0`);
    if (i < workers.length - 1) lines.push(`${at} [notice] 1#1: signal 29 (SIGIO) received`);
  });
  lines.push(`${at} [notice] 1#1: exit`);
  return lines;
}

export const nginxLog: ServerLog = {
  stop(ctx, atMs) {
    return whatRuns(ctx) !== 'other' && atLeast(nginxRelease(ctx.tag), '1.21.0') ? stopLines(ctx, atMs) : [];
  },
  start(ctx) {
    const runs = whatRuns(ctx);
    if (runs === 'other') return [];
    const v = nginxRelease(ctx.tag);
    const quiet = runs === 'nginx' || !atLeast(v, '1.19.0') || (ctx.env('NGINX_ENTRYPOINT_QUIET_LOGS') ?? '') !== '';
    return [...(quiet ? [] : entrypointLines(v, ctx)), ...(atLeast(v, '1.21.0') ? noticeLines(v, ctx) : [])];
  },
  access(e: AccessEntry, ctx) {
    return `${e.client} - - [${commonLogTime(ctx.epochMs + e.tMs)}] "${e.method} ${e.path} HTTP/1.1" ${e.status} ${e.bytes} "-" "${e.userAgent}" "-"`;
  },
};
