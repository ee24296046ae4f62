import type { Rng } from '../engine/rng';

// Kubernetes' object naming: k8s.io/apimachinery/pkg/util/rand and the pod-template-hash.

/** rand.alphanums: no vowels (no words) and no confusable 0/1/3 - k8s.io/apimachinery/pkg/util/rand. */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** names.SimpleNameGenerator.GenerateName: base truncated to 58 characters plus 5 random characters. */
export function generateName(base: string, rng: Rng): string {
  const maxGeneratedNameLength = 63 - 5;
  const prefix = base.length > maxGeneratedNameLength ? base.slice(0, maxGeneratedNameLength) : base;
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += ALPHANUMS[rng.int(ALPHANUMS.length)];
  // join, not +: one flat string (a Pod keeps its name for life; a cons string costs 32 B more and an indirection at every read).
  return [prefix, suffix].join('');
}

/** rand.SafeEncodeString: each byte b becomes alphanums[b % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** 32-bit FNV-1a over the UTF-8 bytes of a string (hash/fnv New32a). */
export function fnv32a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * controller.ComputeHash: fnv32a of the Pod template (Go's DeepHashObject prints the object with
 * spew; we hash a canonical JSON of it, so values differ from a real cluster's but have the same
 * form), plus collisionCount, rendered as decimal and safe-encoded. Only "4-9bcdf" can appear.
 *
 * | template                  | collisionCount | hash shape         |
 * |---------------------------|----------------|--------------------|
 * | nginx:1.7.9 template      | none           | e.g. 5d59d67564    |
 * | same template             | 1              | a different hash   |
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(canonicalJson(template));
  if (collisionCount !== undefined) {
    const buf = Buffer.alloc(4);
    buf.writeUInt32LE(collisionCount >>> 0);
    for (const b of buf) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  }
  return safeEncodeString(String(h >>> 0));
}

/**
 * canonicalJson(a) === canonicalJson(b) for JSON data (no sparse arrays), without building the strings: keys in any order,
 * undefined-valued keys left out; a sub-object shared by both compares by reference at once
 * (an update that changes `replicas` and keeps the Pod template reads no further into it).
 */
export function canonicalEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return canonicalJson(a) === canonicalJson(b);
  const arrA = Array.isArray(a);
  if (arrA !== Array.isArray(b)) return false;
  if (arrA) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!canonicalEqual(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k of Object.keys(x)) {
    const v = x[k];
    if (v === undefined) continue;
    const w = y[k];
    if (w === undefined || !Object.prototype.propertyIsEnumerable.call(y, k) || !canonicalEqual(v, w)) return false;
    n++;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined) n--;
  return n === 0;
}

/** JSON with object keys sorted, so equal objects hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>).sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}
