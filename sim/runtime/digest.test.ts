import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDigest, prefixedDigest } from './image-behaviours';

/** The digest as first written: 8 rounds of FNV-1a on uint32, each as 8 hex digits. */
function reference(text: string): string {
  const out: string[] = [];
  let h = 0x811c9dc5;
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out.push(h.toString(16).padStart(8, '0'));
  }
  return out.join('');
}

test('the fake digest (imageID, containerID) is the same text as the reference, built at once', () => {
  assert.equal(fakeDigest(''), reference(''));
  for (let i = 0; i < 2_000; i++) {
    const text = `${(i * 2654435761).toString(16)}/c${i % 13}/${i % 5}${'é'.repeat(i % 3)}`;
    assert.equal(prefixedDigest('containerd://', text), `containerd://${reference(text)}`);
    assert.equal(fakeDigest(text), reference(text));
  }
});
