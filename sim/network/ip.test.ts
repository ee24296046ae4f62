import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, cidrSize, compareIP, contains, formatCIDR, formatIP, nthIP, parseCIDR, parseIP, reverseName, strictSubset } from './ip';

test('parse and format IPv4 round-trip; junk is refused', () => {
  for (const ip of ['0.0.0.0', '10.96.0.10', '192.168.56.101', '255.255.255.255']) assert.equal(formatIP(parseIP(ip)!), ip);
  for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', 'a.b.c.d', '1.2.3.-1']) assert.equal(parseIP(bad), undefined, bad);
});

test('CIDRs: base, size, contains, nth, subsets', () => {
  const c = parseCIDR('10.96.0.0/12')!;
  assert.equal(formatCIDR(c), '10.96.0.0/12');
  assert.equal(cidrSize(c), 1048576);
  assert.ok(cidrContains(c, parseIP('10.111.255.255')!));
  assert.ok(!cidrContains(c, parseIP('10.112.0.0')!));
  assert.equal(formatIP(nthIP(c, 10)!), '10.96.0.10');
  assert.equal(nthIP(c, cidrSize(c)), undefined);
  assert.equal(formatCIDR(parseCIDR('10.0.0.7/8')!), '10.0.0.0/8');
  assert.ok(contains('0.0.0.0/0', '8.8.8.8'));
  assert.ok(contains('10.244.1.5/32', '10.244.1.5') && !contains('10.244.1.5/32', '10.244.1.6'));
  for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/', '300.0.0.0/8', 'x/8']) assert.equal(parseCIDR(bad), undefined, bad);
  assert.ok(strictSubset(parseCIDR('172.17.1.0/24')!, parseCIDR('172.17.0.0/16')!));
  assert.ok(!strictSubset(parseCIDR('172.17.0.0/16')!, parseCIDR('172.17.0.0/16')!));
  assert.ok(!strictSubset(parseCIDR('192.168.0.0/24')!, parseCIDR('10.0.0.0/8')!));
});

test('reverse names and numeric order', () => {
  assert.equal(reverseName('10.96.0.10'), '10.0.96.10.in-addr.arpa');
  assert.deepEqual(['10.244.1.10', '10.244.1.9', '10.244.0.200'].sort(compareIP), ['10.244.0.200', '10.244.1.9', '10.244.1.10']);
});
