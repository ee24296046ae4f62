import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../api/kinds/index';
import { checkProperty } from '../testing/property';
import { metricsApi, podMetrics } from './metrics-server';
import { METRICS_API, METRICS_SERVICE, node, pod, viewAt } from './testing';

// metrics-server's scrape timing (server.go runScrape, storage/pod.go Store): a running container's
// usage appears no sooner than 10 s after it started, no later than two resolutions after both it
// and metrics-server were running, and, once there, stays while it runs.

const arbCase = fc.record({
  resolutionS: fc.constantFrom(10, 15, 30, 60),
  serverStartS: fc.integer({ min: 0, max: 60 }),
  containerStartS: fc.integer({ min: 0, max: 120 }),
  nows: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }),
});

test('a container has metrics between 10 s and two resolutions after it runs, and keeps them', (t) => {
  checkProperty(t, fc.property(arbCase, ({ resolutionS, serverStartS, containerStartS, nows }) => {
    const server = pod('metrics-server-abc', 'kube-system', 'n1', [{ name: 'metrics-server', image: 'registry.k8s.io/metrics-server/metrics-server:v0.8.0' }],
      { labels: { 'k8s-app': 'metrics-server' }, args: [`--metric-resolution=${resolutionS}s`] });
    const at = viewAt([node('n1', true), METRICS_API, METRICS_SERVICE, server, pod('web', 'default', 'n1', [{ name: 'web', image: 'nginx' }])],
      { 'metrics-server-abc': { 'metrics-server': serverStartS * 1000 }, web: { web: containerStartS * 1000 } });
    const has = (s: number): boolean => {
      const v = at(s * 1000);
      const api = metricsApi(v);
      return api.state === 'serving' && s >= serverStartS && podMetrics(v, api.server, v.get('Pod', 'default', 'web')!) !== undefined;
    };
    for (const s of [...nows].sort((a, b) => a - b)) {
      if (has(s)) {
        assert.ok(s - containerStartS >= 10, `metrics at ${s}s for a container started at ${containerStartS}s`);
        assert.ok(has(s + resolutionS), `metrics at ${s}s but not at ${s + resolutionS}s`);
      }
      if (s >= Math.max(containerStartS, serverStartS) + 2 * resolutionS) assert.ok(has(s), `no metrics at ${s}s`);
    }
  }), { claims: ['mon.heapster'], env: process.env, replay: 'node scripts/unit.js metrics-server.prop' });
});
