import type { Rng } from '../engine/rng';

// pkg/registry/core/service/allocator/utils.go + bitmap.go: the static/dynamic split both the
// ClusterIP and the NodePort allocators use. Offsets [0, offset) are the static band, preferred for
// user-chosen values; AllocateNext picks from [offset, max) first.

/**
 * allocator.calculateRangeOffset: min(max(lower, size/step), upper); 0 when size < lower.
 *
 * | what        | size    | lower | step | upper | offset |
 * |-------------|---------|-------|------|-------|--------|
 * | 10.96.0.0/12 | 1048576 | 16   | 16   | 256   | 256    |
 * | 10.0.0.0/24 | 256     | 16    | 16   | 256   | 16     |
 * | 30000-32767 | 2768    | 16    | 32   | 128   | 86     |
 * | 10.0.0.0/29 | 8       | 16    | 16   | 256   | 0      |
 */
export function rangeOffset(size: number, lower: number, step: number, upper: number): number {
  if (size < lower) return 0;
  const offset = Math.floor(size / step);
  if (offset < lower) return lower;
  if (offset > upper) return upper;
  return offset;
}

/**
 * randomScanStrategyWithOffset.AllocateBit: a random start in the upper band, scanning forward
 * with wrap-around; then a random start in the static band. undefined when full.
 * O(max) in the worst case, O(1) expected while the range is sparsely used.
 */
export function allocateBit(used: (at: number) => boolean, max: number, offset: number, rng: Rng): number | undefined {
  const upper = max - offset;
  if (upper > 0) {
    const start = rng.int(upper);
    for (let i = 0; i < upper; i++) {
      const at = offset + ((start + i) % upper);
      if (!used(at)) return at;
    }
  }
  if (offset > 0) {
    const start = rng.int(offset);
    for (let i = 0; i < offset; i++) {
      const at = (start + i) % offset;
      if (!used(at)) return at;
    }
  }
  return undefined;
}
