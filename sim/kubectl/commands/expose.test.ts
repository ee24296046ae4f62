import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portsFor, selectorFor } from './expose';
import type { KubeObject } from '../../api/types';

const deployment = (selector: unknown, ports: unknown[] = [{ containerPort: 80 }]) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'httpd', uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: { selector, template: { metadata: { labels: { run: 'httpd' } }, spec: { containers: [{ name: 'httpd', image: 'httpd', ports }] } } },
} as unknown as KubeObject);

test('expose takes the Deployment\'s matchLabels as the Service selector', () => {
  assert.deepEqual(selectorFor(deployment({ matchLabels: { run: 'httpd' } })), { run: 'httpd' });
  assert.match(String(selectorFor(deployment({ matchExpressions: [{ key: 'run', operator: 'In', values: ['httpd'] }] }))), /couldn't convert expressions/);
});

test('without --port, the ports come from the Pod template', () => {
  assert.deepEqual(portsFor(deployment({ matchLabels: { run: 'httpd' } })), [{ port: 80, protocol: 'TCP' }]);
  assert.deepEqual(portsFor(deployment({}, [])), []);
});
