import fc from 'fast-check';
import type { KubeObject, Pod } from '../api/types';
import { namespace, networkPolicy, pod } from './fixtures';

// Small fast-check arbitraries for the network properties: Pods over a few namespaces and label
// values, and NetworkPolicies built from the same vocabulary so that selectors often match.

export const NAMESPACES = ['default', 'prod', 'dev'] as const;
const APPS = ['web', 'db', 'client'] as const;
const TIERS = ['front', 'back'] as const;

export interface PodSpecArb { readonly ns: string; readonly app: string; readonly tier: string; readonly named: boolean }

export const arbPods = (max = 8): fc.Arbitrary<Pod[]> =>
  fc.array(fc.record({ ns: fc.constantFrom(...NAMESPACES), app: fc.constantFrom(...APPS), tier: fc.constantFrom(...TIERS), named: fc.boolean() }), { minLength: 1, maxLength: max })
    .map((specs) => specs.map((s, i) => pod(`p${i}`, {
      ns: s.ns, labels: { app: s.app, tier: s.tier }, ip: `10.244.${i % 3}.${i + 2}`,
      ...(s.named ? { ports: [{ name: 'http', containerPort: 80 }] } : {}),
    })));

const arbSelector = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...APPS).map((app) => ({ matchLabels: { app } })),
  fc.constantFrom(...TIERS).map((tier) => ({ matchLabels: { tier } })),
  fc.constantFrom(...APPS).map((app) => ({ matchExpressions: [{ key: 'app', operator: 'NotIn' as const, values: [app] }] })),
);
const arbNsSelector = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...NAMESPACES).map((ns) => ({ matchLabels: { 'kubernetes.io/metadata.name': ns } })),
  fc.constant({ matchLabels: { env: 'production' } }),
);
export const arbPeer = fc.oneof(
  arbSelector.map((podSelector) => ({ podSelector })),
  arbNsSelector.map((namespaceSelector) => ({ namespaceSelector })),
  fc.tuple(arbNsSelector, arbSelector).map(([namespaceSelector, podSelector]) => ({ namespaceSelector, podSelector })),
  fc.constantFrom('10.244.0.0/16', '10.244.1.0/24', '0.0.0.0/0').map((cidr) => ({ ipBlock: { cidr, ...(cidr === '10.244.0.0/16' ? { except: ['10.244.2.0/24'] } : {}) } })),
);
export const arbPorts = fc.oneof(
  fc.constant(undefined),
  fc.constant([{ port: 80, protocol: 'TCP' }]),
  fc.constant([{ port: 'http', protocol: 'TCP' }]),
  fc.constant([{ port: 70, endPort: 90, protocol: 'TCP' }]),
  fc.constant([{ port: 53, protocol: 'UDP' }]),
);
export const arbRule = (dir: 'from' | 'to') => fc.record({ peers: fc.option(fc.array(arbPeer, { maxLength: 2 }), { nil: undefined }), ports: arbPorts })
  .map(({ peers, ports }) => ({ ...(peers !== undefined ? { [dir]: peers } : {}), ...(ports !== undefined ? { ports } : {}) }));

export const arbPolicy = (name: string): fc.Arbitrary<KubeObject> => fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  podSelector: arbSelector,
  types: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.option(fc.array(arbRule('from'), { maxLength: 2 }), { nil: undefined }),
  egress: fc.option(fc.array(arbRule('to'), { maxLength: 2 }), { nil: undefined }),
}).map((p) => networkPolicy(name, {
  podSelector: p.podSelector,
  ...(p.types ? { policyTypes: p.types } : {}),
  ...(p.ingress ? { ingress: p.ingress } : {}),
  ...(p.egress ? { egress: p.egress } : {}),
}, p.ns));

export const arbPolicies = (max = 4): fc.Arbitrary<KubeObject[]> =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPolicy(`np${i}`))).map((t) => [...t]));

export const namespaces = (): KubeObject[] => [namespace('default'), namespace('prod', { env: 'production' }), namespace('dev')];
