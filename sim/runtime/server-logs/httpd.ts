import type { AccessEntry } from '../access-log';
import { atLeast, releaseOf, releaseText, type Release } from './release';
import { apacheErrorLogTime, commonLogTime } from './time-formats';
import type { ServerLog, ServerLogContext } from './types';

// The official httpd image (docker-library/httpd): CMD httpd-foreground, which execs
// `httpd -DFOREGROUND`; its httpd.conf sends ErrorLog to /proc/self/fd/2 and CustomLog to
// /proc/self/fd/1 in the `common` format (%h %l %u %t "%r" %>s %b). With no ServerName, httpd
// looks its hostname up (the Pod's /etc/hosts gives the Pod IP) and warns on each of its two
// configuration passes; then the MPM reports at notice level. httpd 2.2 (the book's 2.2.31)
// words the warning without an AH code and logs whole seconds, without module or pid fields.

const LAST_PATCH: Readonly<Record<string, string>> = { '2.4': '2.4.65', '2.2': '2.2.34' };
const NAMED: Readonly<Record<string, string>> = { latest: '2.4.65', 2: '2.4.65' };

export function httpdRelease(tag: string): Release {
  return releaseOf(tag, LAST_PATCH, NAMED);
}

/** httpd logs the Linux thread id (gettid) from 2.4.58 on (the main thread of pid 1 is 1); before, pthread_self()'s address. */
function threadId(v: Release, seed: number): string {
  if (atLeast(v, '2.4.58')) return '1';
  return String(139_600_000_000_000 + (seed % 1_000_000) * 4096);
}

function runsHttpd(ctx: ServerLogContext): boolean {
  if (ctx.command !== undefined && ctx.command.length > 0) return /(^|\/)(httpd|httpd-foreground|apachectl)$/.test(ctx.command[0]);
  return ctx.args === undefined || ctx.args.length === 0 || /(^|\/)(httpd|httpd-foreground)$/.test(ctx.args[0]);
}

function start22(v: Release, ctx: ServerLogContext): string[] {
  const warn = `httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP} for ServerName`;
  const at = apacheErrorLogTime(ctx.epochMs + ctx.startedMs);
  return [warn, warn, `[${at}] [notice] Apache/${releaseText(v)} (Unix) configured -- resuming normal operations`];
}

function start24(v: Release, ctx: ServerLogContext): string[] {
  const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP}. Set the 'ServerName' directive globally to suppress this message`;
  const at = apacheErrorLogTime(ctx.epochMs + ctx.startedMs, 100 + (ctx.instanceSeed % 900));
  const who = `[pid 1:tid ${threadId(v, ctx.instanceSeed)}]`;
  return [
    warn, warn,
    `[${at}] [mpm_event:notice] ${who} AH00489: Apache/${releaseText(v)} (Unix) configured -- resuming normal operations`,
    `[${at}] [core:notice] ${who} AH00094: Command line: 'httpd -D FOREGROUND'`,
  ];
}

export const httpdLog: ServerLog = {
  /** STOPSIGNAL SIGWINCH: graceful-stop (2.4; what httpd 2.2's image logged is not known here). */
  stop(ctx, atMs) {
    const v = httpdRelease(ctx.tag);
    if (!runsHttpd(ctx) || !atLeast(v, '2.4.0')) return [];
    const at = apacheErrorLogTime(ctx.epochMs + atMs, 100 + ((ctx.instanceSeed >>> 10) % 900));
    return [`[${at}] [mpm_event:notice] [pid 1:tid ${threadId(v, ctx.instanceSeed)}] AH00492: caught SIGWINCH, shutting down gracefully`];
  },
  start(ctx) {
    if (!runsHttpd(ctx)) return [];
    const v = httpdRelease(ctx.tag);
    return atLeast(v, '2.4.0') ? start24(v, ctx) : start22(v, ctx);
  },
  access(e: AccessEntry, ctx) {
    return `${e.client} - - [${commonLogTime(ctx.epochMs + e.tMs)}] "${e.method} ${e.path} HTTP/1.1" ${e.status} ${e.bytes === 0 ? '-' : e.bytes}`;
  },
};
