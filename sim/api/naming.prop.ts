import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { canonicalEqual, canonicalJson } from './naming';

// canonicalEqual is canonicalJson's equality without the strings: it must agree with it on any JSON
// value, including ones that share sub-objects, differ only in key order or in undefined-valued keys.

const leaf = fc.oneof(fc.constantFrom('a', 'b', '', 0, 1, -0, NaN, null, true, false, undefined), fc.integer({ min: -2, max: 2 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('value'), { maxKeys: 3 }),
})).value;

/** A near copy: same content rebuilt (new objects, reversed key order), or one leaf changed. */
function variant(v: unknown, flip: boolean): unknown {
  if (v === null || typeof v !== 'object') return flip ? (v === 'a' ? 'b' : 'a') : v;
  if (Array.isArray(v)) return v.map((x, i) => variant(x, flip && i === 0));
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v).reverse();
  keys.forEach((k, i) => { out[k] = variant((v as Record<string, unknown>)[k], flip && i === 0); });
  return out;
}

test('canonicalEqual(a, b) holds exactly when canonicalJson(a) === canonicalJson(b)', (t) => {
  checkProperty(t, fc.property(json, json, fc.boolean(), (a, b, flip) => {
    const near = variant(a, flip);
    const shared = { s: a, t: b };
    assert.equal(canonicalEqual(a, b), canonicalJson(a) === canonicalJson(b));
    assert.equal(canonicalEqual(a, near), canonicalJson(a) === canonicalJson(near));
    assert.equal(canonicalEqual(shared, { t: b, s: a }), true);
  }), { replay: 'node scripts/unit.js naming.prop' });
});

test('canonicalEqual: examples', () => {
  assert.equal(canonicalEqual({ a: 1, b: undefined }, { a: 1 }), true);
  assert.equal(canonicalEqual({ a: null }, { a: undefined }), false);
  assert.equal(canonicalEqual({ a: null }, {}), false);
  assert.equal(canonicalEqual([undefined], [null]), true);
  assert.equal(canonicalEqual({ a: NaN }, { a: null }), true);
  assert.equal(canonicalEqual([], {}), false);
  assert.equal(canonicalEqual({ a: [1, 2] }, { a: [2, 1] }), false);
});
