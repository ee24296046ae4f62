import type { Lease } from './types';
import { APISERVER_IDENTITY_LABEL, microTime } from './types';
import { stableHex } from '../api/stable-hex';

// The Leases a kubeadm control plane holds in kube-system once it runs: kube-controller-manager's
// and kube-scheduler's leader election (resourcelock LeaseLock: holder `<hostname>_<uuid>`, 15 s,
// acquireTime, leaseTransitions 0) and the API server's identity Lease (controlplane
// apiserver-<hash>, holder `<lease name>_<uuid>`, 3600 s). Their renewals: renewal.ts.

const uuid = (seed: string): string => {
  const h = stableHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** "apiserver-" + the lowercase, unpadded base32 of 16 bytes of the host's hash (26 characters). */
function apiserverLeaseName(hostname: string): string {
  const bytes = stableHex(`${hostname}/apiserver`, 32).match(/../g)!.map((b) => parseInt(b, 16));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0, value = 0, out = '';
  for (const b of bytes) {
    value = (value << 8) | b; bits += 8;
    while (bits >= 5) { out += alphabet[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return `apiserver-${out}`;
}

export function controlPlaneLeases(hostname: string, epochMs: number, nowMs: number): Lease[] {
  const now = microTime(epochMs, nowMs);
  const meta = (name: string, labels?: Record<string, string>) => ({ name, namespace: 'kube-system', uid: '', resourceVersion: '', creationTimestamp: '', ...(labels ? { labels } : {}) });
  const leader = (name: string): Lease => ({
    apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta(name),
    spec: { holderIdentity: `${hostname}_${uuid(`${hostname}/${name}`)}`, leaseDurationSeconds: 15, acquireTime: now, renewTime: now, leaseTransitions: 0 },
  });
  const apiserver = apiserverLeaseName(hostname);
  return [
    {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
      metadata: meta(apiserver, { [APISERVER_IDENTITY_LABEL]: 'kube-apiserver', 'kubernetes.io/hostname': hostname }),
      spec: { holderIdentity: `${apiserver}_${uuid(`${hostname}/apiserver-identity`)}`, leaseDurationSeconds: 3600, renewTime: now },
    },
    leader('kube-controller-manager'),
    leader('kube-scheduler'),
  ];
}
