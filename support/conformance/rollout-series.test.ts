import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEntry } from '../../sim/engine/types';
import { decodeRollouts, encodeRollouts, MAX_POINTS, rolloutSeries } from './rollout-series';

// Hand-written traces in sim/engine/summary.ts's format: what the deployment and ReplicaSet
// controllers write during a 3-replica rollout with maxSurge 1, maxUnavailable 0.

const at = (s: number) => s * 1000;
const dep = (t: number, summary: string, verb: TraceEntry['verb'] = 'update'): TraceEntry => ({ timeMs: at(t), verb, kind: 'Deployment', namespace: 'default', name: 'web', summary, cause: 'kubectl' });
const rs = (t: number, name: string, summary: string, verb: TraceEntry['verb'] = 'update'): TraceEntry => ({ timeMs: at(t), verb, kind: 'ReplicaSet', namespace: 'default', name, summary, cause: 'deployment-controller' });
const size = (r: number, a: number) => `replicas=${r} ready=${a} available=${a}`;
const lease: TraceEntry = { timeMs: at(10), verb: 'update', kind: 'Lease', namespace: 'kube-node-lease', name: 'k8s-node1', summary: '', cause: 'kubelet' };
const pod: TraceEntry = { timeMs: at(11), verb: 'create', kind: 'Pod', namespace: 'default', name: 'web-aaa-x1', summary: 'created Pending not-ready', cause: 'replicaset-controller' };

const ROLLOUT: TraceEntry[] = [
  dep(0, 'created replicas=3 updated=0 available=0', 'create'),
  rs(0, 'web-aaa', `created ${size(3, 0)}`, 'create'),
  pod, lease,
  rs(5, 'web-aaa', `${size(3, 0)} -> ${size(3, 3)}`),
  dep(60, 'replicas=3 updated=3 available=3'),                      // kubectl set image
  rs(60, 'web-bbb', `created ${size(1, 0)}`, 'create'),
  { timeMs: at(60), verb: 'event', kind: 'Deployment', namespace: 'default', name: 'web', summary: 'ScalingReplicaSet', cause: 'deployment-controller' },
  rs(63, 'web-bbb', `${size(1, 0)} -> ${size(1, 1)}`),
  rs(63, 'web-aaa', `${size(3, 3)} -> ${size(2, 3)}`),
  rs(63, 'web-bbb', `${size(1, 1)} -> ${size(2, 1)}`),
  rs(63, 'web-aaa', `${size(2, 3)} -> ${size(2, 2)}`),
  rs(64, 'web-bbb', `${size(2, 1)} -> ${size(2, 2)}`),
  rs(64, 'web-aaa', `${size(2, 2)} -> ${size(0, 0)}`),
  rs(64, 'web-bbb', `${size(2, 2)} -> ${size(3, 2)}`),
  rs(65, 'web-bbb', `${size(3, 2)} -> ${size(3, 3)}`),
];

test('a rollout: from the state before it, old, new, available and desired after every change, repeats collapsed, events and other kinds ignored', () => {
  const [s, ...rest] = rolloutSeries(ROLLOUT, at(120));
  assert.equal(rest.length, 0);
  assert.deepEqual(s, {
    deployment: 'default/web', replicaSets: ['web-aaa', 'web-bbb'], endMs: at(120),
    points: [
      [at(60), 3, 0, 3, 3],                                           // the state before the rollout: all old
      [at(60), 3, 1, 3, 3],
      [at(63), 3, 1, 4, 3],
      [at(63), 2, 1, 4, 3],
      [at(63), 2, 2, 4, 3],
      [at(63), 2, 2, 3, 3],
      [at(64), 2, 2, 4, 3],
      [at(64), 0, 2, 2, 3],
      [at(64), 0, 3, 2, 3],
      [at(65), 0, 3, 3, 3],
    ],
  });
});

test('a Deployment that never rolled out (one ReplicaSet) has no series', () => {
  assert.deepEqual(rolloutSeries(ROLLOUT.slice(0, 5), at(60)), []);
});

test('an undo makes the old ReplicaSet new again when it is scaled up from 0', () => {
  const undo = [
    ...ROLLOUT,
    dep(100, 'replicas=3 updated=3 available=3'),
    rs(100, 'web-aaa', `${size(0, 0)} -> ${size(1, 0)}`),
  ];
  const [s] = rolloutSeries(undo, at(100));
  assert.deepEqual(s!.replicaSets, ['web-bbb', 'web-aaa']);
  assert.deepEqual(s!.points[s!.points.length - 1], [at(100), 3, 1, 3, 3]);
});

test('a ReplicaSet no Deployment in the trace owns is not a rollout', () => {
  const bare = [rs(0, 'frontend-x', `created ${size(3, 0)}`, 'create'), rs(1, 'frontend-y', `created ${size(3, 0)}`, 'create')];
  assert.deepEqual(rolloutSeries(bare, at(5)), []);
});

test('long series are thinned to the last state of each instant', () => {
  const many: TraceEntry[] = [...ROLLOUT];
  for (let i = 0; i < MAX_POINTS + 10; i++) {
    many.push(rs(200 + i, 'web-bbb', `${size(3, 3)} -> ${size(3, 2)}`), rs(200 + i, 'web-bbb', `${size(3, 2)} -> ${size(3, 3)}`));
  }
  const [s] = rolloutSeries(many, at(5000));
  assert.equal(s!.thinned, true);
  assert.ok(s!.points.length <= MAX_POINTS);
  assert.deepEqual(s!.points[s!.points.length - 1], [at(200 + MAX_POINTS + 9), 0, 3, 3, 3]);
});

test('the attachment round-trips; malformed bodies give nothing instead of throwing', () => {
  const series = rolloutSeries(ROLLOUT, at(120));
  assert.deepEqual(decodeRollouts(encodeRollouts(series)), series);
  assert.doesNotMatch(encodeRollouts(series), /\n/);
  assert.deepEqual(decodeRollouts('{not json'), []);
  assert.deepEqual(decodeRollouts('{"rollouts": [{"deployment": "x", "endMs": 1, "replicaSets": [], "points": [[1, 2]]}]}'), []);
  assert.deepEqual(decodeRollouts('[]'), []);
});
