import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../api/types';
import { downwardApiFiles } from './downward-api';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'team', uid: 'u-1', labels: { tier: 'web', app: 'shop' }, annotations: { note: 'say "hi"' } }, spec: { containers: [] } } as unknown as Pod;
const item = (fieldPath: string, path = fieldPath) => ({ path, fieldRef: { fieldPath } });

test('downwardAPI files: metadata fields, and label/annotation maps as sorted key="value" lines', () => {
  assert.deepEqual(downwardApiFiles(pod, { items: [item('metadata.namespace', 'namespace'), item('metadata.name', 'name'), item('metadata.labels', 'labels'), item('metadata.annotations', 'annotations'), item("metadata.labels['tier']", 'tier')] }), {
    files: { namespace: 'team', name: 'p', labels: 'app="shop"\ntier="web"', annotations: 'note="say \\"hi\\""', tier: 'web' },
  });
});

test('downwardAPI files: a field volumes cannot project is an error', () => {
  assert.deepEqual(downwardApiFiles(pod, { items: [item('spec.nodeName', 'node')] }), { error: 'unsupported fieldPath: spec.nodeName' });
});
