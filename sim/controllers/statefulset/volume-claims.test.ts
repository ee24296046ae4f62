import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registerKind, kindInfo } from '../../api/kinds';
import type { KubeObject, Pod } from '../../api/types';
import { ctxAt, describeChanges, statefulSet, viewWith } from '../../testing/fixtures';
import { reconcileStatefulSet } from './stateful-set';

// Own file: it registers PersistentVolumeClaim in this process's kind registry (storage is a later issue).

const www: KubeObject = {
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: { name: 'www', uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
};

test('without the PersistentVolumeClaim kind, no claim is created but the Pod still names its claim', () => {
  assert.equal(kindInfo('PersistentVolumeClaim'), undefined);
  const set = statefulSet('web', 1, { volumeClaimTemplates: [www] });
  const { changes } = reconcileStatefulSet(viewWith([set]), 'default/web', ctxAt(0));
  assert.deepEqual(describeChanges(changes).filter((l) => l.startsWith('create')), ['create Pod web-0']);
  const p = (changes.find((c) => c.verb === 'create') as { object: Pod }).object;
  assert.deepEqual(p.spec.volumes, [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]);
});

test('with the kind registered, claim <template>-<set>-<ordinal> is created before the Pod', () => {
  registerKind({ kind: 'PersistentVolumeClaim', apiVersions: ['v1'], group: '', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], namespaced: true, defaults: (o) => o, validate: () => [] });
  const set = statefulSet('web', 1, { volumeClaimTemplates: [www] });
  const lines = describeChanges(reconcileStatefulSet(viewWith([set]), 'default/web', ctxAt(0)).changes);
  assert.deepEqual(lines.slice(0, 3), [
    'create PersistentVolumeClaim www-web-0',
    'event SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
    'create Pod web-0',
  ]);
});
