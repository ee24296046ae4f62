import type { KubeObject, LabelSelector } from '../../api/types';
import { eventsFor } from '../events';
import { formatLabelSelector } from '../printers/columns';
import type { Describer } from './describers';
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './writer';

// kubectl describe for the network kinds (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// describeEndpoints, describeEndpointSliceV1, describeNetworkPolicy). Service's describer is in describers.ts.

interface Address { readonly ip: string }
interface Subset { readonly addresses?: readonly Address[]; readonly notReadyAddresses?: readonly Address[]; readonly ports?: readonly { name?: string; port: number; protocol?: string }[] }

/** describeEndpoints. */
export const describeEndpoints: Describer = (cluster, obj, nowMs) => {
  const ep = obj as KubeObject & { subsets?: readonly Subset[] };
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const s of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((s.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of s.ports!) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(w, eventsFor(cluster, ep.metadata.uid), nowMs);
  return w.toString();
};

interface SliceEndpoint {
  readonly addresses?: readonly string[];
  readonly conditions?: { readonly ready?: boolean };
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly zone?: string;
  readonly targetRef?: { readonly kind?: string; readonly name?: string };
}
interface Slice { readonly addressType?: string; readonly ports?: readonly { name?: string; port?: number; protocol?: string }[] | null; readonly endpoints?: readonly SliceEndpoint[] | null }

/** describeEndpointSliceV1. */
export const describeEndpointSlice: Describer = (cluster, obj, nowMs) => {
  const eps = obj as KubeObject & Slice;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', eps.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      w.write(LEVEL_3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef !== undefined) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  describeEvents(w, eventsFor(cluster, eps.metadata.uid), nowMs);
  return w.toString();
};

interface Port { readonly protocol?: string; readonly port?: number | string; readonly endPort?: number }
interface Peer { readonly podSelector?: LabelSelector; readonly namespaceSelector?: LabelSelector; readonly ipBlock?: { cidr: string; except?: string[] } }
interface Rule { readonly ports?: readonly Port[]; readonly from?: readonly Peer[]; readonly to?: readonly Peer[] }
interface Spec { readonly podSelector?: LabelSelector; readonly policyTypes?: readonly string[]; readonly ingress?: readonly Rule[]; readonly egress?: readonly Rule[] }

/** Go's time.Time.String() of a metav1.Time in UTC: `2025-01-01 00:01:06 +0000 UTC`. */
export function goTimeString(iso: string | undefined): string {
  if (!iso) return '0001-01-01 00:00:00 +0000 UTC';
  return `${iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '')} +0000 UTC`;
}

const isEmptySelector = (s: LabelSelector | undefined) => Object.keys(s?.matchLabels ?? {}).length === 0 && (s?.matchExpressions ?? []).length === 0;

/** printNetworkPolicySpecIngressFrom / printNetworkPolicySpecEgressTo. */
function printRules(w: PrefixWriter, rules: readonly Rule[] | undefined, direction: 'ingress' | 'egress'): void {
  const indent = '    ';
  const list = rules ?? [];
  if (list.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  const word = direction === 'ingress' ? 'From' : 'To';
  list.forEach((rule, i) => {
    if ((rule.ports ?? []).length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of rule.ports ?? []) {
      const proto = p.protocol ?? 'TCP';
      const port = p.port === undefined ? '%!s(<nil>)' : String(p.port);
      w.write(LEVEL_0, p.endPort === undefined ? `${indent}To Port: ${port}/${proto}\n` : `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    const peers = (direction === 'ingress' ? rule.from : rule.to) ?? [];
    if (peers.length === 0) {
      w.write(LEVEL_0, `${indent}${word}: <any> (traffic not restricted by ${direction === 'ingress' ? 'source' : 'destination'})\n`);
    }
    for (const peer of peers) {
      w.write(LEVEL_0, `${indent}${word}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.podSelector) {
        w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.namespaceSelector) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      } else if (peer.ipBlock) {
        w.write(LEVEL_1, `${indent}IPBlock:\n`);
        w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
        w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== list.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

/** describeNetworkPolicy. */
export const describeNetworkPolicy: Describer = (_cluster, obj) => {
  const spec = (obj.spec ?? {}) as Spec;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace}\n`);
  w.write(LEVEL_0, `Created on:\t${goTimeString(obj.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(LEVEL_0, 'Spec:\n');
  w.write(LEVEL_1, 'PodSelector: ');
  w.write(LEVEL_2, isEmptySelector(spec.podSelector) ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(spec.podSelector)}\n`);
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) { w.write(LEVEL_1, 'Allowing ingress traffic:\n'); printRules(w, spec.ingress, 'ingress'); } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) { w.write(LEVEL_1, 'Allowing egress traffic:\n'); printRules(w, spec.egress, 'egress'); } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
  w.write(LEVEL_1, `Policy Types: ${types.join(', ')}\n`);
  return w.toString();
};

/** The network kinds' describers, merged into describers.ts's table. */
export const NETWORK_DESCRIBERS: Readonly<Record<string, Describer>> = { Endpoints: describeEndpoints, EndpointSlice: describeEndpointSlice, NetworkPolicy: describeNetworkPolicy };
