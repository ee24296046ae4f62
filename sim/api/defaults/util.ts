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

/**
 * What the API server's Go round trip does to a non-pointer `omitempty` field (encoding/json): a
 * zero value (0, false, "", null, an empty list or map) is not stored, so it never reads back.
 * Only for fields whose Go type is a scalar, slice or map: a struct is encoded even when empty and
 * a pointer (e.g. Deployment replicas) keeps its 0. Returns `o` itself when nothing is dropped.
 *
 * | o                                  | keys                | result          |
 * |------------------------------------|---------------------|-----------------|
 * | {minReadySeconds: 0, replicas: 0}  | ['minReadySeconds'] | {replicas: 0}   |
 * | {env: [], args: ['a']}             | ['env', 'args']     | {args: ['a']}   |
 * | {nodeSelector: {}}                 | ['nodeSelector']    | {}              |
 * | {minReadySeconds: 5}               | ['minReadySeconds'] | the same object |
 */
export function omitEmpty(o: Json, keys: readonly string[]): Json {
  let out: Json | undefined;
  for (const k of keys) {
    if (!(k in o) || !isGoZero(o[k])) continue;
    out ??= { ...o };
    delete out[k];
  }
  return out ?? o;
}

/** Go's isEmptyValue for the JSON shapes a scalar, slice or map field can take. */
function isGoZero(v: unknown): boolean {
  if (v === null || v === 0 || v === false || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObj(v)) { for (const _ in v) return false; return true; }
  return false;
}

/** `f` over a list's objects, the list itself when no item changed (so that memos keyed by it keep hitting). */
export function mapSame(v: unknown, f: (item: Json) => Json): unknown {
  if (!Array.isArray(v)) return v;
  let out: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (!isObj(item)) continue;
    const next = f(item);
    if (next === item) continue;
    out ??= v.slice();
    out[i] = next;
  }
  return out ?? v;
}

/** `o` with `o[key]` replaced by `f(o[key])` when that differs (only when the key is there); `o` itself otherwise. */
export function withField(o: Json, key: string, f: (v: unknown) => unknown): Json {
  if (!(key in o)) return o;
  const v = o[key];
  const next = f(v);
  return next === v ? o : { ...o, [key]: next };
}

/** `f` over a nested object, when the value is one; anything else as it is. */
export const onObj = (f: (o: Json) => Json) => (v: unknown): unknown => (isObj(v) ? f(v) : v);
