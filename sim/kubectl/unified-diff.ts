// `diff -u` of two texts, as GNU diffutils prints it (kubectl diff runs `diff -u -N LIVE MERGED`):
// a minimal edit script (Myers' O(ND) algorithm), GNU's shift_boundaries (analyze.c) sliding each
// run of changes down as far as it goes unless it can line up with a change in the other file,
// then hunks with 3 lines of context, deletions before insertions, ranges as `-start,count`.

/** The lines of a text; a final newline ends the last line rather than starting an empty one. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Which lines of `a` are deleted and which of `b` inserted, in a shortest edit script. Flags are
 * indexed from 0; both arrays carry one extra false at the end (GNU's sentinel).
 */
export function changedLines(a: readonly string[], b: readonly string[]): { changedA: boolean[]; changedB: boolean[] } {
  const n = a.length, m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      next[offset + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
    v = next;
  }
  const changedA = new Array<boolean>(n + 1).fill(false);
  const changedB = new Array<boolean>(m + 1).fill(false);
  // Walk the trace back from (n, m), marking the deletion or insertion of each step.
  let x = n, y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && x - 1 >= 0 && y - 1 >= 0 && a[x - 1] === b[y - 1] && x - y === k) { x--; y--; }
    if (prevK === k + 1) changedB[prevY] = true; // an insertion of b[prevY]
    else changedA[prevX] = true; // a deletion of a[prevX]
    x = prevX; y = prevY;
  }
  shiftBoundaries(a, changedA, changedB);
  shiftBoundaries(b, changedB, changedA);
  return { changedA, changedB };
}

/**
 * analyze.c shift_boundaries for one file: each run of changed lines slides up while it can merge
 * with an earlier run, then down as far as the lines allow, then back up to the last place where
 * it ended alongside a change in the other file.
 */
function shiftBoundaries(lines: readonly string[], changed: boolean[], otherChanged: boolean[]): void {
  const iEnd = lines.length;
  // GNU indexes with a sentinel before the first line; at(-1) reads false.
  const ch = (i: number) => (i < 0 ? false : changed[i]);
  const och = (j: number) => (j < 0 ? false : otherChanged[j]);
  let i = 0, j = 0;
  for (;;) {
    while (i < iEnd && !changed[i]) {
      while (och(j++)) { /* skip */ }
      i++;
    }
    if (i === iEnd) break;
    let start = i;
    while (ch(++i)) { /* skip */ }
    while (och(j)) j++;
    let runlength: number;
    let corresponding: number;
    do {
      runlength = i - start;
      while (start > 0 && lines[start - 1] === lines[i - 1]) {
        changed[--start] = true;
        changed[--i] = false;
        while (ch(start - 1)) start--;
        while (och(--j)) { /* skip */ }
      }
      corresponding = och(j - 1) ? i : iEnd;
      while (i !== iEnd && lines[start] === lines[i]) {
        changed[start++] = false;
        changed[i++] = true;
        while (ch(i)) i++;
        while (och(++j)) corresponding = i;
      }
    } while (runlength !== i - start);
    while (corresponding < i) {
      changed[--start] = true;
      changed[--i] = false;
      while (och(--j)) { /* skip */ }
    }
  }
}

/** `-start,count` as diff -u writes a range (count 1 is left out; an empty range names the line before). */
function range(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** The hunks of `diff -u` (context 3), without the ---/+++ header; '' when the texts are equal. */
export function unifiedHunks(aText: string, bText: string, context = 3): string {
  const a = splitLines(aText), b = splitLines(bText);
  const { changedA, changedB } = changedLines(a, b);
  // Pair the lines up: a run of equal lines, then a change block (deletions, insertions).
  interface Block { readonly aStart: number; readonly aEnd: number; readonly bStart: number; readonly bEnd: number }
  const blocks: Block[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && !changedA[i] && !changedB[j]) { i++; j++; continue; }
    const aStart = i, bStart = j;
    while (i < a.length && changedA[i]) i++;
    while (j < b.length && changedB[j]) j++;
    if (i === aStart && j === bStart) break; // cannot happen for a consistent script
    blocks.push({ aStart, aEnd: i, bStart, bEnd: j });
  }
  if (blocks.length === 0) return '';
  let out = '';
  let h = 0;
  while (h < blocks.length) {
    // Blocks closer than 2 * context equal lines share a hunk.
    let last = h;
    while (last + 1 < blocks.length && blocks[last + 1].aStart - blocks[last].aEnd <= 2 * context) last++;
    const first = blocks[h];
    const end = blocks[last];
    const aFrom = Math.max(0, first.aStart - context);
    const bFrom = Math.max(0, first.bStart - context);
    const aTo = Math.min(a.length, end.aEnd + context);
    const bTo = Math.min(b.length, end.bEnd + context);
    const lines: string[] = [];
    let ai = aFrom;
    for (let k = h; k <= last; k++) {
      const blk = blocks[k];
      for (; ai < blk.aStart; ai++) lines.push(` ${a[ai]}`);
      for (let x = blk.aStart; x < blk.aEnd; x++) lines.push(`-${a[x]}`);
      for (let y = blk.bStart; y < blk.bEnd; y++) lines.push(`+${b[y]}`);
      ai = blk.aEnd;
    }
    for (; ai < aTo; ai++) lines.push(` ${a[ai]}`);
    out += `@@ -${range(aFrom, aTo - aFrom)} +${range(bFrom, bTo - bFrom)} @@\n${lines.join('\n')}\n`;
    h = last + 1;
  }
  return out;
}
