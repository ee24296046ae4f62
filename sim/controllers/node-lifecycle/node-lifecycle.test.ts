import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Change, Cluster, Controller, NodeRuntime } from '../../engine/types';
import type { Node, Pod, Toleration } from '../../api/types';
import { isoAt } from '../../engine/transaction';
import { pod } from '../../testing/fixtures';
import { registerNode } from '../../cluster/node-object';
import { controllers as lifecycle } from './index';
import { scheduler } from '../../scheduler/scheduler';
import { lastRenewalMs, unknownAtMs } from './heartbeat';
import { NETWORK_NOT_READY_MESSAGE } from './node-status';

const CONTROLLERS: readonly Controller[] = [...lifecycle, scheduler];
const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
];

function run(c: Cluster, changes: readonly Change[]): Cluster {
  const r = submit(c, changes, CONTROLLERS, 'test');
  assert.deepEqual(r.errors, []);
  return r.cluster;
}
const at = (c: Cluster, ms: number) => advance(c, ms - c.nowMs, CONTROLLERS);
const nodeOf = (c: Cluster, name: string) => c.store.get<Node>('Node', '', name)!;
const ready = (c: Cluster, name: string) => nodeOf(c, name).status.conditions.find((x) => x.type === 'Ready')!;
const taintKeys = (c: Cluster, name: string) => (nodeOf(c, name).spec.taints ?? []).map((t) => `${t.key}:${t.effect}`);
const podOf = (c: Cluster, name: string) => c.store.get<Pod>('Pod', 'default', name);

/** A running flannel Pod on the node: the node's Pod network is up. */
function flannel(node: string): Pod {
  const p = pod(`flannel-${node}`, undefined, { node, readySinceMs: 0, labels: { app: 'flannel', 'k8s-app': 'flannel' }, spec: { tolerations: [{ operator: 'Exists' }] } });
  return { ...p, metadata: { ...p.metadata, namespace: 'default' } };
}

function cluster(): Cluster {
  let c = emptyCluster({ seed: 5 });
  const iso = isoAt(c.config.epochMs, 0);
  c = run(c, [...registerNode('n1', { index: 1 }, 0, iso), ...registerNode('n2', { index: 2 }, 0, iso)]);
  return run(c, [
    { verb: 'create', object: flannel('n1') }, { verb: 'create', object: flannel('n2') },
    { verb: 'create', object: pod('web-1', undefined, { node: 'n1', readySinceMs: 0, spec: { tolerations: DEFAULT_TOLERATIONS } }) },
    { verb: 'create', object: pod('ds-1', undefined, { node: 'n1', readySinceMs: 0, spec: { tolerations: DAEMON_TOLERATIONS } }) },
  ]);
}

function fail(c: Cluster, name: string): Cluster {
  const row = c.tables.nodes.get(name)!;
  return run(c, [{ verb: 'runtime', table: 'nodes', key: name, value: { ...row, alive: false, lastHeartbeatMs: lastRenewalMs(row.lastHeartbeatMs, c.nowMs) } satisfies NodeRuntime }]);
}

test('heartbeat arithmetic: last renewal on the 10 s grid, Unknown at the first 5 s tick past the grace period', () => {
  assert.deepEqual([lastRenewalMs(0, 25_000), lastRenewalMs(0, 30_000), lastRenewalMs(3_000, 25_000)], [20_000, 30_000, 23_000]);
  assert.deepEqual([unknownAtMs(20_000, 50_000), unknownAtMs(23_000, 50_000), unknownAtMs(20_000, 40_000)], [75_000, 75_000, 65_000]);
});

test('a node with its Pod network running is Ready, without taints; a new node waits NotReady for its CNI agent', () => {
  let c = cluster();
  assert.deepEqual([ready(c, 'n1').status, ready(c, 'n1').reason, ready(c, 'n1').message], ['True', 'KubeletReady', 'kubelet is posting ready status']);
  assert.deepEqual(taintKeys(c, 'n1'), []);
  assert.equal(nodeOf(c, 'n1').status.conditions[0].type, 'NetworkUnavailable');
  c = run(c, registerNode('n3', { index: 3 }, c.nowMs, isoAt(c.config.epochMs, c.nowMs)));
  assert.deepEqual([ready(c, 'n3').status, ready(c, 'n3').reason, ready(c, 'n3').message], ['False', 'KubeletNotReady', NETWORK_NOT_READY_MESSAGE]);
  assert.deepEqual(taintKeys(c, 'n3'), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  c = run(c, [{ verb: 'create', object: flannel('n3') }]);
  assert.equal(ready(c, 'n3').status, 'True');
  assert.deepEqual(taintKeys(c, 'n3'), []);
});

test('a node whose CNI agent ran once stays Ready when the agent Pod goes (its CNI config stays in /etc/cni/net.d)', () => {
  let c = cluster();
  c = run(c, registerNode('n3', { index: 3 }, c.nowMs, isoAt(c.config.epochMs, c.nowMs)));
  c = run(c, [{ verb: 'create', object: flannel('n3') }]);
  c = run(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'flannel-n3' }, reason: 'test', gracePeriodSeconds: 0 }]);
  c = at(c, c.nowMs + 60_000);
  assert.equal(podOf(c, 'flannel-n3'), undefined);
  assert.deepEqual([ready(c, 'n3').status, ready(c, 'n3').reason], ['True', 'KubeletReady']);
  assert.deepEqual(taintKeys(c, 'n3'), []);
});

test('a failed node goes Unknown at the exact monitor tick, is tainted unreachable, and its Pods become not Ready', () => {
  let c = at(cluster(), 25_000);
  c = fail(c, 'n1');
  c = at(c, 74_999);
  assert.equal(ready(c, 'n1').status, 'True');
  c = at(c, 75_000);
  const r = ready(c, 'n1');
  assert.deepEqual([r.status, r.reason, r.message, r.lastTransitionTime], ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', isoAt(c.config.epochMs, 75_000)]);
  for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) assert.equal(nodeOf(c, 'n1').status.conditions.find((x) => x.type === type)?.status, 'Unknown');
  assert.deepEqual(taintKeys(c, 'n1'), ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  assert.ok(nodeOf(c, 'n1').spec.taints!.every((t) => t.timeAdded === isoAt(c.config.epochMs, 75_000)));
  assert.equal(podOf(c, 'web-1')!.status.conditions!.find((x) => x.type === 'Ready')!.status, 'False');
  assert.ok(c.events.slice().some((e) => e.reason === 'NodeNotReady' && e.message === 'Node n1 status is now: NodeNotReady' && e.source === 'node-controller'));
  assert.ok(c.events.slice().some((e) => e.involved.name === 'web-1' && e.reason === 'NodeNotReady' && e.message === 'Node is not ready' && e.type === 'Warning'));
  assert.equal(ready(c, 'n2').status, 'True');
});

test('Pods tolerating unreachable for 300 s are evicted at taint time + 300 s; DaemonSet Pods never; recovery lifts the taints', () => {
  let c = fail(at(cluster(), 25_000), 'n1');
  c = at(c, 374_999);
  assert.equal(podOf(c, 'web-1')!.metadata.deletionTimestamp, undefined);
  c = at(c, 375_000);
  const web = podOf(c, 'web-1')!;
  assert.notEqual(web.metadata.deletionTimestamp, undefined, 'evicted: Terminating, since no kubelet confirms');
  assert.equal(web.status.conditions!.find((x) => x.type === 'DisruptionTarget')?.reason, 'DeletionByTaintManager');
  const ev = c.events.slice().filter((e) => e.reason === 'TaintManagerEviction');
  assert.deepEqual(ev.map((e) => [e.involved.name, e.message, e.source, e.timeMs]), [['web-1', 'Marking for deletion Pod default/web-1', 'taint-eviction-controller', 375_000]]);
  c = at(c, 3_600_000);
  assert.equal(podOf(c, 'ds-1')!.metadata.deletionTimestamp, undefined);
  assert.equal(podOf(c, 'flannel-n1')!.metadata.deletionTimestamp, undefined);

  const row = c.tables.nodes.get('n1')!;
  c = run(c, [{ verb: 'runtime', table: 'nodes', key: 'n1', value: { ...row, alive: true, lastHeartbeatMs: c.nowMs } }]);
  assert.equal(ready(c, 'n1').status, 'True');
  assert.deepEqual(taintKeys(c, 'n1'), []);
  assert.ok(c.events.slice().some((e) => e.reason === 'NodeReady' && e.timeMs === c.nowMs));
});

test('a Pod that tolerates the unreachable taint for 0 s is evicted as soon as the taint appears', () => {
  // DefaultTolerationSeconds admission gives every Pod 300 s unless it says otherwise, as this one does.
  const zero = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 0 }];
  let c = run(cluster(), [{ verb: 'create', object: pod('bare', undefined, { node: 'n1', readySinceMs: 0, spec: { tolerations: zero } }) }]);
  c = fail(at(c, 25_000), 'n1');
  c = at(c, 75_000);
  assert.notEqual(podOf(c, 'bare')!.metadata.deletionTimestamp, undefined);
});

test('the unreachable taint keeps new Pods off the failed node', () => {
  let c = fail(at(cluster(), 25_000), 'n1');
  c = at(c, 80_000);
  c = run(c, [{ verb: 'create', object: pod('new', undefined) }]);
  assert.equal(podOf(c, 'new')!.spec.nodeName, 'n2');
});

test('pod GC force-deletes the Pods of a deleted Node after the 40 s quarantine', () => {
  let c = fail(at(cluster(), 25_000), 'n1');
  c = at(c, 400_000);
  c = run(c, [{ verb: 'purge', ref: { kind: 'Node', namespace: '', name: 'n1' }, reason: 'kubectl delete node' }]);
  const deletedAt = c.nowMs;
  c = at(c, deletedAt + 39_999);
  assert.ok(podOf(c, 'web-1') !== undefined);
  c = at(c, deletedAt + 40_000);
  assert.equal(podOf(c, 'web-1'), undefined);
  assert.equal(podOf(c, 'ds-1'), undefined);
  assert.equal(c.store.podsOnNode('n1').length, 0);
});

test('a Node object without a kubelet goes Unknown ("never posted") after the startup grace period', () => {
  let c = emptyCluster();
  const n = registerNode('ghost', { index: 9 }, 0, isoAt(c.config.epochMs, 0))[0] as { object: Node };
  c = run(c, [{ verb: 'create', object: { ...n.object, status: { ...n.object.status, conditions: [] } } }]);
  c = at(c, 60_000);
  assert.equal(nodeOf(c, 'ghost').status.conditions.length, 0);
  c = at(c, 65_000);
  assert.equal(ready(c, 'ghost').status, 'Unknown');
  assert.equal(ready(c, 'ghost').message, 'Kubelet never posted node status.');
});

test('a NoExecute taint without timeAdded (kubectl taint) counts from when the taint manager sees it; removing it cancels with an event', () => {
  const tolerating = [...DEFAULT_TOLERATIONS, { key: 'dedicated', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 60 }];
  let c = run(cluster(), [{ verb: 'create', object: pod('api', undefined, { node: 'n2', readySinceMs: 0, spec: { tolerations: tolerating } }) }]);
  c = at(c, 600_000);
  const taint = (cl: Cluster, taints: Node['spec']['taints']) => run(cl, [{ verb: 'update', object: { ...nodeOf(cl, 'n2'), spec: { ...nodeOf(cl, 'n2').spec, taints } } }]);
  c = taint(c, [{ key: 'dedicated', value: 'x', effect: 'NoExecute' }]);
  assert.equal(nodeOf(c, 'n2').spec.taints![0].timeAdded, undefined, 'the API server adds no timeAdded');
  c = at(c, 659_999);
  assert.equal(podOf(c, 'api')!.metadata.deletionTimestamp, undefined);
  c = taint(c, []);
  const cancel = c.events.slice().filter((e) => e.reason === 'TaintManagerEviction');
  assert.deepEqual(cancel.map((e) => [e.involved.name, e.message, e.timeMs]), [['api', 'Cancelling deletion of Pod default/api', 659_999]]);
  assert.equal(c.tables.taintEvictions.get('n2'), undefined, 'nothing left to remember');
  // Tainted again: a new 60 s from now.
  c = taint(c, [{ key: 'dedicated', value: 'x', effect: 'NoExecute' }]);
  c = at(c, 719_998);
  assert.equal(podOf(c, 'api')!.metadata.deletionTimestamp, undefined);
  c = at(c, 719_999);
  assert.notEqual(podOf(c, 'api')!.metadata.deletionTimestamp, undefined);
});

test('a Pod deleted while its eviction is queued gets "Cancelling deletion" once it is gone', () => {
  let c = fail(at(cluster(), 25_000), 'n1');
  c = at(c, 100_000);
  c = run(c, [{ verb: 'purge', ref: { kind: 'Pod', namespace: 'default', name: 'web-1' }, reason: 'test' }]);
  const ev = c.events.slice().filter((e) => e.reason === 'TaintManagerEviction');
  assert.deepEqual(ev.map((e) => [e.involved.name, e.message, e.timeMs]), [['web-1', 'Cancelling deletion of Pod default/web-1', 100_000]]);
});
