import test from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonEqual } from './json-equal';

// jsonEqual must answer exactly as comparing JSON.stringify texts (the kubelet's "status changed?").
test('jsonEqual agrees with comparing JSON.stringify output', () => {
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, fc.constantFrom(undefined, null, true, 0, 1, 'a', 'b', NaN, Infinity), fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 })),
  })).v;
  fc.assert(fc.property(value, value, (a, b) => {
    assert.equal(jsonEqual(a, b), JSON.stringify(a) === JSON.stringify(b));
    assert.equal(jsonEqual(a, structuredClone(a)), true);
  }), { numRuns: 2000 });
});

test('key order matters, undefined-valued keys do not', () => {
  assert.equal(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 }), false);
  assert.equal(jsonEqual({ a: 1, x: undefined, b: 2 }, { a: 1, b: 2 }), true);
  assert.equal(jsonEqual([undefined], [null]), true);
});
