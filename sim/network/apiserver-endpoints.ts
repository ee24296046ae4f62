import type { KubeObject, Pod } from '../api/types';
import type { Change, ClusterView, Controller, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { canonicalJson } from '../api/naming';
import { compareIP } from './ip';
import { SERVICE_NAME_LABEL } from './endpoint-slices';

// The API server's own endpoint reconciler (pkg/controlplane/reconcilers/lease.go and
// endpointsadapter.go): the selector-less Service default/kubernetes gets the Endpoints and the
// EndpointSlice "kubernetes" listing every live kube-apiserver at its advertise address, port 6443.

export const APISERVER_ENDPOINT_RECONCILER = 'apiserver-endpoint-reconciler';
const KEY = 'default/kubernetes';
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const PORT = { name: 'https', port: 6443, protocol: 'TCP' };

/** Live kube-apiservers (their mirror Pods are Running) and their advertise addresses, sorted. */
export function apiserverIPs(view: ClusterView): string[] {
  const ips = new Set<string>();
  for (const p of view.select<Pod>('Pod', 'kube-system', { matchLabels: { component: 'kube-apiserver' } })) {
    if (p.status?.phase !== 'Running' || p.metadata.deletionTimestamp !== undefined) continue;
    const advertised = p.metadata.annotations?.['kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint']?.split(':')[0];
    const ip = advertised || p.status?.hostIP;
    if (ip) ips.add(ip);
  }
  return [...ips].sort(compareIP);
}

function upsert(view: ClusterView, kind: string, want: KubeObject, same: (have: KubeObject) => boolean): Change[] {
  const have = view.get(kind, 'default', 'kubernetes');
  if (have === undefined) return [{ verb: 'create', object: want }];
  if (same(have)) return [];
  // The desired body replaces the stored one (a field the desired object lacks, like empty subsets, goes).
  return [{ verb: 'update', object: { ...want, metadata: { ...have.metadata, labels: want.metadata.labels } } }];
}

export function reconcileApiserverEndpoints(view: ClusterView): ReconcileResult {
  if (view.get('Service', 'default', 'kubernetes') === undefined) return NO_CHANGES;
  const ips = apiserverIPs(view);
  const subsets = ips.length ? [{ addresses: ips.map((ip) => ({ ip })), ports: [PORT] }] : [];
  const endpoints = {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [SKIP_MIRROR]: 'true' } },
    ...(subsets.length ? { subsets } : {}),
  } as unknown as KubeObject;
  const slice = {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [SERVICE_NAME_LABEL]: 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
    ports: [PORT],
  } as unknown as KubeObject;
  const changes = [
    ...upsert(view, 'Endpoints', endpoints, (h) => canonicalJson((h as { subsets?: unknown }).subsets ?? []) === canonicalJson(subsets)),
    ...upsert(view, 'EndpointSlice', slice, (h) => canonicalJson([(h as { endpoints?: unknown }).endpoints ?? [], (h as { ports?: unknown }).ports ?? []]) === canonicalJson([(slice as { endpoints?: unknown }).endpoints, [PORT]])),
  ];
  return changes.length ? { changes } : NO_CHANGES;
}

const isApiserverPod = (o: KubeObject | undefined) => o !== undefined && o.metadata.namespace === 'kube-system' && o.metadata.labels?.component === 'kube-apiserver';
const isMine = (o: KubeObject | undefined) => o !== undefined && o.metadata.namespace === 'default' && o.metadata.name === 'kubernetes';

export const apiserverEndpointController: Controller = {
  name: APISERVER_ENDPOINT_RECONCILER,
  reconcile: (view) => reconcileApiserverEndpoints(view),
  watches: {
    Service: (_v, after, before) => (isMine(after ?? before) ? [KEY] : []),
    Pod: (_v, after, before) => (isApiserverPod(after) || isApiserverPod(before) ? [KEY] : []),
    Endpoints: (_v, after, before) => (isMine(after ?? before) ? [KEY] : []),
    EndpointSlice: (_v, after, before) => (isMine(after ?? before) ? [KEY] : []),
  },
};
