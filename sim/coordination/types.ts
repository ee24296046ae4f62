import type { KubeObject } from '../api/types';

// coordination.k8s.io/v1 Lease.

export interface LeaseSpec {
  readonly holderIdentity?: string;
  readonly leaseDurationSeconds?: number;
  readonly acquireTime?: string;
  readonly renewTime?: string;
  readonly leaseTransitions?: number;
  readonly strategy?: string;
  readonly preferredHolder?: string;
}

export interface Lease extends KubeObject {
  readonly kind: 'Lease';
  readonly spec?: LeaseSpec;
}

/** The namespace of the kubelets' node Leases (v1.NamespaceNodeLease). */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** kubelet nodeLeaseDurationSeconds. */
export const NODE_LEASE_DURATION_SECONDS = 40;
/** The label of the API servers' identity Leases (apiserver.kubernetes.io/identity). */
export const APISERVER_IDENTITY_LABEL = 'apiserver.kubernetes.io/identity';

/** metav1.MicroTime's JSON form (RFC3339Micro): 2025-01-01T00:00:10.000000Z. */
export function microTime(epochMs: number, ms: number): string {
  return new Date(epochMs + ms).toISOString().replace(/Z$/, '000Z');
}
