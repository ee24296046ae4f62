import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { connect } from './connect';
import { rngFrom, seedState } from '../engine/rng';
import { baseCluster, pod, service, viewWith, withEndpoints } from './fixtures';
import type { Pod } from '../api/types';

// kube-proxy (reference §4.3, §4.4): the probability chain is uniform over ready endpoints, and
// traffic never goes to an unready one.

const backendsView = (ready: boolean[], mode: 'flannel' | 'calico' = 'flannel') => {
  const pods = ready.map((r, i) => pod(`web-${i}`, { labels: { app: 'web' }, ip: `10.244.${1 + (i % 2)}.${10 + i}`, image: 'nginx', ready: r }));
  return {
    pods,
    view: viewWith(withEndpoints([
      ...baseCluster(), ...pods,
      service('web', { clusterIP: '10.100.0.1', selector: { app: 'web' }, ports: [{ port: 80 }] }),
      pod('client', { ip: '10.244.1.200' }),
    ]), { network: mode }),
  };
};

test('over many connections with a fixed seed each of n ready backends gets close to 1/n', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
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
  }), { numRuns: 15 });
});

test('no connection reaches an unready backend; none ready means refused', () => {
  fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), (ready, seed) => {
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
  }));
});

test('the same seed picks the same backends', () => {
  const { view } = backendsView([true, true, true, true]);
  const run = () => {
    const rng = rngFrom(seedState(99));
    return Array.from({ length: 20 }, () => { const r = connect(view, rng, { pod: { namespace: 'default', name: 'client' } }, 'web', 80); return r.result === 'ok' ? r.pod!.name : r.result; });
  };
  assert.deepEqual(run(), run());
});
