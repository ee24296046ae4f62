import type { Taint, Toleration } from '../api/types';

// Taints and tolerations, as k8s.io/api core/v1 toleration.go and component-helpers
// scheduling/corev1 helpers.go define them; shared by the scheduler and the taint-eviction controller.

/** core/v1 Toleration.ToleratesTaint: effect, key and value (operator Equal, the default) must match. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal': return (t.value ?? '') === (taint.value ?? '');
    case 'Exists': return true;
    default: return false;
  }
}

export function toleratesAny(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  for (const t of tolerations ?? []) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** FindMatchingUntoleratedTaint over NoSchedule/NoExecute taints (DoNotScheduleTaintsFilterFunc): the first one not tolerated. */
export function firstUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined): Taint | undefined {
  for (const taint of taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!toleratesAny(tolerations, taint)) return taint;
  }
  return undefined;
}

/** v1helper.GetMatchingTolerations: whether every taint is tolerated, and the tolerations used. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = (tolerations ?? []).find((x) => toleratesTaint(x, taint));
    if (t === undefined) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

/**
 * tainteviction getMinTolerationTime, in ms: -1 = tolerated forever, 0 = evict now.
 *
 * | used tolerations                      | result   |
 * |---------------------------------------|----------|
 * | none                                  | 0        |
 * | [{tolerationSeconds: 300}]            | 300000   |
 * | [{}] (no tolerationSeconds)           | -1       |
 * | [{tolerationSeconds: 0}]              | 0        |
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

/** `{key: value}`, as the TaintToleration filter prints an untolerated taint. */
export function formatTaintForReason(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}
