import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocateIp, intToIp, ipToInt } from './ipam';
import { checkProperty } from '../testing/property';

test('ipToInt and intToIp are inverse on every IPv4 address', (t) => {
  checkProperty(t, fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
    const ip = intToIp(n);
    assert.equal(ipToInt(ip), n);
    assert.equal(ip, [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }), { name: 'ipam: dotted quad round trip' });
});

test('host-local allocation: sequential after the last, skipping used addresses, wrapping before broadcast', () => {
  assert.equal(allocateIp('10.244.1.0/24', undefined, new Set()), '10.244.1.2');
  assert.equal(allocateIp('10.244.1.0/24', '10.244.1.7', new Set(['10.244.1.8'])), '10.244.1.9');
  assert.equal(allocateIp('10.244.1.0/24', '10.244.1.254', new Set(['10.244.1.2'])), '10.244.1.3');
  assert.equal(allocateIp('10.244.1.0/30', undefined, new Set(['10.244.1.2'])), undefined);
  assert.equal(allocateIp('10.244.1.0/31', undefined, new Set()), undefined);
});
