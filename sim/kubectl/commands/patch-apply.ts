import { parseDocument } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/store';
import { admitObject } from '../../api/apply';
import { kindInfo } from '../../api/kinds';
import { canonicalJson } from '../../api/naming';
import { jsonKind } from '../../api/schema/decode';
import { applyJsonPatch, decodeJsonPatch, jsonMergePatch, JsonPatchError } from '../../api/json-patch';
import { goFormat, strategicMergePatch, StrategicMergeError } from '../../api/strategic-merge-patch';

// The API server's PATCH of one object (apiserver pkg/endpoints/handlers/patch.go): apply the patch
// to the live object's JSON (smpPatcher / jsonPatcher), decode it back (unknown fields dropped with
// a warning: kubectl patch sends no fieldValidation, so the server's default Warn applies), check
// the name, then the same update path as a PUT: defaulting, PrepareForUpdate, validation.

export type PatchType = 'strategic' | 'merge' | 'json';

type JsonMap = Record<string, unknown>;
const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** sigs.k8s.io/yaml.ToJSON: the patch text (JSON or YAML) as a value, or go-yaml's error text. */
export function patchToJson(text: string): { value: unknown } | { error: string } {
  const doc = parseDocument(text, { version: '1.1' });
  if (doc.errors.length === 0) return { value: doc.toJS() ?? null };
  const e = doc.errors[0];
  const line = e.linePos?.[0].line ?? 1;
  const trimmed = text.trimEnd();
  let problem: string;
  if (e.code === 'MISSING_CHAR') {
    const close = e.message.includes('}') ? '}' : ']';
    problem = trimmed.endsWith(':') || trimmed.endsWith(',') ? 'did not find expected node content' : `did not find expected ',' or '${close}'`;
  } else if (e.code === 'UNEXPECTED_TOKEN') {
    problem = 'did not find expected <document start>';
  } else if (e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    problem = 'mapping values are not allowed in this context';
  } else {
    problem = 'did not find expected node content';
  }
  return { error: `yaml: line ${line}: ${problem}` };
}

export type PatchOutcome =
  | { readonly object: KubeObject; readonly changed: boolean; readonly warnings: readonly string[] }
  | { readonly error: string };

/** Patches `live` (as the API server would); `error` is kubectl's line for the server's refusal. */
export function patchObject(view: StoreView, live: KubeObject, type: PatchType, patchValue: unknown): PatchOutcome {
  let patch = patchValue;
  const original = JSON.parse(JSON.stringify(live)) as JsonMap;
  let patched: unknown;
  switch (type) {
    case 'strategic':
      // smpPatcher: json.Unmarshal into map[string]interface{} (null leaves it empty).
      if (patch === null) patch = {};
      if (!isMap(patch)) return { error: `Error from server (BadRequest): json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}` };
      try {
        patched = strategicMergePatch(live.kind, original, patch);
      } catch (e) {
        if (!(e instanceof StrategicMergeError)) throw e;
        return { error: e.badRequest ? `Error from server (BadRequest): ${e.message}` : `Error from server: ${e.message}` };
      }
      break;
    case 'merge':
      // jsonpatch.MergePatch: a patch that is neither an object nor a list is ErrBadJSONPatch.
      if (!isMap(patch) && !Array.isArray(patch)) return { error: 'Error from server (BadRequest): Invalid JSON Patch' };
      patched = jsonMergePatch(original, patch);
      break;
    case 'json': {
      const ops = decodeJsonPatch(patch);
      if ('error' in ops) return { error: `Error from server (BadRequest): ${ops.error}` };
      try {
        patched = applyJsonPatch(original, ops);
      } catch (e) {
        if (!(e instanceof JsonPatchError)) throw e;
        // NewGenericServerResponse(422): an Invalid status with no causes; checkErr adds its message.
        return { error: 'The request is invalid: the server rejected our request due to an error in our request' };
      }
      break;
    }
  }
  if (!isMap(patched)) return { error: `The request is invalid: patch: Invalid value: ${JSON.stringify(goFormat(patch))}: Object 'Kind' is missing in '${JSON.stringify(patched)}'` };

  // Decode into the Go type: type errors refuse the patch; unknown fields are dropped, with a warning.
  const invalidPatch = (why: string) => `The request is invalid: patch: Invalid value: ${JSON.stringify(type === 'strategic' ? goFormat(patch) : JSON.stringify(patched))}: ${why}`;
  const info = kindInfo(live.kind);
  const verdict = info?.decode?.(patched);
  const warnings: string[] = [];
  if (verdict !== undefined) {
    if (!verdict.startsWith('strict decoding error: ')) return { error: invalidPatch(type === 'strategic' ? fromUnstructuredError(verdict) : verdict) };
    for (const m of verdict.matchAll(/unknown field ("(?:[^"\\]|\\.)*")/g)) {
      const field = JSON.parse(m[1]) as string;
      warnings.push(`Warning: unknown field ${m[1]}`);
      deletePath(patched, field);
    }
  }
  // checkName: the object's name and namespace are the ones in the URL.
  const meta = (isMap(patched.metadata) ? patched.metadata : {}) as JsonMap;
  if (meta.name !== live.metadata.name) {
    return { error: `Error from server (BadRequest): the name of the object (${String(meta.name ?? '')}) does not match the name on the URL (${live.metadata.name})` };
  }
  if ((meta.namespace ?? live.metadata.namespace) !== live.metadata.namespace) {
    return { error: `Error from server (BadRequest): the namespace of the provided object does not match the namespace sent on the request` };
  }
  if (patched.kind !== live.kind || patched.apiVersion !== live.apiVersion) {
    return { error: invalidPatch(`the object's kind or apiVersion may not change`) };
  }
  // A write to the main resource keeps the status and the server-owned metadata (PrepareForUpdate).
  const candidate = {
    ...patched,
    metadata: {
      ...meta, uid: live.metadata.uid, resourceVersion: live.metadata.resourceVersion, creationTimestamp: live.metadata.creationTimestamp,
      ...(live.metadata.generation !== undefined ? { generation: live.metadata.generation } : {}),
    },
    ...(live.status !== undefined ? { status: live.status } : {}),
  } as unknown as KubeObject;
  if (live.status === undefined) delete (candidate as { status?: unknown }).status;
  const admitted = admitObject(view, candidate, live);
  if (admitted.error !== undefined) return { error: admitted.error };
  return { object: admitted.object, changed: !sameObject(live, admitted.object), warnings };
}

/** The update is a no-op (the server writes nothing, resourceVersion stays). */
function sameObject(a: KubeObject, b: KubeObject): boolean {
  const pick = (o: KubeObject) => {
    const { resourceVersion: _rv, generation: _g, ...meta } = o.metadata;
    return canonicalJson({ ...o, metadata: meta });
  };
  return pick(a) === pick(b);
}

/**
 * The strategic merge patch decodes the patched map with DefaultUnstructuredConverter
 * (fromUnstructured), not encoding/json: a type mismatch reads `cannot convert string to int32`,
 * `cannot restore struct from: string`, `cannot restore slice from map`.
 */
export function fromUnstructuredError(jsonError: string): string {
  const m = /^json: cannot unmarshal (\w+) into Go struct field \S+ of type (.+)$/.exec(jsonError);
  if (m === null) return jsonError;
  const [, from, to] = m;
  const kind = ({ string: 'string', number: 'int64', bool: 'bool', object: 'map', array: 'slice' } as Record<string, string>)[from] ?? from;
  if (to.startsWith('[]')) return `cannot restore slice from ${kind}`;
  if (to.startsWith('map[')) return `cannot restore map from ${kind}`;
  if (/^v1\.|^intstr\.|^resource\./.test(to)) return to.startsWith('v1.') ? `cannot restore struct from: ${kind}` : jsonError;
  const type = ({ object: 'map[string]interface {}', array: '[]interface {}' } as Record<string, string>)[from] ?? kind;
  return `cannot convert ${type} to ${to}`;
}

/** Removes `spec.template.spec.containers[0].imagePullPolice` (the strict decoder's path) from `obj`. */
function deletePath(obj: JsonMap, path: string): void {
  const segments = (path.match(/\[\d+\]|[^.[\]]+/g) ?? []).map((t) => (t.startsWith('[') ? Number(t.slice(1, -1)) : t));
  let cur: unknown = obj;
  for (const seg of segments.slice(0, -1)) {
    cur = typeof seg === 'number' ? (Array.isArray(cur) ? cur[seg] : undefined) : isMap(cur) ? cur[seg] : undefined;
    if (cur === undefined) return;
  }
  const last = segments[segments.length - 1];
  if (isMap(cur) && typeof last === 'string') delete cur[last];
}
