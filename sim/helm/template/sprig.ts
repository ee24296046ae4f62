import { createHash } from 'node:crypto';
import { ArgTypeError, FuncError, GoStruct, deepCopy, isMap, sortedKeys, typeName, type GoMap, type GoValue } from './values';
import { goQuote, sprintValue, formatFloat } from './fmt';
import type { FuncMap } from './exec';
import { semverCompare } from './semver';

// The Sprig functions charts use (github.com/Masterminds/sprig/v3, functions.go and its files),
// with sprig's argument order (`trimSuffix "-" .Name`, `default "x" .Values.y`) and its lenient
// conversions (strval, toInt64, toString).

/** sprig's strval: strings as they are, everything else as %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '<nil>';
  return sprintValue(v);
}

/** cast.ToInt64 as sprig uses it: floats truncate, bad strings are 0, nil is 0. */
export function toInt64(v: GoValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    const t = v.trim().replace(/\.0*$/, '');
    if (/^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|\d+)$/.test(t)) {
      const neg = t.startsWith('-');
      const body = t.replace(/^[-+]/, '');
      const n = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
      return neg ? -n : n;
    }
    return 0n;
  }
  return 0n;
}

export function toFloat64(v: GoValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') { const f = Number(v.trim()); return Number.isNaN(f) || v.trim() === '' ? 0 : f; }
  return 0;
}

/** sprig's empty. */
export function empty(v: GoValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.length === 0;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'bigint') return v === 0n;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoStruct) return false;
  if (typeof v === 'function') return false;
  return Object.keys(v).length === 0;
}

/** A string parameter: Go's validateType refuses anything else (nil arrives as a nil interface). */
function str(v: GoValue, _fn: string): string {
  if (typeof v === 'string') return v;
  throw new ArgTypeError(`wrong type for value; expected string; got ${v === null || v === undefined ? 'interface {}' : typeName(v)}`);
}

function intArg(v: GoValue): number {
  if (typeof v === 'bigint') return Number(v);
  throw new ArgTypeError(`wrong type for value; expected int; got ${v === null || v === undefined ? 'interface {}' : typeName(v)}`);
}

function list(v: GoValue, fn: string): GoValue[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) throw new FuncError(`Cannot find ${fn} on type <nil>`);
  throw new FuncError(`Cannot find ${fn} on type ${typeName(v)}`);
}

function dictArg(v: GoValue): GoMap {
  if (isMap(v)) return v;
  throw new FuncError(`wrong type for value; expected map[string]interface {}; got ${typeName(v)}`);
}

/** mergo.Merge(dst, src) without override: dst keeps its values; maps merge deeply. */
function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [k, v] of Object.entries(src)) {
    const d = dst[k];
    if (isMap(d) && isMap(v)) mergeInto(d, v, overwrite);
    else if (!(k in dst) || empty(d) || (overwrite && !empty(v))) dst[k] = deepCopy(v);
  }
}

function indent(spaces: number, v: string): string {
  const pad = ' '.repeat(Math.max(spaces, 0));
  return pad + v.split('\n').join(`\n${pad}`);
}

function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
}

function words(s: string): string[] {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
}

export function sprigFuncs(): FuncMap {
  return {
    // defaults and flow
    default: (d, ...given) => (given.length === 0 || empty(given[0]) ? d : given[0]),
    empty: (v) => empty(v),
    coalesce: (...v) => v.find((x) => !empty(x)) ?? null,
    ternary: (vt, vf, cond) => (cond === true ? vt : vf),
    fail: (msg) => { throw new FuncError(`HELM_ERR_START${strval(msg)}HELM_ERR_END`); },
    // strings
    quote: (...v) => v.filter((x) => x !== null && x !== undefined).map((x) => goQuote(strval(x))).join(' '),
    squote: (...v) => v.filter((x) => x !== null && x !== undefined).map((x) => `'${strval(x)}'`).join(' '),
    upper: (s) => str(s, 'upper').toUpperCase(),
    lower: (s) => str(s, 'lower').toLowerCase(),
    title: (s) => title(str(s, 'title')),
    untitle: (s) => str(s, 'untitle').replace(/(^|\s)(\S)/g, (_, a: string, c: string) => a + c.toLowerCase()),
    trim: (s) => str(s, 'trim').trim(),
    trimAll: (cut, s) => { const c = str(cut, ''); const re = new RegExp(`^[${escapeClass(c)}]+|[${escapeClass(c)}]+$`, 'g'); return c === '' ? str(s, '') : str(s, '').replace(re, ''); },
    trimSuffix: (suf, s) => { const a = str(s, ''); const b = str(suf, ''); return b !== '' && a.endsWith(b) ? a.slice(0, -b.length) : a; },
    trimPrefix: (pre, s) => { const a = str(s, ''); const b = str(pre, ''); return a.startsWith(b) ? a.slice(b.length) : a; },
    trunc: (c, s) => {
      const n = intArg(c); const v = str(s, 'trunc');
      if (n < 0 && v.length + n > 0) return v.slice(v.length + n);
      if (n >= 0 && v.length > n) return v.slice(0, n);
      return v;
    },
    replace: (o, n, s) => str(s, '').split(str(o, '')).join(str(n, '')),
    contains: (sub, s) => str(s, '').includes(str(sub, '')),
    hasPrefix: (p, s) => str(s, '').startsWith(str(p, '')),
    hasSuffix: (p, s) => str(s, '').endsWith(str(p, '')),
    indent: (n, s) => indent(intArg(n), str(s, 'indent')),
    nindent: (n, s) => `\n${indent(intArg(n), str(s, 'nindent'))}`,
    repeat: (n, s) => str(s, '').repeat(Math.max(intArg(n), 0)),
    substr: (a, b, s) => { const v = str(s, ''); const st = intArg(a); const en = intArg(b); if (st < 0) return v.slice(0, en); if (en < 0 || en > v.length) return v.slice(st); return v.slice(st, en); },
    nospace: (s) => str(s, '').replace(/\s/g, ''),
    abbrev: (w, s) => { const n = intArg(w); const v = str(s, ''); return n < 4 || v.length <= n ? v : `${v.slice(0, n - 3)}...`; },
    cat: (...v) => v.filter((x) => x !== null && x !== undefined).map(strval).join(' '),
    toString: (v: GoValue) => strval(v),
    toStrings: (v) => (Array.isArray(v) ? v.map(strval) : [strval(v)]),
    split: (sep, s) => { const out: GoMap = {}; str(s, '').split(str(sep, '')).forEach((p, i) => { out[`_${i}`] = p; }); return out; },
    splitList: (sep, s) => str(s, '').split(str(sep, '')),
    join: (sep, v) => (Array.isArray(v) ? v.map(strval) : [strval(v)]).join(str(sep, '')),
    sortAlpha: (v) => (Array.isArray(v) ? v.map(strval).sort() : [strval(v)]),
    camelcase: (s) => words(str(s, '')).map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(''),
    snakecase: (s) => words(str(s, '')).map((w) => w.toLowerCase()).join('_'),
    kebabcase: (s) => words(str(s, '')).map((w) => w.toLowerCase()).join('-'),
    plural: (one, many, n) => (toInt64(n) === 1n ? one : many),
    b64enc: (s) => Buffer.from(strval(s), 'utf8').toString('base64'),
    b64dec: (s) => {
      const v = strval(s);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) return `illegal base64 data at input byte ${firstBadBase64(v)}`;
      return Buffer.from(v, 'base64').toString('utf8');
    },
    sha256sum: (s) => createHash('sha256').update(strval(s)).digest('hex'),
    sha1sum: (s) => createHash('sha1').update(strval(s)).digest('hex'),
    regexMatch: (re, s) => new RegExp(str(re, '')).test(str(s, '')),
    regexFind: (re, s) => new RegExp(str(re, '')).exec(str(s, ''))?.[0] ?? '',
    regexReplaceAll: (re, s, repl) => str(s, '').replace(new RegExp(str(re, ''), 'g'), str(repl, '').replace(/\$\{?(\d+)\}?/g, '$$$1')),
    regexSplit: (re, s, n) => { const parts = str(s, '').split(new RegExp(str(re, ''))); const k = Number(toInt64(n)); return k < 0 ? parts : parts.slice(0, k); },
    // numbers
    int: (v) => toInt64(v),
    int64: (v) => toInt64(v),
    float64: (v) => toFloat64(v),
    atoi: (v) => { const s = strval(v); return /^[-+]?\d+$/.test(s) ? BigInt(s) : 0n; },
    add: (...v) => v.reduce<bigint>((a, b) => a + toInt64(b), 0n),
    add1: (v) => toInt64(v) + 1n,
    sub: (a, b) => toInt64(a) - toInt64(b),
    mul: (a, ...v) => v.reduce<bigint>((x, b) => x * toInt64(b), toInt64(a)),
    div: (a, b) => { const d = toInt64(b); if (d === 0n) throw new FuncError('runtime error: integer divide by zero'); return toInt64(a) / d; },
    mod: (a, b) => { const d = toInt64(b); if (d === 0n) throw new FuncError('runtime error: integer divide by zero'); return toInt64(a) % d; },
    max: (a, ...v) => v.reduce<bigint>((x, b) => (toInt64(b) > x ? toInt64(b) : x), toInt64(a)),
    min: (a, ...v) => v.reduce<bigint>((x, b) => (toInt64(b) < x ? toInt64(b) : x), toInt64(a)),
    floor: (v) => Math.floor(toFloat64(v)),
    ceil: (v) => Math.ceil(toFloat64(v)),
    round: (v, p) => { const k = 10 ** Number(toInt64(p)); return Math.round(toFloat64(v) * k) / k; },
    until: (n) => Array.from({ length: Math.max(Number(toInt64(n)), 0) }, (_, i) => BigInt(i)),
    untilStep: (a, b, s) => { const out: GoValue[] = []; const st = toInt64(s); if (st === 0n) return out; for (let i = toInt64(a); st > 0n ? i < toInt64(b) : i > toInt64(b); i += st) out.push(i); return out; },
    // lists
    list: (...v) => v,
    tuple: (...v) => v,
    first: (l) => { const a = list(l, 'first'); return a.length > 0 ? a[0] : null; },
    last: (l) => { const a = list(l, 'last'); return a.length > 0 ? a[a.length - 1] : null; },
    rest: (l) => list(l, 'rest').slice(1),
    initial: (l) => list(l, 'initial').slice(0, -1),
    append: (l, v) => [...list(l, 'append'), v],
    push: (l, v) => [...list(l, 'push'), v],
    prepend: (l, v) => [v, ...list(l, 'prepend')],
    concat: (...ls) => ls.flatMap((l) => list(l, 'concat')),
    reverse: (l) => [...list(l, 'reverse')].reverse(),
    uniq: (l) => { const out: GoValue[] = []; for (const x of list(l, 'uniq')) if (!out.some((y) => sprintValue(y) === sprintValue(x) && typeName(y) === typeName(x))) out.push(x); return out; },
    compact: (l) => list(l, 'compact').filter((x) => !empty(x)),
    has: (needle, l) => (l === null || l === undefined ? false : list(l, 'has').some((x) => typeName(x) === typeName(needle) && sprintValue(x) === sprintValue(needle))),
    without: (l, ...omit) => list(l, 'without').filter((x) => !omit.some((o) => typeName(o) === typeName(x) && sprintValue(o) === sprintValue(x))),
    // dicts
    dict: (...kv) => { const out: GoMap = {}; for (let i = 0; i < kv.length; i += 2) out[strval(kv[i])] = i + 1 < kv.length ? kv[i + 1] : ''; return out; },
    set: (d, k, v) => { dictArg(d)[str(k, '')] = v; return d; },
    unset: (d, k) => { delete dictArg(d)[str(k, '')]; return d; },
    hasKey: (d, k) => Object.prototype.hasOwnProperty.call(dictArg(d), str(k, '')),
    get: (d, k) => { const m = dictArg(d); const key = str(k, ''); return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : ''; },
    keys: (...ds) => ds.flatMap((d) => sortedKeys(dictArg(d))),
    values: (d) => sortedKeys(dictArg(d)).map((k) => dictArg(d)[k]),
    pick: (d, ...ks) => { const m = dictArg(d); const out: GoMap = {}; for (const k of ks.map(strval)) if (k in m) out[k] = m[k]; return out; },
    omit: (d, ...ks) => { const m = dictArg(d); const drop = new Set(ks.map(strval)); const out: GoMap = {}; for (const k of Object.keys(m)) if (!drop.has(k)) out[k] = m[k]; return out; },
    merge: (dst, ...srcs) => { const d = dictArg(dst); for (const s of srcs) mergeInto(d, dictArg(s), false); return d; },
    mergeOverwrite: (dst, ...srcs) => { const d = dictArg(dst); for (const s of srcs) mergeInto(d, dictArg(s), true); return d; },
    deepCopy: (v) => deepCopy(v),
    dig: (...a) => {
      const d = dictArg(a[a.length - 1]); const def = a[a.length - 2]; const ks = a.slice(0, -2).map(strval);
      let cur: GoValue = d;
      for (const k of ks) { if (!isMap(cur) || !(k in cur)) return def; cur = cur[k]; }
      return cur;
    },
    // types
    kindOf: (v) => kindOf(v),
    kindIs: (k, v) => kindOf(v) === k,
    typeOf: (v) => typeName(v),
    typeIs: (t, v) => typeName(v) === t,
    semverCompare: (c, v) => semverCompare(str(c, 'semverCompare'), str(v, 'semverCompare')),
    toDecimal: (v) => { const s = strval(v); return /^[0-7]+$/.test(s) ? BigInt(`0o${s}`) : 0n; },
    float64ToString: (v) => formatFloat(toFloat64(v)),
  };
}

function kindOf(v: GoValue): string {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (Array.isArray(v)) return 'slice';
  if (v instanceof GoStruct) return 'struct';
  if (typeof v === 'function') return 'func';
  return 'map';
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

function firstBadBase64(s: string): number {
  const i = s.search(/[^A-Za-z0-9+/=]/);
  return i === -1 ? Math.max(0, s.length - (s.length % 4)) : i;
}
