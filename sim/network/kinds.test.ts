import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultNetworkPolicy, networkPolicyKind, endpointsKind, validateNetworkPolicy } from './kinds';
import { formatFieldError } from '../api/field-errors';
import { networkPolicy } from './fixtures';

test('policyTypes default to Ingress, plus Egress when egress rules exist; port protocol to TCP', () => {
  const only = defaultNetworkPolicy(networkPolicy('a', { podSelector: {} })).spec as Record<string, unknown>;
  assert.deepEqual(only.policyTypes, ['Ingress']);
  const eg = defaultNetworkPolicy(networkPolicy('b', { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] })).spec as { policyTypes: string[]; egress: { ports: { protocol: string }[] }[] };
  assert.deepEqual(eg.policyTypes, ['Ingress', 'Egress']);
  assert.equal(eg.egress[0].ports[0].protocol, 'TCP');
  const explicit = defaultNetworkPolicy(networkPolicy('c', { podSelector: {}, policyTypes: ['Egress'] })).spec as Record<string, unknown>;
  assert.deepEqual(explicit.policyTypes, ['Egress']);
});

test('empty ingress/egress lists and a rule\'s empty from, to and ports are not stored (omitempty)', () => {
  const spec = defaultNetworkPolicy(networkPolicy('e', { podSelector: {}, egress: [], ingress: [{ from: [], ports: [] }, { from: [{ podSelector: {} }] }] })).spec as Record<string, unknown>;
  assert.deepEqual(spec.ingress, [{}, { from: [{ podSelector: {} }] }]);
  assert.equal('egress' in spec, false);
  assert.deepEqual(spec.policyTypes, ['Ingress']);
});

test('ipBlock validation speaks the API server\'s words', () => {
  const msgs = (spec: Record<string, unknown>) => validateNetworkPolicy(networkPolicy('x', spec)).map(formatFieldError);
  assert.deepEqual(msgs({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0' } }] }] }),
    ['spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']);
  assert.deepEqual(msgs({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24', except: ['192.168.0.0/24'] } }] }] }),
    ['spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`']);
  assert.deepEqual(msgs({ ingress: [{ from: [{ ipBlock: { cidr: '' } }] }] }), ['spec.ingress[0].from[0].ipBlock.cidr: Required value']);
  assert.deepEqual(msgs({ ingress: [{ from: [{}] }] }), ['spec.ingress[0].from[0]: Required value: must specify a peer']);
  assert.deepEqual(msgs({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] }), ['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer']);
  assert.deepEqual(msgs({ ingress: [{ ports: [{ port: 'http', endPort: 90 }] }] }), ['spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric']);
  assert.deepEqual(msgs({ ingress: [{ ports: [{ port: 0 }] }] }), ['spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']);
  assert.deepEqual(msgs({ policyTypes: ['Both'] }), ['spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress"']);
  assert.deepEqual(msgs({ ingress: [{ from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }] }] }), []);
});

test('KindInfos carry kubectl\'s names', () => {
  assert.deepEqual([endpointsKind.plural, endpointsKind.shortNames, endpointsKind.group], ['endpoints', ['ep'], '']);
  assert.deepEqual([networkPolicyKind.plural, networkPolicyKind.shortNames, networkPolicyKind.apiVersions], ['networkpolicies', ['netpol'], ['networking.k8s.io/v1']]);
});
