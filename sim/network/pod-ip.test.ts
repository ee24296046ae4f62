import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocatePodIP } from './pod-ip';

test('host-local hands out the next free address after the last one, wrapping', () => {
  assert.equal(allocatePodIP('10.244.1.0/24', new Set()).ip, '10.244.1.2');
  assert.equal(allocatePodIP('10.244.1.0/24', new Set(['10.244.1.2']), '10.244.1.2').ip, '10.244.1.3');
  assert.equal(allocatePodIP('10.244.1.0/24', new Set(), '10.244.1.3').ip, '10.244.1.4');
  assert.equal(allocatePodIP('10.244.1.0/24', new Set(), '10.244.1.254').ip, '10.244.1.2');
  assert.equal(allocatePodIP('10.244.1.0/24', new Set(['10.244.1.2', '10.244.1.3']), '10.244.1.254').ip, '10.244.1.4');
});

test('a full range says so, as host-local does', () => {
  const used = new Set(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6']);
  assert.match(allocatePodIP('10.244.1.0/29', used).error!, /no IP addresses available in range set: 10.244.1.2-10.244.1.6/);
  assert.ok(allocatePodIP('nope', new Set()).error);
});
