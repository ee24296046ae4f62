import type { KubeObject, Service } from '../types';
import { isObj, mapList, objOr, omitEmpty, unset } from './util';

// SetDefaults_Service (pkg/apis/core/v1/defaults.go), plus the IP-family fields the service registry
// fills for Services that get a cluster IP. The cluster IP itself is allocated by sim/network.

/** v1.DefaultClientIPServiceAffinitySeconds: 3 hours. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/**
 * ServiceSpec's omitempty slices, maps and scalars (core/v1 types.go): the Go round trip drops them
 * when empty (`selector: {}` is no selector at all: the Service's endpoints are not managed).
 * Pointers (allocateLoadBalancerNodePorts, ipFamilyPolicy, internalTrafficPolicy...) keep theirs.
 */
const SERVICE_SPEC_OMITEMPTY = [
  'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP',
  'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses',
  'ipFamilies',
];

/** ServicePort's omitempty fields: an empty name, nodePort 0 (allocated later for NodePort and LoadBalancer). */
const SERVICE_PORT_OMITEMPTY = ['name', 'protocol', 'nodePort'];

export function defaultService(obj: KubeObject): Service {
  const spec = omitEmpty(objOr(obj.spec), SERVICE_SPEC_OMITEMPTY);
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
    out.ports = mapList(spec.ports, (raw) => {
      const p = omitEmpty(raw, SERVICE_PORT_OMITEMPTY);
      return { ...p, protocol: unset(p.protocol) ? 'TCP' : p.protocol, targetPort: unset(p.targetPort) || p.targetPort === 0 ? p.port : p.targetPort };
    });
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
