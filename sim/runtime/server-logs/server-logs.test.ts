import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessEntry } from '../access-log';
import { bootcampLog } from './bootcamp';
import { httpdLog, httpdRelease } from './httpd';
import { nginxLog, nginxRelease } from './nginx';
import { apacheErrorLogTime, commonLogTime, nginxErrorLogTime } from './time-formats';
import type { ServerLogContext } from './types';

const EPOCH = Date.parse('2026-11-29T09:19:03Z');

const ctx = (over: Partial<ServerLogContext> = {}): ServerLogContext => ({
  tag: 'latest', epochMs: EPOCH, startedMs: 0, podIP: '10.244.1.5', hostname: 'web', nodeCpus: 2,
  kernel: '6.8.0-60-generic', env: () => undefined, file: () => ({ from: 'image' }), instanceSeed: 7, ...over,
});

const entry = (over: Partial<AccessEntry> = {}): AccessEntry => ({
  tMs: 61_500, container: 0, instance: 1, client: '10.244.2.3', method: 'GET', path: '/', status: 200, bytes: 615, userAgent: 'Wget', ...over,
});

test('clocks: nginx error log, common log format, httpd 2.4 (microseconds) and 2.2', () => {
  assert.equal(nginxErrorLogTime(EPOCH), '2026/11/29 09:19:03');
  assert.equal(commonLogTime(EPOCH + 61_500), '29/Nov/2026:09:20:04 +0000');
  assert.equal(apacheErrorLogTime(EPOCH + 250, 42), 'Sun Nov 29 09:19:03.250042 2026');
  assert.equal(apacheErrorLogTime(EPOCH), 'Sun Nov 29 09:19:03 2026');
});

test('image tags to releases: exact, minor (its last patch), named and variants', () => {
  assert.deepEqual(nginxRelease('1.7.9'), [1, 7, 9]);
  assert.deepEqual(nginxRelease('1.27'), [1, 27, 5]);
  assert.deepEqual(nginxRelease('1.27-alpine'), [1, 27, 5]);
  assert.deepEqual(nginxRelease('latest'), [1, 29, 3]);
  assert.deepEqual(nginxRelease('stable'), [1, 28, 0]);
  assert.deepEqual(httpdRelease('2.2.31'), [2, 2, 31]);
  assert.deepEqual(httpdRelease('2.4'), [2, 4, 65]);
  assert.deepEqual(httpdRelease('alpine'), [2, 4, 65]);
});

test('nginx: the entrypoint, then the master notices with one worker per CPU', () => {
  const lines = nginxLog.start(ctx({ tag: '1.27' }));
  assert.deepEqual(lines, [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    '2026/11/29 09:19:03 [notice] 1#1: using the "epoll" event method',
    '2026/11/29 09:19:03 [notice] 1#1: nginx/1.27.5',
    '2026/11/29 09:19:03 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
    '2026/11/29 09:19:03 [notice] 1#1: OS: Linux 6.8.0-60-generic',
    '2026/11/29 09:19:03 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    '2026/11/29 09:19:03 [notice] 1#1: start worker processes',
    '2026/11/29 09:19:03 [notice] 1#1: start worker process 29',
    '2026/11/29 09:19:03 [notice] 1#1: start worker process 30',
  ]);
  assert.equal(nginxLog.start(ctx({ nodeCpus: 4 })).filter((l) => l.includes('start worker process ')).length, 4);
});

test('nginx: 1.7.9 (no entrypoint, error log at warn) prints nothing; quiet logs and other commands silence the entrypoint', () => {
  assert.deepEqual(nginxLog.start(ctx({ tag: '1.7.9' })), []);
  const quiet = nginxLog.start(ctx({ env: (n) => (n === 'NGINX_ENTRYPOINT_QUIET_LOGS' ? '1' : undefined) }));
  assert.equal(quiet[0], '2026/11/29 09:19:03 [notice] 1#1: using the "epoll" event method');
  assert.deepEqual(nginxLog.start(ctx({ command: ['sh', '-c', 'sleep 1000'] })), []);
  assert.equal(nginxLog.start(ctx({ command: ['nginx', '-g', 'daemon off;'] }))[0], '2026/11/29 09:19:03 [notice] 1#1: using the "epoll" event method');
  assert.equal(nginxLog.start(ctx({ args: ['nginx-debug', '-g', 'daemon off;'] })).length, 17);
});

test('nginx: 10-listen-on-ipv6-by-default.sh leaves a default.conf from a volume alone, and says why', () => {
  const ipv6 = (file: ServerLogContext['file'], tag = 'latest') => nginxLog.start(ctx({ tag, file })).filter((l) => l.startsWith('10-listen'));
  const conf = 'server {\n    listen       80;\n}\n';
  assert.deepEqual(ipv6(() => ({ from: 'volume', text: conf, writable: false })), ['10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)']);
  assert.deepEqual(ipv6(() => ({ from: 'absent' })), ['10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf is not a file or does not exist']);
  assert.deepEqual(ipv6(() => ({ from: 'volume', text: conf, writable: true })), [
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version',
  ]);
  assert.deepEqual(ipv6(() => ({ from: 'volume', text: 'listen  [::]:80;', writable: true })), ['10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled']);
  assert.deepEqual(ipv6(() => ({ from: 'absent' }), '1.19.10'), ['10-listen-on-ipv6-by-default.sh: error: /etc/nginx/conf.d/default.conf is not a file or does not exist']);
});

test('nginx access log: the packaged `main` format', () => {
  assert.equal(nginxLog.access(entry(), ctx(), 1), '10.244.2.3 - - [29/Nov/2026:09:20:04 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"');
});

test('httpd 2.4: the ServerName warning twice with the Pod IP, then the MPM notices', () => {
  assert.deepEqual(httpdLog.start(ctx({ tag: '2.4' })), [
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message",
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message",
    '[Sun Nov 29 09:19:03.000107 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations',
    "[Sun Nov 29 09:19:03.000107 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
  ]);
  assert.match(httpdLog.start(ctx({ tag: '2.4.16' }))[2], /^\[Sun Nov 29 09:19:03\.000107 2026\] \[mpm_event:notice\] \[pid 1:tid \d{15}\] AH00489: Apache\/2\.4\.16 \(Unix\)/);
});

test('httpd 2.2: the older wording, whole seconds', () => {
  assert.deepEqual(httpdLog.start(ctx({ tag: '2.2.31' })), [
    "httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5 for ServerName",
    "httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5 for ServerName",
    '[Sun Nov 29 09:19:03 2026] [notice] Apache/2.2.31 (Unix) configured -- resuming normal operations',
  ]);
});

test('httpd access log: the common format, `-` for an empty body', () => {
  assert.equal(httpdLog.access(entry({ bytes: 45 }), ctx(), 1), '10.244.2.3 - - [29/Nov/2026:09:20:04 +0000] "GET / HTTP/1.1" 200 45');
  assert.equal(httpdLog.access(entry({ bytes: 0, status: 304 }), ctx(), 1), '10.244.2.3 - - [29/Nov/2026:09:20:04 +0000] "GET / HTTP/1.1" 304 -');
});

test('kubernetes-bootcamp: console.log of the start and of every request, with its count and uptime', () => {
  assert.deepEqual(bootcampLog.start(ctx({ hostname: 'kubernetes-bootcamp-5485cc6795-4hqxp' })), [
    'Kubernetes Bootcamp App Started At: 2026-11-29T09:19:03.000Z | Running On:  kubernetes-bootcamp-5485cc6795-4hqxp ', '',
  ]);
  assert.equal(bootcampLog.access(entry(), ctx({ hostname: 'kb' }), 3),
    'Running On: kb | Total Requests: 3 | App Uptime: 61.5 seconds | Log Time: 2026-11-29T09:20:04.500Z');
});
