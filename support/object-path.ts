// The generic path assertion's two halves: reading a field by a path such as
// `status.readyReplicas`, `spec.template.spec.containers[0].image`,
// `status.conditions[type=Ready].status` or `metadata.labels["kubernetes.io/hostname"]`
// (`.length` of a list is its length), and comparing it with what the scenario wrote.

export type PathSegment = { readonly key: string } | { readonly index: number } | { readonly where: string; readonly equals: string };

export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') { i++; continue; }
    if (path[i] === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) throw new Error(`path "${path}": missing ] after position ${i}`);
      const inner = path.slice(i + 1, end);
      const quoted = inner.match(/^["'](.*)["']$/);
      const where = inner.match(/^([^=]+)=(.*)$/);
      if (quoted) out.push({ key: quoted[1] });
      else if (/^\d+$/.test(inner)) out.push({ index: Number(inner) });
      else if (where) out.push({ where: where[1], equals: where[2] });
      else throw new Error(`path "${path}": [${inner}] is neither an index, a "quoted key" nor field=value`);
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    out.push({ key: path.slice(i, end) });
    i = end;
  }
  if (out.length === 0) throw new Error('path "": expected e.g. status.readyReplicas');
  return out;
}

/** The value at `path`, or undefined when any step is missing. */
export function readPath(obj: unknown, path: string): unknown {
  let value: unknown = obj;
  for (const seg of parsePath(path)) {
    if (value === undefined || value === null) return undefined;
    if ('index' in seg) value = Array.isArray(value) ? value[seg.index] : undefined;
    else if ('where' in seg) value = Array.isArray(value) ? value.find((x) => x !== null && typeof x === 'object' && String((x as Record<string, unknown>)[seg.where]) === seg.equals) : undefined;
    else if (Array.isArray(value) && seg.key === 'length') value = value.length;
    else value = typeof value === 'object' ? (value as Record<string, unknown>)[seg.key] : undefined;
  }
  return value;
}

/**
 * Does `actual` equal what the scenario wrote? Numbers, booleans and null compare by value
 * ("3" equals 3, "true" equals true); objects and lists by their JSON ('{"app":"web"}');
 * strings as written.
 */
export function valueEquals(actual: unknown, expected: string): boolean {
  if (typeof actual === 'string') return actual === expected;
  if (typeof actual === 'number') return expected.trim() !== '' && Number(expected) === actual;
  if (typeof actual === 'boolean') return String(actual) === expected;
  if (actual === null) return expected === 'null';
  if (actual === undefined) return false;
  try { return JSON.stringify(actual) === JSON.stringify(JSON.parse(expected)); } catch { return false; }
}

/** How a value prints in a failure message. */
export function showValue(v: unknown): string {
  if (v === undefined) return '<absent>';
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
}
