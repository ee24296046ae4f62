import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, defaultListens, imageRepository } from './connect';
import { wgetFailure, curlFailure } from './client-messages';
import { rngFrom, seedState } from '../engine/rng';
import { baseCluster, networkPolicy, pod, service, viewWith, withEndpoints } from './fixtures';
import type { KubeObject } from '../api/types';

const httpd = (name: string, ip: string, o: { ready?: boolean; node?: string } = {}) => pod(name, { labels: { run: 'httpd' }, ip, image: 'httpd', node: o.node, ready: o.ready });
const cluster = (extra: KubeObject[] = [], network: 'flannel' | 'calico' | 'none' = 'flannel') => viewWith(withEndpoints([
  ...baseCluster(),
  service('httpd-svc', { clusterIP: '10.99.229.179', selector: { run: 'httpd' }, ports: [{ port: 8080, targetPort: 80 }] }),
  service('httpd-np', { type: 'NodePort', clusterIP: '10.99.0.2', selector: { run: 'httpd' }, ports: [{ port: 8080, targetPort: 80, nodePort: 30000 }] }),
  service('empty', { clusterIP: '10.99.0.3', selector: { run: 'nothing' }, ports: [{ port: 80 }] }),
  httpd('httpd-a', '10.244.1.2'), httpd('httpd-b', '10.244.2.2', { node: 'k8s-node2' }), httpd('httpd-c', '10.244.1.3', { ready: false }),
  pod('busybox', { ip: '10.244.1.9', labels: { app: 'client' } }),
  pod('other', { ns: 'prod', ip: '10.244.2.9' }),
  ...extra,
]), { network });
const rng = () => rngFrom(seedState(11));
const fromBusybox = { pod: { namespace: 'default', name: 'busybox' } };

test('a Service name from a Pod reaches a ready backend through the ClusterIP', () => {
  const r = connect(cluster(), rng(), fromBusybox, 'httpd-svc', 8080);
  assert.equal(r.result, 'ok');
  if (r.result === 'ok') {
    assert.ok(['httpd-a', 'httpd-b'].includes(r.pod!.name));
    assert.equal(r.via, 'service');
    assert.equal(r.port, 80);
    assert.deepEqual(r.service, { namespace: 'default', name: 'httpd-svc' });
  }
  assert.equal(connect(cluster(), rng(), fromBusybox, 'httpd-svc:8080').result, 'ok');
});

test('names: short only from the same namespace; qualified from anywhere; unknown → nxdomain', () => {
  const fromOther = { pod: { namespace: 'prod', name: 'other' } };
  assert.equal(connect(cluster(), rng(), fromOther, 'httpd-svc', 8080).result, 'nxdomain');
  assert.equal(connect(cluster(), rng(), fromOther, 'httpd-svc.default', 8080).result, 'ok');
  const miss = connect(cluster(), rng(), fromBusybox, 'nosuch', 80);
  assert.equal(miss.result, 'nxdomain');
  if (miss.result === 'nxdomain') assert.equal(wgetFailure(miss, 'nosuch').stderr, "wget: bad address 'nosuch'\n");
});

test('ClusterIP, NodePort, Pod IP from a Pod, a node and outside', () => {
  const v = cluster();
  assert.equal(connect(v, rng(), { node: 'k8s-node1' }, '10.99.229.179', 8080).result, 'ok');
  assert.equal(connect(v, rng(), { external: true }, '10.99.229.179', 8080).result, 'timeout');
  const np = connect(v, rng(), { external: true }, '192.168.56.102:30000');
  assert.equal(np.result === 'ok' && np.via, 'nodePort');
  assert.equal(connect(v, rng(), fromBusybox, '192.168.56.100', 30000).result, 'ok');
  assert.equal(connect(v, rng(), { external: true }, '10.244.1.2', 80).result, 'timeout');
  const direct = connect(v, rng(), fromBusybox, '10.244.1.2', 80);
  assert.equal(direct.result === 'ok' && direct.pod!.name, 'httpd-a');
  assert.equal(connect(v, rng(), { node: 'k8s-node2' }, '10.244.1.2', 80).result, 'ok');
  assert.equal(connect(v, rng(), fromBusybox, 'httpd-svc', 9999).result, 'timeout');
});

test('refused: no endpoints, nothing listening; an unready Pod is still reachable by its IP', () => {
  const v = cluster();
  const empty = connect(v, rng(), fromBusybox, 'empty', 80);
  assert.equal(empty.result, 'refused');
  if (empty.result === 'refused') assert.equal(wgetFailure(empty, 'empty', '10.99.0.3').stderr, "wget: can't connect to remote host (10.99.0.3): Connection refused\n");
  assert.equal(connect(v, rng(), fromBusybox, '10.244.1.2', 81).result, 'refused');
  assert.equal(connect(v, rng(), fromBusybox, '10.244.1.3', 80).result, 'ok');
  assert.equal(connect(v, rng(), fromBusybox, '192.168.56.101', 22).result, 'refused');
  const t = connect(v, rng(), fromBusybox, '10.244.1.2', 81);
  if (t.result !== 'ok') assert.match(curlFailure(t, '10.244.1.2', 81).stderr, /^curl: \(7\)/);
});

test('NetworkPolicy applies only when the plugin enforces it; denial times out', () => {
  const deny = networkPolicy('deny', { podSelector: { matchLabels: { run: 'httpd' } } });
  assert.equal(connect(cluster([deny], 'flannel'), rng(), fromBusybox, 'httpd-svc', 8080).result, 'ok');
  assert.equal(connect(cluster([deny], 'calico'), rng(), fromBusybox, 'httpd-svc', 8080).result, 'timeout');
  const allowClient = networkPolicy('allow', { podSelector: { matchLabels: { run: 'httpd' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 80 }] }] });
  assert.equal(connect(cluster([deny, allowClient], 'calico'), rng(), fromBusybox, 'httpd-svc', 8080).result, 'ok');
  assert.equal(connect(cluster([deny, allowClient], 'calico'), rng(), { pod: { namespace: 'prod', name: 'other' } }, 'httpd-svc.default', 8080).result, 'timeout');
  const denyEgress = networkPolicy('no-egress', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] });
  assert.equal(connect(cluster([denyEgress], 'calico'), rng(), fromBusybox, '10.244.1.2', 80).result, 'timeout');
  // ... and the name no longer resolves either: DNS needs egress.
  assert.equal(connect(cluster([denyEgress], 'calico'), rng(), fromBusybox, 'httpd-svc', 8080).result, 'nxdomain');
});

test('the listens hook decides who answers; nginx/httpd listen on 80 undeclared', () => {
  assert.equal(imageRepository('docker.io/library/httpd:2.4@sha256:abc'), 'httpd');
  assert.equal(imageRepository('localhost:5000/nginx'), 'nginx');
  assert.ok(defaultListens(httpd('x', '1.1.1.1'), 80, 'TCP'));
  assert.ok(!defaultListens(pod('y', { image: 'busybox' }), 80, 'TCP'));
  assert.ok(defaultListens(pod('y', { image: 'busybox', ports: [{ containerPort: 8080 }] }), 8080, 'TCP'));
  const r = connect(cluster(), rng(), fromBusybox, '10.244.1.2', 80, { listens: () => false });
  assert.equal(r.result, 'refused');
});

test('an external client IP and unknown outside addresses', () => {
  const v = cluster();
  assert.equal(connect(v, rng(), fromBusybox, '8.8.8.8', 53).result, 'timeout');
  assert.equal(connect(v, rng(), fromBusybox, '8.8.8.8', 53, { externalAnswers: () => true }).result, 'ok');
  assert.equal(connect(v, rng(), { pod: { namespace: 'default', name: 'nope' } }, '8.8.8.8', 53).result, 'error');
});

test('localhost is the source Pod itself, policy or not', () => {
  const deny = networkPolicy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  const web = pod('web', { ip: '10.244.1.40', image: 'nginx' });
  const v = cluster([deny, web], 'calico');
  assert.equal(connect(v, rng(), { pod: { namespace: 'default', name: 'web' } }, 'localhost', 80).result, 'ok');
  assert.equal(connect(v, rng(), { pod: { namespace: 'default', name: 'web' } }, '127.0.0.1:81').result, 'refused');
  assert.equal(connect(v, rng(), fromBusybox, '10.244.1.40', 80).result, 'timeout');
});

test('the client sees the address it dialled (the ClusterIP), not the DNATed backend', () => {
  const r = connect(cluster(), rng(), fromBusybox, 'httpd-svc', 8080);
  assert.equal(r.result, 'ok');
  if (r.result === 'ok') assert.deepEqual(r.dialed, { ip: '10.99.229.179', port: 8080 });
});

test('NodePort traffic (externalTrafficPolicy Cluster) reaches the Pod from the node address: an ipBlock of the hosts admits it', () => {
  const deny = networkPolicy('only-clients', { podSelector: { matchLabels: { run: 'httpd' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }] });
  const hosts = networkPolicy('hosts', { podSelector: { matchLabels: { run: 'httpd' } }, ingress: [{ from: [{ ipBlock: { cidr: '192.168.56.0/24' } }] }] });
  const outside = { external: true as const };
  assert.equal(connect(cluster([deny], 'calico'), rng(), outside, '192.168.56.101', 30000).result, 'timeout');
  assert.equal(connect(cluster([deny, hosts], 'calico'), rng(), outside, '192.168.56.101', 30000).result, 'ok');
  // The ClusterIP from busybox (app=client) is unaffected by the masquerade rule.
  assert.equal(connect(cluster([deny], 'calico'), rng(), fromBusybox, 'httpd-svc', 8080).result, 'ok');
});

test('a node address answers only on ports its hostNetwork Pods serve', () => {
  const hostPod = pod('agent', { ip: '192.168.56.101', hostNetwork: true });
  const r = connect(cluster([hostPod]), rng(), { external: true }, '192.168.56.101', 8080);
  assert.equal(r.result, 'refused');
});

test('kube-proxy state comes from the cluster: the mode from config, the IPVS turn from the proxy table, one row per node and virtual server', () => {
  const ipvs = (rows: ReadonlyMap<string, unknown>) => {
    const v = viewWith(withEndpoints([
      ...baseCluster(),
      service('httpd-np', { type: 'NodePort', clusterIP: '10.99.0.2', selector: { run: 'httpd' }, ports: [{ port: 8080, targetPort: 80, nodePort: 30000 }] }),
      httpd('httpd-a', '10.244.1.2'), httpd('httpd-b', '10.244.2.2', { node: 'k8s-node2' }),
      pod('busybox', { ip: '10.244.1.9' }),
    ]), { proxyMode: 'ipvs' });
    return { ...v, table: (name: string) => (name === 'proxy' ? rows : v.table(name as 'nodes')) } as typeof v;
  };
  const first = connect(ipvs(new Map()), rng(), fromBusybox, 'httpd-np', 8080);
  assert.equal(first.result === 'ok' && first.pod!.name, 'httpd-a');
  const rows = first.proxyState.changes();
  // busybox runs on k8s-node1: that node's scheduler for the ClusterIP virtual server moved.
  assert.deepEqual(rows, [{ verb: 'runtime', table: 'proxy', key: 'k8s-node1|ipvs|10.99.0.2:8080/TCP', value: { last: '10.244.1.2:80' } }]);
  const table = new Map(rows.map((c) => [c.key, c.value]));
  const second = connect(ipvs(table), rng(), fromBusybox, 'httpd-np', 8080);
  assert.equal(second.result === 'ok' && second.pod!.name, 'httpd-b');
  // A NodePort is its own virtual server on the node dialled: its turn starts at the head.
  const np = connect(ipvs(table), rng(), { external: true }, '192.168.56.102:30000');
  assert.equal(np.result === 'ok' && np.pod!.name, 'httpd-a');
  assert.deepEqual(np.proxyState.changes().map((c) => c.key), ['k8s-node2|ipvs|192.168.56.102:30000/TCP']);
  // iptables mode without affinity keeps no state.
  assert.deepEqual(connect(cluster(), rng(), fromBusybox, 'httpd-svc', 8080).proxyState.changes(), []);
});
