import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSet, Node, Pod } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { ctxAt, daemonSet, describeChanges, node, pod, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { daemonSetController, reconcileDaemonSet } from './daemon-set';
import { daemonPodPlacement, nodeShouldRunDaemonPod } from './daemonset-util';

const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

test('one Pod per eligible node, pinned by node affinity, with the daemon tolerations; the tainted control plane is skipped', () => {
  const ds = daemonSet('kube-proxy', { namespace: 'kube-system' });
  const view = viewWith([ds, node('k8s-master', { taints: [CONTROL_PLANE_TAINT] }), node('k8s-node1'), node('k8s-node2')]);
  const { changes } = reconcileDaemonSet(view, 'kube-system/kube-proxy', ctxAt(0));
  const pods = changes.filter((c) => c.verb === 'create' && c.object.kind === 'Pod').map((c) => (c as { object: Pod }).object);
  assert.equal(pods.length, 2);
  const pinned = pods.map((p) => (p.spec.affinity as { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: { matchFields: { values: string[] }[] }[] } } })
    .nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]);
  assert.deepEqual(pinned.sort(), ['k8s-node1', 'k8s-node2']);
  for (const p of pods) {
    assert.match(p.metadata.name, /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const keys = (p.spec.tolerations ?? []).map((t) => `${t.key}:${t.effect}${t.tolerationSeconds === undefined ? '' : `:${t.tolerationSeconds}`}`);
    assert.deepEqual(keys, [
      'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  }
  const status = changes.find((c) => c.verb === 'status');
  assert.ok(status?.verb === 'status');
  assert.equal((status.object as DaemonSet).status.desiredNumberScheduled, 2);
  assert.equal((status.object as DaemonSet).status.currentNumberScheduled, 0);
});

test('nodeShouldRunDaemonPod: nodeSelector, unreachable and cordoned nodes, hostNetwork and network-unavailable', () => {
  const spec = daemonSet('d').spec.template.spec;
  assert.ok(nodeShouldRunDaemonPod(node('n', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] }), spec));
  assert.ok(nodeShouldRunDaemonPod(node('n', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), spec));
  assert.ok(!nodeShouldRunDaemonPod(node('n', { labels: { disktype: 'hdd' } }), { ...spec, nodeSelector: { disktype: 'ssd' } }));
  const netDown = node('n', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] });
  assert.ok(!nodeShouldRunDaemonPod(netDown, spec));
  assert.ok(nodeShouldRunDaemonPod(netDown, { ...spec, hostNetwork: true }));
});

test('extra Pods on a node and Pods on a node that stopped matching are deleted', () => {
  const base = daemonSet('d', { spec: { nodeSelector: { role: 'x' } } });
  const ds: DaemonSet = { ...base, spec: { ...base.spec, updateStrategy: { type: 'OnDelete' } } }; // no rolling update of these hash-less Pods
  const n1 = node('n1', { labels: { role: 'x' } });
  const n2 = node('n2');
  const a = pod('d-aaaaa', ds, { node: 'n1', readySinceMs: 0, createdMs: 0 });
  const b = pod('d-bbbbb', ds, { node: 'n1', readySinceMs: 0, createdMs: 1000 });
  const c = pod('d-ccccc', ds, { node: 'n2', readySinceMs: 0 });
  const lines = describeChanges(reconcileDaemonSet(viewWith([ds, n1, n2, a, b, c], 5000), 'default/d', ctxAt(5000)).changes);
  assert.ok(lines.includes('delete Pod d-bbbbb'));
  assert.ok(lines.includes('delete Pod d-ccccc'));
  assert.ok(!lines.includes('delete Pod d-aaaaa'));
});

function dsNow(c: Cluster): DaemonSet { return c.store.get<DaemonSet>('DaemonSet', 'default', 'd')!; }
const live = (c: Cluster): Pod[] => c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);

test('through the engine: nodes joining get a Pod, a node deleted loses it, status counts follow', () => {
  const ctl = [daemonSetController, standInKubelet()];
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: node('n2') }, { verb: 'create', object: daemonSet('d') }], ctl).cluster;
  c = advance(c, 1000, ctl);
  assert.equal(live(c).length, 2);
  assert.deepEqual(live(c).map((p) => p.spec.nodeName).sort(), ['n1', 'n2']);
  assert.equal(dsNow(c).status.numberReady, 2);
  assert.equal(dsNow(c).status.updatedNumberScheduled, 2);
  c = submit(c, [{ verb: 'create', object: node('n3') }], ctl).cluster;
  assert.equal(live(c).length, 3);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Node', namespace: '', name: 'n1' }, reason: 'test' }], ctl).cluster;
  // The Pod bound to n1 is left to PodGC (not running here); no replacement is made anywhere.
  assert.deepEqual(live(c).map((p) => p.spec.nodeName).sort(), ['n1', 'n2', 'n3']);
  assert.equal(dsNow(c).status.desiredNumberScheduled, 2);
  assert.equal(dsNow(c).status.currentNumberScheduled, 2);
  // NoSchedule: no new daemon Pod would go there, but the existing one may stay (misscheduled).
  const noSchedule: Node = { ...c.store.get<Node>('Node', '', 'n2')!, spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } };
  c = submit(c, [{ verb: 'update', object: noSchedule }], ctl).cluster;
  assert.deepEqual(live(c).map((p) => p.spec.nodeName).sort(), ['n1', 'n2', 'n3']);
  assert.deepEqual([dsNow(c).status.desiredNumberScheduled, dsNow(c).status.numberMisscheduled], [1, 1]);
  // NoExecute not tolerated: the Pod must go.
  const noExecute: Node = { ...noSchedule, spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } };
  c = submit(c, [{ verb: 'update', object: { ...c.store.get<Node>('Node', '', 'n2')!, spec: noExecute.spec } }], ctl).cluster;
  assert.deepEqual(live(c).map((p) => p.spec.nodeName).sort(), ['n1', 'n3']);
});

test('through the engine: a template change rolls Pods one node at a time (maxUnavailable 1)', () => {
  const ctl = [daemonSetController, standInKubelet({ readyAfterMs: 1000 })];
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: node('n2') }, { verb: 'create', object: node('n3') }, { verb: 'create', object: daemonSet('d') }], ctl).cluster;
  c = advance(c, 1000, ctl);
  const ds = dsNow(c);
  const t = ds.spec.template;
  c = submit(c, [{ verb: 'update', object: { ...ds, spec: { ...ds.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:2' }] } } } } }], ctl).cluster;
  for (let i = 0; i < 10; i++) {
    const ready = live(c).filter((p) => p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;
    assert.ok(ready >= 2, `t=${c.nowMs}: only ${ready} ready daemon pods`);
    c = advance(c, 500, ctl);
  }
  assert.deepEqual(live(c).map((p) => p.spec.containers[0].image), ['nginx:2', 'nginx:2', 'nginx:2']);
  assert.equal(dsNow(c).status.updatedNumberScheduled, 3);
});

test('daemonPodPlacement: NoSchedule keeps an existing Pod, NoExecute does not', () => {
  const spec = daemonSet('d').spec.template.spec;
  assert.deepEqual(daemonPodPlacement(node('n', { taints: [CONTROL_PLANE_TAINT] }), spec), { shouldRun: false, shouldContinueRunning: true });
  assert.deepEqual(daemonPodPlacement(node('n', { taints: [{ key: 'dedicated', effect: 'NoExecute' }] }), spec), { shouldRun: false, shouldContinueRunning: false });
  assert.deepEqual(daemonPodPlacement(node('n'), spec), { shouldRun: true, shouldContinueRunning: true });
  const tolerant = { ...spec, tolerations: [{ operator: 'Exists' as const }] };
  assert.deepEqual(daemonPodPlacement(node('n', { taints: [CONTROL_PLANE_TAINT, { key: 'x', effect: 'NoExecute' }] }), tolerant), { shouldRun: true, shouldContinueRunning: true });
});

test('through the engine: the API server keeps deprecated.daemonset.template.generation; it moves with the template only', () => {
  const ctl = [daemonSetController, standInKubelet()];
  const annotation = (c: Cluster) => dsNow(c).metadata.annotations?.['deprecated.daemonset.template.generation'];
  const generationLabels = (c: Cluster) => [...new Set(live(c).map((p) => p.metadata.labels?.['pod-template-generation']))];
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: daemonSet('d') }], ctl).cluster;
  c = advance(c, 1000, ctl);
  assert.equal(annotation(c), '1');
  assert.deepEqual(generationLabels(c), ['1']);
  // A spec change outside the template: generation 2, template generation still 1.
  let ds = dsNow(c);
  c = submit(c, [{ verb: 'update', object: { ...ds, spec: { ...ds.spec, minReadySeconds: 5 } } }], ctl).cluster;
  assert.deepEqual([dsNow(c).metadata.generation, annotation(c)], [2, '1']);
  // A template change, with a client trying to set the annotation itself: the server's count wins.
  ds = dsNow(c);
  const t = ds.spec.template;
  const bumped = { ...ds, metadata: { ...ds.metadata, annotations: { 'deprecated.daemonset.template.generation': '9' } }, spec: { ...ds.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:2' }] } } } };
  c = submit(c, [{ verb: 'update', object: bumped }], ctl).cluster;
  assert.deepEqual([dsNow(c).metadata.generation, annotation(c)], [3, '2']);
  c = advance(c, 60_000, ctl);
  assert.deepEqual(generationLabels(c), ['2']);
});
