import type { DaemonSet, Node } from '../../api/types';
import type { ReconcileContext } from '../../engine/types';
import { msOf } from '../util/pod';

// When a DaemonSet's refused creates began to fail, for the work queue's back-off (../util/create-refusal.ts).

/**
 * When the DaemonSet's creates began to fail: the latest of its own creation and the creation of
 * the nodes that still lack its Pod (a template change or a Pod deleted later is not visible here).
 */
export function daemonCreatesSinceMs(ds: DaemonSet, nodesWanting: readonly Node[], ctx: ReconcileContext): number {
  let since = msOf(ds.metadata.creationTimestamp, ctx.config.epochMs) ?? ctx.nowMs;
  for (const n of nodesWanting) since = Math.max(since, msOf(n.metadata.creationTimestamp, ctx.config.epochMs) ?? since);
  return Math.min(since, ctx.nowMs);
}
