import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goJson, threeWayMergePatch } from './apply-patch';

test('threeWayMergePatch: the worked examples of its doc comment (CreateThreeWayMergePatch)', () => {
  assert.deepEqual(threeWayMergePatch({ a: 1 }, { a: 1, b: true }, { a: 1, s: {} }), { b: true });
  assert.deepEqual(threeWayMergePatch({ a: 1, c: 2 }, { a: 1 }, { a: 1, c: 2 }), { c: null });
  assert.deepEqual(threeWayMergePatch({ m: { x: 1 } }, { m: { x: 2 } }, { m: { x: 1, y: 3 } }), { m: { x: 2 } });
  assert.deepEqual(threeWayMergePatch({ l: [1] }, { l: [1, 2] }, { l: [1] }), { l: [1, 2] });
  assert.deepEqual(threeWayMergePatch({}, { a: 1 }, { a: 1 }), {});
});

test('goJson: sorted keys, compact, HTML characters escaped as Go json.Marshal does', () => {
  assert.equal(goJson({ b: 1, a: { d: '<&>', c: null } }), '{"a":{"c":null,"d":"\\u003c\\u0026\\u003e"},"b":1}');
});
