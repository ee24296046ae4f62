// Small helpers for defaulting raw manifests, which may hold anything: defaulting never throws on a
// wrong shape (validation and the decoder report those), it only fills what is missing.

export type Json = Record<string, unknown>;

export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value as a mapping, or an empty one when absent (null/undefined). Other shapes are kept as they are by callers. */
export const objOr = (v: unknown): Json => (isObj(v) ? v : {});

/** Whether a field is unset the way Go's zero value is ("" / 0 / nil all count as unset for strings and ints). */
export const unset = (v: unknown): boolean => v === undefined || v === null || v === '';

/** Maps over a list if it is one; anything else is returned unchanged. */
export function mapList<T>(v: unknown, f: (item: Json, i: number) => T): unknown {
  return Array.isArray(v) ? v.map((item, i) => (isObj(item) ? f(item, i) : item)) : v;
}

/** The value, or `d` when it is absent (undefined/null): Go's nil-pointer defaulting. */
export const orDefault = (v: unknown, d: unknown): unknown => (v === undefined || v === null ? d : v);

/** Whether two objects hold the same keys with identical (===) values, `except` aside. */
export function sameExcept(a: Json, b: Json, except: string): boolean {
  let n = 0;
  for (const k in a) {
    if (k === except) continue;
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const k in b) if (k !== except) n--;
  return n === 0;
}
