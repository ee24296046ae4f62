import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseShellOptions } from './shell';

// `kubespec shell` end to end: a real process, a bootstrapped cluster, a script on stdin.

const launcher = join(__dirname, 'kubespec.js');
const shell = (args: string[], input: string) => spawnSync(process.execPath, [launcher, 'shell', ...args], { input, encoding: 'utf8', cwd: __dirname, timeout: 120_000 });

test('options: defaults, values, and one clear message for bad ones', () => {
  assert.deepEqual(parseShellOptions([]), { seed: 0, nodes: 2, network: 'flannel', json: false });
  assert.deepEqual(parseShellOptions(['--seed', '7', '--nodes=3', '--network', 'none', '--json']), { seed: 7, nodes: 3, network: 'none', json: true });
  assert.match((parseShellOptions(['--nodes', 'abc']) as { error: string }).error, /^kubespec shell: invalid value "abc" for --nodes: expected a whole number of worker nodes from 0 to 5000\nusage: /);
  assert.match((parseShellOptions(['--network', 'weave']) as { error: string }).error, /expected one of flannel, calico, canal, none/);
  assert.match((parseShellOptions(['--colour']) as { error: string }).error, /^kubespec shell: unknown option "--colour"/);
});

test('a bad option exits 2 with one message and reads nothing', () => {
  const r = shell(['--nodes', 'abc'], 'kubectl get nodes\n');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.split('\n')[0], 'kubespec shell: invalid value "abc" for --nodes: expected a whole number of worker nodes from 0 to 5000');
});

test('--json: one object per command line with virtual time; exit 1 when a line failed', () => {
  const r = shell(['--json', '--seed', '5', '--nodes', '1'], [
    '# the book, chapter 3',
    'kubectl get nodes -o name',
    '',
    'sleep 30s',
    'kubectl get deployment nope',
    'frob',
  ].join('\n') + '\n');
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.line, l.command, l.exitCode]), [
    [2, 'kubectl get nodes -o name', 0],
    [4, 'sleep 30s', 0],
    [5, 'kubectl get deployment nope', 1],
    [6, 'frob', 1],
  ]);
  assert.equal(lines[0].stdout, 'node/k8s-master\nnode/k8s-node1\n');
  assert.equal(lines[1].time - lines[0].time, 30);
  assert.equal(lines[2].stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
  assert.deepEqual(Object.keys(lines[0]), ['line', 'command', 'time', 'exitCode', 'stdout', 'stderr']);
});

test('plain output prints what each command prints; exit ends the script', () => {
  const r = shell(['--nodes', '1'], 'kubectl get nodes -o name\nexit 0\nkubectl get nope\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'node/k8s-master\nnode/k8s-node1\n');
});

test('logs and exec reach the simulated container', () => {
  const r = shell(['--json', '--nodes', '1'], 'kubectl run web --image=nginx\nsleep 20s\nkubectl exec web -- cat /usr/share/nginx/html/index.html\nkubectl logs deploy/nope\n');
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].stdout, 'pod/web created\n');
  assert.equal(lines[2].exitCode, 0, lines[2].stderr);
  assert.match(lines[2].stdout, /<title>Welcome to nginx!<\/title>/);
  assert.deepEqual([lines[3].stderr, lines[3].exitCode], ['Error from server (NotFound): deployments.apps "nope" not found\n', 1]);
});
