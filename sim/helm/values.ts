import { parseYaml } from './goyaml';
import { deepCopy, isMap, type GoMap, type GoValue } from './template/values';
import type { Chart } from './chart';

// Values as Helm combines them: the chart's values.yaml, then each -f file in order (maps merge,
// everything else replaces), then --set (pkg/cli/values MergeValues, pkg/strvals ParseInto), then
// chartutil.CoalesceValues against the chart's defaults and its subcharts' (with globals).

export class ValuesError extends Error {}

/** pkg/cli/values mergeMaps: b over a, maps merged deeply. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isMap(v) && isMap(prev) ? mergeMaps(prev, v) : v;
  }
  return out;
}

/** chartutil.CoalesceValues: user values over chart defaults; a null user value deletes the key. */
export function coalesceValues(chart: Chart, user: GoMap): GoMap {
  const v = coalesceTables(deepCopy(user) as GoMap, chart.values);
  return coalesceDeps(chart, v);
}

function coalesceTables(dst: GoMap, src: GoMap): GoMap {
  for (const [k, sv] of Object.entries(src)) {
    if (!(k in dst)) { dst[k] = deepCopy(sv); continue; }
    const dv = dst[k];
    if (dv === null) { delete dst[k]; continue; }
    if (isMap(dv) && isMap(sv)) coalesceTables(dv, sv);
  }
  for (const [k, dv] of Object.entries(dst)) if (dv === null && !(k in src)) delete dst[k];
  return dst;
}

function coalesceDeps(chart: Chart, v: GoMap): GoMap {
  const globals = isMap(v.global) ? v.global : {};
  for (const dep of chart.dependencies) {
    const name = dep.metadata.name;
    const sub = isMap(v[name]) ? (v[name] as GoMap) : {};
    const subGlobals = isMap(sub.global) ? sub.global : {};
    sub.global = mergeMaps(subGlobals, globals);
    v[name] = coalesceDeps(dep, coalesceTables(sub, dep.values));
  }
  return v;
}

/** Merges -f texts (already read) and --set expressions into the user-supplied values. */
export function userValues(files: ReadonlyArray<{ path: string; text: string }>, sets: readonly string[], setStrings: readonly string[] = []): GoMap {
  let base: GoMap = {};
  for (const f of files) {
    let m: GoValue;
    try {
      m = parseYaml(f.text);
    } catch (e) {
      throw new ValuesError(`failed to parse ${f.path}: ${(e as Error).message}`);
    }
    if (m !== null && !isMap(m)) throw new ValuesError(`failed to parse ${f.path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}`);
    base = mergeMaps(base, (m ?? {}) as GoMap);
  }
  for (const s of sets) parseSetInto(s, base, false, '--set');
  for (const s of setStrings) parseSetInto(s, base, true, '--set-string');
  return base;
}

/** strvals.typedVal: true/false/null, integers not starting with 0 are int64; the rest strings. */
export function typedVal(val: string, asString: boolean): GoValue {
  if (asString) return val;
  const low = val.toLowerCase();
  if (low === 'true') return true;
  if (low === 'false') return false;
  if (low === 'null') return null;
  if (val === '0') return 0n;
  if (val.length > 0 && val[0] !== '0' && /^[-+]?\d+$/.test(val)) {
    const n = BigInt(val);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return n;
  }
  return val;
}

/** strvals.ParseInto: `a.b=c,d[0]=e,list={x,y}`, with \ escaping , . = and [. */
export function parseSetInto(expr: string, into: GoMap, asString: boolean, flag = '--set'): void {
  let i = 0;
  const fail = (msg: string): never => { throw new ValuesError(`failed parsing ${flag} data: ${msg}`); };
  while (i < expr.length) {
    // key path up to '='
    const path: Array<string | number> = [];
    let key = '';
    let sawEq = false;
    for (; i < expr.length; i++) {
      const c = expr[i];
      if (c === '\\' && i + 1 < expr.length) { key += expr[++i]; continue; }
      if (c === '.') { path.push(key); key = ''; continue; }
      if (c === '[') {
        const close = expr.indexOf(']', i);
        if (close === -1) fail(`error parsing index: missing closing bracket`);
        const n = Number(expr.slice(i + 1, close));
        if (!Number.isInteger(n) || n < 0) fail(`negative ${expr.slice(i + 1, close)} index not allowed`);
        if (key !== '') path.push(key);
        key = '';
        path.push(n);
        i = close;
        if (expr[i + 1] === '.') i++;
        continue;
      }
      if (c === '=') { sawEq = true; i++; break; }
      if (c === ',') fail(`key "${key}" has no value (cannot end with ,)`);
      key += c;
    }
    if (key !== '') path.push(key);
    if (!sawEq) fail(`key "${path.join('.')}" has no value`);
    // value up to an unescaped ',' ({a,b} is a list)
    let value: GoValue;
    if (expr[i] === '{' && !asString) {
      const close = expr.indexOf('}', i);
      if (close === -1) fail('list must terminate with \'}\'');
      value = expr.slice(i + 1, close).split(',').filter((x, n, all) => !(all.length === 1 && x === '')).map((x) => typedVal(x, false));
      i = close + 1;
      if (expr[i] === ',') i++;
    } else {
      let raw = '';
      for (; i < expr.length; i++) {
        const c = expr[i];
        if (c === '\\' && i + 1 < expr.length) { raw += expr[++i]; continue; }
        if (c === ',') { i++; break; }
        raw += c;
      }
      value = typedVal(raw, asString);
    }
    setPath(into, path, value, fail);
  }
}

function setPath(root: GoMap, path: ReadonlyArray<string | number>, value: GoValue, fail: (m: string) => never): void {
  let cur: GoMap | GoValue[] = root;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    const last = k === path.length - 1;
    const nextIsIndex = !last && typeof path[k + 1] === 'number';
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) fail('list index on a map');
      const arr = cur as GoValue[];
      while (arr.length <= seg) arr.push(null);
      if (last) { arr[seg] = value; return; }
      if (nextIsIndex ? !Array.isArray(arr[seg]) : !isMap(arr[seg])) arr[seg] = nextIsIndex ? [] : {};
      cur = arr[seg] as GoMap | GoValue[];
    } else {
      const m = cur as GoMap;
      if (last) { m[seg] = value; return; }
      if (nextIsIndex ? !Array.isArray(m[seg]) : !isMap(m[seg])) m[seg] = nextIsIndex ? [] : {};
      cur = m[seg] as GoMap | GoValue[];
    }
  }
}
