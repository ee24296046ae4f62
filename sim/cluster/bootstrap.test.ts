import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSet, Deployment, Node, Pod, Service } from '../api/types';
import { bootstrapCluster } from './bootstrap';
import { addNode, failNode, recoverNode } from './node-ops';
import { advance, advanceUntil, applyManifests } from '../index';

const flannel = bootstrapCluster({ seed: 1 });

test('kubeadm structure: k8s-master tainted control-plane, two workers, IPs and pod CIDRs in order', () => {
  const nodes = flannel.store.list<Node>('Node');
  assert.deepEqual(nodes.map((n) => n.metadata.name), ['k8s-master', 'k8s-node1', 'k8s-node2']);
  const master = nodes[0];
  assert.equal(master.metadata.labels?.['node-role.kubernetes.io/control-plane'], '');
  assert.deepEqual(master.spec.taints, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  assert.deepEqual(nodes.map((n) => n.status.addresses[0].address), ['192.168.56.100', '192.168.56.101', '192.168.56.102']);
  assert.deepEqual(nodes.map((n) => n.spec.podCIDR), ['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
  for (const n of nodes) {
    assert.equal(n.metadata.labels?.['kubernetes.io/hostname'], n.metadata.name);
    assert.equal(n.status.nodeInfo.kubeletVersion, 'v1.34.0');
    assert.equal(n.status.allocatable.pods, '110');
    assert.deepEqual(n.status.conditions.find((c) => c.type === 'Ready')?.reason, 'KubeletReady');
  }
  assert.deepEqual(nodes.slice(1).map((n) => n.spec.taints ?? []), [[], []]);
});

test('kube-system runs the static control plane, kube-proxy on every node, CoreDNS; flannel in kube-flannel; all Running', () => {
  const pods = flannel.store.list<Pod>('Pod');
  const names = pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    const p = flannel.store.get<Pod>('Pod', 'kube-system', `${c}-k8s-master`)!;
    assert.ok(p, `${c}-k8s-master exists`);
    assert.equal(p.spec.nodeName, 'k8s-master');
    assert.equal(p.spec.hostNetwork, true);
    assert.deepEqual([p.metadata.labels?.component, p.metadata.labels?.tier], [c, 'control-plane']);
    assert.equal(p.metadata.ownerReferences?.[0].kind, 'Node');
  }
  assert.equal(names.filter((n) => n.startsWith('kube-system/kube-proxy-')).length, 3);
  assert.equal(names.filter((n) => n.startsWith('kube-flannel/kube-flannel-ds-')).length, 3);
  assert.equal(names.filter((n) => n.startsWith('kube-system/coredns-')).length, 2);
  assert.ok(!names.some((n) => n.includes('kubelet')), 'kubelet is not a Pod');
  assert.ok(pods.every((p) => p.status.phase === 'Running'), names.join(' '));
  assert.ok(flannel.store.get<DaemonSet>('DaemonSet', 'kube-flannel', 'kube-flannel-ds'));
  assert.equal(flannel.store.get<Deployment>('Deployment', 'kube-system', 'coredns')?.spec.replicas, 2);
  const dns = flannel.store.get<Service>('Service', 'kube-system', 'kube-dns')!;
  assert.equal(dns.spec.clusterIP, '10.96.0.10');
  assert.deepEqual(dns.spec.ports?.map((p) => `${p.name} ${p.port}/${p.protocol}`), ['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
  assert.equal(flannel.store.get<Service>('Service', 'default', 'kubernetes')?.spec.clusterIP, '10.96.0.1');
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) assert.ok(flannel.store.get('Namespace', '', ns), ns);
});

test("kubeadm init pulled the control plane's images beforehand: k8s-master's Pods find them; a worker pulls its Pods' images one at a time", () => {
  const messages = (ns: string, name: string) => flannel.events.slice().filter((e) => e.involved.namespace === ns && e.involved.name === name && e.reason.startsWith('Pull')).map((e) => e.message);
  for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    assert.deepEqual(messages('kube-system', `${c}-k8s-master`), [`Container image "${flannel.store.get<Pod>('Pod', 'kube-system', `${c}-k8s-master`)!.spec.containers[0].image}" already present on machine`]);
  }
  const on = (node: string, prefix: string) => flannel.store.list<Pod>('Pod').find((p) => p.spec.nodeName === node && p.metadata.name.startsWith(prefix))!;
  const proxy = on('k8s-master', 'kube-proxy-');
  assert.deepEqual(messages('kube-system', proxy.metadata.name), ['Container image "registry.k8s.io/kube-proxy:v1.34.0" already present on machine']);
  // k8s-node1: kube-proxy and flannel asked at once; one was pulled after the other.
  const pulled = [on('k8s-node1', 'kube-proxy-'), on('k8s-node1', 'kube-flannel-ds-')].flatMap((p) => messages(p.metadata.namespace!, p.metadata.name)).filter((m) => m.startsWith('Successfully'));
  assert.deepEqual(pulled.map((m) => m.replace(/^.* in (\S+) \((\S+) including waiting\).*$/, '$1 $2')).sort(), ['3s 3s', '3s 6s']);
});

test('without a Pod network the nodes stay NotReady (not-ready taint) and CoreDNS stays Pending', () => {
  const none = bootstrapCluster({ network: 'none', seed: 1 });
  for (const n of none.store.list<Node>('Node')) {
    const ready = n.status.conditions.find((c) => c.type === 'Ready')!;
    assert.deepEqual([ready.status, ready.reason], ['False', 'KubeletNotReady']);
    assert.ok(n.spec.taints?.some((t) => t.key === 'node.kubernetes.io/not-ready' && t.effect === 'NoSchedule'));
  }
  const dns = none.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('coredns-'));
  assert.equal(dns.length, 2);
  for (const p of dns) {
    assert.equal(p.status.phase, 'Pending');
    assert.equal(p.spec.nodeName, undefined);
    assert.match(p.status.conditions!.find((c) => c.type === 'PodScheduled')!.message!, /untolerated taint \{node\.kubernetes\.io\/not-ready: \}/);
  }
});

test('calico and canal install their node agents in kube-system', () => {
  for (const network of ['calico', 'canal'] as const) {
    const c = bootstrapCluster({ network, nodes: 1, seed: 2 });
    const agent = network === 'calico' ? 'calico-node' : 'canal';
    assert.ok(c.store.get('DaemonSet', 'kube-system', agent), agent);
    assert.ok(c.store.list<Node>('Node').every((n) => n.status.conditions.find((x) => x.type === 'Ready')?.status === 'True'), network);
  }
});

test('node operations: fail -> Unknown at the monitor tick after the grace period, Pods replaced after 300 s, recover', () => {
  let c = applyManifests(flannel, `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`, { mode: 'apply', source: 'web.yml' }).cluster;
  c = advanceUntil(c, 60_000, (v) => v.list<Pod>('Pod', 'default').filter((p) => p.status.phase === 'Running').length === 4).cluster;
  const onNode1 = c.store.podsOnNode('k8s-node1').filter((p) => p.metadata.namespace === 'default').map((p) => p.metadata.name);
  assert.ok(onNode1.length > 0, JSON.stringify(c.store.list<Pod>("Pod", "default").map((p) => [p.metadata.name, p.spec.nodeName, p.status.phase])));
  const failed = failNode(c, 'k8s-node1');
  assert.equal(failed.error, undefined);
  const failedAt = c.nowMs;
  const lastRenewal = c.tables.nodes.get('k8s-node1')!.lastHeartbeatMs
    + Math.floor((failedAt - c.tables.nodes.get('k8s-node1')!.lastHeartbeatMs) / 10_000) * 10_000;
  const unknownAt = (Math.floor((lastRenewal + 50_000) / 5_000) + 1) * 5_000;
  c = advance(failed.cluster, unknownAt - failedAt - 1);
  assert.equal(c.store.get<Node>('Node', '', 'k8s-node1')!.status.conditions.find((x) => x.type === 'Ready')!.status, 'True');
  c = advance(c, 1);
  assert.equal(c.store.get<Node>('Node', '', 'k8s-node1')!.status.conditions.find((x) => x.type === 'Ready')!.status, 'Unknown');
  c = advance(c, 300_000);
  const web = c.store.list<Pod>('Pod', 'default');
  for (const name of onNode1) assert.ok(web.find((p) => p.metadata.name === name)?.metadata.deletionTimestamp, `${name} Terminating`);
  c = advanceUntil(c, 60_000, (v) => v.list<Pod>('Pod', 'default').filter((p) => p.status.phase === 'Running' && !p.metadata.deletionTimestamp && p.spec.nodeName !== 'k8s-node1').length === 4).cluster;
  assert.equal(c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp && p.spec.nodeName === 'k8s-node2').length, 4);
  // The kube-flannel and kube-proxy Pods on the failed node tolerate unreachable forever.
  const daemons = c.store.podsOnNode('k8s-node1').filter((p) => p.metadata.ownerReferences?.[0].kind === 'DaemonSet');
  assert.equal(daemons.length, 2);
  assert.ok(daemons.every((p) => !p.metadata.deletionTimestamp));

  assert.equal(failNode(c, 'k8s-node1').error, 'node "k8s-node1" has already failed');
  const back = recoverNode(c, 'k8s-node1');
  assert.equal(back.error, undefined);
  const node1 = back.cluster.store.get<Node>('Node', '', 'k8s-node1')!;
  assert.equal(node1.status.conditions.find((x) => x.type === 'Ready')!.status, 'True');
  assert.deepEqual(node1.spec.taints ?? [], []);
  assert.equal(recoverNode(back.cluster, 'k8s-node1').error, 'node "k8s-node1" has not failed');
  assert.equal(failNode(c, 'nope').error, 'Error from server (NotFound): nodes "nope" not found');
});

test('addNode joins a worker with the next IP and pod CIDR; its DaemonSet Pods follow', () => {
  const r = addNode(flannel, 'k8s-node3', { labels: { disktype: 'ssd' } });
  assert.equal(r.error, undefined);
  const n = r.cluster.store.get<Node>('Node', '', 'k8s-node3')!;
  assert.deepEqual([n.status.addresses[0].address, n.spec.podCIDR, n.metadata.labels?.disktype], ['192.168.56.103', '10.244.3.0/24', 'ssd']);
  const c = advance(r.cluster, 30_000);
  assert.equal(c.store.get<Node>('Node', '', 'k8s-node3')!.status.conditions.find((x) => x.type === 'Ready')!.status, 'True');
  assert.equal(c.store.podsOnNode('k8s-node3').length, 2);
  assert.match(addNode(c, 'k8s-node3').error!, /AlreadyExists/);
  assert.match(addNode(c, 'Bad_Name').error!, /a lowercase RFC 1123 subdomain/);
});

test('the same seed gives the same cluster, event for event; another seed other Pod names', () => {
  const again = bootstrapCluster({ seed: 1 });
  assert.deepEqual(again.events.slice(), flannel.events.slice());
  assert.equal(again.nowMs, flannel.nowMs);
  const other = bootstrapCluster({ seed: 2 });
  assert.notDeepEqual(other.store.list('Pod').map((p) => p.metadata.name), flannel.store.list('Pod').map((p) => p.metadata.name));
});
