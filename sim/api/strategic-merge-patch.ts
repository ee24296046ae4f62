// The API server's strategic merge patch (apimachinery strategicpatch.StrategicMergeMapPatch) for
// the built-in kinds: maps merge key by key and null deletes; a list whose Go field carries
// `patchStrategy:"merge"` merges item by item on its `patchMergeKey` (containers and volumes by
// name, container ports by containerPort, volumeMounts by mountPath...), every other list is
// replaced whole. Directives: `$patch: replace|delete` in a map or list item, `$retainKeys`,
// `$deleteFromPrimitiveList/<field>`; `$setElementOrder/<field>` is accepted and dropped.

import { goFormat } from './go-format';

export { goFormat };

type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A patch the API server refuses; `badRequest` ones come back as 400, the others as 500. */
export class StrategicMergeError extends Error {
  constructor(message: string, readonly badRequest = false) { super(message); }
}

/**
 * The patchMergeKey of a list with `patchStrategy:"merge"` in k8s.io/api (types.go struct tags);
 * '' for a merged list of scalars (finalizers); undefined for a list that is replaced.
 * `parent` is the field holding the list's parent object (`containers` for a container's ports).
 */
export function patchMergeKey(kind: string, parent: string | undefined, field: string): string | undefined {
  switch (field) {
    case 'containers': case 'initContainers': case 'ephemeralContainers': case 'volumes': case 'imagePullSecrets':
    case 'env': case 'resourceClaims': case 'schedulingGates': return 'name';
    case 'volumeMounts': return 'mountPath';
    case 'volumeDevices': return 'devicePath';
    case 'hostAliases': case 'podIPs': case 'hostIPs': return 'ip';
    case 'ownerReferences': return 'uid';
    case 'topologySpreadConstraints': return 'topologyKey';
    case 'conditions': return 'type';
    case 'finalizers': case 'podCIDRs': return '';
    case 'ports':
      if (parent === 'containers' || parent === 'initContainers' || parent === 'ephemeralContainers') return 'containerPort';
      return kind === 'Service' && parent === 'spec' ? 'port' : undefined;
    default: return undefined;
  }
}

/** StrategicMergeMapPatch(original, patch) for an object of `kind`; throws StrategicMergeError. */
export function strategicMergePatch(kind: string, original: JsonMap, patch: JsonMap): JsonMap {
  return mergeMap(kind, undefined, original, patch) ?? {};
}

const DELETE_FROM = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';

/** mergeMap: undefined when the patch deletes the whole map (`$patch: delete`). */
function mergeMap(kind: string, parent: string | undefined, original: JsonMap, patch: JsonMap): JsonMap | undefined {
  const directive = patch.$patch;
  if (directive !== undefined) {
    if (directive === 'replace') return clean(kind, parent, withoutKey(patch, '$patch'));
    if (directive === 'delete') return undefined;
    if (directive !== 'merge') throw new StrategicMergeError(`unknown patch type: ${String(directive)} in map: ${goFormat(patch)}`, true);
  }
  let out: JsonMap = { ...original };
  if ('$retainKeys' in patch) {
    const keep = patch.$retainKeys;
    if (!Array.isArray(keep)) throw new StrategicMergeError('invalid patch: the value of $retainKeys must be a list', true);
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.includes(k)));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_FROM)) {
      const field = key.slice(DELETE_FROM.length);
      if (!Array.isArray(value)) throw new StrategicMergeError('invalid patch: the value of $deleteFromPrimitiveList must be a list', true);
      const current = out[field];
      if (Array.isArray(current)) out[field] = current.filter((v) => !value.some((d) => JSON.stringify(d) === JSON.stringify(v)));
      continue;
    }
    if (value === null) { delete out[key]; continue; }
    const current = out[key];
    if (isMap(value) && isMap(current)) {
      const merged = mergeMap(kind, key, current, value);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else if (Array.isArray(value) && Array.isArray(current) && patchMergeKey(kind, parent, key) !== undefined) {
      out[key] = mergeSlice(kind, key, current, value, patchMergeKey(kind, parent, key)!);
    } else {
      const v = isMap(value) ? mergeMap(kind, key, {}, value) : Array.isArray(value) ? cleanList(kind, key, value) : value;
      if (v === undefined) delete out[key];
      else out[key] = v;
    }
  }
  return out;
}

/** A patch value with no live counterpart: directives and nulls removed, as the merge would leave it. */
function clean(kind: string, parent: string | undefined, v: JsonMap): JsonMap {
  return mergeMap(kind, parent, {}, v) ?? {};
}

function cleanList(kind: string, field: string, items: readonly Json[]): Json[] {
  return items.filter((i) => !(isMap(i) && (i.$patch === 'delete'))).map((i) => (isMap(i) ? clean(kind, field, withoutKey(i, '$patch')) : i));
}

function withoutKey(m: JsonMap, key: string): JsonMap {
  const { [key]: _drop, ...rest } = m;
  return rest;
}

/**
 * mergeSlice: merged items keep their live place; then normalizeElementOrder interleaves the items
 * the patch names (in patch order) with the live-only ones (in live order), mergeSortedSlice.
 */
function mergeSlice(kind: string, field: string, original: readonly Json[], patch: readonly Json[], key: string): Json[] {
  if (key === '') {
    // A merged list of scalars: union without duplicates.
    const merged = dedupe([...original, ...patch.filter((p) => !isMap(p))]);
    const inPatch = (v: Json) => patch.some((p) => same(p, v));
    return mergeSorted(merged.filter((v) => !inPatch(v)), sortBy(merged.filter(inPatch), patch, same), original, same);
  }
  // mergeSliceWithSpecialElements: $patch: replace replaces the list, $patch: delete removes an item.
  if (patch.some((p) => isMap(p) && p.$patch === 'replace')) return cleanList(kind, field, patch.filter((p) => !(isMap(p) && p.$patch === 'replace')));
  const keyOf = (v: Json) => (isMap(v) ? JSON.stringify(v[key]) : undefined);
  const deletions = new Set(patch.filter((p) => isMap(p) && p.$patch === 'delete').map(keyOf));
  const items = patch.filter((p) => !(isMap(p) && p.$patch === 'delete'));
  for (const p of items) {
    if (!isMap(p) || p[key] === undefined) throw new StrategicMergeError(`map: ${goFormat(p)} does not contain declared merge key: ${key}`);
  }
  // mergeSliceWithoutSpecialElements: merge into the live item of the same key, else append.
  const merged: Json[] = original.filter((o) => !deletions.has(keyOf(o)));
  for (const p of items as JsonMap[]) {
    const i = merged.findIndex((o) => keyOf(o) === keyOf(p));
    if (i === -1) merged.push(clean(kind, field, p));
    else merged[i] = mergeMap(kind, field, isMap(merged[i]) ? (merged[i] as JsonMap) : {}, p) ?? {};
  }
  const sameKey = (a: Json, b: Json) => keyOf(a) === keyOf(b);
  const inPatch = (v: Json) => items.some((p) => sameKey(p, v));
  return mergeSorted(merged.filter((v) => !inPatch(v)), sortBy(merged.filter(inPatch), items, sameKey), original, sameKey);
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function dedupe(values: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const v of values) if (!out.some((o) => same(o, v))) out.push(v);
  return out;
}

/** normalizeSliceOrder: `items` in the order they appear in `order`. */
function sortBy(items: readonly Json[], order: readonly Json[], eq: (a: Json, b: Json) => boolean): Json[] {
  const at = (v: Json) => order.findIndex((o) => eq(o, v));
  return items.map((v, i) => ({ v, i, at: at(v) })).sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.v);
}

/**
 * mergeSortedSlice(left = live-only items, right = patch items): a live-only item goes first only
 * when both it and the next patch item are in the live list and it comes before; so an item the
 * patch adds lands before the live items that follow it: patching [web] with [sidecar] gives
 * [sidecar, web].
 */
function mergeSorted(left: readonly Json[], right: readonly Json[], serverOrder: readonly Json[], eq: (a: Json, b: Json) => boolean): Json[] {
  const index = (v: Json) => serverOrder.findIndex((o) => eq(o, v));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = index(left[i]);
      const ri = index(right[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
