import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intern } from './intern';

test('intern returns an equal text, the first instance for repeats', () => {
  const a = ['Pulling image "', 'nginx:1.27', '"'].join('');
  const b = ['Pulling image "', 'nginx:1.27', '"'].join('');
  assert.equal(intern(a), a);
  assert.equal(intern(b), a);
  assert.equal(intern('other'), 'other');
});

test('intern stays correct past its bound (the memo is cleared, never wrong)', () => {
  for (let i = 0; i < 70_000; i++) assert.equal(intern(`text ${i}`), `text ${i}`);
  assert.equal(intern('text 5'), 'text 5');
});
