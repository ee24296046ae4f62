// The two JSON patch formats the API server applies with gopkg.in/evanphx/json-patch.v4:
// RFC 6902 JSON Patch (a list of add/remove/replace/move/copy/test operations) and RFC 7386 JSON
// Merge Patch (a document whose fields replace, and whose nulls delete, fields of the target).
// Pure functions over plain JSON values; the input is never mutated.
import { jsonKind } from './schema/decode';

type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** An operation that does not apply (the API server answers 422 for any of them). */
export class JsonPatchError extends Error {}

/** RFC 7386 MergePatch: objects merge key by key, null deletes, anything else replaces. */
export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return clone(patch);
  const out: JsonMap = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = jsonMergePatch(out[key], value);
  }
  return out;
}

/**
 * jsonpatch.DecodePatch: the document must be a list of objects; the error is encoding/json's,
 * as the API server returns it (BadRequest).
 */
export function decodeJsonPatch(patch: Json): readonly JsonMap[] | { error: string } {
  if (!Array.isArray(patch)) return { error: `json: cannot unmarshal ${jsonKind(patch)} into Go value of type jsonpatch.Patch` };
  const bad = patch.find((op) => !isMap(op) && op !== null);
  if (bad !== undefined) return { error: `json: cannot unmarshal ${jsonKind(bad)} into Go value of type jsonpatch.Operation` };
  return patch.map((op) => (isMap(op) ? op : {}));
}

/** Patch.Apply: each operation in order on a copy of `doc`; throws JsonPatchError (evanphx's words). */
export function applyJsonPatch(doc: Json, ops: readonly JsonMap[]): Json {
  const root = { v: clone(doc) };
  for (const op of ops) {
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    switch (kind) {
      case 'add': add(root, pathOf(op, 'path'), valueOf(op, kind)); break;
      case 'remove': remove(root, pathOf(op, 'path')); break;
      case 'replace': replace(root, pathOf(op, 'path'), valueOf(op, kind)); break;
      case 'move': {
        const from = pathOf(op, 'from');
        const value = get(root, from, 'move');
        remove(root, from);
        add(root, pathOf(op, 'path'), value);
        break;
      }
      case 'copy': add(root, pathOf(op, 'path'), clone(get(root, pathOf(op, 'from'), 'copy'))); break;
      case 'test': test(root, pathOf(op, 'path'), op.value); break;
      default: throw new JsonPatchError(`Unexpected kind: ${kind}`);
    }
  }
  return root.v;
}

function pathOf(op: JsonMap, field: 'path' | 'from'): string[] {
  const p = op[field];
  if (typeof p !== 'string') throw new JsonPatchError(`operation missing ${field} field`);
  if (p === '') return [];
  if (!p.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer "${p}"`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueOf(op: JsonMap, kind: string): Json {
  if (!('value' in op)) throw new JsonPatchError(`${kind} operation missing value`);
  return clone(op.value);
}

/** The container holding the last segment of `path`, and that segment. */
function parentOf(root: { v: Json }, path: readonly string[], what: string): { parent: Json; key: string } {
  let cur: Json = root.v;
  for (const seg of path.slice(0, -1)) {
    cur = child(cur, seg);
    if (cur === undefined) throw new JsonPatchError(`${what} operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
  }
  return { parent: cur, key: path[path.length - 1] };
}

function child(cur: Json, seg: string): Json {
  if (isMap(cur)) return Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
  if (Array.isArray(cur)) {
    const i = arrayIndex(seg, cur.length);
    return i === undefined || i >= cur.length ? undefined : cur[i];
  }
  return undefined;
}

/** An index into a list of `length` items; negative counts from the end (SupportNegativeIndices). */
function arrayIndex(seg: string, length: number): number | undefined {
  if (!/^-?\d+$/.test(seg)) return undefined;
  const i = Number(seg);
  return i < 0 ? (i < -length ? undefined : length + i) : i;
}

function add(root: { v: Json }, path: readonly string[], value: Json): void {
  if (path.length === 0) { root.v = value; return; }
  const { parent, key } = parentOf(root, path, 'add');
  if (isMap(parent)) { parent[key] = value; return; }
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : arrayIndex(key, parent.length + 1);
    if (i === undefined || i > parent.length) throw new JsonPatchError(`add operation does not apply: index out of bounds: ${key}`);
    parent.splice(i, 0, value);
    return;
  }
  throw new JsonPatchError(`add operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
}

function remove(root: { v: Json }, path: readonly string[]): void {
  if (path.length === 0) throw new JsonPatchError('unable to remove the whole document');
  const { parent, key } = parentOf(root, path, 'remove');
  if (isMap(parent)) {
    if (!Object.prototype.hasOwnProperty.call(parent, key)) throw new JsonPatchError(`unable to remove nonexistent key: ${key}: missing value`);
    delete parent[key];
    return;
  }
  if (Array.isArray(parent)) {
    const i = arrayIndex(key, parent.length);
    if (i === undefined || i >= parent.length) throw new JsonPatchError(`Unable to remove invalid index: ${key}: invalid index referenced`);
    parent.splice(i, 1);
    return;
  }
  throw new JsonPatchError(`remove operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
}

function replace(root: { v: Json }, path: readonly string[], value: Json): void {
  if (path.length === 0) { root.v = value; return; }
  const { parent, key } = parentOf(root, path, 'replace');
  if (isMap(parent) && Object.prototype.hasOwnProperty.call(parent, key)) { parent[key] = value; return; }
  if (Array.isArray(parent)) {
    const i = arrayIndex(key, parent.length);
    if (i !== undefined && i < parent.length) { parent[i] = value; return; }
  }
  throw new JsonPatchError(`replace operation does not apply: doc is missing key: /${path.join('/')}: missing value`);
}

function get(root: { v: Json }, path: readonly string[], what: string): Json {
  let cur: Json = root.v;
  for (const seg of path) {
    cur = child(cur, seg);
    if (cur === undefined) throw new JsonPatchError(`${what} operation does not apply: doc is missing from path: /${path.join('/')}: missing value`);
  }
  return cur;
}

function test(root: { v: Json }, path: readonly string[], expected: Json): void {
  let cur: Json = root.v;
  for (const seg of path) cur = cur === undefined ? undefined : child(cur, seg);
  // A missing value tests equal to null only.
  if (cur === undefined ? expected === null || expected === undefined : deepEqual(cur, expected)) return;
  throw new JsonPatchError(`testing value /${path.join('/')} failed: test failed`);
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
