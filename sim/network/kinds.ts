import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { forbidden, invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { INVALID_CIDR_DETAIL, parseCIDR, strictSubset } from './ip';
import { omitEmpty } from '../api/defaults/util';

// The network kinds for the API registry (sim/api/kinds/index.ts registers them):
// Endpoints (v1), EndpointSlice (discovery.k8s.io/v1), NetworkPolicy (networking.k8s.io/v1).

type Obj = Record<string, unknown>;
const asArray = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** SetDefaults_Endpoints: port protocol TCP. */
function defaultEndpoints(obj: KubeObject): KubeObject {
  const subsets = obj.subsets;
  if (!Array.isArray(subsets)) return obj;
  return { ...obj, subsets: (subsets as Obj[]).map((s) => (Array.isArray(s.ports) ? { ...s, ports: (s.ports as Obj[]).map((p) => ({ protocol: 'TCP', ...p })) } : s)) };
}

/** SetDefaults_EndpointSlice / EndpointPort: port protocol TCP. */
function defaultEndpointSlice(obj: KubeObject): KubeObject {
  const ports = obj.ports;
  if (!Array.isArray(ports)) return obj;
  return { ...obj, ports: (ports as Obj[]).map((p) => ({ protocol: 'TCP', ...p })) };
}

/**
 * pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy: policyTypes [Ingress], plus Egress
 * when spec.egress is non-empty; SetDefaults_NetworkPolicyPort: protocol TCP.
 */
export function defaultNetworkPolicy(obj: KubeObject): KubeObject {
  // The spec's and the rules' lists are omitempty: an empty one is not stored (an empty `from`
  // allows every source, as an absent one does).
  const spec = omitEmpty((obj.spec ?? {}) as Obj, ['ingress', 'egress', 'policyTypes']);
  const withProtocol = (rules: unknown) => (Array.isArray(rules)
    ? (rules as Obj[]).map((raw) => {
      const r = omitEmpty(raw, ['ports', 'from', 'to']);
      return Array.isArray(r.ports) ? { ...r, ports: (r.ports as Obj[]).map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })) } : r;
    })
    : rules);
  const egress = asArray(spec.egress);
  const policyTypes = Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0
    ? spec.policyTypes
    : egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    ...obj,
    spec: {
      podSelector: {},
      ...spec,
      ...(spec.ingress !== undefined ? { ingress: withProtocol(spec.ingress) } : {}),
      ...(spec.egress !== undefined ? { egress: withProtocol(spec.egress) } : {}),
      policyTypes,
    },
  };
}

const PORT_NUM = 'must be between 1 and 65535, inclusive';

/** validation.IsValidPortName (IANA_SVC_NAME). */
function portNameErrors(name: string): string[] {
  const out: string[] = [];
  if (name.length > 15) out.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) out.push('must contain at least one letter (a-z)');
  if (name.includes('--')) out.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) out.push('must not begin or end with a hyphen');
  return out;
}

/** ValidateNetworkPolicyPort. */
function validatePort(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const protocol = p.protocol;
  if (protocol !== undefined && protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
    errs.push(notSupported(`${path}.protocol`, protocol, ['TCP', 'UDP', 'SCTP']));
  }
  const port = p.port;
  const endPort = p.endPort;
  if (typeof port === 'number') {
    if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) errs.push(invalid(`${path}.port`, port, PORT_NUM));
    if (typeof endPort === 'number') {
      if (endPort < port) errs.push(invalid(`${path}.endPort`, port, 'must be greater than or equal to `port`'));
      if (!(Number.isInteger(endPort) && endPort >= 1 && endPort <= 65535)) errs.push(invalid(`${path}.endPort`, endPort, PORT_NUM));
    }
  } else if (typeof port === 'string') {
    if (endPort !== undefined) errs.push(invalid(`${path}.endPort`, endPort, 'may not be specified when `port` is non-numeric'));
    for (const msg of portNameErrors(port)) errs.push(invalid(`${path}.port`, port, msg));
  } else if (endPort !== undefined) {
    errs.push(invalid(`${path}.endPort`, endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

/** ValidateIPBlock: cidr required and a CIDR; each except a CIDR and a strict subset of cidr. */
export function validateIPBlock(block: Obj, path: string): FieldError[] {
  const cidrText = block.cidr;
  if (cidrText === undefined || cidrText === '') return [required(`${path}.cidr`, '')];
  const cidr = typeof cidrText === 'string' ? parseCIDR(cidrText) : undefined;
  if (cidr === undefined) return [invalid(`${path}.cidr`, cidrText, INVALID_CIDR_DETAIL)];
  const errs: FieldError[] = [];
  const except = Array.isArray(block.except) ? (block.except as unknown[]) : [];
  for (let i = 0; i < except.length; i++) {
    const e = typeof except[i] === 'string' ? parseCIDR(except[i] as string) : undefined;
    if (e === undefined) return [...errs, invalid(`${path}.except[${i}]`, except[i], INVALID_CIDR_DETAIL)];
    if (!strictSubset(e, cidr)) errs.push(invalid(`${path}.except[${i}]`, except[i], 'must be a strict subset of `cidr`'));
  }
  return errs;
}

/** ValidateNetworkPolicyPeer. */
function validatePeer(peer: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector !== undefined && peer.podSelector !== null) n++;
  if (peer.namespaceSelector !== undefined && peer.namespaceSelector !== null) n++;
  if (peer.ipBlock !== undefined && peer.ipBlock !== null) {
    n++;
    errs.push(...validateIPBlock(peer.ipBlock as Obj, `${path}.ipBlock`));
  }
  if (n === 0) errs.push(required(path, 'must specify a peer'));
  else if (n > 1 && peer.ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

/** ValidateNetworkPolicySpec (the parts that are about networking, not label-selector syntax). */
export function validateNetworkPolicy(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  asArray(spec.ingress).forEach((rule, i) => {
    asArray(rule.ports).forEach((p, j) => errs.push(...validatePort(p, `spec.ingress[${i}].ports[${j}]`)));
    asArray(rule.from).forEach((peer, j) => errs.push(...validatePeer(peer, `spec.ingress[${i}].from[${j}]`)));
  });
  asArray(spec.egress).forEach((rule, i) => {
    asArray(rule.ports).forEach((p, j) => errs.push(...validatePort(p, `spec.egress[${i}].ports[${j}]`)));
    asArray(rule.to).forEach((peer, j) => errs.push(...validatePeer(peer, `spec.egress[${i}].to[${j}]`)));
  });
  const types = Array.isArray(spec.policyTypes) ? (spec.policyTypes as unknown[]) : [];
  types.forEach((t, i) => { if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress'])); });
  if (types.length > 2) errs.push({ type: 'TooMany', field: 'spec.policyTypes', detail: `${types.length}: must have at most 2 items` });
  return errs;
}

const noErrors = (): FieldError[] => [];

export const endpointsKind: KindInfo = {
  kind: 'Endpoints', group: '', apiVersions: ['v1'], plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'],
  namespaced: true, defaults: defaultEndpoints, validate: noErrors,
};

export const endpointSliceKind: KindInfo = {
  kind: 'EndpointSlice', group: 'discovery.k8s.io', apiVersions: ['discovery.k8s.io/v1'], plural: 'endpointslices', singular: 'endpointslice',
  shortNames: [], namespaced: true, defaults: defaultEndpointSlice, validate: noErrors,
};

export const networkPolicyKind: KindInfo = {
  kind: 'NetworkPolicy', group: 'networking.k8s.io', apiVersions: ['networking.k8s.io/v1'], plural: 'networkpolicies', singular: 'networkpolicy',
  shortNames: ['netpol'], namespaced: true, defaults: defaultNetworkPolicy, validate: (obj) => validateNetworkPolicy(obj),
};

/** Every network kind, for the API registry. */
export const networkKinds: readonly KindInfo[] = [endpointsKind, endpointSliceKind, networkPolicyKind];
