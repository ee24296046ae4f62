import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reconcileApiserverEndpoints } from './apiserver-endpoints';
import { pod, service, viewWith } from './fixtures';
import type { KubeObject } from '../api/types';

const apiserver = (ip: string, phase = 'Running'): KubeObject => {
  const p = pod(`kube-apiserver-${ip}`, { ns: 'kube-system', labels: { component: 'kube-apiserver' } });
  return { ...p, metadata: { ...p.metadata, annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` } }, spec: { ...p.spec, hostNetwork: true }, status: { ...p.status, phase } } as KubeObject;
};
const kubernetes = service('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] });

test('default/kubernetes gets Endpoints and an EndpointSlice at the API servers\' advertise addresses, port 6443', () => {
  const { changes } = reconcileApiserverEndpoints(viewWith([kubernetes, apiserver('192.168.56.100')]));
  assert.equal(changes.length, 2);
  const [ep, slice] = changes.map((c) => (c as { object: KubeObject & Record<string, unknown> }).object);
  assert.deepEqual(ep.subsets, [{ addresses: [{ ip: '192.168.56.100' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  assert.equal(slice.kind, 'EndpointSlice');
  assert.equal(slice.metadata.labels?.['kubernetes.io/service-name'], 'kubernetes');
});

test('a quiet cluster gets no changes; an API server that is not running is left out', () => {
  const first = reconcileApiserverEndpoints(viewWith([kubernetes, apiserver('192.168.56.100')]));
  const objs = first.changes.map((c) => ({ ...(c as { object: KubeObject }).object, metadata: { ...(c as { object: KubeObject }).object.metadata, uid: 'u', resourceVersion: '1', creationTimestamp: '' } }));
  assert.equal(reconcileApiserverEndpoints(viewWith([kubernetes, apiserver('192.168.56.100'), ...objs])).changes.length, 0);
  const down = reconcileApiserverEndpoints(viewWith([kubernetes, apiserver('192.168.56.100', 'Pending'), ...objs]));
  assert.equal(down.changes.length, 2);
  assert.equal((down.changes[0] as { object: Record<string, unknown> }).object.subsets, undefined);
});
