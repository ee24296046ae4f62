import type { Pod, Volume } from '../api/types';
import type { StoreView } from '../store/store';
import { isPodTerminal } from '../controllers/util/pod';

// Which Pods use a claim (the pvc-protection controller's podUsesPVC, the PV controller's
// findNonScheduledPodsByPVC). Pods are listed in the claim's namespace only, and only when a claim
// is being deleted or waits for its first consumer.

export function claimNamesOf(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec.volumes ?? []) {
    const name = (v as Volume & { persistentVolumeClaim?: { claimName?: string } }).persistentVolumeClaim?.claimName;
    if (typeof name === 'string') out.push(name);
  }
  return out;
}

export function podsUsingClaim(view: StoreView, namespace: string, claimName: string): Pod[] {
  return view.list<Pod>('Pod', namespace).filter((p) => claimNamesOf(p).includes(claimName));
}

/** podUsesPVC: a scheduled Pod that is not terminal still uses its claims, even while terminating. */
export function claimInUse(view: StoreView, namespace: string, claimName: string): boolean {
  return podsUsingClaim(view, namespace, claimName).some((p) => p.spec.nodeName !== undefined && !isPodTerminal(p));
}
