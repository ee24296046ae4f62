// `diff -u` of two texts, as GNU diffutils prints it (kubectl diff runs `diff -u -N LIVE MERGED`):
// analyze.c's discard_confusing_lines, diffseq.h's compareseq (Myers' middle snakes), analyze.c's
// shift_boundaries sliding each run of changes down as far as it goes unless it can line up with a
// change in the other file, then hunks with 3 lines of context, deletions before insertions,
// ranges as `-start,count`.

/** The lines of a text; a final newline ends the last line rather than starting an empty one. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Which lines of `a` are deleted and which of `b` inserted, as GNU diff decides (analyze.c
 * diff_2_files): the common ends are trimmed to `horizon` lines, lines with no match in the other
 * file are discarded (discard_confusing_lines),
 * compareseq splits the rest at middle snakes (diffseq.h diag), then shift_boundaries. Flags are
 * indexed from 0; both arrays carry one extra false at the end (GNU's sentinel).
 */
export function changedLines(a: readonly string[], b: readonly string[], horizon = 3): { changedA: boolean[]; changedB: boolean[] } {
  const classes = new Map<string, number>();
  const equiv = (l: string) => { let c = classes.get(l); if (c === undefined) { c = classes.size + 1; classes.set(l, c); } return c; };
  const changedA = new Array<boolean>(a.length + 1).fill(false);
  const changedB = new Array<boolean>(b.length + 1).fill(false);
  // io.c find_identical_ends: the common prefix and suffix are not read into the buffers, but for
  // `horizon` lines (the context) next to the differences.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const from = Math.max(0, prefix - horizon);
  const cut = Math.max(0, suffix - horizon);
  const ea = a.slice(from, a.length - cut).map(equiv), eb = b.slice(from, b.length - cut).map(equiv);
  const ca = new Array<boolean>(ea.length + 1).fill(false), cb = new Array<boolean>(eb.length + 1).fill(false);
  const [keptA, keptB] = discardConfusingLines(ea, eb, ca, cb);
  const xv = keptA.map((i) => ea[i]), yv = keptB.map((i) => eb[i]);
  compareseq(xv, yv, (x) => { ca[keptA[x]] = true; }, (y) => { cb[keptB[y]] = true; });
  shiftBoundaries(ea, ca, cb);
  shiftBoundaries(eb, cb, ca);
  for (let i = 0; i < ea.length; i++) changedA[from + i] = ca[i];
  for (let j = 0; j < eb.length; j++) changedB[from + j] = cb[j];
  return { changedA, changedB };
}

/**
 * analyze.c discard_confusing_lines: a line matching no line of the other file is marked changed
 * and left out of the search; a line matching very many is left out only inside a run of such
 * lines. Returns the indexes of the lines kept, per file.
 */
function discardConfusingLines(ea: readonly number[], eb: readonly number[], changedA: boolean[], changedB: boolean[]): [number[], number[]] {
  const counts = [new Map<number, number>(), new Map<number, number>()];
  for (const e of ea) counts[0].set(e, (counts[0].get(e) ?? 0) + 1);
  for (const e of eb) counts[1].set(e, (counts[1].get(e) ?? 0) + 1);
  const files = [ea, eb];
  const discarded = files.map((equivs, f) => {
    const end = equivs.length;
    const other = counts[1 - f];
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem >>= 2) > 0) many *= 2;
    return equivs.map((e) => { const n = other.get(e) ?? 0; return n === 0 ? 1 : n > many ? 2 : 0; });
  });
  for (const discards of discarded) {
    const end = discards.length;
    for (let i = 0; i < end; i++) {
      if (discards[i] === 2) { discards[i] = 0; continue; }
      if (discards[i] === 0) continue;
      let j = i;
      let provisional = 0;
      for (; j < end; j++) {
        if (discards[j] === 0) break;
        if (discards[j] === 2) provisional++;
      }
      while (j > i && discards[j - 1] === 2) { discards[--j] = 0; provisional--; }
      const length = j - i;
      if (provisional * 4 > length) {
        while (j > i) if (discards[--j] === 2) discards[j] = 0;
      } else {
        let minimum = 1;
        let t = length >> 2;
        while ((t >>= 2) > 0) minimum <<= 1;
        minimum++;
        let consec = 0;
        for (j = 0; j < length; j++) {
          if (discards[i + j] !== 2) consec = 0;
          else if (minimum === ++consec) j -= consec;
          else if (minimum < consec) discards[i + j] = 0;
        }
        consec = 0;
        for (j = 0; j < length; j++) {
          if (j >= 8 && discards[i + j] === 1) break;
          if (discards[i + j] === 2) { consec = 0; discards[i + j] = 0; } else if (discards[i + j] === 0) consec = 0; else consec++;
          if (consec === 3) break;
        }
        i += length - 1;
        consec = 0;
        for (j = 0; j < length; j++) {
          if (j >= 8 && discards[i - j] === 1) break;
          if (discards[i - j] === 2) { consec = 0; discards[i - j] = 0; } else if (discards[i - j] === 0) consec = 0; else consec++;
          if (consec === 3) break;
        }
      }
    }
  }
  const changed = [changedA, changedB];
  return discarded.map((discards, f) => {
    const kept: number[] = [];
    discards.forEach((d, i) => { if (d === 0) kept.push(i); else changed[f][i] = true; });
    return kept;
  }) as [number[], number[]];
}

/** diffseq.h compareseq with diag (minimal: no cost limit matters at these sizes). */
function compareseq(xv: readonly number[], yv: readonly number[], noteDelete: (x: number) => void, noteInsert: (y: number) => void): void {
  const size = xv.length + yv.length + 3;
  const fd = new Float64Array(size), bd = new Float64Array(size);
  const off = yv.length + 1; // diagonals run from -(ylen) to xlen
  const diag = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim, dmax = xlim - yoff;
    const fmid = xoff - yoff, bmid = xlim - ylim;
    let fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (;;) {
      if (fmin > dmin) fd[off + --fmin - 1] = -1; else ++fmin;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1; else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1], thi = fd[off + d + 1];
        let x = tlo < thi ? thi : tlo + 1;
        let y = x - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) { x++; y++; }
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d] <= x) return [x, y];
      }
      if (bmin > dmin) bd[off + --bmin - 1] = Number.MAX_SAFE_INTEGER; else ++bmin;
      if (bmax < dmax) bd[off + ++bmax + 1] = Number.MAX_SAFE_INTEGER; else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1], thi = bd[off + d + 1];
        let x = tlo < thi ? tlo : thi - 1;
        let y = x - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) { x--; y--; }
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]) return [x, y];
      }
    }
  };
  const recurse = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) { xoff++; yoff++; }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) { xlim--; ylim--; }
    if (xoff === xlim) { for (; yoff < ylim; yoff++) noteInsert(yoff); return; }
    if (yoff === ylim) { for (; xoff < xlim; xoff++) noteDelete(xoff); return; }
    const [xmid, ymid] = diag(xoff, xlim, yoff, ylim);
    recurse(xoff, xmid, yoff, ymid);
    recurse(xmid, xlim, ymid, ylim);
  };
  recurse(0, xv.length, 0, yv.length);
}

/**
 * analyze.c shift_boundaries for one file: each run of changed lines slides up while it can merge
 * with an earlier run, then down as far as the lines allow, then back up to the last place where
 * it ended alongside a change in the other file.
 */
function shiftBoundaries(lines: readonly number[], changed: boolean[], otherChanged: boolean[]): void {
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
