// The node heartbeat model, without a timer per node: a live kubelet renews its Lease every
// 10 s (counted from when it started, NodeRuntime.lastHeartbeatMs), so nothing needs to run while
// it lives. When it dies the renewals stop; the node lifecycle controller, which looks every
// node-monitor-period (5 s, from controller start at t=0), marks the node Unknown at its first
// look strictly after last renewal + node-monitor-grace-period (monitorNodeHealth:
// probeTimestamp.Add(gracePeriod).Before(now)).

/** kubelet nodeLeaseRenewInterval (0.25 of the 40 s lease duration). */
export const LEASE_RENEW_INTERVAL_MS = 10_000;
/** kube-controller-manager --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-startup-grace-period: a node whose kubelet never posted status is given this long. */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;

/**
 * The last lease renewal at or before `atMs` of a kubelet that started at `startMs`.
 *
 * | startMs | atMs   | result |
 * |---------|--------|--------|
 * | 0       | 25000  | 20000  |
 * | 0       | 30000  | 30000  |
 * | 3000    | 25000  | 23000  |
 */
export function lastRenewalMs(startMs: number, atMs: number): number {
  if (atMs <= startMs) return startMs;
  return startMs + Math.floor((atMs - startMs) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS;
}

/**
 * The controller's first monitor tick strictly after `lastRenewalMs + graceMs`: when the node goes Unknown.
 *
 * | lastRenewalMs | graceMs | result |
 * |---------------|---------|--------|
 * | 20000         | 50000   | 75000  |
 * | 23000         | 50000   | 75000  |
 * | 20000         | 40000   | 65000  |
 */
export function unknownAtMs(lastRenewalMs: number, graceMs: number): number {
  const deadline = lastRenewalMs + graceMs;
  return (Math.floor(deadline / NODE_MONITOR_PERIOD_MS) + 1) * NODE_MONITOR_PERIOD_MS;
}
