import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesFields, parseFieldSelector, type FieldTerm } from './field-selector';
import type { KubeObject } from '../api/types';

function terms(text: string, kind = 'Pod'): readonly FieldTerm[] {
  const r = parseFieldSelector(text, kind);
  if ('error' in r) throw new Error(r.error);
  return r.terms;
}

function refused(text: string, kind = 'Pod'): string {
  const r = parseFieldSelector(text, kind);
  assert.ok('error' in r, `expected ${JSON.stringify(text)} to be refused for ${kind}`);
  return r.error;
}

const pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: { nodeName: 'k8s-node1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default', containers: [] },
  status: { phase: 'Running', podIP: '10.244.1.3', podIPs: [{ ip: '10.244.1.3' }] },
} as unknown as KubeObject;

test('fields.ParseSelector: =, == and != terms, sorted, escapes, blank terms skipped', () => {
  assert.deepEqual(terms('status.phase!=Running,spec.restartPolicy==Always,'), [
    { field: 'spec.restartPolicy', equal: true, value: 'Always' },
    { field: 'status.phase', equal: false, value: 'Running' },
  ]);
  assert.deepEqual(terms('metadata.name=a\\,b\\=c\\\\'), [{ field: 'metadata.name', equal: true, value: 'a,b=c\\' }]);
  assert.deepEqual(terms('spec.host=n1'), [{ field: 'spec.nodeName', equal: true, value: 'n1' }]);
  assert.equal(refused('foo'), "invalid selector: 'foo'; can't understand 'foo'");
  assert.equal(refused('metadata.name=a\\b'), 'invalid field selector: invalid escape sequence: \\b');
  assert.equal(refused('metadata.name=a=b'), 'invalid field selector: unescaped character in value: 61');
});

test('each kind selects on the fields its conversion function accepts, with that function\'s words', () => {
  assert.equal(refused('status.hostIP=192.168.10.101'), 'field label not supported: status.hostIP');
  assert.equal(refused('spec.replicas=2', 'Deployment'), '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"');
  assert.equal(refused('metadata.namespace=x', 'Node'), 'field label not supported: metadata.namespace');
  assert.deepEqual(terms('spec.unschedulable=true', 'Node'), [{ field: 'spec.unschedulable', equal: true, value: 'true' }]);
  assert.deepEqual(terms('involvedObject.kind=Pod,reason=Killing', 'Event').length, 2);
  assert.deepEqual(terms('metadata.name=web', 'ConfigMap').length, 1);
});

test('matching reads the registry\'s selectable fields; a field the object lacks reads as ""', () => {
  const m = (text: string) => matchesFields(pod, terms(text));
  assert.equal(m('spec.nodeName=k8s-node1'), true);
  assert.equal(m('spec.nodeName=k8s-node2'), false);
  assert.equal(m('status.phase!=Running'), false);
  assert.equal(m('status.phase=Running,metadata.namespace=default'), true);
  assert.equal(m('spec.hostNetwork=false'), true);
  assert.equal(m('status.podIP=10.244.1.3'), true);
  assert.equal(m('status.nominatedNodeName='), true);
  assert.equal(m('status.podIPs=10.244.1.3'), false); // accepted by the conversion, not in the field set
});
