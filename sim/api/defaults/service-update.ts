import type { KubeObject, Service } from '../types';
import { isObj } from './util';

// pkg/registry/core/service/strategy.go dropTypeDependentFields: when an update changes a Service's
// type, fields only the old type needed are dropped if the user left them as they were, so that
// `kubectl apply` can turn a NodePort Service into a ClusterIP one.

const needsNodePort = (type: unknown) => type === 'NodePort' || type === 'LoadBalancer';

export function prepareServiceUpdate(obj: KubeObject, old: KubeObject): KubeObject {
  const spec = { ...(obj as Service).spec } as Record<string, unknown>;
  const prev = (old as Service).spec as Record<string, unknown>;
  if (spec.type === prev.type) return obj;
  if (needsNodePort(prev.type) && !needsNodePort(spec.type) && Array.isArray(spec.ports)) {
    const oldPorts = Array.isArray(prev.ports) ? prev.ports : [];
    const same = spec.ports.every((p) => !isObj(p) || p.nodePort === undefined || oldPorts.some((o) => isObj(o) && o.port === p.port && o.nodePort === p.nodePort));
    if (same) spec.ports = spec.ports.map((p) => (isObj(p) ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'nodePort')) : p));
  }
  if (!needsNodePort(spec.type) && spec.externalTrafficPolicy === prev.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === prev.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
  if (spec.type === 'ExternalName' && spec.clusterIP === prev.clusterIP) {
    for (const f of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy']) delete spec[f];
  }
  return { ...obj, spec } as KubeObject;
}
