import * as sim from '../sim/index';
import type { Cluster } from '../sim/index';
import type { Service } from '../sim/api/types';
import { isIP } from '../sim/network/ip';
import { mustFind, type ObjectName } from './queries';

// What a cloud provider does for a LoadBalancer Service, played by a scenario: the load balancer's
// address goes to status.loadBalancer.ingress through the status subresource, as the cloud
// provider's service controller writes it (controllers/service: patchStatus).

export function assignLoadBalancerIP(cluster: Cluster, ref: ObjectName, ip: string): Cluster {
  if (!isIP(ip)) throw new Error(`"${ip}" is not an IPv4 address (e.g. "203.0.113.7")`);
  const svc = mustFind(sim.viewOf(cluster), 'Service', ref) as Service;
  if (svc.spec.type !== 'LoadBalancer') {
    throw new Error(`service ${ref.namespace ?? 'default'}/${ref.name} is of type ${svc.spec.type ?? 'ClusterIP'}: a cloud provider only provisions load balancers for type LoadBalancer`);
  }
  const status = { ...(svc.status ?? {}), loadBalancer: { ingress: [{ ip }] } };
  const r = sim.submit(cluster, [{ verb: 'status', object: { ...svc, status } as Service }], 'cloud-provider');
  if (r.errors.length > 0) throw new Error(`the cloud provider could not set the load balancer IP: ${r.errors.join('; ')}`);
  return r.cluster;
}
