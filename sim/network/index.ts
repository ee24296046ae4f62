import type { Controller } from '../engine/types';
import { endpointController } from './endpoints';
import { endpointSliceController } from './endpoint-slices';
import { apiserverEndpointController } from './apiserver-endpoints';
import { endpointSliceMirroringController } from './endpointslice-mirroring';

// sim/network: Service addresses, endpoints, kube-proxy, DNS, NetworkPolicy and connections.

/** The controllers kube-controller-manager runs for Services (endpoint-controller, endpointslice-controller, endpointslice-mirroring-controller), and the API server's own endpoint reconciler for default/kubernetes. */
export const controllers: readonly Controller[] = [endpointController, endpointSliceController, endpointSliceMirroringController, apiserverEndpointController];

export * from './ip';
export { allocateClusterIP, allocatedClusterIPs, SERVICE_CIDR, KUBERNETES_SERVICE_IP, CLUSTER_DNS_IP, type AllocationResult } from './service-ip';
export { allocateNodePorts, needsNodePorts, NODE_PORT_RANGE, type PortRange } from './node-port';
export { allocateServiceAddresses } from './service-alloc';
export { endpointController, computeSubsets, reconcileEndpoints, type Endpoints, type EndpointSubset } from './endpoints';
export { endpointSliceController, reconcileEndpointSlices, type EndpointSlice } from './endpoint-slices';
export { serviceBackends, type Backend } from './backends';
export { endpointsKind, endpointSliceKind, networkPolicyKind, networkKinds } from './kinds';
export { lookupA, lookupSRV, lookupPTR, resolve, podDnsName, serviceByClusterIP, type ResolveResult, type DnsOptions } from './dns';
export { podResolvConf, formatResolvConf, candidateNames, CLUSTER_DOMAIN, DEFAULT_DNS_SETTINGS, type ResolvConf, type DnsSettings } from './resolv-conf';
export { nslookup } from './nslookup';
export { allowed, egressAllowed, ingressAllowed, enforcesPolicy, isIsolated, type Protocol } from './policy';
export { reachabilityMatrix, formatMatrix, type ReachabilityMatrix } from './policy-matrix';
export { chooseEndpoint, usableEndpoints, chainProbabilities, pickIptables, nextRoundRobin, affinityTimeoutMs, type ProxyMode } from './proxy';
export { ProxyState, EMPTY_PROXY_STATE, proxyRowKey, type ProxyRow, type ProxyChange, type AffinityEntry } from './proxy-state';
export { kubeProxyConfigMapYaml, kubeProxyConfigConf, proxyModeChanges } from './kube-proxy-config';
export { connect, defaultListens, type ConnectFrom, type ConnectResult, type ConnectOptions, type Listens } from './connect';
export { wgetFailure, curlFailure } from './client-messages';
export { allocatePodIP } from './pod-ip';
export { podByIP, nodeByIP } from './addresses';
export { apiserverEndpointController, reconcileApiserverEndpoints } from './apiserver-endpoints';
