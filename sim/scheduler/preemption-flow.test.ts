import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, emptyCluster, submit } from '../engine/loop';
import type { Change, Cluster } from '../engine/types';
import type { KubeObject, Pod, PodSpec } from '../api/types';
import { node, pod } from '../testing/fixtures';
import { scheduler } from './scheduler';

// The scheduler with DefaultPreemption end to end (no kubelet: victims stay terminating until purged here).

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;
const FULL = '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.';

function run(cluster: Cluster, changes: Change[]): Cluster {
  const r = submit(cluster, changes, [scheduler], 'test');
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

const create = (...objects: KubeObject[]): Change[] => objects.map((object) => ({ verb: 'create', object }));
const purge = (name: string): Change => ({ verb: 'purge', ref: { kind: 'Pod', namespace: 'default', name }, reason: 'test' });
const podOf = (c: Cluster, name: string) => c.store.get<Pod>('Pod', 'default', name);
const eventsOf = (c: Cluster, name: string) => c.events.slice().filter((e) => e.involved.name === name).map((e) => [e.type, e.reason, e.message, e.source]);
const nominatedOf = (c: Cluster, name: string) => (podOf(c, name)!.status as { nominatedNodeName?: string }).nominatedNodeName;

function prio(name: string, priority: number, cpu: string, on?: string, spec: Partial<PodSpec> = {}): Pod {
  return pod(name, undefined, {
    ...(on ? { node: on, phase: 'Running' as const } : {}),
    spec: { priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }], ...spec } as Partial<PodSpec>,
  });
}

function fullNode(): Cluster {
  return run(emptyCluster({ seed: 5 }), create(node('cp', { taints: [CP_TAINT] }), node('w1'), prio('low', 0, '1500m', 'w1')));
}

test('a higher-priority Pod preempts: the victim gets DisruptionTarget, is deleted and told; the Pod is nominated, then bound once it is gone', () => {
  let c = run(fullNode(), create(prio('high', 1000, '1')));
  const high = podOf(c, 'high')!;
  const low = podOf(c, 'low')!;
  assert.notEqual(low.metadata.deletionTimestamp, undefined);
  const disruption = low.status.conditions?.find((x) => x.type === 'DisruptionTarget');
  assert.deepEqual([disruption?.status, disruption?.reason, disruption?.message], ['True', 'PreemptionByScheduler', 'default-scheduler: preempting to accommodate a higher priority pod']);
  assert.deepEqual(eventsOf(c, 'low'), [['Normal', 'Preempted', `Preempted by pod ${high.metadata.uid} on node w1`, 'default-scheduler']]);
  // The FailedScheduling message has no preemption part: DefaultPreemption succeeded.
  assert.deepEqual(eventsOf(c, 'high'), [['Warning', 'FailedScheduling', FULL, 'default-scheduler']]);
  const cond = high.status.conditions?.find((x) => x.type === 'PodScheduled');
  assert.deepEqual([cond?.status, cond?.reason, cond?.message, nominatedOf(c, 'high'), high.spec.nodeName], ['False', 'Unschedulable', FULL, 'w1', undefined]);

  // The victim goes away (its graceful termination over): the Pod is retried after its backoff and bound.
  c = run(c, [purge('low')]);
  c = advance(c, 2000, [scheduler]);
  assert.equal(podOf(c, 'high')!.spec.nodeName, 'w1');
  assert.equal(nominatedOf(c, 'high'), 'w1'); // ClearingNominatedNodeNameAfterBinding is off in v1.34
  assert.deepEqual(eventsOf(c, 'high').at(-1), ['Normal', 'Scheduled', 'Successfully assigned default/high to w1', 'default-scheduler']);
});

test('the room a nominated Pod waits for is not taken by a Pod of lower priority', () => {
  let c = run(fullNode(), create(prio('high', 1000, '1')));
  // The victim is gone and another Pod comes at the same instant, before the nominated Pod's retry.
  c = run(c, [purge('low'), ...create(prio('other', 0, '1500m'))]);
  assert.equal(podOf(c, 'other')!.spec.nodeName, undefined);
  assert.match(podOf(c, 'other')!.status.conditions!.find((x) => x.type === 'PodScheduled')!.message!,
    /^0\/2 nodes are available: 1 Insufficient cpu, .* preemption: 0\/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling\.$/);
  c = advance(c, 2000, [scheduler]);
  assert.equal(podOf(c, 'high')!.spec.nodeName, 'w1');
  assert.equal(podOf(c, 'other')!.spec.nodeName, undefined);
});

test('preemptionPolicy Never: nothing is preempted and the message says why', () => {
  const c = run(fullNode(), create(prio('polite', 1000, '1', undefined, { preemptionPolicy: 'Never' })));
  assert.equal(podOf(c, 'low')!.metadata.deletionTimestamp, undefined);
  assert.equal(nominatedOf(c, 'polite'), undefined);
  assert.deepEqual(eventsOf(c, 'polite'), [['Warning', 'FailedScheduling', `${FULL} no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.`, 'default-scheduler']]);
});

test('a Pod of equal priority preempts nothing: No preemption victims found', () => {
  const c = run(fullNode(), create(prio('peer', 0, '1')));
  assert.equal(podOf(c, 'low')!.metadata.deletionTimestamp, undefined);
  assert.deepEqual(eventsOf(c, 'peer').map((e) => e[2]), [`${FULL} no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.`]);
});

test('while its victims terminate, a retried preemptor preempts no more: not eligible due to a terminating pod on the nominated node', () => {
  let c = run(emptyCluster({ seed: 5 }), create(node('cp', { taints: [CP_TAINT] }), node('w1'), prio('low', 0, '1500m', 'w1'), prio('low2', 0, '400m', 'w1')));
  c = run(c, create(prio('high', 1000, '1500m')));
  assert.notEqual(podOf(c, 'low')!.metadata.deletionTimestamp, undefined);
  assert.equal(podOf(c, 'low2')!.metadata.deletionTimestamp, undefined);
  // A Node change sweeps the unschedulable Pods again (after the backoff): the preemptor waits for its victim.
  const w1 = c.store.get('Node', '', 'w1')!;
  c = run(c, [{ verb: 'update', object: { ...w1, metadata: { ...w1.metadata, labels: { ...w1.metadata.labels, x: 'y' } } } }]);
  c = advance(c, 2000, [scheduler]);
  assert.equal(podOf(c, 'low2')!.metadata.deletionTimestamp, undefined);
  assert.equal(eventsOf(c, 'high').at(-1)![2], `${FULL} no new claims to deallocate, preemption: not eligible due to a terminating pod on the nominated node.`);
  assert.equal(nominatedOf(c, 'high'), 'w1');
});

test('evaluateNominatedNode: a nominated Pod takes its nominated node when it fits there, not the best scored one', () => {
  const nominated = { ...prio('high', 1000, '500m'), status: { phase: 'Pending', nominatedNodeName: 'w1' } } as Pod;
  const c = run(emptyCluster({ seed: 5 }), create(node('w1'), node('w2'), prio('busy', 0, '1', 'w1'), nominated, prio('free', 0, '500m')));
  assert.equal(podOf(c, 'high')!.spec.nodeName, 'w1');
  assert.equal(podOf(c, 'free')!.spec.nodeName, 'w2'); // the emptier node, as the scores say
});

test('prepareCandidate: a lower-priority Pod nominated to the chosen node loses its nomination', () => {
  // `waiting` (priority 0, as `low`) comes nominated to w1: its attempt finds no victims, which clears the nomination (ModeOverride '').
  const waiting = { ...prio('waiting', 0, '2'), status: { phase: 'Pending', nominatedNodeName: 'w1' } } as Pod;
  let c = run(fullNode(), create(waiting));
  assert.equal(nominatedOf(c, 'waiting'), undefined);
  // Nominated again (as by an earlier preemption); then `high` (1000) needs w1: `waiting` is un-nominated.
  c = run(c, [{ verb: 'status', object: { ...podOf(c, 'waiting')!, status: { ...podOf(c, 'waiting')!.status, nominatedNodeName: 'w1' } as Pod['status'] } }]);
  c = run(c, create(prio('high', 1000, '1')));
  assert.equal(nominatedOf(c, 'high'), 'w1');
  assert.equal(nominatedOf(c, 'waiting'), undefined);
});

test('PrioritySort: Pods retried together are tried higher priority first, so the freed room goes to the more important one', () => {
  // Both wait for w1; `polite` (high priority, preemptionPolicy Never) failed after `first` (priority 0).
  let c = run(fullNode(), create(prio('first', 0, '1500m')));
  c = run(c, create(prio('polite', 1000, '1500m', undefined, { preemptionPolicy: 'Never' })));
  c = run(c, [purge('low')]);
  c = advance(c, 2000, [scheduler]);
  assert.equal(podOf(c, 'polite')!.spec.nodeName, 'w1');
  assert.equal(podOf(c, 'first')!.spec.nodeName, undefined);
});
