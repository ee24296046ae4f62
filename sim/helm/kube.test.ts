import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMergePatch, mergePatch } from './kube';

// RFC 7386 merge patches, the examples of its appendix.

test('mergePatch: changed and added keys, removed keys as null, nested maps patched', () => {
  assert.deepEqual(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { d: 'e' } }), { a: 'z', c: { f: null } });
  assert.deepEqual(mergePatch({ l: [1, 2] }, { l: [1, 2] }), {});
  assert.deepEqual(mergePatch({ l: [1, 2] }, { l: [3] }), { l: [3] }, 'lists are replaced whole');
});

test('applyMergePatch keeps what the patch does not name', () => {
  assert.deepEqual(applyMergePatch({ a: 'b', c: { d: 'e', f: 'g' }, live: 1 }, { a: 'z', c: { f: null } }), { a: 'z', c: { d: 'e' }, live: 1 });
});
