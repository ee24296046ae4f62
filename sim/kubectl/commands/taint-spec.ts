import type { Taint } from '../../api/types';
import { isLabelKey, isLabelValue } from '../../api/validation/names';

// staging/src/k8s.io/kubectl/pkg/cmd/taint/utils.go: parsing `key=value:Effect`, `key:Effect-`,
// `key-`, and the new taint list a node gets (reorganizeTaints), with kubectl's messages.

export type TaintOperation = 'tainted' | 'untainted' | 'modified';

/** A taint as an argument gives it: removals may leave the effect out. */
export interface TaintArg {
  readonly key: string;
  readonly value?: string;
  readonly effect?: string;
}

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** v1.Taint.ToString: `key=value:Effect`, `key:Effect`, `key=value:`, `key`. */
export function taintToString(t: TaintArg): string {
  const value = t.value ?? '';
  if (!t.effect) return value === '' ? t.key : `${t.key}=${value}:`;
  return value === '' ? `${t.key}:${t.effect}` : `${t.key}=${value}:${t.effect}`;
}

/** v1.Taint.MatchTaint: same key and effect. */
const matchTaint = (a: TaintArg, b: TaintArg): boolean => a.key === b.key && (a.effect ?? '') === (b.effect ?? '');

/** parseTaint: `<key>=<value>:<effect>`, `<key>:<effect>` or `<key>`. */
function parseTaint(st: string): TaintArg | { error: string } {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0];
  } else if (parts.length === 2) {
    effect = parts[1];
    // validateTaintEffect
    if (!EFFECTS.has(effect)) return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const kv = parts[0].split('=');
    if (kv.length > 2) return { error: `invalid taint spec: ${st}` };
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isLabelValue(value);
      if (errs.length > 0) return { error: `invalid taint spec: ${st}, ${errs.join('; ')}` };
    }
  } else {
    return { error: `invalid taint spec: ${st}` };
  }
  const errs = isLabelKey(key);
  if (errs.length > 0) return { error: `invalid taint spec: ${st}, ${errs.join('; ')}` };
  return { key, ...(value !== '' ? { value } : {}), ...(effect !== '' ? { effect } : {}) };
}

/**
 * parseTaints: the taints to add and to remove. A removal (`-` suffix) keeps only key and effect;
 * an addition needs an effect, and no two additions may share key and effect.
 *
 * | spec                          | add                          | remove            |
 * |-------------------------------|------------------------------|-------------------|
 * | `dedicated=web:NoSchedule`    | dedicated=web:NoSchedule     |                   |
 * | `dedicated:NoSchedule-`       |                              | dedicated:NoSchedule |
 * | `dedicated-`                  |                              | dedicated (any effect) |
 * | `dedicated=web`               | error: invalid taint spec    |                   |
 */
export function parseTaints(spec: readonly string[]): { add: Taint[]; remove: TaintArg[] } | { error: string } {
  const add: Taint[] = [];
  const remove: TaintArg[] = [];
  const seen = new Set<string>();
  for (const s of spec) {
    if (s.endsWith('-')) {
      const t = parseTaint(s.slice(0, -1));
      if ('error' in t) return t;
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(s);
    if ('error' in t) return t;
    if (!t.effect) return { error: `invalid taint spec: ${s}` };
    const id = `${t.effect}\u0000${t.key}`;
    // Go prints the Taint struct with %v: {key value effect <nil>}
    if (seen.has(id)) return { error: `duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}` };
    seen.add(id);
    add.push(t as Taint); // the effect was checked by validateTaintEffect
  }
  return { add, remove };
}

/** TaintOptions.Validate: a taint may not be both added and removed. */
export function conflictingTaints(add: readonly Taint[], remove: readonly TaintArg[]): string | undefined {
  const conflicts: string[] = [];
  for (const a of add) {
    for (const r of remove) {
      if (a.key !== r.key) continue;
      if (!r.effect || a.effect === r.effect) conflicts.push(`{"${r.key}":"${r.effect ?? ''}"}`);
    }
  }
  return conflicts.length > 0 ? `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}` : undefined;
}

/** checkIfTaintsAlreadyExists: the keys of taints to add that the node has with the same effect, comma-joined. */
export function taintsAlreadyThere(old: readonly Taint[], add: readonly Taint[]): string {
  const keys: string[] = [];
  for (const t of add) for (const o of old) if (t.key === o.key && (t.effect ?? '') === (o.effect ?? '')) keys.push(t.key);
  return keys.join(',');
}

/**
 * reorganizeTaints: the taints to add first, then the node's other taints (addTaints), minus the
 * removals (deleteTaints). `errors` lists removals that matched nothing (`taint "x" not found`).
 * The operation reads `modified` when --overwrite is set or something was both added and removed.
 */
export function reorganizeTaints(old: readonly Taint[], overwrite: boolean, add: readonly Taint[], remove: readonly TaintArg[]): { operation: TaintOperation; taints: Taint[]; errors: string[] } {
  let next: Taint[] = [...add];
  for (const o of old) if (!next.some((t) => matchTaint(t, o))) next.push(o);
  const added = old.length !== next.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = next.length;
    next = next.filter((t) => (r.effect ? !matchTaint(r, t) : t.key !== r.key));
    deleted = next.length !== before; // deleteTaints reports the last removal only
    if (!deleted) errors.push(`taint "${taintToString(r)}" not found`);
  }
  const operation: TaintOperation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints: next, errors };
}
