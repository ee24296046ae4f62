import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed, isIsolated } from './policy';
import { reachabilityMatrix, formatMatrix } from './policy-matrix';
import { namespace, networkPolicy, pod, viewWith } from './fixtures';
import type { KubeObject, Pod } from '../api/types';

const a = pod('a', { labels: { app: 'web' }, ip: '10.244.1.2', ports: [{ name: 'http', containerPort: 8080 }] });
const b = pod('b', { labels: { app: 'client' }, ip: '10.244.1.3' });
const c = pod('c', { ns: 'other', labels: { app: 'client' }, ip: '10.244.2.4' });
const base: KubeObject[] = [namespace('default'), namespace('other', { team: 'x' }), a, b, c];
const v = (...policies: KubeObject[]) => viewWith([...base, ...policies], { network: 'calico' });

test('no policies: everything allowed, nothing isolated', () => {
  assert.ok(allowed(v(), b, a, 80) && allowed(v(), a, c, 80) && allowed(v(), { ip: '8.8.8.8' }, a, 80));
  assert.ok(!isIsolated(v(), a, 'Ingress'));
});

test('a policy isolates only the directions it lists; egress-only rules still isolate ingress by default', () => {
  const denyIn = networkPolicy('deny', { podSelector: { matchLabels: { app: 'web' } } });
  assert.ok(!allowed(v(denyIn), b, a, 80));
  assert.ok(allowed(v(denyIn), a, b, 80));
  const egressOnly = networkPolicy('eg', { podSelector: { matchLabels: { app: 'web' } }, egress: [{}] });
  assert.ok(isIsolated(v(egressOnly), a, 'Ingress') && isIsolated(v(egressOnly), a, 'Egress'));
  assert.ok(!allowed(v(egressOnly), b, a, 80) && allowed(v(egressOnly), a, b, 80));
  const explicitEgress = networkPolicy('eg2', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] });
  assert.ok(allowed(v(explicitEgress), b, a, 80) && !allowed(v(explicitEgress), a, b, 80));
});

test('policies union; a rule {} allows all; ingress: [] allows nothing', () => {
  const deny = networkPolicy('deny', { podSelector: {}, ingress: [] });
  const allowAll = networkPolicy('all', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}] });
  assert.ok(!allowed(v(deny), b, a, 80));
  assert.ok(allowed(v(deny, allowAll), b, a, 80) && allowed(v(deny, allowAll), c, a, 80));
  assert.ok(!allowed(v(deny, allowAll), a, b, 80));
});

test('peers: podSelector is same-namespace; namespaceSelector with podSelector is AND; separate peers OR', () => {
  const sel = { podSelector: { matchLabels: { app: 'web' } } };
  const podOnly = networkPolicy('p', { ...sel, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }] });
  assert.ok(allowed(v(podOnly), b, a, 80) && !allowed(v(podOnly), c, a, 80));
  const and = networkPolicy('and', { ...sel, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'x' } }, podSelector: { matchLabels: { app: 'client' } } }] }] });
  assert.ok(allowed(v(and), c, a, 80) && !allowed(v(and), b, a, 80));
  const or = networkPolicy('or', { ...sel, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'x' } } }, { podSelector: { matchLabels: { app: 'client' } } }] }] });
  assert.ok(allowed(v(or), c, a, 80) && allowed(v(or), b, a, 80));
  const byName = networkPolicy('n', { ...sel, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }] }] });
  assert.ok(allowed(v(byName), c, a, 80) && !allowed(v(byName), b, a, 80));
});

test('ipBlock with except; ports numeric, named, endPort, protocol', () => {
  const sel = { podSelector: { matchLabels: { app: 'web' } } };
  const block = networkPolicy('ip', { ...sel, ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.2.0/24'] } }] }] });
  assert.ok(allowed(v(block), b, a, 80) && !allowed(v(block), c, a, 80) && !allowed(v(block), { ip: '8.8.8.8' }, a, 80));
  const named = networkPolicy('named', { ...sel, ingress: [{ ports: [{ port: 'http' }] }] });
  assert.ok(allowed(v(named), b, a, 8080) && !allowed(v(named), b, a, 80));
  const range = networkPolicy('range', { ...sel, ingress: [{ ports: [{ port: 8000, endPort: 8100 }] }] });
  assert.ok(allowed(v(range), b, a, 8080) && !allowed(v(range), b, a, 8101));
  const udp = networkPolicy('udp', { ...sel, ingress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] });
  assert.ok(allowed(v(udp), b, a, 53, 'UDP') && !allowed(v(udp), b, a, 53, 'TCP'));
  const egressNamed = networkPolicy('eg', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] });
  assert.ok(allowed(v(egressNamed), b, a, 8080) && !allowed(v(egressNamed), b, { ip: '1.1.1.1' }, 8080));
});

test('the matrix agrees with allowed() and honours the plugin', () => {
  const pols = [
    networkPolicy('deny', { podSelector: {}, ingress: [] }),
    networkPolicy('allow', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: {} , podSelector: { matchLabels: { app: 'client' } } }] }] }),
  ];
  const pods: Pod[] = [a, b, c];
  const m = reachabilityMatrix(v(...pols), pods, 80);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) assert.equal(m.rows[i][j] === 1, allowed(v(...pols), pods[i], pods[j], 80), `${i}->${j}`);
  assert.match(formatMatrix(m), /default\/b\t\.\tX\t\.\n/);
  const flannel = reachabilityMatrix(viewWith([...base, ...pols], { network: 'flannel' }), pods, 80);
  assert.ok(flannel.rows.every((r) => r.every((x) => x === 1)));
});

test('a 1,000 × 1,000 matrix with 200 policies takes well under a second', () => {
  const pods: Pod[] = [];
  for (let i = 0; i < 1000; i++) pods.push(pod(`p${i}`, { ns: `ns${i % 10}`, labels: { app: `a${i % 20}`, tier: `t${i % 3}` }, ip: `10.244.${Math.floor(i / 200)}.${(i % 200) + 2}` }));
  const policies: KubeObject[] = [];
  for (let k = 0; k < 200; k++) {
    policies.push(networkPolicy(`np${k}`, {
      podSelector: { matchLabels: { app: `a${k % 20}` } },
      policyTypes: k % 2 ? ['Ingress', 'Egress'] : ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { tier: `t${k % 3}` } } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': `ns${k % 10}` } } }], ports: [{ port: 80 }] }],
      egress: [{ to: [{ ipBlock: { cidr: '10.244.0.0/16', except: [`10.244.${k % 5}.0/24`] } }] }],
    }, `ns${k % 10}`));
  }
  const view = viewWith([...pods, ...policies, ...Array.from({ length: 10 }, (_, i) => namespace(`ns${i}`))], { network: 'calico' });
  // Best of three: the machine is shared, and one run can stall on someone else's work.
  let ms = Infinity;
  let m = reachabilityMatrix(view, pods, 80);
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    m = reachabilityMatrix(view, pods, 80);
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  assert.ok(ms < 1000, `took ${ms} ms`);
  // spot-check against the direct evaluation
  for (const [i, j] of [[0, 1], [5, 999], [123, 456], [999, 0], [42, 42]]) assert.equal(m.rows[i][j] === 1, allowed(view, pods[i], pods[j], 80));
  console.log(`reachability 1000x1000, 200 policies: ${ms.toFixed(1)} ms`);
});
