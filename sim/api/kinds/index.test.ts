import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allKinds, kindInfo, resolveResource, groupKind } from '../kinds';
import { applyDefaults } from './index';
import type { Pod } from '../types';

test('every served kind is registered with its resource names', () => {
  const names = allKinds().map((k) => `${k.kind}:${k.plural}:${k.shortNames.join(',')}`);
  for (const expected of ['Namespace:namespaces:ns', 'Node:nodes:no', 'Pod:pods:po', 'Service:services:svc', 'ReplicaSet:replicasets:rs',
    'Deployment:deployments:deploy', 'DaemonSet:daemonsets:ds', 'StatefulSet:statefulsets:sts', 'Event:events:ev', 'ControllerRevision:controllerrevisions:']) {
    assert.ok(names.includes(expected), `${expected} missing from ${names.join(' ')}`);
  }
  assert.equal(resolveResource('ev')?.kind, 'Event');
  assert.equal(resolveResource('deployments.apps')?.kind, 'Deployment');
  assert.equal(groupKind(kindInfo('StatefulSet')!), 'StatefulSet.apps');
});

test('registered kinds carry real defaulting, validation and a strict decoder', () => {
  const pod = kindInfo('Pod')!;
  assert.ok(pod.decode !== undefined);
  const defaulted = pod.defaults({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }) as Pod;
  assert.equal(defaulted.status.phase, 'Pending');
  assert.deepEqual(pod.validate({ ...defaulted, spec: { ...defaulted.spec, containers: [] } }, undefined, undefined as never).map((e) => e.field), ['spec.containers']);
});

test('applyDefaults defaults objects built in code (controllers, bootstrap) and leaves unknown kinds alone', () => {
  const pod = applyDefaults<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: '', generateName: 'web-', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [{ name: 'c', image: 'nginx:1.7.9' }] } });
  assert.equal(pod.spec.tolerations?.length, 2);
  assert.equal(pod.status.qosClass, 'BestEffort');
  const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', uid: '', resourceVersion: '', creationTimestamp: '' } };
  assert.equal(applyDefaults(other), other);
});
