import type { Node } from '../api/types';
import type { Cluster, NodeRuntime } from '../engine/types';
import { isoAt } from '../engine/transaction';
import { submit } from '../index';
import { lastRenewalMs } from '../controllers/node-lifecycle/heartbeat';
import { indexOfIp, registerNode } from './node-object';

// What happens to a machine, from outside the API: its kubelet dies (power off, network cut),
// comes back, or a new machine joins (`kubeadm join`). Each returns the new cluster, or the
// unchanged one and an error.

export interface NodeOpResult {
  readonly cluster: Cluster;
  readonly error?: string;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function notFound(name: string): string {
  return `Error from server (NotFound): nodes "${name}" not found`;
}

function apply(cluster: Cluster, changes: Parameters<typeof submit>[1]): NodeOpResult {
  const r = submit(cluster, changes, 'node-ops');
  return r.errors.length > 0 ? { cluster, error: r.errors.join('\n') } : { cluster: r.cluster };
}

/**
 * The node's kubelet stops: no more lease renewals after the last 10 s one. The node lifecycle
 * controller notices after the grace period (NotReady/Unknown, unreachable taints, eviction later).
 */
export function failNode(cluster: Cluster, name: string): NodeOpResult {
  if (cluster.store.get('Node', '', name) === undefined) return { cluster, error: notFound(name) };
  const row = cluster.tables.nodes.get(name);
  if (row === undefined || !row.alive) return { cluster, error: `node "${name}" has already failed` };
  const value: NodeRuntime = { ...row, alive: false, lastHeartbeatMs: lastRenewalMs(row.lastHeartbeatMs, cluster.nowMs) };
  return apply(cluster, [{ verb: 'runtime', table: 'nodes', key: name, value }]);
}

/** The node's kubelet runs again: it posts Ready at once, the controllers lift the taints. */
export function recoverNode(cluster: Cluster, name: string): NodeOpResult {
  if (cluster.store.get('Node', '', name) === undefined) return { cluster, error: notFound(name) };
  const row = cluster.tables.nodes.get(name);
  if (row !== undefined && row.alive) return { cluster, error: `node "${name}" has not failed` };
  const value: NodeRuntime = { ...(row ?? { images: new Set<string>() }), alive: true, lastHeartbeatMs: cluster.nowMs };
  return apply(cluster, [{ verb: 'runtime', table: 'nodes', key: name, value }]);
}

/** A new worker joins (kubeadm join): its kubelet registers the Node with the next IP and podCIDR. */
export function addNode(cluster: Cluster, name: string, opts: { labels?: Readonly<Record<string, string>> } = {}): NodeOpResult {
  if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    return { cluster, error: `The Node "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` };
  }
  if (cluster.store.get('Node', '', name) !== undefined) return { cluster, error: `Error from server (AlreadyExists): nodes "${name}" already exists` };
  let index = 0;
  for (const node of cluster.store.list<Node>('Node')) {
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    const i = ip !== undefined ? indexOfIp(ip) : undefined;
    if (i !== undefined && i >= index) index = i + 1;
  }
  const nowIso = isoAt(cluster.config.epochMs, cluster.nowMs);
  return apply(cluster, registerNode(name, { index, labels: opts.labels }, cluster.nowMs, nowIso, cluster.tables.nodes.get(name)));
}
