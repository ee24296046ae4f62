import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeSubsets, reconcileEndpoints, servicesForPodChange, truncateSubsets, endpointController, type Endpoints } from './endpoints';
import { reconcileEndpointSlices, type EndpointSlice } from './endpoint-slices';
import { serviceBackends } from './backends';
import { pod, service, viewWith } from './fixtures';
import { submit } from '../engine/loop';
import { emptyCluster } from '../engine/loop';
import { endpointSliceController } from './endpoint-slices';

const web = service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 8080, targetPort: 80 }] });

test('ready Pods go to addresses, not-ready to notReadyAddresses; no IP, terminal and terminating are left out', () => {
  const subsets = computeSubsets(web, [
    pod('a', { labels: { app: 'web' }, ip: '10.244.1.3' }),
    pod('b', { labels: { app: 'web' }, ip: '10.244.1.2', ready: false }),
    pod('c', { labels: { app: 'web' } }),
    pod('d', { labels: { app: 'web' }, ip: '10.244.1.4', phase: 'Succeeded' }),
    pod('e', { labels: { app: 'web' }, ip: '10.244.1.5', deleting: true }),
  ]);
  assert.equal(subsets.length, 1);
  assert.deepEqual(subsets[0].addresses?.map((a) => a.ip), ['10.244.1.3']);
  assert.deepEqual(subsets[0].notReadyAddresses?.map((a) => a.ip), ['10.244.1.2']);
  assert.deepEqual(subsets[0].ports, [{ name: 'http', port: 80, protocol: 'TCP' }]);
  const a = subsets[0].addresses![0];
  assert.equal(a.nodeName, 'k8s-node1');
  assert.deepEqual({ ...a.targetRef, uid: 'x' }, { kind: 'Pod', namespace: 'default', name: 'a', uid: 'x' });
});

test('publishNotReadyAddresses lists every Pod with an IP as an address, terminating ones too', () => {
  const svc = service('web', { selector: { app: 'web' }, publishNotReadyAddresses: true });
  const subsets = computeSubsets(svc, [pod('b', { ip: '10.244.1.2', ready: false }), pod('e', { ip: '10.244.1.5', deleting: true })]);
  assert.deepEqual(subsets[0].addresses?.map((a) => a.ip), ['10.244.1.2', '10.244.1.5']);
  assert.equal(subsets[0].notReadyAddresses, undefined);
});

test('a named targetPort resolves per Pod; a Pod without that port is left out of it', () => {
  const svc = service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] });
  const subsets = computeSubsets(svc, [
    pod('a', { ip: '10.244.1.2', ports: [{ name: 'web', containerPort: 8080 }] }),
    pod('b', { ip: '10.244.1.3', ports: [{ name: 'web', containerPort: 9090 }] }),
    pod('c', { ip: '10.244.1.4' }),
  ]);
  assert.deepEqual(subsets.map((s) => [s.addresses?.map((a) => a.ip), s.ports?.map((p) => p.port)]), [[['10.244.1.2'], [8080]], [['10.244.1.3'], [9090]]]);
});

test('headless: hostname when subdomain names the Service; no ports still lists the Pods', () => {
  const svc = service('db', { selector: { app: 'db' }, clusterIP: 'None', ports: [] });
  const subsets = computeSubsets(svc, [pod('db-0', { ip: '10.244.1.2', hostname: 'db-0', subdomain: 'db' }), pod('x', { ip: '10.244.1.3', hostname: 'x', subdomain: 'other' })]);
  assert.deepEqual(subsets[0].addresses?.map((a) => [a.ip, a.hostname]), [['10.244.1.2', 'db-0'], ['10.244.1.3', undefined]]);
  assert.equal(subsets[0].ports, undefined);
});

test('more than 1000 addresses are truncated to 1000 and annotated', () => {
  const pods = Array.from({ length: 1005 }, (_, i) => pod(`p${i}`, { labels: { app: 'web' }, ip: `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}` }));
  const t = truncateSubsets(computeSubsets(web, pods))!;
  assert.equal(t.reduce((n, s) => n + (s.addresses?.length ?? 0), 0), 1000);
  const view = viewWith([web, ...pods]);
  const { changes } = reconcileEndpoints(view, 'default/web');
  const ep = (changes[0] as { object: Endpoints }).object;
  assert.equal(ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity'], 'truncated');
});

test('reconcile creates, then is quiet; a deleted Service takes its Endpoints along; selector-less Services are left alone', () => {
  const p = pod('a', { labels: { app: 'web' }, ip: '10.244.1.2' });
  const { cluster, errors } = submit(emptyCluster(), [{ verb: 'create', object: web }, { verb: 'create', object: p }], [endpointController, endpointSliceController]);
  assert.deepEqual(errors, []);
  const ep = cluster.store.get<Endpoints>('Endpoints', 'default', 'web')!;
  assert.deepEqual(ep.subsets?.[0].addresses?.map((a) => a.ip), ['10.244.1.2']);
  const slices = cluster.store.list<EndpointSlice>('EndpointSlice', 'default');
  assert.equal(slices.length, 1);
  assert.match(slices[0].metadata.name, /^web-[a-z0-9]{5}$/);
  assert.deepEqual(slices[0].endpoints?.map((e) => [e.addresses[0], e.conditions]), [['10.244.1.2', { ready: true, serving: true, terminating: false }]]);
  const gone = submit(cluster, [{ verb: 'delete', ref: { kind: 'Service', namespace: 'default', name: 'web' }, reason: 'test' }], [endpointController]).cluster;
  assert.equal(gone.store.get('Endpoints', 'default', 'web'), undefined);
  const manual = viewWith([service('ext', {})]);
  assert.deepEqual(reconcileEndpoints(manual, 'default/ext').changes, []);
});

test('a terminating ready Pod stays in the slice as serving and terminating, not ready', () => {
  const view = viewWith([web, pod('a', { labels: { app: 'web' }, ip: '10.244.1.2', deleting: true })]);
  const { changes } = reconcileEndpointSlices(view, 'default/web');
  const slice = (changes[0] as unknown as { object: EndpointSlice }).object;
  assert.deepEqual(slice.endpoints?.[0].conditions, { ready: false, serving: true, terminating: true });
  assert.equal(serviceBackends(viewWith([web, { ...slice, metadata: { ...slice.metadata, name: 'web-abcde' } }]), web)[0].terminating, true);
});

test('a Pod change enqueues only matching Services of its namespace, and only when an endpoint fact changed', () => {
  const other = service('other', { selector: { app: 'other' } });
  const view = viewWith([web, other, service('nosel', {})]);
  const before = pod('a', { labels: { app: 'web' }, ip: '10.244.1.2', ready: false });
  const after = pod('a', { labels: { app: 'web' }, ip: '10.244.1.2', ready: true });
  assert.deepEqual(servicesForPodChange(view, after, before), ['default/web']);
  assert.deepEqual(servicesForPodChange(view, after, after), []);
  const relabelled = { ...after, metadata: { ...after.metadata, labels: { app: 'other' } } };
  assert.deepEqual(servicesForPodChange(view, relabelled, after), ['default/web', 'default/other']);
});

test('a Pod turning unready moves to notReadyAddresses through the engine, and back', () => {
  const p = pod('a', { labels: { app: 'web' }, ip: '10.244.1.2' });
  const ctrls = [endpointController];
  const c1 = submit(emptyCluster(), [{ verb: 'create', object: web }, { verb: 'create', object: p }], ctrls).cluster;
  const stored = c1.store.get<ReturnType<typeof pod>>('Pod', 'default', 'a')!;
  const unready = { ...stored, status: { ...stored.status, conditions: [{ type: 'Ready', status: 'False' as const }] } };
  const c2 = submit(c1, [{ verb: 'status', object: unready }], ctrls, 'kubelet').cluster;
  const ep2 = c2.store.get<Endpoints>('Endpoints', 'default', 'web')!;
  assert.equal(ep2.subsets?.[0].addresses, undefined);
  assert.deepEqual(ep2.subsets?.[0].notReadyAddresses?.map((a) => a.ip), ['10.244.1.2']);
  const c3 = submit(c2, [{ verb: 'status', object: stored }], ctrls, 'kubelet').cluster;
  assert.deepEqual(c3.store.get<Endpoints>('Endpoints', 'default', 'web')!.subsets?.[0].addresses?.map((a) => a.ip), ['10.244.1.2']);
  // A status write that changes nothing the controller reads writes no Endpoints.
  const rv = c3.store.get<Endpoints>('Endpoints', 'default', 'web')!.metadata.resourceVersion;
  const c4 = submit(c3, [{ verb: 'status', object: { ...stored, status: { ...stored.status, startTime: '2025-01-01T00:00:05Z' } } }], ctrls, 'kubelet').cluster;
  assert.equal(c4.store.get<Endpoints>('Endpoints', 'default', 'web')!.metadata.resourceVersion, rv);
});
