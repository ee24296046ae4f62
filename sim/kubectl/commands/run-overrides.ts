import { applyJsonPatch, decodeJsonPatch, jsonMergePatch, JsonPatchError } from '../../api/json-patch';
import { StrategicMergeError, strategicMergePatch } from '../../api/strategic-merge-patch';

// kubectl run --overrides (cmd/util/override_options.go Overrider.Apply): an inline JSON document
// applied to the generated Pod before it is created, as --override-type says: an RFC 7396 JSON
// merge patch (merge, the default: cmdutil.Merge), a strategic merge patch (strategic:
// cmdutil.StrategicMerge, with the Pod's patch strategies) or an RFC 6902 JSON patch (json).

export const OVERRIDE_TYPES = ['json', 'merge', 'strategic'] as const;

type JsonMap = Record<string, unknown>;
const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The generated object with the overrides applied, or kubectl's error (without `error: `). */
export function applyOverrides(generated: JsonMap, overrides: string, type: string): JsonMap | { error: string } {
  if (overrides === '') return generated;
  if (!(OVERRIDE_TYPES as readonly string[]).includes(type)) return { error: `invalid override type: ${type}` };
  let fragment: unknown;
  try {
    fragment = JSON.parse(overrides);
  } catch {
    fragment = SYNTAX_ERROR;
  }
  let patched: unknown;
  switch (type) {
    case 'merge':
      // jsonpatch.MergePatch: a fragment that does not parse, or null, is errBadJSONPatch.
      if (fragment === SYNTAX_ERROR || fragment === null) return { error: 'Invalid JSON Patch' };
      patched = jsonMergePatch(generated, fragment);
      break;
    case 'strategic':
      // strategicpatch.StrategicMergePatch: the fragment must unmarshal into a map (handleUnmarshal).
      if (fragment === SYNTAX_ERROR || !isMap(fragment)) return { error: 'invalid JSON document' };
      try {
        patched = strategicMergePatch(String(generated.kind), generated, fragment);
      } catch (e) {
        if (e instanceof StrategicMergeError) return { error: e.message };
        throw e;
      }
      break;
    default: {
      if (fragment === SYNTAX_ERROR) return { error: `invalid character looking for beginning of value in ${JSON.stringify(overrides)}` };
      const ops = decodeJsonPatch(fragment);
      if ('error' in ops) return ops;
      try {
        patched = applyJsonPatch(generated, ops);
      } catch (e) {
        if (e instanceof JsonPatchError) return { error: e.message };
        throw e;
      }
    }
  }
  // runtime.Decode of the patched JSON: it needs an object with its kind.
  if (!isMap(patched) || typeof patched.kind !== 'string' || patched.kind === '') return { error: `Object 'Kind' is missing in '${JSON.stringify(patched)}'` };
  return patched;
}

const SYNTAX_ERROR = Symbol('syntax error');
