import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Pod, PodSpec } from '../api/types';
import { rngFrom, seedState } from '../engine/rng';
import { iso, node, pod, viewWith } from '../testing/fixtures';
import { cacheFor } from './cache';
import { podResources } from './pod-resources';
import {
  moreImportantFirst, numCandidates, pickOneNodeForPreemption, preempt, selectVictimsOnNode, splitByPDBViolation,
  type Candidate, type DisruptionBudget, type FilterFailure,
} from './preemption';

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;

/** A Pod of `priority` asking `cpu`, bound to `on` (Running, started at `startedS` seconds) or pending. */
function prio(name: string, priority: number, cpu: string, on?: string, opts: { startedS?: number; spec?: Partial<PodSpec>; labels?: Record<string, string>; status?: Partial<Pod['status']>; meta?: Partial<Pod['metadata']> } = {}): Pod {
  const p = pod(name, undefined, {
    ...(on ? { node: on, phase: 'Running' as const } : {}),
    ...(opts.labels ? { labels: opts.labels } : {}),
    ...(opts.meta ? { meta: opts.meta } : {}),
    spec: { priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }], ...opts.spec } as Partial<PodSpec>,
  });
  const startTime = on !== undefined ? iso((opts.startedS ?? 0) * 1000) : undefined;
  return { ...p, status: { ...p.status, ...(startTime ? { startTime } : {}), ...opts.status } };
}

const names = (pods: readonly Pod[]) => pods.map((p) => p.metadata.name);
const noNominated = () => undefined;
const noPDBs = () => [];

test('SelectVictimsOnNode: every lower-priority Pod taken away, then as many given back as fit, the most important first', () => {
  // n1 (2 cpu): top (100) 500m, a (10) 500m, b (5) 500m, c (1) 500m; the preemptor (50) asks 1 cpu.
  // Without a, b and c 1500m are free: it fits. a is given back (1000m free still fits), then b does not fit, nor c.
  const objects = [node('n1'), prio('top', 100, '500m', 'n1'), prio('a', 10, '500m', 'n1'), prio('b', 5, '500m', 'n1'), prio('c', 1, '500m', 'n1')];
  const cache = cacheFor(viewWith(objects));
  const preemptor = prio('p', 50, '1');
  const r = selectVictimsOnNode(cache, cache.indexOf('n1')!, preemptor, podResources(preemptor), undefined, undefined, [], 0);
  assert.ok(!('reasons' in r));
  assert.deepEqual([r.node, names(r.victims), r.numPDBViolations], ['n1', ['b', 'c'], 0]);
});

test('SelectVictimsOnNode: equal priorities are given back the earliest started first (MoreImportantPod)', () => {
  const objects = [node('n1'), prio('new', 1, '1', 'n1', { startedS: 50 }), prio('old', 1, '1', 'n1', { startedS: 10 })];
  const cache = cacheFor(viewWith(objects));
  const preemptor = prio('p', 9, '1');
  const r = selectVictimsOnNode(cache, cache.indexOf('n1')!, preemptor, podResources(preemptor), undefined, undefined, [], 0) as Candidate;
  assert.deepEqual(names(r.victims), ['new']);
});

test('SelectVictimsOnNode: no lower-priority Pod, or not enough room even without them: the reasons', () => {
  const objects = [node('n1'), prio('same', 5, '1500m', 'n1'), prio('big', 100, '1500m', 'n2'), node('n2'), prio('small', 1, '100m', 'n2')];
  const cache = cacheFor(viewWith(objects));
  const preemptor = prio('p', 5, '1');
  assert.deepEqual(selectVictimsOnNode(cache, cache.indexOf('n1')!, preemptor, podResources(preemptor), undefined, undefined, [], 0),
    { reasons: ['No preemption victims found for incoming pod'] });
  const higher = prio('p', 50, '1');
  assert.deepEqual(selectVictimsOnNode(cache, cache.indexOf('n2')!, higher, podResources(higher), undefined, undefined, [], 0), { reasons: ['Insufficient cpu'] });
});

test('SelectVictimsOnNode: Pods nominated to the node that the preemptor yields to keep their room', () => {
  const objects = [node('n1'), prio('low', 1, '1', 'n1')];
  const cache = cacheFor(viewWith(objects));
  const preemptor = prio('p', 50, '1500m');
  assert.equal(('reasons' in selectVictimsOnNode(cache, cache.indexOf('n1')!, preemptor, podResources(preemptor), undefined, undefined, [], 0)), false);
  const nominated = { cpuMillis: 1000, memoryBytes: 0, pods: 1, hostPorts: [] };
  assert.deepEqual(selectVictimsOnNode(cache, cache.indexOf('n1')!, preemptor, podResources(preemptor), nominated, undefined, [], 0), { reasons: ['Insufficient cpu'] });
});

test('SelectVictimsOnNode with PodDisruptionBudgets: the violating victims are given back first and counted', () => {
  // Both Pods are equal but `guarded` is covered by a budget with no disruption left: it is tried first and
  // given back; `free` becomes the victim. Were only one to go and it the guarded one, the count would be 1.
  const objects = [node('n1'), prio('free', 1, '1', 'n1', { startedS: 1 }), prio('guarded', 1, '1', 'n1', { startedS: 2, labels: { app: 'db' } })];
  const cache = cacheFor(viewWith(objects));
  const pdb: DisruptionBudget = { metadata: { namespace: 'default' }, spec: { selector: { matchLabels: { app: 'db' } } }, status: { disruptionsAllowed: 0 } };
  const preemptor = prio('p', 50, '1');
  const r = selectVictimsOnNode(cache, cache.indexOf('n1')!, preemptor, podResources(preemptor), undefined, undefined, [pdb], 0) as Candidate;
  assert.deepEqual([names(r.victims), r.numPDBViolations], [['free'], 0]);
  const both = prio('p', 50, '2');
  const r2 = selectVictimsOnNode(cache, cache.indexOf('n1')!, both, podResources(both), undefined, undefined, [pdb], 0) as Candidate;
  assert.deepEqual([names(r2.victims), r2.numPDBViolations], [['free', 'guarded'], 1]);
});

test('filterPodsWithPDBViolation: budgets are spent in order; an empty selector, another namespace or a disrupted Pod do not count', () => {
  const db = (n: string) => prio(n, 0, '1', 'n1', { labels: { app: 'db' } });
  const pdb = (allowed: number, extra: Partial<DisruptionBudget> = {}): DisruptionBudget => ({
    metadata: { namespace: 'default' }, spec: { selector: { matchLabels: { app: 'db' } } }, status: { disruptionsAllowed: allowed }, ...extra,
  });
  const pods = [db('a'), db('b'), db('c'), prio('bare', 0, '1', 'n1')];
  const split = (budgets: DisruptionBudget[]) => { const s = splitByPDBViolation(pods, budgets); return [names(s.violating), names(s.nonViolating)]; };
  assert.deepEqual(split([pdb(1)]), [['b', 'c'], ['a', 'bare']]);
  assert.deepEqual(split([pdb(0, { spec: { selector: {} } })]), [[], ['a', 'b', 'c', 'bare']]);
  assert.deepEqual(split([pdb(0, { metadata: { namespace: 'other' } })]), [[], ['a', 'b', 'c', 'bare']]);
  assert.deepEqual(split([pdb(0, { status: { disruptionsAllowed: 0, disruptedPods: { a: iso(0) } } })]), [['b', 'c'], ['a', 'bare']]);
});

const cand = (node: string, victims: Pod[], numPDBViolations = 0): Candidate => ({ node, victims, numPDBViolations });

test('pickOneNodeForPreemption: PDB violations, highest victim priority, sum of priorities, number of victims, latest start, first', () => {
  const v = (n: string, p: number, startedS = 0) => prio(n, p, '1', 'x', { startedS });
  const pick = (cs: Candidate[]) => pickOneNodeForPreemption(cs, 0)?.node;
  // | candidates                                   | picked | by                                  |
  // | n1 1 violation; n2 none (higher priorities)  | n2     | fewest PDB violations               |
  assert.equal(pick([cand('n1', [v('a', 1)], 1), cand('n2', [v('b', 9)])]), 'n2');
  // | n1 top 9; n2 top 5 (with more victims)       | n2     | lowest highest-victim priority      |
  assert.equal(pick([cand('n1', [v('a', 9)]), cand('n2', [v('b', 5), v('c', 5), v('d', 5)])]), 'n2');
  // | n1 5+4; n2 5+1                               | n2     | smallest sum of priorities          |
  assert.equal(pick([cand('n1', [v('a', 5), v('b', 4)]), cand('n2', [v('c', 5), v('d', 1)])]), 'n2');
  // | n1 -5,-5; n2 -5 (negative priorities)        | n2     | sum counted from MinInt32: fewer wins |
  assert.equal(pick([cand('n1', [v('a', -5), v('b', -5)]), cand('n2', [v('c', -5)])]), 'n2');
  // | n1 two victims of 0, n2 one of 0 + ... equal sums impossible: same priorities, n2 fewer | n2 | fewest victims |
  assert.equal(pick([cand('n1', [v('a', 0), v('b', 0)]), cand('n2', [v('c', 0)])]), 'n2');
  // | n1 started at 10 s; n2 at 30 s               | n2     | latest start of the top victims     |
  assert.equal(pick([cand('n1', [v('a', 3, 10)]), cand('n2', [v('b', 3, 30)])]), 'n2');
  // | all equal                                    | n1     | the first                           |
  assert.equal(pick([cand('n1', [v('a', 3, 10)]), cand('n2', [v('b', 3, 10)])]), 'n1');
  assert.equal(pick([]), undefined);
});

test('calculateNumCandidates: 10% of the nodes, at least 100, at most all', () => {
  assert.deepEqual([5, 100, 999, 1000, 5000].map(numCandidates), [5, 100, 100, 100, 500]);
});

test('MoreImportantPod: higher priority first, then earlier start; a Pod not started counts as starting now', () => {
  const pods = [prio('late', 1, '1', 'n', { startedS: 20 }), prio('top', 9, '1', 'n', { startedS: 99 }), prio('early', 1, '1', 'n', { startedS: 5 }), prio('pending', 1, '1')];
  assert.deepEqual(names([...pods].sort(moreImportantFirst(Date.parse(iso(60_000))))), ['top', 'early', 'late', 'pending']);
});

/** The failures a cluster of a tainted control plane and full workers gives a Pod of 1 cpu. */
function fullCluster(extra: Pod[] = []) {
  const objects = [node('cp', { taints: [CP_TAINT] }), node('w1'), node('w2'), prio('l1', 0, '1500m', 'w1'), prio('l2', 0, '1500m', 'w2'), ...extra];
  const cache = cacheFor(viewWith(objects));
  cache.size();
  const failures: FilterFailure[] = [
    { node: cache.indexOf('cp')!, reasons: ['x'], unresolvable: true },
    { node: cache.indexOf('w1')!, reasons: ['Insufficient cpu'], unresolvable: false },
    { node: cache.indexOf('w2')!, reasons: ['Insufficient cpu'], unresolvable: false },
  ];
  return { cache, failures };
}

test('Preempt: preemptionPolicy Never is not eligible, and leaves the nomination as it is', () => {
  const { cache, failures } = fullCluster();
  const p = prio('p', 10, '1', undefined, { spec: { preemptionPolicy: 'Never' } });
  assert.deepEqual(preempt(cache, p, podResources(p), failures, 3, undefined, noPDBs, noNominated, rngFrom(seedState(1)), 0),
    { message: 'not eligible due to preemptionPolicy=Never.' });
});

test('Preempt: only nodes whose failure is resolvable are tried; none with a lower-priority Pod: no victims, the nomination cleared', () => {
  const { cache, failures } = fullCluster();
  const p = prio('p', 0, '1');
  assert.deepEqual(preempt(cache, p, podResources(p), failures, 3, undefined, noPDBs, noNominated, rngFrom(seedState(1)), 0), {
    message: '0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    nominatedNodeName: '',
  });
  const allUnresolvable = failures.map((f) => ({ ...f, unresolvable: true }));
  assert.equal(preempt(cache, prio('q', 10, '1'), podResources(p), allUnresolvable, 3, undefined, noPDBs, noNominated, rngFrom(seedState(1)), 0).message,
    '0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
});

test('Preempt: a higher-priority Pod gets a node and its victims, and lower-priority Pods nominated there', () => {
  const waiting = prio('waiting', 1, '100m', undefined, { status: { phase: 'Pending', nominatedNodeName: 'w1' } as Pod['status'] });
  const { cache, failures } = fullCluster([waiting]);
  const p = prio('p', 10, '1');
  const r = preempt(cache, p, podResources(p), failures, 3, undefined, noPDBs, noNominated, rngFrom(seedState(1)), 0);
  assert.equal(r.message, undefined);
  assert.equal(r.nominatedNodeName, r.candidate?.node);
  assert.deepEqual(names(r.candidate!.victims), [r.candidate!.node === 'w1' ? 'l1' : 'l2']);
  assert.deepEqual(names(r.lowerPriorityNominated!), r.candidate!.node === 'w1' ? ['waiting'] : []);
});

test('PodEligibleToPreemptOthers: a lower-priority Pod terminating by preemption on the nominated node makes the Pod wait', () => {
  const terminating = prio('l1', 0, '1500m', 'w1', {
    meta: { deletionTimestamp: iso(5000) },
    status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] } as Partial<Pod['status']>,
  });
  const objects = [node('cp', { taints: [CP_TAINT] }), node('w1'), terminating];
  const cache = cacheFor(viewWith(objects));
  cache.size();
  const failures: FilterFailure[] = [{ node: 0, reasons: ['x'], unresolvable: true }, { node: 1, reasons: ['Insufficient cpu'], unresolvable: false }];
  const p = prio('p', 10, '1', undefined, { status: { phase: 'Pending', nominatedNodeName: 'w1' } as Pod['status'] });
  assert.deepEqual(preempt(cache, p, podResources(p), failures, 2, undefined, noPDBs, noNominated, rngFrom(seedState(1)), 0),
    { message: 'not eligible due to a terminating pod on the nominated node.' });
  // The nominated node now rejected as unresolvable (say a taint came): eligible again.
  const tainted = failures.map((f) => ({ ...f, unresolvable: true }));
  assert.equal(preempt(cache, p, podResources(p), tainted, 2, undefined, noPDBs, noNominated, rngFrom(seedState(1)), 0).message,
    '0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  // Without the DisruptionTarget condition (deleted by someone else), it is not waited for.
  const plain = { ...terminating, status: { ...terminating.status, conditions: [] } };
  const cache2 = cacheFor(viewWith([node('cp', { taints: [CP_TAINT] }), node('w1'), plain]));
  cache2.size();
  assert.notEqual(preempt(cache2, p, podResources(p), failures, 2, undefined, noPDBs, noNominated, rngFrom(seedState(1)), 0).message,
    'not eligible due to a terminating pod on the nominated node.');
});

test('the cache keeps each node\'s lowest Pod priority as Pods come and go', () => {
  const objects: (Node | Pod)[] = [node('n1'), prio('a', 5, '1m', 'n1'), prio('b', 3, '1m', 'n1')];
  const cache = cacheFor(viewWith(objects));
  cache.size();
  assert.equal(cache.lowestPriority(0), 3);
  const c = prio('c', 1, '1m', 'n1');
  cache.podChanged(c, undefined);
  assert.equal(cache.lowestPriority(0), 1);
  cache.podChanged(prio('d', 1, '1m', 'n1'), undefined);
  cache.podChanged(undefined, c);
  assert.equal(cache.lowestPriority(0), 1); // d still has it
  cache.podChanged({ ...c, metadata: { ...c.metadata, name: 'e' }, status: { ...c.status, phase: 'Succeeded' } }, undefined); // terminal: not on the node
  assert.equal(cache.lowestPriority(0), 1);
});
