import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../engine/types';
import type { ConfigMap } from '../config/types';
import { advance, applyManifests, submit } from '../index';
import { bootstrapCluster } from '../cluster/bootstrap';
import { execInPod } from '../runtime/exec';
import { proxyModeChanges } from './kube-proxy-config';

// kube-proxy's mode and memory belong to the cluster: kubeadm writes the mode into the kube-proxy
// ConfigMap, and wget/curl run by `kubectl exec` leave their rr turn and affinity in the proxy table.

const MANIFESTS = `${[1, 2, 3].map((i) => `apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
  labels:
    app: web
spec:
  nodeName: k8s-node${i}
  containers:
  - name: httpd
    image: httpd
`).join('---\n')}---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeName: k8s-node1
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
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: 80
`;

function webCluster(mode: 'iptables' | 'ipvs'): Cluster {
  let c = bootstrapCluster({ nodes: 3, proxyMode: mode, seed: 5, recordTrace: false });
  const r = applyManifests(c, MANIFESTS, { mode: 'apply', source: 'test' });
  assert.deepEqual(r.errors, []);
  c = advance(r.cluster, 60_000);
  for (const i of [1, 2, 3]) c = execInPod(c, 'default', `web-${i}`, undefined, ['sh', '-c', 'hostname > /usr/local/apache2/htdocs/index.html']).cluster;
  return c;
}

const configConf = (c: Cluster) => c.store.get<ConfigMap>('ConfigMap', 'kube-system', 'kube-proxy')?.data?.['config.conf'] ?? '';

test('kubeadm writes the kube-proxy ConfigMap: mode "" (iptables) by default, ipvs when asked; switching rewrites it and clears the rules', () => {
  const ipt = bootstrapCluster({ nodes: 1, recordTrace: false });
  assert.equal(ipt.config.proxyMode, 'iptables');
  assert.match(configConf(ipt), /^mode: ""$/m);
  assert.match(configConf(ipt), /^clusterCIDR: 10\.244\.0\.0\/16$/m);
  assert.match(ipt.store.get<ConfigMap>('ConfigMap', 'kube-system', 'kube-proxy')!.data!['kubeconfig.conf'], /server: https:\/\/192\.168\.56\.100:6443/);
  const ipvs = bootstrapCluster({ nodes: 1, proxyMode: 'ipvs', recordTrace: false });
  assert.equal(ipvs.config.proxyMode, 'ipvs');
  assert.match(configConf(ipvs), /^mode: ipvs$/m);
  const withRow = submit(ipvs, [{ verb: 'runtime', table: 'proxy', key: 'k8s-node1|ipvs|10.96.0.10:53/UDP', value: { last: '10.244.0.2:53' } }]).cluster;
  const { changes, config } = proxyModeChanges(withRow, 'iptables');
  assert.equal(config.proxyMode, 'iptables');
  const switched = submit(withRow, changes).cluster;
  assert.match(configConf(switched), /^mode: ""$/m);
  assert.equal(switched.tables.proxy.size, 0);
});

test('successive kubectl exec wgets in IPVS mode take the Pods in turn; the turn is kept in the cluster', () => {
  let c = webCluster('ipvs');
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    const r = execInPod(c, 'default', 'client', undefined, ['wget', '-qO-', 'web:8080']);
    assert.equal(r.exitCode, 0, r.stderr);
    seen.push(r.stdout.trim());
    c = r.cluster;
  }
  assert.deepEqual(seen, ['web-1', 'web-2', 'web-3', 'web-1']);
  assert.deepEqual([...c.tables.proxy.keys()].map((k) => k.replace(/\d+\.\d+\.\d+\.\d+/, 'VIP')), ['k8s-node1|ipvs|VIP:8080/TCP']);
  // Within one exec the commands share the state; curl goes through the same scheduler.
  const r = execInPod(c, 'default', 'client', undefined, ['sh', '-c', 'wget -qO- web:8080; curl -s web:8080']);
  assert.equal(r.stdout, 'web-2\nweb-3\n');
  // The exec that fails to connect changes nothing.
  assert.equal(execInPod(r.cluster, 'default', 'client', undefined, ['wget', '-qO-', 'nosuch:8080']).cluster, r.cluster);
});

test('in iptables mode without affinity an exec leaves no kube-proxy state (only the request, in the server access log)', () => {
  const c = webCluster('iptables');
  const r = execInPod(c, 'default', 'client', undefined, ['wget', '-qO-', 'web:8080']);
  assert.match(r.stdout, /^web-[123]\n$/);
  assert.equal(r.cluster.tables.proxy, c.tables.proxy);
  assert.equal(r.cluster.tables.access.size, 1);
});
