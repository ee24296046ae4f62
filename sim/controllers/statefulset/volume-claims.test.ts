import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindInfo } from '../../api/kinds';
import type { KubeObject, Pod } from '../../api/types';
import { ctxAt, describeChanges, statefulSet, viewWith } from '../../testing/fixtures';
import { reconcileStatefulSet } from './stateful-set';

// StatefulSet volumeClaimTemplates: the claims come before their Pods (sim/storage registers the kind).

const www: KubeObject = {
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: { name: 'www', uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
};

test('claim <template>-<set>-<ordinal> is created before the Pod, which names it', () => {
  assert.ok(kindInfo('PersistentVolumeClaim'), 'sim/storage registers the kind');
  const set = statefulSet('web', 1, { volumeClaimTemplates: [www] });
  const lines = describeChanges(reconcileStatefulSet(viewWith([set]), 'default/web', ctxAt(0)).changes).filter((l) => !l.includes('ControllerRevision'));
  assert.deepEqual(lines.slice(0, 3), [
    'create PersistentVolumeClaim www-web-0',
    'event SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
    'create Pod web-0',
  ]);
});
