import type { Pod, ServicePort } from '../api/types';
import { isPodReady, isPodTerminal } from '../controllers/util/pod';

// Pod facts the endpoint controllers, DNS and kube-proxy share.

/** podutil.FindPort: a numeric targetPort as is; a named one by container port name and protocol; undefined when the Pod has none. */
export function findPort(pod: Pod, svcPort: Pick<ServicePort, 'targetPort' | 'protocol' | 'port'>): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  if (target === '') return svcPort.port;
  const protocol = svcPort.protocol ?? 'TCP';
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** The container port a name refers to in this Pod (NetworkPolicy named ports), or undefined. */
export function namedPort(pod: Pod, name: string, protocol: string): number | undefined {
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

export function podIP(pod: Pod): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined;
}

/** endpointutil.ShouldPodBeInEndpoints: not terminal, has an IP, not being deleted (unless includeTerminating). */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (podIP(pod) === undefined) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp !== undefined) return false;
  return true;
}

export { isPodReady };
