import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/types';
import { mirroredSlices, reconcileMirroring, MIRRORING_MANAGED_BY } from './endpointslice-mirroring';
import type { Endpoints } from './endpoints';
import { formatEndpointSlices } from '../kubectl/describe/describers';
import { baseCluster, service, viewWith } from './fixtures';

// pkg/controller/endpointslicemirroring reconciler_test.go, and kubectl describe.go formatEndpointSlices.

const endpoints = (name: string, subsets: Endpoints['subsets'], labels?: Record<string, string>): Endpoints => ({
  apiVersion: 'v1', kind: 'Endpoints',
  metadata: { name, namespace: 'default', uid: `ep-${name}`, resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', ...(labels ? { labels } : {}) },
  subsets,
});

test('mirroredSlices: one slice per port set, ready addresses then not-ready ones, only the ready condition', () => {
  const ep = endpoints('db', [
    { addresses: [{ ip: '192.168.56.200' }], notReadyAddresses: [{ ip: '192.168.56.201', nodeName: 'n1' }], ports: [{ port: 3306, protocol: 'TCP' }] },
    { addresses: [{ ip: '192.168.56.202', hostname: 'db-2' }], ports: [{ name: 'admin', port: 33062, protocol: 'TCP' }] },
  ]);
  assert.deepEqual(mirroredSlices(ep), [
    { ports: [{ name: '', port: 3306, protocol: 'TCP' }], endpoints: [
      { addresses: ['192.168.56.200'], conditions: { ready: true } },
      { addresses: ['192.168.56.201'], conditions: { ready: false }, nodeName: 'n1' },
    ] },
    { ports: [{ name: 'admin', port: 33062, protocol: 'TCP' }], endpoints: [{ addresses: ['192.168.56.202'], conditions: { ready: true }, hostname: 'db-2' }] },
  ]);
});

test('syncEndpoints: mirrors the Endpoints of a selector-less Service, owned by the Endpoints; not those of a Service with a selector or skip-mirror', () => {
  const ep = endpoints('external-db', [{ addresses: [{ ip: '192.168.56.200' }], ports: [{ port: 3306, protocol: 'TCP' }] }]);
  const view = viewWith([...baseCluster(), service('external-db', { clusterIP: '10.96.3.3', ports: [{ port: 3306 }] }), ep as KubeObject]);
  const { changes } = reconcileMirroring(view, 'default/external-db');
  assert.equal(changes.length, 1);
  const c = changes[0];
  assert.equal(c.verb, 'create');
  const slice = (c as unknown as { object: KubeObject & { endpoints: unknown; ports: unknown } }).object;
  assert.equal(slice.metadata.generateName, 'external-db-');
  assert.deepEqual(slice.metadata.labels, { 'kubernetes.io/service-name': 'external-db', 'endpointslice.kubernetes.io/managed-by': MIRRORING_MANAGED_BY });
  assert.deepEqual(slice.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Endpoints', name: 'external-db', uid: 'ep-external-db', controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(slice.endpoints, [{ addresses: ['192.168.56.200'], conditions: { ready: true } }]);
  const withSelector = viewWith([...baseCluster(), service('web', { clusterIP: '10.96.4.4', selector: { app: 'web' } }), endpoints('web', [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80, protocol: 'TCP' }] }]) as KubeObject]);
  assert.deepEqual(reconcileMirroring(withSelector, 'default/web').changes, []);
  const skipped = viewWith([...baseCluster(), endpoints('kubernetes', [{ addresses: [{ ip: '192.168.56.100' }], ports: [{ port: 6443, protocol: 'TCP' }] }], { 'endpointslice.kubernetes.io/skip-mirror': 'true' }) as KubeObject]);
  assert.deepEqual(reconcileMirroring(skipped, 'default/kubernetes').changes, []);
});

test('formatEndpointSlices: <none> without slices, empty without ready endpoints, three then "+ N more...", ports by name', () => {
  const slice = (endpoints: { addresses: string[]; conditions?: { ready?: boolean } }[], ports: { name?: string; port: number }[] | null) =>
    ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's', uid: 'u', resourceVersion: '1', creationTimestamp: '' }, endpoints, ports }) as never;
  const ready = (ip: string) => ({ addresses: [ip], conditions: { ready: true } });
  assert.equal(formatEndpointSlices([], ''), '<none>');
  assert.equal(formatEndpointSlices([slice([], null)], ''), '');
  assert.equal(formatEndpointSlices([slice([{ addresses: ['10.0.0.1'], conditions: { ready: false } }], [{ name: '', port: 80 }])], ''), '');
  assert.equal(formatEndpointSlices([slice([ready('10.0.0.1'), ready('10.0.0.2')], [{ name: 'http', port: 80 }, { name: 'https', port: 443 }])], 'https'), '10.0.0.1:443,10.0.0.2:443');
  assert.equal(formatEndpointSlices([slice([ready('10.0.0.1'), ready('10.0.0.2'), ready('10.0.0.3'), ready('10.0.0.4'), ready('10.0.0.5')], [{ name: '', port: 80 }])], ''),
    '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
  // A headless Service without ports: bare addresses; nil ready counts as ready.
  assert.equal(formatEndpointSlices([slice([{ addresses: ['10.0.0.9'] }], null)], ''), '10.0.0.9');
  // kubectl's quirk: a fourth endpoint that is not ready still turns on "more".
  assert.equal(formatEndpointSlices([slice([ready('10.0.0.1'), ready('10.0.0.2'), ready('10.0.0.3'), { addresses: ['10.0.0.4'], conditions: { ready: false } }], [{ name: '', port: 80 }])], ''),
    '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 0 more...');
});
