import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { connect } from './connect';
import { rngFrom, seedState } from '../engine/rng';
import { baseCluster, pod, service, viewWith, withEndpoints } from './fixtures';
import type { Pod } from '../api/types';

// kube-proxy (reference §4.3, §4.4): the probability chain is uniform over ready endpoints,
// traffic never goes to an unready one, and IPVS rr takes every ready one once per turn.

const backendsView = (ready: boolean[], mode: 'flannel' | 'calico' = 'flannel', proxyMode: 'iptables' | 'ipvs' = 'iptables') => {
  const pods = ready.map((r, i) => pod(`web-${i}`, { labels: { app: 'web' }, ip: `10.244.${1 + (i % 2)}.${10 + i}`, image: 'nginx', ready: r }));
  return {
    pods,
    view: viewWith(withEndpoints([
      ...baseCluster(), ...pods,
      service('web', { clusterIP: '10.100.0.1', selector: { app: 'web' }, ports: [{ port: 80 }] }),
      pod('client', { ip: '10.244.1.200' }),
    ]), { network: mode, proxyMode }),
  };
};

test('over many connections with a fixed seed each of n ready backends gets close to 1/n', (t) => {
  checkProperty(t, fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
    const { view } = backendsView(Array(n).fill(true));
    const rng = rngFrom(seedState(seed));
    const counts = new Map<string, number>();
    const total = 3000;
    for (let k = 0; k < total; k++) {
      const r = connect(view, rng, { pod: { namespace: 'default', name: 'client' } }, '10.100.0.1', 80);
      assert.equal(r.result, 'ok');
      if (r.result === 'ok') counts.set(r.pod!.name, (counts.get(r.pod!.name) ?? 0) + 1);
    }
    assert.equal(counts.size, n);
    // binomial: 5 standard deviations around total/n
    const p = 1 / n;
    const tolerance = 5 * Math.sqrt(total * p * (1 - p)) + 1;
    for (const c of counts.values()) assert.ok(Math.abs(c - total * p) <= tolerance, `n=${n} counts=${[...counts.values()]}`);
  }), { claims: ['svc.load-balancing'], numRuns: 15, env: process.env, replay: 'node scripts/unit.js proxy.prop' });
});

test('no connection reaches an unready backend; none ready means refused', (t) => {
  checkProperty(t, fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), (ready, seed) => {
    const { view, pods } = backendsView(ready);
    const readyNames = new Set(pods.filter((_, i) => ready[i]).map((p: Pod) => p.metadata.name));
    const rng = rngFrom(seedState(seed));
    for (let k = 0; k < 50; k++) {
      const r = connect(view, rng, { pod: { namespace: 'default', name: 'client' } }, 'web', 80);
      if (readyNames.size === 0) assert.equal(r.result, 'refused');
      else {
        assert.equal(r.result, 'ok');
        if (r.result === 'ok') assert.ok(readyNames.has(r.pod!.name), r.pod!.name);
      }
    }
  }), { claims: ['readiness.gates-traffic'], env: process.env, replay: 'node scripts/unit.js proxy.prop' });
});

test('the same seed picks the same backends', () => {
  const { view } = backendsView([true, true, true, true]);
  const run = () => {
    const rng = rngFrom(seedState(99));
    return Array.from({ length: 20 }, () => { const r = connect(view, rng, { pod: { namespace: 'default', name: 'client' } }, 'web', 80); return r.result === 'ok' ? r.pod!.name : r.result; });
  };
  assert.deepEqual(run(), run());
});

test('with IPVS rr, n successive connections hit each of n ready backends exactly once, wherever the turn stood', (t) => {
  checkProperty(t, fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.nat({ max: 20 }), fc.integer({ min: 0, max: 1000 }), (ready, before, seed) => {
    fc.pre(ready.some((r) => r));
    const { view, pods } = backendsView(ready, 'flannel', 'ipvs');
    const readyNames = pods.filter((_, i) => ready[i]).map((p: Pod) => p.metadata.name).sort();
    const rng = rngFrom(seedState(seed));
    const client = { pod: { namespace: 'default', name: 'client' } };
    // Earlier connections move the turn; their state is carried as the cluster's proxy table would carry it.
    let state = connect(view, rng, client, 'web', 80).proxyState;
    for (let k = 0; k < before; k++) state = connect(view, rng, client, 'web', 80, { proxyState: state }).proxyState;
    const hit: string[] = [];
    for (let k = 0; k < readyNames.length; k++) {
      const r = connect(view, rng, client, 'web', 80, { proxyState: state });
      assert.equal(r.result, 'ok');
      if (r.result === 'ok') hit.push(r.pod!.name);
      state = r.proxyState;
    }
    assert.deepEqual(hit.sort(), readyNames);
  }), { claims: ['svc.load-balancing'], env: process.env, replay: 'node scripts/unit.js proxy.prop' });
});
