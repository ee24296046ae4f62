import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import { clusterWith, namespace } from '../test-fixtures';
import { camelcaseSplit, describeGeneric, smartLabelFor } from './generic';

// describe.go genericDescriber, printUnstructuredContent and smartLabelFor.

test('smartLabelFor: camel case split and titled, acronyms upper-cased, fields with digits or symbols as they are', () => {
  assert.deepEqual(camelcaseSplit('APIVersion'), ['API', 'Version']);
  assert.deepEqual(camelcaseSplit('podIP'), ['pod', 'IP']);
  assert.equal(smartLabelFor('apiVersion'), 'API Version');
  assert.equal(smartLabelFor('blockOwnerDeletion'), 'Block Owner Deletion');
  assert.equal(smartLabelFor('uid'), 'UID');
  assert.equal(smartLabelFor('dnsPolicy'), 'Dns Policy');
  assert.equal(smartLabelFor('controller-revision-hash'), 'Controller - Revision - Hash');
  assert.equal(smartLabelFor('k8s-app'), 'k8s-app');
  assert.equal(smartLabelFor('$patch'), '$patch');
  assert.equal(smartLabelFor('kubernetes.io/os'), 'kubernetes.io/os');
});

test('a ControllerRevision: metadata first, then every field sorted, maps and lists nested, then Events', () => {
  const cr = {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: 'web-5d9c', namespace: 'default', uid: 'u-1', resourceVersion: '', creationTimestamp: '', labels: { app: 'web' } },
    data: { spec: { template: { $patch: 'replace', spec: { containers: [{ name: 'nginx', args: ['-g', 'daemon off;'] }] } } } },
    revision: 2,
  } as KubeObject;
  const c = clusterWith([namespace('default'), cr], 10);
  const text = describeGeneric(c, c.store.get('ControllerRevision', 'default', 'web-5d9c')!, c.nowMs);
  assert.equal(text, [
    'Name:         web-5d9c',
    'Namespace:    default',
    'Labels:       app=web',
    'Annotations:  <none>',
    'API Version:  apps/v1',
    'Data:',
    '  Spec:',
    '    Template:',
    '      $patch:  replace',
    '      Spec:',
    '        Containers:',
    '          Args:',
    '            -g',
    '            daemon off;',
    '          Name:  nginx',
    'Kind:            ControllerRevision', // one tabwriter column block with the Name: line above it
    'Metadata:',
    '  Creation Timestamp:  2025-01-01T00:00:00Z',
    '  Resource Version:    2',
    '  UID:                 u-1',
    'Revision:              2',
    'Events:                <none>',
    '',
  ].join('\n'));
});
