import type { KubeObject } from '../api/types';
import type { ClusterConfig, RuntimeTables } from '../engine/types';
import { lastRenewalMs } from '../controllers/node-lifecycle/heartbeat';
import { APISERVER_IDENTITY_LABEL, NODE_LEASE_NAMESPACE, microTime, type Lease } from './types';

// A Lease's renewTime as of now, derived when read rather than written at every renewal (5,000
// nodes renewing every 10 s would be 500 writes a second; docs/performance.md): a node's Lease
// from its kubelet's heartbeat (NodeRuntime.lastHeartbeatMs, what node-lifecycle reads: a failed
// node's stops), the control plane's from their renew period since they were created. The
// resourceVersion stays the stored one (a simplification: README Known gaps).

/** leaderelection RetryPeriod (kube-controller-manager, kube-scheduler: --leader-elect-retry-period 2s). */
const LEADER_RENEW_MS = 2_000;
/** controlplane IdentityLeaseRenewIntervalPeriod. */
const APISERVER_RENEW_MS = 10_000;
/** The leader-election Leases the control plane holds in kube-system. */
const LEADER_LEASES = new Set(['kube-controller-manager', 'kube-scheduler']);

interface Now { readonly nowMs: number; readonly config: ClusterConfig; readonly tables: RuntimeTables }

function renewedMs(c: Now, lease: Lease): number | undefined {
  const { namespace, name, labels } = lease.metadata;
  if (namespace === NODE_LEASE_NAMESPACE) {
    const row = c.tables.nodes.get(name);
    if (row === undefined || lease.spec?.holderIdentity !== name) return undefined;
    return row.alive ? lastRenewalMs(row.lastHeartbeatMs, c.nowMs) : row.lastHeartbeatMs;
  }
  if (namespace !== 'kube-system') return undefined;
  const period = LEADER_LEASES.has(name) ? LEADER_RENEW_MS : labels?.[APISERVER_IDENTITY_LABEL] !== undefined ? APISERVER_RENEW_MS : undefined;
  const created = Date.parse(lease.metadata.creationTimestamp ?? '');
  if (period === undefined || !Number.isFinite(created)) return undefined;
  const createdMs = created - c.config.epochMs;
  return createdMs + Math.floor(Math.max(0, c.nowMs - createdMs) / period) * period;
}

/** The Lease as a read now returns it: renewTime at the last renewal (the object itself when not one the cluster renews). */
export function withRenewTime(c: Now, obj: KubeObject): KubeObject {
  if (obj.kind !== 'Lease') return obj;
  const lease = obj as Lease;
  const ms = renewedMs(c, lease);
  if (ms === undefined) return obj;
  const renewTime = microTime(c.config.epochMs, ms);
  return renewTime === lease.spec?.renewTime ? obj : { ...lease, spec: { ...lease.spec, renewTime } } as KubeObject;
}
