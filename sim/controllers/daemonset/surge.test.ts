import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSet, Pod } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { daemonSet, node, pod } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { daemonSetController } from './daemon-set';
import { allowsSurge, surgeCount, surgePodsToDelete, surgeRollingUpdate, type SurgeNode } from './surge';

// daemon_controller.go podsShouldBeOnNode and update.go rollingUpdate when maxSurge > 0.

const surging = (maxSurge: number | string): DaemonSet => {
  const ds = daemonSet('d');
  return { ...ds, spec: { ...ds.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge } } } };
};
const at = (name: string, hash: string, ready: boolean, createdMs = 0): Pod =>
  pod(name, daemonSet('d'), { labels: { app: 'd', 'controller-revision-hash': hash }, createdMs, ...(ready ? { readySinceMs: 0 } : {}) });

test('SurgeCount: maxSurge of the desired count, percentages rounded up', () => {
  assert.equal(surgeCount(surging(1), 5), 1);
  assert.equal(surgeCount(surging('10%'), 5), 1);
  assert.equal(surgeCount(daemonSet('d'), 5), 0);
  assert.equal(allowsSurge(surging('10%')), true);
  assert.equal(allowsSurge(daemonSet('d')), false);
});

test('podsShouldBeOnNode with surge: an old and a new Pod may share a node until the new one is available', () => {
  const old = at('old', 'h1', true, 0);
  const fresh = at('new', 'h2', false, 1000);
  const names = (ps: Pod[]) => ps.map((p) => p.metadata.name);
  assert.deepEqual(names(surgePodsToDelete([old, fresh], 'h2', () => false)), []);
  assert.deepEqual(names(surgePodsToDelete([old, fresh], 'h2', () => true)), ['old'], 'the new one is available: the old one goes');
  assert.deepEqual(names(surgePodsToDelete([at('old', 'h1', false), fresh], 'h2', () => false)), ['old'], 'an old Pod that is not ready goes at once');
  assert.deepEqual(names(surgePodsToDelete([old, fresh, at('extra', 'h2', false, 2000)], 'h2', () => false)), ['extra']);
});

test('rollingUpdate with surge: replacements for unavailable old Pods at once, for available ones up to maxSurge', () => {
  const n = (name: string, oldPod?: Pod, newPod?: Pod): SurgeNode => ({ nodeName: name, shouldRun: true, ok: true, oldPod, newPod });
  const available = (p: Pod) => p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  const nodes = [n('n1', at('a', 'h1', true)), n('n2', at('b', 'h1', true)), n('n3', at('c', 'h1', false))];
  assert.deepEqual(surgeRollingUpdate(nodes, 1, 3, available), { toDelete: [], createOn: ['n3', 'n1'] });
  const waiting = [n('n1', at('a', 'h1', true), at('a2', 'h2', false)), n('n2', at('b', 'h1', true))];
  assert.deepEqual(surgeRollingUpdate(waiting, 1, 2, available).createOn, [], 'one new Pod not yet available uses the surge');
  const done = [n('n1', at('a', 'h1', true), at('a2', 'h2', true)), n('n2', at('b', 'h1', true))];
  const r = surgeRollingUpdate(done, 1, 2, available);
  assert.deepEqual([r.toDelete.map((p) => p.metadata.name), r.createOn], [['a'], ['n2']]);
});

const live = (c: Cluster): Pod[] => c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
const readyCount = (c: Cluster): number => live(c).filter((p) => p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;

test('through the engine: maxSurge 1, maxUnavailable 0 rolls one node at a time with no node ever without a ready Pod', () => {
  const ctl = [daemonSetController, standInKubelet({ readyAfterMs: 1000, terminateAfterMs: 1000 })];
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: node('n2') }, { verb: 'create', object: node('n3') }, { verb: 'create', object: surging(1) }], ctl).cluster;
  c = advance(c, 2000, ctl);
  const ds = c.store.get<DaemonSet>('DaemonSet', 'default', 'd')!;
  const t = ds.spec.template;
  c = submit(c, [{ verb: 'update', object: { ...ds, spec: { ...ds.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:2' }] } } } } }], ctl).cluster;
  let most = 0;
  for (let i = 0; i < 20; i++) {
    assert.ok(readyCount(c) >= 3, `t=${c.nowMs}: only ${readyCount(c)} ready`);
    most = Math.max(most, live(c).length);
    c = advance(c, 500, ctl);
  }
  assert.equal(most, 4, 'one surge Pod at a time');
  assert.deepEqual(live(c).map((p) => p.spec.containers[0].image), ['nginx:2', 'nginx:2', 'nginx:2']);
  assert.equal(c.store.get<DaemonSet>('DaemonSet', 'default', 'd')!.status.updatedNumberScheduled, 3);
});
