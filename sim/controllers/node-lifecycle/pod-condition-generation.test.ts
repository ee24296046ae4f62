import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCluster, submit } from '../../engine/loop';
import type { Change, Cluster } from '../../engine/types';
import type { Node, Pod } from '../../api/types';
import { isoAt } from '../../engine/transaction';
import { ctxAt, pod, viewWith } from '../../testing/fixtures';
import { registerNode } from '../../cluster/node-object';
import { controllers as lifecycle } from './index';
import { markPodsNotReady } from './node-lifecycle';
import { reconcilePodGC } from './podgc';

// The Pod conditions the node lifecycle controllers write carry observedGeneration as v1.34 writes
// it (KEP-5067, PodObservedGenerationTracking Beta): DisruptionTarget gets the Pod's generation
// (taint_eviction.go addConditionAndDeletePod, gc_controller.go gcOrphaned); MarkPodsNotReady copies
// the kubelet's Ready condition and keeps the kubelet's value.

function run(c: Cluster, changes: readonly Change[]): Cluster {
  const r = submit(c, changes, lifecycle);
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

const podOf = (c: Cluster, name: string) => c.store.get<Pod>('Pod', 'default', name)!;
const disruption = (p: Pod) => p.status.conditions?.find((x) => x.type === 'DisruptionTarget');

function withPod(p: Pod): Cluster {
  let c = emptyCluster({ seed: 5 });
  c = run(c, registerNode('n1', { index: 1 }, 0, isoAt(c.config.epochMs, 0)));
  return run(c, [{ verb: 'create', object: p }]);
}

test('taint eviction: DisruptionTarget carries the generation the Pod had (1); the deletion then moves the Pod to 2', () => {
  let c = withPod(pod('web', undefined, { node: 'n1', readySinceMs: 0 }));
  const n1 = c.store.get<Node>('Node', '', 'n1')!;
  c = run(c, [{ verb: 'update', object: { ...n1, spec: { ...n1.spec, taints: [{ key: 'evict', effect: 'NoExecute' }] } } }]);
  const p = podOf(c, 'web');
  assert.deepEqual(disruption(p), {
    type: 'DisruptionTarget', observedGeneration: 1, status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z',
    reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint',
  });
  assert.deepEqual(Object.keys(disruption(p)!).slice(0, 3), ['type', 'observedGeneration', 'status']);
  assert.equal(p.metadata.generation, 2);
  assert.notEqual(p.metadata.deletionTimestamp, undefined);
});

test('PodGC: a Pod of a deleted node is marked Failed with DisruptionTarget at the Pod\'s generation, then force-deleted', () => {
  const p = pod('web', undefined, { node: 'gone', readySinceMs: 0, meta: { generation: 4 } });
  const { changes } = reconcilePodGC(viewWith([p]), 'purge:gone', ctxAt(60_000));
  const write = changes.find((x) => x.verb === 'status') as { object: Pod } | undefined;
  assert.equal(write?.object.status.phase, 'Failed');
  assert.deepEqual(disruption(write!.object), {
    type: 'DisruptionTarget', observedGeneration: 4, status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:01:00Z',
    reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists',
  });
  assert.ok(changes.some((x) => x.verb === 'delete' && x.gracePeriodSeconds === 0));
});

test('MarkPodsNotReady: Ready False keeps the kubelet\'s observedGeneration (a copy of its condition)', () => {
  const p = pod('web', undefined, { node: 'n1', readySinceMs: 0 });
  const kubelets: Pod = {
    ...p,
    metadata: { ...p.metadata, generation: 3 },
    status: { ...p.status, conditions: [{ type: 'Ready', observedGeneration: 2, status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' }] },
  };
  const [write] = markPodsNotReady([kubelets], '2025-01-01T00:01:15Z');
  assert.equal(write.verb, 'status');
  const ready = (write as { object: Pod }).object.status.conditions![0];
  assert.deepEqual(ready, { type: 'Ready', observedGeneration: 2, status: 'False', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:01:15Z' });
});
