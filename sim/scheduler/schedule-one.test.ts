import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCluster, submit } from '../engine/loop';
import type { Change, Cluster } from '../engine/types';
import type { KubeObject, Node, Pod } from '../api/types';
import { node, pod, replicaSet } from '../testing/fixtures';
import { scheduler } from './scheduler';
import { untoleratedReasons } from './schedule-one';

function run(cluster: Cluster, changes: Change[]): Cluster {
  const r = submit(cluster, changes, [scheduler], 'test');
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

const create = (...objects: KubeObject[]): Change[] => objects.map((object) => ({ verb: 'create', object }));

test('untoleratedReasons: one frozen reason list a taint object, with the TaintToleration text', () => {
  const taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;
  const first = untoleratedReasons(taint);
  assert.deepEqual(first, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
  assert.equal(untoleratedReasons(taint), first);
  assert.ok(Object.isFrozen(first));
  assert.deepEqual(untoleratedReasons({ key: 'a', value: 'b', effect: 'NoExecute' }), ['node(s) had untolerated taint {a: b}']);
});

test('PodTopologySpread from the counts gathered while filtering: a node without a hostname label scores 0 raw (the best), the fullest node the worst', () => {
  // Without the label a node is outside the hostname topology: raw spread 0, the minimum, normalised to 100.
  const unlabelled: Node = { ...node('n2'), metadata: { ...node('n2').metadata, labels: {} } };
  const rs = replicaSet('web', 4);
  let c = run(emptyCluster({ seed: 3 }), create(node('n1'), unlabelled, node('n3'), rs));
  c = run(c, create({ ...pod('web-0', rs), spec: { ...pod('web-0', rs).spec, nodeName: 'n1' } } as Pod,
    { ...pod('web-1', rs), spec: { ...pod('web-1', rs).spec, nodeName: 'n1' } } as Pod));
  c = run(c, create(pod('web-2', rs)));
  assert.equal(c.store.get<Pod>('Pod', 'default', 'web-2')!.spec.nodeName, 'n2');
});
