import type { KubeObject } from '../../api/types';
import type { Change } from '../../engine/types';

// record.EventRecorder.Eventf as a Change: an event about `obj` from a controller.

export function eventFor(obj: KubeObject, source: string, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): Change {
  return {
    verb: 'event',
    ref: { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name, uid: obj.metadata.uid },
    type, reason, message, source,
  };
}

/** `namespace/name` of an object, the controllers' work-queue key. */
export function keyFor(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** Order-insensitive deep equality of two JSON-like values (status comparisons before writing). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Go's `omitempty` on int32 status fields: a zero is not serialized, so it is not stored. */
export function omitZero<T extends object>(status: T, keys: readonly (keyof T)[]): T {
  // Copied key by key, in order, rather than spread and then `delete`d: a delete turns the object
  // into a slow dictionary (bigger, and slower to read and compare).
  const out: Record<string, unknown> = {};
  const from = status as Record<string, unknown>;
  for (const k of Object.keys(from)) {
    const v = from[k];
    if ((v === 0 || v === undefined) && keys.includes(k as keyof T)) continue;
    out[k] = v;
  }
  return out as T;
}
