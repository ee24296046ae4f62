// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text with {actions}, fields
// (.a.b, ['a.b'], ..name recursive, *), arrays ([0], [-1], [1:3], [*], [0,2]), filters
// ([?(@.type=="Ready")], [?(@.x)]), {range ...}{end}, string literals {"\n"}.
// kubectl get -o jsonpath allows missing keys: a field that is not there prints nothing.

import { goFormat } from '../api/go-format';

type Json = unknown;

type Step =
  | { readonly t: 'field'; readonly names: readonly string[] }        // one name, '*', or a union
  | { readonly t: 'recursive'; readonly name: string }              // ..name ('*' for all)
  | { readonly t: 'index'; readonly indexes: readonly number[] }
  | { readonly t: 'slice'; readonly start?: number; readonly end?: number; readonly step?: number }
  | { readonly t: 'filter'; readonly left: Operand; readonly op?: string; readonly right?: Operand };

type Operand = { readonly t: 'path'; readonly steps: readonly Step[] } | { readonly t: 'literal'; readonly value: Json };

type Node =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'path'; readonly steps: readonly Step[] }
  | { readonly t: 'range'; readonly steps: readonly Step[]; readonly body: readonly Node[] };

export class JsonPathError extends Error {}

/** Parses a template; throws JsonPathError with client-go's wording where it has one. */
export function parseJsonPath(template: string): readonly Node[] {
  const root: Node[] = [];
  const stack: { steps: readonly Step[]; body: Node[] }[] = [];
  const current = () => (stack.length > 0 ? stack[stack.length - 1].body : root);
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) { current().push({ t: 'text', text: template.slice(i) }); break; }
    if (open > i) current().push({ t: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close === -1) throw new JsonPathError(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      const frame = stack.pop();
      if (frame === undefined) throw new JsonPathError(`not in range, nothing to end`);
      current().push({ t: 'range', steps: frame.steps, body: frame.body });
    } else if (action.startsWith('range ') || action.startsWith('range\t')) {
      stack.push({ steps: parsePath(action.slice(6).trim()), body: [] });
    } else if (action.startsWith('"') || action.startsWith("'")) {
      current().push({ t: 'text', text: parseStringLiteral(action) });
    } else if (action === '') {
      continue;
    } else {
      current().push({ t: 'path', steps: parsePath(action) });
    }
  }
  if (stack.length > 0) throw new JsonPathError(`range is not closed, missing {end}`);
  return root;
}

/** Executes a template against data; returns the text kubectl prints. */
export function executeJsonPath(template: string, data: Json): string {
  return run(parseJsonPath(template), data, data);
}

/**
 * Every value each {path} of a template finds (JSONPath.FindResults), as Go's fmt.Sprint prints
 * it: kubectl get -o custom-columns joins them with "," (customcolumn.go printOneObject).
 */
export function jsonPathValueTexts(template: string, data: Json): string[] {
  return findJsonPathResults(template, data).flat().map(goFormat);
}

/** JSONPath.FindResults: the values each top-level {path} of a template selects (kubectl wait --for=jsonpath). */
export function findJsonPathResults(template: string, data: Json): Json[][] {
  return parseJsonPath(template).filter((n) => n.t === 'path').map((n) => evalSteps((n as { steps: readonly Step[] }).steps, [data], data));
}

function run(nodes: readonly Node[], cur: Json, root: Json): string {
  let out = '';
  for (const node of nodes) {
    switch (node.t) {
      case 'text': out += node.text; break;
      case 'path': out += printResults(evalSteps(node.steps, [cur], root)); break;
      case 'range':
        // JSONPath.FindResults: the body runs once per result of the range's path.
        for (const item of evalSteps(node.steps, [cur], root)) out += run(node.body, item, root);
        break;
    }
  }
  return out;
}

/** JSONPath.PrintResults: scalars as text, maps and lists as compact JSON, space-separated. */
function printResults(values: readonly Json[]): string {
  return values.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(sortKeys(v)) : toText(v))).join(' ');
}

function toText(v: Json): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function evalSteps(steps: readonly Step[], input: readonly Json[], root: Json): Json[] {
  let values: Json[] = [...input];
  for (const step of steps) {
    const next: Json[] = [];
    for (const v of values) applyStep(step, v, root, next);
    values = next;
  }
  return values;
}

function applyStep(step: Step, v: Json, root: Json, out: Json[]): void {
  switch (step.t) {
    case 'field':
      if (!isObject(v)) return;
      for (const name of step.names) {
        if (name === '*') out.push(...sortedValues(v));
        else if (Object.prototype.hasOwnProperty.call(v, name)) out.push((v as Record<string, Json>)[name]);
      }
      return;
    case 'recursive':
      collectRecursive(v, step.name, out);
      return;
    case 'index':
      if (!Array.isArray(v)) return;
      for (const ix of step.indexes) {
        const at = ix < 0 ? v.length + ix : ix;
        if (at >= 0 && at < v.length) out.push(v[at]);
      }
      return;
    case 'slice': {
      if (!Array.isArray(v)) return;
      const len = v.length;
      const norm = (x: number) => (x < 0 ? Math.max(0, len + x) : Math.min(len, x));
      const start = step.start === undefined ? 0 : norm(step.start);
      const end = step.end === undefined ? len : norm(step.end);
      const inc = step.step === undefined || step.step === 0 ? 1 : step.step;
      for (let k = start; k < end; k += inc) out.push(v[k]);
      return;
    }
    case 'filter': {
      const items = Array.isArray(v) ? v : [];
      for (const item of items) {
        const left = operandValues(step.left, item, root);
        if (step.op === undefined) {
          if (left.length > 0) out.push(item);
          continue;
        }
        const right = operandValues(step.right!, item, root);
        if (left.length === 0 || right.length === 0) continue;
        if (compare(left[0], step.op, right[0])) out.push(item);
      }
      return;
    }
  }
}

function operandValues(op: Operand, cur: Json, root: Json): Json[] {
  return op.t === 'literal' ? [op.value] : evalSteps(op.steps, [cur], root);
}

function compare(a: Json, op: string, b: Json): boolean {
  const na = typeof a === 'number' ? a : typeof a === 'string' && typeof b === 'number' ? Number(a) : a;
  const nb = typeof b === 'number' ? b : typeof b === 'string' && typeof a === 'number' ? Number(b) : b;
  switch (op) {
    case '==': return na === nb;
    case '!=': return na !== nb;
    case '<': return (na as number) < (nb as number);
    case '>': return (na as number) > (nb as number);
    case '<=': return (na as number) <= (nb as number);
    case '>=': return (na as number) >= (nb as number);
    default: return false;
  }
}

function collectRecursive(v: Json, name: string, out: Json[]): void {
  if (isObject(v)) {
    if (name === '*') out.push(...sortedValues(v));
    else if (Object.prototype.hasOwnProperty.call(v, name)) out.push((v as Record<string, Json>)[name]);
    for (const child of sortedValues(v)) collectRecursive(child, name, out);
  } else if (Array.isArray(v)) {
    for (const child of v) collectRecursive(child, name, out);
  }
}

// ------------------------------------------------------------------ parsing

function findClose(s: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < s.length; i++) {
    const ch = s[i];
    if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '}') {
      return i;
    }
  }
  return -1;
}

function parseStringLiteral(text: string): string {
  const q = text[0];
  if (text.length < 2 || text[text.length - 1] !== q) throw new JsonPathError(`unterminated string ${text}`);
  const body = text.slice(1, -1);
  return body.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" } as Record<string, string>)[c] ?? c);
}

/** Parses `.a.b[0]['c.d']..e[?(@.x=="y")]` (a leading `$` or `@` is allowed). */
function parsePath(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (text[0] === '$' || text[0] === '@') i = 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      if (text[i + 1] === '.') {
        const { name, next } = readName(text, i + 2);
        steps.push({ t: 'recursive', name: name === '' ? '*' : name });
        i = next;
        continue;
      }
      const { name, next } = readName(text, i + 1);
      if (name !== '') steps.push({ t: 'field', names: [name] });
      i = next;
    } else if (ch === '[') {
      const close = findBracketClose(text, i);
      if (close === -1) throw new JsonPathError(`unclosed array expect ]`);
      steps.push(parseBracket(text.slice(i + 1, close).trim()));
      i = close + 1;
    } else if (/\s/.test(ch)) {
      i++;
    } else {
      // A bare name at the start, e.g. {metadata.name} after a relaxed prefix.
      const { name, next } = readName(text, i);
      if (name === '') throw new JsonPathError(`unrecognized character in action: U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${ch}'`);
      steps.push({ t: 'field', names: [name] });
      i = next;
    }
  }
  return steps;
}

/** A field name runs to the next unescaped `.` or `[`; `\.` keeps a dot in the name. */
function readName(text: string, from: number): { name: string; next: number } {
  let name = '';
  let i = from;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) { name += text[++i]; continue; }
    if (ch === '.' || ch === '[' || /\s/.test(ch)) break;
    name += ch;
  }
  return { name, next: i };
}

function findBracketClose(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') {
      depth--;
      if (depth === 0 && ch === ']') return i;
    }
  }
  return -1;
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { t: 'slice' };
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  if (inner.startsWith("'") || inner.startsWith('"')) {
    return { t: 'field', names: splitUnion(inner).map((s) => parseStringLiteral(s.trim())) };
  }
  if (inner.includes(':')) {
    const parts = inner.split(':').map((p) => p.trim());
    const num = (p: string | undefined) => (p === undefined || p === '' ? undefined : toInt(p));
    return { t: 'slice', start: num(parts[0]), end: num(parts[1]), step: num(parts[2]) };
  }
  return { t: 'index', indexes: splitUnion(inner).map((p) => toInt(p.trim())) };
}

function toInt(p: string): number {
  if (!/^-?\d+$/.test(p)) throw new JsonPathError(`invalid array index ${p}`);
  return Number(p);
}

function splitUnion(s: string): string[] {
  const out: string[] = [];
  let quote: string | undefined;
  let cur = '';
  for (const ch of s) {
    if (quote !== undefined) { cur += ch; if (ch === quote) quote = undefined; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === ',') { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function parseFilter(expr: string): Step {
  const m = expr.match(/^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/);
  if (m === null) return { t: 'filter', left: parseOperand(expr) };
  return { t: 'filter', left: parseOperand(m[1].trim()), op: m[2], right: parseOperand(m[3].trim()) };
}

function parseOperand(text: string): Operand {
  if (text.startsWith('@') || text.startsWith('$') || text.startsWith('.')) return { t: 'path', steps: parsePath(text) };
  if (text.startsWith('"') || text.startsWith("'")) return { t: 'literal', value: parseStringLiteral(text) };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { t: 'literal', value: Number(text) };
  if (text === 'true' || text === 'false') return { t: 'literal', value: text === 'true' };
  if (text === 'nil' || text === 'null') return { t: 'literal', value: null };
  throw new JsonPathError(`unrecognized identifier ${text}`);
}

// ------------------------------------------------------------------ values

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sortedValues(v: Record<string, Json>): Json[] {
  return Object.keys(v).sort().map((k) => v[k]);
}

/** Go's encoding/json prints map keys sorted. */
export function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}
