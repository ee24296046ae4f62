import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision, DaemonSet, KubeObject, StatefulSet } from '../../api/types';
import { runKubectl } from '../index';
import { clusterWith, namespace } from '../test-fixtures';
import { daemonSet, statefulSet } from '../../testing/fixtures';
import { templatePatch } from '../../controllers/history/controller-history';
import { newControllerRef } from '../../controllers/util/owner';
import type { Cluster } from '../../engine/types';
import { applyDefaults } from '../../api/kinds/index';

// kubectl rollout history / undo over a DaemonSet's or StatefulSet's ControllerRevisions
// (polymorphichelpers history.go printHistory, rollback.go DaemonSetRollbacker / StatefulSetRollbacker).

type Set = DaemonSet | StatefulSet;
const withImage = <T extends Set>(set: T, image: string): T => {
  const t = set.spec.template;
  return { ...set, spec: { ...set.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image }] } } } };
};
const revisionOf = (owner: Set, name: string, n: number, image: string, annotations?: Record<string, string>): ControllerRevision => ({
  apiVersion: 'apps/v1', kind: 'ControllerRevision',
  metadata: {
    name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', labels: { ...owner.spec.template.metadata.labels },
    ...(annotations ? { annotations } : {}), ownerReferences: [newControllerRef(owner)],
  },
  data: templatePatch(applyDefaults<Set>(withImage(owner, image)).spec.template), revision: n, // as the controller stores it: from the defaulted object
});

/** A set at nginx:2 with revisions 1 (nginx:1, with a change-cause) and 2 (nginx:2). */
function clusterOf(set: Set): Cluster {
  const current = applyDefaults<Set>(withImage(set, 'nginx:2'));
  return clusterWith([
    namespace('default'), current,
    revisionOf(current, `${set.metadata.name}-aaa`, 1, 'nginx:1', { 'kubernetes.io/change-cause': 'kubectl create --record' }),
    revisionOf(current, `${set.metadata.name}-bbb`, 2, 'nginx:2'),
  ], 30);
}

const run = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const stored = (c: Cluster, kind: string, name: string) => c.store.get<KubeObject & { spec: Set['spec'] }>(kind, 'default', name)!;

for (const [kind, make, prefix] of [['DaemonSet', () => daemonSet('d'), 'daemonset.apps/d'], ['StatefulSet', () => statefulSet('d', 1), 'statefulset.apps/d']] as const) {
  test(`${kind}: rollout history lists the revisions with their change-cause; --revision=N prints that template`, () => {
    const c = clusterOf(make());
    const r = run(c, `rollout history ${kind.toLowerCase()}/d`);
    assert.equal(r.exitCode, 0);
    assert.equal(r.stdout, `${prefix} \nREVISION  CHANGE-CAUSE\n1         kubectl create --record\n2         <none>\n\n`);
    const one = run(c, `rollout history ${kind.toLowerCase()}/d --revision=1`);
    assert.match(one.stdout, new RegExp(`^${prefix.replace('.', '\\.')} with revision #1\\nPod Template:\\n`));
    assert.match(one.stdout, /    Image:\s+nginx:1\n/);
    const missing = run(c, `rollout history ${kind.toLowerCase()}/d --revision=5`);
    assert.equal(missing.exitCode, 1);
    assert.equal(missing.stderr, 'error: unable to find the specified revision\n');
  });

  test(`${kind}: rollout undo restores the previous revision's template; to the current one it is skipped; a missing one is an error`, () => {
    const c = clusterOf(make());
    const undo = run(c, `rollout undo ${kind.toLowerCase()}/d`);
    assert.equal(undo.stdout, `${prefix} rolled back\n`);
    assert.equal(stored(undo.cluster, kind, 'd').spec.template.spec.containers[0].image, 'nginx:1');
    const skip = run(c, `rollout undo ${kind.toLowerCase()}/d --to-revision=2`);
    assert.equal(skip.stdout, `${prefix} skipped rollback (current template already matches revision 2)\n`);
    assert.equal(skip.cluster, c, 'nothing written');
    const missing = run(c, `rollout undo ${kind.toLowerCase()}/d --to-revision=7`);
    assert.deepEqual([missing.exitCode, missing.stderr], [1, 'error: unable to find specified revision 7 in history\n']);
    const dry = run(c, `rollout undo ${kind.toLowerCase()}/d --dry-run=client`);
    assert.match(dry.stdout, new RegExp(`^${prefix.replace('.', '\\.')} will roll back to Pod Template:\\n`));
    assert.match(dry.stdout, /Image:\s+nginx:1\n[\s\S]* \(dry run\)\n$/);
    assert.equal(dry.cluster, c);
  });
}

test('rollout undo with a single revision: "no last revision to roll back to"', () => {
  const ds = applyDefaults<DaemonSet>(daemonSet('d'));
  const c = clusterWith([namespace('default'), ds, revisionOf(ds, 'd-aaa', 1, 'nginx:1.7.9')], 30);
  const r = run(c, 'rollout undo ds/d');
  assert.deepEqual([r.exitCode, r.stderr], [1, 'error: no last revision to roll back to\n']);
  assert.equal(run(clusterWith([namespace('default'), ds], 30), 'rollout history ds/d').stdout, 'daemonset.apps/d \nNo rollout history found.\n');
});

test('get controllerrevisions: NAME CONTROLLER REVISION AGE', () => {
  const r = run(clusterOf(daemonSet('d')), 'get controllerrevisions');
  assert.equal(r.stdout, 'NAME    CONTROLLER         REVISION   AGE\nd-aaa   daemonset.apps/d   1          30s\nd-bbb   daemonset.apps/d   2          30s\n');
});
