import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { allowed, type Protocol } from './policy';
import { reachabilityMatrix } from './policy-matrix';
import { arbPolicies, arbPolicy, arbPods, arbRule, namespaces, NAMESPACES } from './arbitraries';
import { networkPolicy, viewWith } from './fixtures';
import type { KubeObject, Pod } from '../api/types';

// NetworkPolicy semantics (reference §10, cyclonus truth model).

const view = (pods: Pod[], policies: KubeObject[]) => viewWith([...namespaces(), ...pods, ...policies], { network: 'calico' });
const arbPort = fc.constantFrom<[number, Protocol]>([80, 'TCP'], [53, 'UDP'], [85, 'TCP'], [443, 'TCP']);

test('with no policies every Pod reaches every Pod', (t) => {
  checkProperty(t, fc.property(arbPods(), arbPort, (pods, [port, proto]) => {
    const v = view(pods, []);
    for (const a of pods) for (const b of pods) assert.ok(allowed(v, a, b, port, proto));
  }), { claims: ['net.pod-ip-reachable'], env: process.env, replay: 'node scripts/unit.js policy.prop' });
});

test('a default-deny ingress policy blocks every connection into the selected Pods', (t) => {
  checkProperty(t, fc.property(arbPods(), arbPolicies(), fc.constantFrom(...NAMESPACES), arbPort, (pods, others, ns, [port, proto]) => {
    // other policies live in other namespaces, so nothing can re-allow traffic into ns
    const v = view(pods, [...others.filter((p) => p.metadata.namespace !== ns), networkPolicy('default-deny', { podSelector: {}, policyTypes: ['Ingress'] }, ns)]);
    for (const a of pods) for (const b of pods) if (b.metadata.namespace === ns) assert.ok(!allowed(v, a, b, port, proto));
  }), { claims: ['netpol.only-allowed', 'netpol.selects-pods'], env: process.env, replay: 'node scripts/unit.js policy.prop' });
});

test('a default-deny egress policy blocks every connection out of the selected Pods', (t) => {
  checkProperty(t, fc.property(arbPods(), arbPolicies(), fc.constantFrom(...NAMESPACES), arbPort, (pods, others, ns, [port, proto]) => {
    const v = view(pods, [...others.filter((p) => p.metadata.namespace !== ns), networkPolicy('deny-egress', { podSelector: {}, policyTypes: ['Egress'] }, ns)]);
    for (const a of pods) if (a.metadata.namespace === ns) for (const b of pods) assert.ok(!allowed(v, a, b, port, proto));
  }), { claims: ['netpol.egress'], env: process.env, replay: 'node scripts/unit.js policy.prop' });
});

test('adding an allowing rule to a policy never removes a connection', (t) => {
  checkProperty(t, fc.property(arbPods(), arbPolicies(3), arbRule('from'), arbRule('to'), arbPort, (pods, policies, inRule, outRule, [port, proto]) => {
    fc.pre(policies.length > 0);
    const before = view(pods, policies);
    const [first, ...rest] = policies;
    const spec = first.spec as { ingress?: unknown[]; egress?: unknown[]; policyTypes?: string[] };
    // Keep policyTypes as the defaulting gave them, so the extra rules only add allowances.
    const types = spec.policyTypes ?? ((spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
    const widened = { ...first, spec: { ...spec, policyTypes: types, ingress: [...(spec.ingress ?? []), inRule], egress: [...(spec.egress ?? []), outRule] } };
    const after = view(pods, [widened, ...rest]);
    for (const a of pods) for (const b of pods) if (allowed(before, a, b, port, proto)) assert.ok(allowed(after, a, b, port, proto));
  }), { claims: ['netpol.only-allowed'], env: process.env, replay: 'node scripts/unit.js policy.prop' });
});

test('adding a policy over Pods another policy already isolates never removes a connection', (t) => {
  checkProperty(t, fc.property(arbPods(), arbPolicies(3), arbPolicy('extra'), arbPort, (pods, policies, extra, [port, proto]) => {
    fc.pre(policies.length > 0);
    const first = policies[0];
    const firstSpec = first.spec as { podSelector: unknown; policyTypes?: string[]; egress?: unknown[] };
    const firstTypes = firstSpec.policyTypes ?? ((firstSpec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
    const extraSpec = extra.spec as Record<string, unknown>;
    // Same namespace and podSelector as `first`, directions among first's: it selects only isolated Pods.
    const added = { ...extra, metadata: { ...extra.metadata, namespace: first.metadata.namespace },
      spec: { ...extraSpec, podSelector: firstSpec.podSelector, policyTypes: firstTypes } };
    const before = view(pods, policies);
    const after = view(pods, [...policies, added]);
    for (const a of pods) for (const b of pods) if (allowed(before, a, b, port, proto)) assert.ok(allowed(after, a, b, port, proto));
  }), { claims: ['netpol.only-allowed'], env: process.env, replay: 'node scripts/unit.js policy.prop' });
});

test('a policy that newly isolates a Pod can remove connections (why the rule above needs isolation)', () => {
  const pods = fc.sample(arbPods(), { seed: 1, numRuns: 1 })[0];
  const v = view(pods, [networkPolicy('deny', { podSelector: {} }, pods[0].metadata.namespace)]);
  assert.ok(!allowed(v, pods[0], pods[0], 80));
});

test('the bitset reachability matrix equals pairwise allowed()', (t) => {
  checkProperty(t, fc.property(arbPods(10), arbPolicies(5), arbPort, (pods, policies, [port, proto]) => {
    const v = view(pods, policies);
    const m = reachabilityMatrix(v, pods, port, { protocol: proto });
    pods.forEach((a, i) => pods.forEach((b, j) => assert.equal(m.rows[i][j] === 1, allowed(v, a, b, port, proto), `${a.metadata.name}->${b.metadata.name}`)));
  }), { numRuns: 300, env: process.env, replay: 'node scripts/unit.js policy.prop' });
});
