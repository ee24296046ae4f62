import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateClusterIP, allocatedClusterIPs } from './service-ip';
import { allocateNodePorts } from './node-port';
import { allocateServiceAddresses } from './service-alloc';
import { rangeOffset } from './bitmap-scan';
import { rngFrom, seedState } from '../engine/rng';
import { formatFieldError } from '../api/field-errors';
import { parseIP } from './ip';
import { service, viewWith } from './fixtures';

const rng = (seed = 1) => rngFrom(seedState(seed));
const base = viewWith([
  service('kubernetes', { clusterIP: '10.96.0.1', ports: [{ port: 443, targetPort: 6443 }] }),
  service('kube-dns', { ns: 'kube-system', clusterIP: '10.96.0.10', ports: [{ port: 53, protocol: 'UDP', name: 'dns' }] }),
]);

test('rangeOffset matches the allocators\' static bands', () => {
  assert.equal(rangeOffset(2 ** 20, 16, 16, 256), 256);
  assert.equal(rangeOffset(256, 16, 16, 256), 16);
  assert.equal(rangeOffset(2768, 16, 32, 128), 86);
  assert.equal(rangeOffset(8, 16, 16, 256), 0);
});

test('a requested ClusterIP that another Service holds is refused with the API server\'s words', () => {
  const r = allocateClusterIP(base, service('web', { clusterIP: '10.96.0.10' }), rng());
  assert.deepEqual(r.errors?.map(formatFieldError), ['spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated']);
});

test('a requested ClusterIP outside the range names the range', () => {
  const r = allocateClusterIP(base, service('web', { clusterIP: '10.0.0.5' }), rng());
  assert.deepEqual(r.errors?.map(formatFieldError), ['spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12']);
  // the network and broadcast addresses are reserved
  assert.ok(allocateClusterIP(base, service('w', { clusterIP: '10.96.0.0' }), rng()).errors);
  assert.ok(allocateClusterIP(base, service('w', { clusterIP: '10.111.255.255' }), rng()).errors);
  assert.equal(allocateClusterIP(base, service('w', { clusterIP: '10.111.255.254' }), rng()).service?.spec.clusterIP, '10.111.255.254');
});

test('a free requested ClusterIP is granted, including in the static band', () => {
  const r = allocateClusterIP(base, service('web', { clusterIP: '10.96.0.20' }), rng());
  assert.equal(r.service?.spec.clusterIP, '10.96.0.20');
  assert.deepEqual(r.service?.spec.clusterIPs, ['10.96.0.20']);
});

test('dynamic ClusterIPs come from the upper band, are free, and follow the seed', () => {
  const firstStatic = parseIP('10.96.0.1')!;
  const lastStatic = firstStatic + 255; // 10.96.1.0
  const seen = new Set<string>();
  for (let seed = 0; seed < 200; seed++) {
    const ip = allocateClusterIP(base, service('web'), rng(seed)).service!.spec.clusterIP!;
    const n = parseIP(ip)!;
    assert.ok(n > lastStatic && n < parseIP('10.111.255.255')!, ip);
    seen.add(ip);
  }
  assert.ok(seen.size > 190);
  assert.equal(allocateClusterIP(base, service('web'), rng(5)).service!.spec.clusterIP, allocateClusterIP(base, service('web'), rng(5)).service!.spec.clusterIP);
});

test('headless and ExternalName Services get no ClusterIP; an update keeps its own', () => {
  assert.equal(allocateClusterIP(base, service('h', { clusterIP: 'None' }), rng()).service?.spec.clusterIP, 'None');
  assert.equal(allocateClusterIP(base, service('x', { type: 'ExternalName', externalName: 'example.com' }), rng()).service?.spec.clusterIP, undefined);
  const dns = base.get('Service', 'kube-system', 'kube-dns') as ReturnType<typeof service>;
  const updated = { ...dns, spec: { ...dns.spec, clusterIP: undefined, clusterIPs: undefined } };
  assert.equal(allocateClusterIP(base, updated, rng(), { old: dns }).service?.spec.clusterIP, '10.96.0.10');
  assert.equal(allocatedClusterIPs(base).size, 2);
});

test('NodePorts: requested, duplicate, out of range, dynamic from the upper band', () => {
  const taken = viewWith([service('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })]);
  const dup = allocateNodePorts(taken, service('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), rng());
  assert.deepEqual(dup.errors?.map(formatFieldError), ['spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated']);
  const out = allocateNodePorts(taken, service('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }), rng());
  assert.deepEqual(out.errors?.map(formatFieldError), ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767']);
  assert.equal(allocateNodePorts(taken, service('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30081 }] }), rng()).service?.spec.ports?.[0].nodePort, 30081);
  for (let seed = 0; seed < 100; seed++) {
    const np = allocateNodePorts(taken, service('b', { type: 'NodePort' }), rng(seed)).service!.spec.ports![0].nodePort!;
    assert.ok(np >= 30086 && np <= 32767, String(np));
  }
});

test('NodePorts: TCP and UDP of one port share a node port; ClusterIP Services get none; update keeps by name', () => {
  const v = viewWith([]);
  const dns = allocateNodePorts(v, service('d', { type: 'NodePort', ports: [{ name: 'udp', port: 53, protocol: 'UDP' }, { name: 'tcp', port: 53, protocol: 'TCP' }] }), rng()).service!;
  assert.equal(dns.spec.ports![0].nodePort, dns.spec.ports![1].nodePort);
  assert.equal(allocateNodePorts(v, service('c'), rng()).service!.spec.ports![0].nodePort, undefined);
  const old = allocateNodePorts(v, service('n', { type: 'NodePort', ports: [{ name: 'http', port: 80 }] }), rng()).service!;
  const again = allocateNodePorts(viewWith([old]), service('n', { type: 'NodePort', ports: [{ name: 'http', port: 8080 }] }), rng(9), { old });
  assert.equal(again.service!.spec.ports![0].nodePort, old.spec.ports![0].nodePort);
  const back = allocateNodePorts(viewWith([old]), { ...old, spec: { ...old.spec, type: 'ClusterIP' } }, rng(), { old });
  assert.equal(back.service!.spec.ports![0].nodePort, undefined);
});

test('allocateServiceAddresses does both and stops at the first error', () => {
  const r = allocateServiceAddresses(base, service('np', { type: 'NodePort', clusterIP: '10.96.0.1' }), rng());
  assert.match(formatFieldError(r.errors![0]), /^spec.clusterIPs/);
  const ok = allocateServiceAddresses(base, service('np', { type: 'NodePort' }), rng()).service!;
  assert.ok(ok.spec.clusterIP && ok.spec.ports![0].nodePort);
});
