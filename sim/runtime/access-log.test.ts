import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../api/types';
import type { Cluster } from '../engine/types';
import { advance, applyManifests, submit } from '../index';
import { bootstrapCluster } from '../cluster/bootstrap';
import '../network/shell-commands';
import { execInPod } from './exec';
import { podLogs } from './logs';
import { commonLogTime } from './server-logs/time-formats';

// Requests answered by a Pod's server reach its access log: wget/curl from another Pod (its IP),
// through the Pod's own Service (the node's bridge), to localhost, and the kubelet's httpGet probes;
// the start-up lines come first, at the container's start. All of it derived when the log is read.

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  nodeName: k8s-node1
  containers:
  - name: nginx
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: ap
spec:
  nodeName: k8s-node2
  containers:
  - name: httpd
    image: httpd:2.4
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeName: k8s-node2
  containers:
  - name: busybox
    image: busybox
    args: ["sleep", "30000"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

function cluster(manifests = MANIFESTS): Cluster {
  const c = bootstrapCluster({ nodes: 2, seed: 5, recordTrace: false });
  const r = applyManifests(c, manifests, { mode: 'apply', source: 'test' });
  assert.deepEqual(r.errors, []);
  return advance(r.cluster, 30_000);
}

const ip = (c: Cluster, name: string) => c.store.get<Pod>('Pod', 'default', name)!.status!.podIP!;
const exec = (c: Cluster, pod: string, ...argv: string[]) => execInPod(c, 'default', pod, undefined, argv).cluster;
const lines = (c: Cluster, pod: string, previous = false) => podLogs(c, 'default', pod, undefined, previous).stdout.split('\n').slice(0, -1);

test('nginx: start-up lines at the start, then one access line per request with the client as the server sees it', () => {
  let c = cluster();
  const before = lines(c, 'web');
  assert.equal(before[0], '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  assert.match(before.at(-1)!, /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process 30$/);
  assert.equal(c.tables.access.size, 0);
  c = exec(c, 'client', 'wget', '-qO-', 'web');
  c = exec(c, 'client', 'wget', '-qO-', `${ip(c, 'web')}/missing`);
  c = exec(c, 'web', 'curl', '-s', 'localhost');
  c = exec(c, 'web', 'curl', '-s', 'web');
  const access = lines(c, 'web').slice(before.length);
  const when = `[${commonLogTime(c.config.epochMs + c.nowMs)}]`;
  assert.deepEqual(access, [
    `${ip(c, 'client')} - - ${when} "GET / HTTP/1.1" 200 615 "-" "Wget" "-"`,
    `${ip(c, 'client')} - - ${when} "GET /missing HTTP/1.1" 404 153 "-" "Wget" "-"`,
    `127.0.0.1 - - ${when} "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"`,
    // Hairpin through its own Service: masqueraded to the node's cni0 address.
    `10.244.1.1 - - ${when} "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"`,
  ]);
  assert.equal(podLogs(c, 'default', 'web', undefined, false, { tail: 1 }).stdout, `${access[3]}\n`);
});

test('httpd: the ServerName warning names the Pod IP; requests in the common format', () => {
  let c = cluster();
  c = exec(c, 'client', 'wget', '-qO-', ip(c, 'ap'));
  const log = lines(c, 'ap');
  assert.equal(log[0], `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip(c, 'ap')}. Set the 'ServerName' directive globally to suppress this message`);
  assert.match(log[2], /\[mpm_event:notice\] \[pid 1:tid 1\] AH00489: Apache\/2\.4\.65 \(Unix\) configured -- resuming normal operations$/);
  assert.equal(log[4], `${ip(c, 'client')} - - [${commonLogTime(c.config.epochMs + c.nowMs)}] "GET / HTTP/1.1" 200 45`);
});

test('httpGet probes: one kube-probe request per tick from the node, liveness and readiness on their own grids', () => {
  const probed = MANIFESTS.replace('    image: nginx:1.27\n', `    image: nginx:1.27
    readinessProbe:
      httpGet: {path: /, port: 80}
      periodSeconds: 5
    livenessProbe:
      httpGet: {path: /index.html, port: 80}
      initialDelaySeconds: 3
`);
  const c = cluster(probed);
  const probes = lines(c, 'web').filter((l) => l.includes('kube-probe'));
  const started = Date.parse(c.store.get<Pod>('Pod', 'default', 'web')!.status!.containerStatuses![0].state!.running!.startedAt!) - c.config.epochMs;
  const readiness = probes.filter((l) => l.includes('GET / ')).length;
  const liveness = probes.filter((l) => l.includes('GET /index.html ')).length;
  assert.equal(readiness, Math.floor((c.nowMs - started) / 5000) + 1);
  assert.equal(liveness, Math.floor((c.nowMs - started - 3000) / 10_000) + 1);
  assert.match(probes[0], /^10\.244\.1\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.34" "-"$/);
});

test('a liveness kill: the old instance keeps its requests and its graceful stop (SIGQUIT) for --previous; the new one starts afresh', () => {
  const failing = MANIFESTS.replace('    image: nginx:1.27\n', `    image: nginx:1.27
    livenessProbe:
      httpGet: {path: /healthz, port: 80}
      initialDelaySeconds: 20
      periodSeconds: 5
`);
  let c = cluster(failing);
  c = exec(c, 'client', 'wget', '-qO-', 'web');
  c = advance(c, 30_000);
  const pod = c.store.get<Pod>('Pod', 'default', 'web')!;
  assert.equal(pod.status!.containerStatuses![0].restartCount, 1);
  const previous = lines(c, 'web', true);
  const current = lines(c, 'web');
  assert.ok(previous.some((l) => l.endsWith('"GET / HTTP/1.1" 200 615 "-" "Wget" "-"')));
  assert.equal(previous.filter((l) => l.includes('"GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.34"')).length, 3);
  assert.match(previous[previous.length - 13], /\[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down$/);
  assert.match(previous.at(-1)!, /\[notice\] 1#1: exit$/);
  assert.ok(!current.some((l) => l.includes('"Wget"')));
  assert.equal(current[0], previous[0]);
});

test('a deleted Pod takes its access rows with it', () => {
  let c = cluster();
  c = exec(c, 'client', 'wget', '-qO-', 'web');
  assert.equal(c.tables.access.size, 1);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web' }, reason: 'test', gracePeriodSeconds: 0 }]).cluster;
  c = advance(c, 5000);
  assert.equal(c.tables.access.size, 0);
});

test('nginx with its default.conf from a ConfigMap: the IPv6 script cannot modify it and says so', () => {
  const withConf = `apiVersion: v1
kind: ConfigMap
metadata:
  name: site
data:
  default.conf: |
    server {
        listen       80;
    }
---
${MANIFESTS.replace('    image: nginx:1.27\n', `    image: nginx:1.27
    volumeMounts:
    - {name: site, mountPath: /etc/nginx/conf.d}
`).replace('  containers:\n  - name: nginx', '  volumes:\n  - name: site\n    configMap: {name: site}\n  containers:\n  - name: nginx')}`;
  const c = cluster(withConf);
  assert.deepEqual(lines(c, 'web').filter((l) => l.startsWith('10-listen')), ['10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)']);
});
