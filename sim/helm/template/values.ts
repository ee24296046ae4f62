// Go values as the template engine sees them in JavaScript. Helm's values come from YAML through
// JSON, so their numbers are float64 (a JS number); integers made by the engine (literals, len,
// int, --set) are int64 (a JS bigint). That split keeps Go's printing: {{ 1000000.0 }} is 1e+06.
// A struct (Release, Chart, Capabilities) is a GoStruct: a missing field is an error, not nil.

export type GoValue = null | undefined | string | boolean | number | bigint | GoValue[] | GoMap | GoStruct | GoFunc;
export interface GoMap { [key: string]: GoValue }
export type GoFunc = (...args: GoValue[]) => GoValue;

/** A template function's failure; the executor words it as Go does: `error calling NAME: message`. */
export class FuncError extends Error {}

/** An argument of the wrong Go type: text/template reports it without "error calling". */
export class ArgTypeError extends FuncError {}

export class GoStruct {
  constructor(readonly typeName: string, readonly fields: Readonly<Record<string, GoValue>>) {}
}

export function isMap(v: unknown): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoStruct);
}

/** Go's type name of a value, for messages (`interface {}`, `string`, `map[string]interface {}`). */
export function typeName(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoStruct) return v.typeName;
  if (typeof v === 'function') return 'func';
  return 'map[string]interface {}';
}

/** text/template's IsTrue: false, 0, nil, and empty strings, slices and maps are false. */
export function truth(v: GoValue): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoStruct || typeof v === 'function') return true;
  return Object.keys(v).length > 0;
}

/** Sorted keys, as Go's fmt and text/template's range visit a map. */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Converts a parsed YAML/JSON value (all numbers float64) into a GoValue; it already is one. */
export function fromJson(v: unknown): GoValue {
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object' && v !== null) {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromJson(x);
    return out;
  }
  if (typeof v === 'bigint') return Number(v);
  return v as GoValue;
}

/** A deep copy that keeps bigint/number distinctions (structuredClone would too, but not for GoStruct). */
export function deepCopy(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isMap(v)) {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
    return out;
  }
  return v;
}

/** A plain JSON-able value (bigint -> number), for YAML/JSON output. */
export function toPlain(v: GoValue): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof GoStruct) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v.fields)) if (typeof x !== 'function') out[k] = toPlain(x);
    return out;
  }
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return v === undefined ? null : v;
}
