// Whether JSON.stringify(a) === JSON.stringify(b), without building the strings: same keys in the
// same order (undefined-valued keys skipped, as JSON.stringify skips them), same values. Shared
// sub-objects compare by reference first, so an unchanged status compares in a few steps.

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return printsNull(a) && printsNull(b);
  const arrA = Array.isArray(a);
  if (arrA !== Array.isArray(b)) return false;
  if (arrA) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!jsonEqual(asArrayItem(x[i]), asArrayItem(y[i]))) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < kx.length && skipped(x[kx[i]])) i++;
    while (j < ky.length && skipped(y[ky[j]])) j++;
    if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
    if (kx[i] !== ky[j] || !jsonEqual(x[kx[i]], y[ky[j]])) return false;
    i++;
    j++;
  }
}

/** null, NaN and the infinities all print as null. */
function printsNull(v: unknown): boolean {
  return v === null || (typeof v === 'number' && !Number.isFinite(v));
}

/** Values JSON.stringify leaves out of an object. */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** In an array, those values print as null. */
function asArrayItem(v: unknown): unknown {
  return skipped(v) ? null : v;
}
