import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity, cpuMillis, bytes, formatQuantity, isQuantity } from './quantity';

test('parseQuantity reads decimal SI, binary SI and exponent suffixes in base units', () => {
  const cases: [string | number, number][] = [
    ['100m', 0.1], ['2', 2], ['0.5', 0.5], ['.5', 0.5], ['1k', 1000], ['1M', 1e6], ['1G', 1e9], ['1T', 1e12],
    ['1P', 1e15], ['1E', 1e18], ['5n', 5e-9], ['5u', 5e-6],
    ['1Ki', 1024], ['128Mi', 134217728], ['1Gi', 1073741824], ['1.5Gi', 1610612736], ['1Ti', 2 ** 40],
    ['1e3', 1000], ['1E3', 1000], ['12e-3', 0.012], ['+1', 1], ['-1', -1], [3, 3],
  ];
  for (const [input, want] of cases) {
    const got = parseQuantity(input);
    assert.ok(got !== undefined && Math.abs(got - want) <= Math.abs(want) * 1e-12, `${input}: got ${got}, want ${want}`);
  }
});

test('parseQuantity refuses text that is not a quantity', () => {
  for (const bad of ['', 'abc', '12Q', '1mi', '1KI', '1 Gi', ' 1', '1.2.3', 'Mi', '1e', '1Ki5', 'e3']) {
    assert.equal(parseQuantity(bad), undefined, bad);
    assert.equal(isQuantity(bad), false, bad);
  }
  assert.equal(parseQuantity(Number.NaN), undefined);
});

test('cpuMillis and bytes round up like MilliValue and Value', () => {
  assert.equal(cpuMillis('100m'), 100);
  assert.equal(cpuMillis('0.1'), 100);
  assert.equal(cpuMillis('2'), 2000);
  assert.equal(cpuMillis('1n'), 1);
  assert.equal(cpuMillis(undefined), undefined);
  assert.equal(cpuMillis('x'), undefined);
  assert.equal(bytes('128Mi'), 134217728);
  assert.equal(bytes('1G'), 1e9);
  assert.equal(bytes('500m'), 1);
  assert.equal(bytes('1e3'), 1000);
});

test('formatQuantity prints canonical text', () => {
  assert.equal(formatQuantity(0.1), '100m');
  assert.equal(formatQuantity(2), '2');
  assert.equal(formatQuantity(1.5), '1500m');
  assert.equal(formatQuantity(1000), '1k');
  assert.equal(formatQuantity(1e9), '1G');
  assert.equal(formatQuantity(0), '0');
  assert.equal(formatQuantity(134217728, 'BinarySI'), '128Mi');
  assert.equal(formatQuantity(1073741824, 'BinarySI'), '1Gi');
  assert.equal(formatQuantity(1000, 'BinarySI'), '1k');
  assert.equal(formatQuantity(2001, 'BinarySI'), '2001');
  for (const q of ['100m', '250m', '2', '128Mi', '3Gi']) {
    assert.equal(parseQuantity(formatQuantity(parseQuantity(q)!, q.endsWith('i') ? 'BinarySI' : 'DecimalSI')), parseQuantity(q));
  }
});
