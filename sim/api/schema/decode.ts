import { isQuantity } from '../quantity';
import { SCHEMAS } from './fields';
import type { FieldType, Struct } from './types';

// The API server's decoding of a manifest into its Go type, in strict field validation mode (kubectl's
// default --validate=strict): encoding/json type errors first, then every unknown field.
// `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"`.

/** resource.ErrFormatWrong. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export type Decoder = (raw: Readonly<Record<string, unknown>>) => string | undefined;

export function decoderFor(kind: string): Decoder | undefined {
  const schema = SCHEMAS[kind];
  return schema === undefined ? undefined : (raw) => decodeWith(schema, raw);
}

/** The decoder's error for `raw` against `schema`, or undefined. */
export function decodeWith(schema: Struct, raw: unknown): string | undefined {
  const state: State = { typeError: undefined, unknown: [] };
  walk(schema, raw, '', '', schema.go, state);
  if (state.typeError !== undefined) return state.typeError;
  if (state.unknown.length > 0) return `strict decoding error: ${state.unknown.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ')}`;
  return undefined;
}

interface State { typeError: string | undefined; unknown: string[] }

/** encoding/json's name for a JSON value's kind. */
export function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** The Go type's name as reflect prints it. */
function goTypeName(t: FieldType): string {
  const r = t;
  if (typeof r === 'string') return r === 'intstr' ? 'intstr.IntOrString' : r === 'quantity' ? 'resource.Quantity' : r === 'any' ? 'interface {}' : r;
  if ('go' in r) return `v1.${r.go}`;
  if ('map' in r) return `map[string]${goTypeName(r.map)}`;
  return `[]${goTypeName(r.list)}`;
}

/**
 * `typePath` is the JSON path without list indices (encoding/json's Field), `strictPath` the one
 * with them (the strict decoder's unknown-field path); `owner` the innermost Go struct's name.
 */
function walk(t: FieldType, v: unknown, typePath: string, strictPath: string, owner: string, s: State): void {
  if (v === null || v === undefined) return; // null decodes to the zero value
  const r = t;
  const typeError = (value: string) => {
    if (s.typeError === undefined) s.typeError = `json: cannot unmarshal ${value} into Go struct field ${owner}.${typePath} of type ${goTypeName(r)}`;
  };
  if (typeof r === 'string') {
    switch (r) {
      case 'any': return;
      case 'string': if (typeof v !== 'string') typeError(jsonKind(v)); return;
      case 'bool': if (typeof v !== 'boolean') typeError(jsonKind(v)); return;
      case 'float64': if (typeof v !== 'number') typeError(jsonKind(v)); return;
      case 'int32': case 'int64':
        if (typeof v !== 'number') typeError(jsonKind(v));
        else if (!Number.isInteger(v) || (r === 'int32' && Math.abs(v) > 2147483647)) typeError(`number ${v}`);
        return;
      case 'intstr':
        if (typeof v !== 'string' && typeof v !== 'number' && s.typeError === undefined) s.typeError = `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`;
        return;
      case 'quantity':
        if (typeof v === 'number' || typeof v === 'string') { if (!isQuantity(v) && s.typeError === undefined) s.typeError = QUANTITY_FORMAT_ERROR; return; }
        if (s.typeError === undefined) s.typeError = QUANTITY_FORMAT_ERROR;
        return;
    }
  }
  if ('list' in r) {
    if (!Array.isArray(v)) { typeError(jsonKind(v)); return; }
    v.forEach((item, i) => walk(r.list, item, typePath, `${strictPath}[${i}]`, owner, s));
    return;
  }
  if (typeof v !== 'object' || Array.isArray(v)) { typeError(jsonKind(v)); return; }
  if ('map' in r) {
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) walk(r.map, item, typePath, `${strictPath}.${k}`, owner, s);
    return;
  }
  for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
    const child = r.fields[k];
    const childStrict = strictPath === '' ? k : `${strictPath}.${k}`;
    if (child === undefined) { s.unknown.push(childStrict); continue; }
    walk(child, item, typePath === '' ? k : `${typePath}.${k}`, childStrict, r.go, s);
  }
}
