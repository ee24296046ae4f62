import * as sim from '../sim/index';
import type { ProxyMode } from '../sim/engine/types';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { proxyModeChanges } from '../sim/network/kube-proxy-config';
import type { Probe, SimWorld } from './world';
import type { ProxyWrites } from './network';

// kube-proxy as the scenario arranges and observes it: its mode is the cluster's (chosen at
// bootstrap, or switched as an admin would), and what connections leave in it (IPVS rr cursors,
// ClientIP affinity) goes back into the cluster, where the next check or a container's wget sees it.

export function proxyModeOf(text: string): ProxyMode {
  if (text !== 'iptables' && text !== 'ipvs') throw new Error(`kube-proxy mode "${text}" is not simulated: use iptables or ipvs`);
  return text;
}

/** A kubeadm-like cluster (k8s-master plus `workers`, flannel) whose kube-proxy runs in `mode`, as createCluster builds one. */
export function createClusterWithProxyMode(world: SimWorld, workers: number, mode: ProxyMode): void {
  world.cluster = bootstrapCluster({ nodes: workers, network: 'flannel', proxyMode: mode, seed: world.seed, recordTrace: true });
}

/** Edits `mode` in the kube-proxy ConfigMap and restarts kube-proxy: its rules start afresh. */
export function switchProxyMode(world: SimWorld, mode: ProxyMode): void {
  const { changes, config } = proxyModeChanges(world.cluster, mode);
  const r = sim.submit(world.cluster, changes, 'kubespec');
  if (r.errors.length > 0) throw new Error(`switching kube-proxy to ${mode} mode was refused: ${r.errors.join('; ')}`);
  world.cluster = { ...r.cluster, config };
}

/** Puts what the checked connections left in kube-proxy into the cluster. */
export function keepProxyState(world: SimWorld, writes: ProxyWrites): void {
  if (writes.changes.length === 0) return;
  world.cluster = sim.submit(world.cluster, writes.changes, 'kube-proxy').cluster;
}

/** world.expect (or advanceUntil with `withinMs`) of a probe that opens connections, keeping kube-proxy's new state. */
export function expectConnections(world: SimWorld, writes: ProxyWrites, probe: Probe, what: string, withinMs?: number): void {
  if (withinMs === undefined) world.expect(probe, what);
  else world.advanceUntil(withinMs, probe, what);
  keepProxyState(world, writes);
}
