import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment } from '../../api/types';
import type { Cluster, ClusterView } from '../../engine/types';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { applyManifests, advanceUntil } from '../../index';
import { deploymentManifests } from '../../../bench/manifests';

// A rollout whose Pods start at once (the new image already on the nodes after the first pulls):
// each new Pod Ready lets the controller step again at the same instant, so one ReplicaSet is
// reconciled hundreds of times at one instant. That is a cascade, not a controller that never settles.

function apply(c: Cluster, text: string): Cluster {
  const r = applyManifests(c, text, { mode: 'apply', source: 'test.yml' });
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

const done = (d: Deployment | undefined) => d !== undefined && d.status?.updatedReplicas === 100 && d.status.availableReplicas === 100 && d.status.replicas === 100;
const all = (f: (d: Deployment | undefined) => boolean) => (v: ClusterView) => [0, 1, 2, 3, 4, 5].every((i) => f(v.get<Deployment>('Deployment', 'default', `app-${i}`)));

test('six 100-replica rollouts on 20 nodes that pull one image at a time complete (long cascades at one instant)', () => {
  let c = apply(bootstrapCluster({ nodes: 20, seed: 1, recordTrace: false }), deploymentManifests(6, 100, 'nginx:1.27'));
  const up = advanceUntil(c, 600_000, all((d) => d?.status?.availableReplicas === 100));
  assert.ok(up.reached);
  c = apply(up.cluster, deploymentManifests(6, 100, 'nginx:1.28'));
  const rolled = advanceUntil(c, 600_000, all(done));
  assert.ok(rolled.reached, 'the rollout completes');
});
