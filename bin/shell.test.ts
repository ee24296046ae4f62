import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileReader, parseShellOptions, realDeps } from './shell';

// `kubespec shell` end to end: a real process, a bootstrapped cluster, a script on stdin.

const launcher = join(__dirname, 'kubespec.js');
const shell = (args: string[], input: string) => spawnSync(process.execPath, [launcher, 'shell', ...args], { input, encoding: 'utf8', cwd: __dirname, timeout: 120_000 });

test('options: defaults, values, and one clear message for bad ones', () => {
  assert.deepEqual(parseShellOptions([]), { seed: 0, nodes: 2, network: 'flannel', proxyMode: 'iptables', json: false });
  assert.deepEqual(parseShellOptions(['--seed', '7', '--nodes=3', '--network', 'none', '--json']), { seed: 7, nodes: 3, network: 'none', proxyMode: 'iptables', json: true });
  assert.equal((parseShellOptions(['--proxy-mode', 'ipvs']) as { proxyMode: string }).proxyMode, 'ipvs');
  assert.equal((parseShellOptions(['--proxy-mode=iptables']) as { proxyMode: string }).proxyMode, 'iptables');
  assert.match((parseShellOptions(['--proxy-mode', 'nftables']) as { error: string }).error, /^kubespec shell: invalid value "nftables" for --proxy-mode: expected one of iptables, ipvs\nusage: /);
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

test('--proxy-mode ipvs: kubeadm\'s kube-proxy ConfigMap says ipvs, and successive exec\'d wgets take the Pods in turn', () => {
  const r = shell(['--proxy-mode', 'ipvs', '--nodes', '2'], [
    'kubectl run web-1 --image=httpd --labels=app=web',
    'kubectl run web-2 --image=httpd --labels=app=web',
    'kubectl run client --image=busybox -- sleep 3600',
    'kubectl expose pod web-1 --name=web --port=8080 --target-port=80',
    'sleep 60s',
    "kubectl exec web-1 -- sh -c 'hostname > /usr/local/apache2/htdocs/index.html'",
    "kubectl exec web-2 -- sh -c 'hostname > /usr/local/apache2/htdocs/index.html'",
    'kubectl get configmap kube-proxy -n kube-system -o yaml',
    'kubectl exec client -- wget -qO- web:8080',
    'kubectl exec client -- wget -qO- web:8080',
    'kubectl exec client -- wget -qO- web:8080',
  ].join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^ {4}mode: ipvs$/m);
  const answers = r.stdout.trim().split('\n').slice(-3);
  assert.notEqual(answers[0], answers[1]);
  assert.equal(answers[2], answers[0]);
  assert.ok(answers.every((a) => a === 'web-1' || a === 'web-2'), answers.join(','));
});

test('files kubectl cp writes stay in the session overlay: kubectl reads them back, the disk never sees them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-cp-'));
  const deps = realDeps(fileReader(dir), dir);
  deps.helmIo?.write?.('copied.conf', 'from the pod\n');
  assert.equal(deps.io.readFile('copied.conf'), 'from the pod\n');
  assert.equal(existsSync(join(dir, 'copied.conf')), false);
});
