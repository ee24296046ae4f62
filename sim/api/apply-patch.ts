// The patch kubectl apply sends for an existing object, as its error message quotes it
// (apply.go: "error when applying patch:\n<patch>\nto:\n<info>\nfor: ..."): the shape of
// strategicpatch.CreateThreeWayMergePatch over maps and scalars, lists replaced whole.

type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Json, b: Json): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/**
 * CreateThreeWayMergePatch(original, modified, current): what changed from current to modified
 * (additions and changes, diffMaps IgnoreDeletions), merged with the fields the last-applied
 * `original` had and `modified` drops (null, diffMaps IgnoreChangesAndAdditions).
 *
 * | original    | modified       | current            | patch                |
 * |-------------|----------------|--------------------|----------------------|
 * | {a:1}       | {a:1,b:true}   | {a:1,s:{}}         | {b:true}             |
 * | {a:1,c:2}   | {a:1}          | {a:1,c:2}          | {c:null}             |
 * | {m:{x:1}}   | {m:{x:2}}      | {m:{x:1,y:3}}      | {m:{x:2}}            |
 */
export function threeWayMergePatch(original: JsonMap, modified: JsonMap, current: JsonMap): JsonMap {
  return mergeMaps(deletions(original, modified), changes(current, modified));
}

function changes(from: JsonMap, to: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(to)) {
    if (!(k in from)) { out[k] = v; continue; }
    if (isMap(v) && isMap(from[k])) {
      const inner = changes(from[k] as JsonMap, v);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else if (!same(from[k], v)) out[k] = v;
  }
  return out;
}

function deletions(from: JsonMap, to: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(from)) {
    if (!(k in to)) { out[k] = null; continue; }
    if (isMap(v) && isMap(to[k])) {
      const inner = deletions(v, to[k] as JsonMap);
      if (Object.keys(inner).length > 0) out[k] = inner;
    }
  }
  return out;
}

function mergeMaps(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isMap(v) && isMap(out[k]) ? mergeMaps(out[k] as JsonMap, v) : v;
  return out;
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isMap(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
}

/** Go's json.Marshal of the patch: map keys sorted, compact, `<`, `>` and `&` escaped for HTML. */
export function goJson(v: Json): string {
  return JSON.stringify(sortKeys(v)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
