import type { Pod, Service } from '../api/types';
import type { ClusterView } from '../engine/types';
import { registerServiceEnv } from '../runtime/net-hooks';

// The Docker-link style variables the kubelet gives every container for the Services it knew when
// the container was created (pkg/kubelet/kubelet_pods.go getServiceEnvVarMap,
// pkg/kubelet/envvars/envvars.go FromServices): the Services of the Pod's namespace (unless
// enableServiceLinks is false) and, always, default/kubernetes. Headless and ExternalName Services
// (no ClusterIP) give none. A Service made after the container started is not in its environment.

/** kubernetes' "master services": their variables are in every Pod, whatever its namespace. */
const MASTER_NAMESPACE = 'default';
const MASTER_SERVICES: ReadonlySet<string> = new Set(['kubernetes']);

/** envvars.go makeEnvVariableName: `httpd-svc` -> `HTTPD_SVC`. */
export function envVariableName(s: string): string {
  return s.replace(/-/g, '_').toUpperCase();
}

/** v1helper.IsServiceIPSet. */
const hasClusterIP = (svc: Service): boolean => svc.spec.clusterIP !== undefined && svc.spec.clusterIP !== '' && svc.spec.clusterIP !== 'None';

/**
 * envvars.go FromServices for one Service, in its order:
 *
 * | Service (10.96.0.1, port 443 "https") | variables |
 * |---|---|
 * | kubernetes | KUBERNETES_SERVICE_HOST=10.96.0.1, KUBERNETES_SERVICE_PORT=443, KUBERNETES_SERVICE_PORT_HTTPS=443, KUBERNETES_PORT=tcp://10.96.0.1:443, KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443, KUBERNETES_PORT_443_TCP_PROTO=tcp, KUBERNETES_PORT_443_TCP_PORT=443, KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1 |
 */
export function serviceVariables(svc: Service): [string, string][] {
  const ports = svc.spec.ports ?? [];
  if (!hasClusterIP(svc) || ports.length === 0) return [];
  const ip = svc.spec.clusterIP!;
  const prefix = envVariableName(svc.metadata.name);
  const host = ip.includes(':') ? `[${ip}]` : ip; // net.JoinHostPort
  const out: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0].port)]];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envVariableName(p.name)}`, String(p.port)]);
  // makeLinkVariables: Docker special-cases the first port.
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${host}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
  });
  return out;
}

/** getServiceEnvVarMap as the kubelet's informer saw it at `atMs` (the container's creation): Services created by then. */
export function serviceEnvVars(view: ClusterView, pod: Pod, atMs: number): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const links = pod.spec.enableServiceLinks !== false;
  const known = (svc: Service): boolean => {
    const created = Date.parse(svc.metadata.creationTimestamp ?? '');
    return Number.isNaN(created) || created - view.config.epochMs <= atMs;
  };
  const chosen = new Map<string, Service>();
  for (const name of MASTER_SERVICES) {
    const svc = view.get<Service>('Service', MASTER_NAMESPACE, name);
    if (svc !== undefined && known(svc)) chosen.set(name, svc);
  }
  if (links) {
    for (const svc of view.list<Service>('Service', ns)) {
      if (ns === MASTER_NAMESPACE && MASTER_SERVICES.has(svc.metadata.name)) continue;
      if (known(svc)) chosen.set(svc.metadata.name, svc);
    }
  }
  const env: Record<string, string> = {};
  for (const svc of chosen.values()) for (const [k, v] of serviceVariables(svc)) env[k] = v;
  return env;
}

registerServiceEnv(serviceEnvVars);
