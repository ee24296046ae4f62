import { FuncError, GoStruct, isMap, truth, typeName, type GoValue } from './values';
import { sprint, sprintf, sprintln, sprintValue } from './fmt';
import type { FuncMap } from './exec';

// text/template's predefined functions (Go's text/template/funcs.go): not, len, index, slice,
// print, printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery. and/or live in the executor
// because they short-circuit.

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other';

function basicKind(v: GoValue): Kind {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}

/** Go's eq: true if arg1 equals any of the others; mixing kinds is an error unless one side is nil. */
export function eq(arg1: GoValue, ...rest: GoValue[]): boolean {
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    if (k1 !== k2) {
      if (k1 !== 'invalid' && k2 !== 'invalid') throw new FuncError('incompatible types for comparison');
      continue;
    }
    if (k1 === 'other') {
      if (Array.isArray(arg1) || isMap(arg1) || Array.isArray(arg) || isMap(arg)) throw new FuncError(`non-comparable type ${sprintValue(arg)}: ${typeName(arg)}`);
      if (arg1 === arg) return true;
      continue;
    }
    if (k1 === 'invalid' || arg1 === arg) return true;
  }
  return false;
}

/** Go's lt: basic kinds only, the same kind on both sides. */
export function lt(a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'bool' || ka === 'other' || ka === 'invalid' || kb === 'bool' || kb === 'other' || kb === 'invalid') throw new FuncError('invalid type for comparison');
  if (ka !== kb) throw new FuncError('incompatible types for comparison');
  return (a as string | number | bigint) < (b as string | number | bigint);
}

function indexInt(v: GoValue): number {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) throw new FuncError('cannot index slice/array with nil');
  throw new FuncError(`cannot index slice/array with type ${typeName(v)}`);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  let v = item;
  for (const ix of indexes) {
    if (v === null || v === undefined) throw new FuncError('index of untyped nil');
    if (Array.isArray(v)) {
      const i = indexInt(ix);
      if (i < 0 || i >= v.length) throw new FuncError(`index out of range: ${i}`);
      v = v[i];
    } else if (typeof v === 'string') {
      const i = indexInt(ix);
      if (i < 0 || i >= v.length) throw new FuncError(`index out of range: ${i}`);
      v = BigInt(Buffer.from(v, 'utf8')[i]);
    } else if (isMap(v)) {
      if (typeof ix !== 'string') throw new FuncError(`value has type ${typeName(ix)}; should be string`);
      v = Object.prototype.hasOwnProperty.call(v, ix) ? v[ix] : null;
    } else {
      throw new FuncError(`can't index item of type ${typeName(v)}`);
    }
  }
  return v;
}

function len(v: GoValue): GoValue {
  // an invalid value (a missing key under missingkey=default) makes Go's length panic in reflect
  if (v === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (v === null) throw new FuncError('len of nil pointer');
  if (typeof v === 'string') return BigInt(Buffer.byteLength(v, 'utf8'));
  if (Array.isArray(v)) return BigInt(v.length);
  if (isMap(v)) return BigInt(Object.keys(v).length);
  throw new FuncError(`len of type ${typeName(v)}`);
}

function slice(item: GoValue, ...ix: GoValue[]): GoValue {
  if (ix.length > 3) throw new FuncError(`too many slice indexes: ${ix.length}`);
  const n = ix.map(indexInt);
  if (typeof item === 'string') {
    if (n.length === 3) throw new FuncError('cannot 3-index slice a string');
    return item.slice(n[0] ?? 0, n[1] ?? item.length);
  }
  if (Array.isArray(item)) return item.slice(n[0] ?? 0, n[1] ?? item.length);
  throw new FuncError(`can't slice item of type ${typeName(item)}`);
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;').replace(/\0/g, '\uFFFD');
}

/** Go's JSEscapeString (Go 1.21+): \\ \' \" escaped by backslash, < > & = and control characters as \\u00XX, non-printable runes as \\uXXXX. */
function jsEscape(s: string): string {
  const named: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"' };
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (named[c] !== undefined) out += named[c];
    else if (c === '<' || c === '>' || c === '&' || c === '=' || code < 0x20) out += `\\u00${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code >= 0x80 && /[\p{C}\p{Z}]/u.test(c)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

export function builtinFuncs(): FuncMap {
  return {
    not: (v) => !truth(v),
    len,
    index,
    slice,
    print: (...a) => sprint(a),
    printf: (f, ...a) => {
      if (typeof f !== 'string') throw new FuncError(`wrong type for value; expected string; got ${typeName(f)}`);
      return sprintf(f, a);
    },
    println: (...a) => sprintln(a),
    eq: (a, ...b) => eq(a, ...b),
    ne: (a, b) => !eq(a, b),
    lt: (a, b) => lt(a, b),
    le: (a, b) => lt(a, b) || eq(a, b),
    gt: (a, b) => !lt(a, b) && !eq(a, b),
    ge: (a, b) => !lt(a, b),
    html: (...a) => htmlEscape(sprint(a)),
    js: (...a) => jsEscape(sprint(a)),
    // url.QueryEscape: all but letters, digits and -_.~ escaped, a space as +
    urlquery: (...a) => encodeURIComponent(sprint(a)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+'),
    call: (fn, ...a) => {
      if (typeof fn !== 'function') throw new FuncError(`non-function of type ${typeName(fn)}`);
      return (fn as (...x: GoValue[]) => GoValue)(...a);
    },
  };
}

