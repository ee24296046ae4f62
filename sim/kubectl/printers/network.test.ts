import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiscoveryEndpoints, formatDiscoveryPorts, formatEndpoints } from './network';

test('formatEndpoints: ip:port of ready addresses, at most 3, then "+ N more..."; no subsets: <none>', () => {
  assert.equal(formatEndpoints(undefined), '<none>');
  assert.equal(formatEndpoints([{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], ports: [{ port: 80 }] }]), '10.244.1.2:80,10.244.2.2:80');
  const four = [{ addresses: ['1', '2', '3', '4'].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 80 }] }];
  assert.equal(formatEndpoints(four), '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...');
  assert.equal(formatEndpoints([{ addresses: [{ ip: '10.0.0.1' }] }]), '10.0.0.1', 'headless without ports');
  assert.equal(formatEndpoints([{ ports: [{ port: 80 }] }]), '', 'only not-ready addresses: an empty cell');
});

test('EndpointSlice PORTS and ENDPOINTS: <unset> when empty', () => {
  assert.equal(formatDiscoveryPorts(null), '<unset>');
  assert.equal(formatDiscoveryPorts([{ port: 80 }, { port: 443 }]), '80,443');
  assert.equal(formatDiscoveryEndpoints([]), '<unset>');
  assert.equal(formatDiscoveryEndpoints([{ addresses: ['a'] }, { addresses: ['b'] }, { addresses: ['c'] }, { addresses: ['d'] }, { addresses: ['e'] }]), 'a,b,c + 2 more...');
});
