import type { KubeObject, Service } from '../types';
import { isObj, mapList, objOr, unset } from './util';

// SetDefaults_Service (pkg/apis/core/v1/defaults.go), plus the IP-family fields the service registry
// fills for Services that get a cluster IP. The cluster IP itself is allocated by sim/network.

/** v1.DefaultClientIPServiceAffinitySeconds: 3 hours. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

export function defaultService(obj: KubeObject): Service {
  const spec = objOr(obj.spec);
  const type = unset(spec.type) ? 'ClusterIP' : spec.type;
  const sessionAffinity = unset(spec.sessionAffinity) ? 'None' : spec.sessionAffinity;
  const out: Record<string, unknown> = { ...spec, type, sessionAffinity };
  if (sessionAffinity === 'None') delete out.sessionAffinityConfig;
  if (sessionAffinity === 'ClientIP') {
    const cfg = objOr(spec.sessionAffinityConfig);
    const clientIP = objOr(cfg.clientIP);
    if (unset(clientIP.timeoutSeconds)) out.sessionAffinityConfig = { ...cfg, clientIP: { ...clientIP, timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  if (spec.ports !== undefined) {
    out.ports = mapList(spec.ports, (p) => ({
      ...p,
      protocol: unset(p.protocol) ? 'TCP' : p.protocol,
      targetPort: unset(p.targetPort) || p.targetPort === 0 ? p.port : p.targetPort,
    }));
  }
  const external = type === 'NodePort' || type === 'LoadBalancer';
  if (external && unset(spec.externalTrafficPolicy)) out.externalTrafficPolicy = 'Cluster';
  if ((external || type === 'ClusterIP') && unset(spec.internalTrafficPolicy)) out.internalTrafficPolicy = 'Cluster';
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) out.allocateLoadBalancerNodePorts = true;
  if (type !== 'ExternalName') {
    if (unset(spec.ipFamilyPolicy)) out.ipFamilyPolicy = 'SingleStack';
    if (spec.ipFamilies === undefined || spec.ipFamilies === null) out.ipFamilies = ['IPv4'];
  }
  const status = objOr(obj.status);
  return { ...obj, spec: out, status: { ...status, loadBalancer: isObj(status.loadBalancer) ? status.loadBalancer : {} } } as unknown as Service;
}
