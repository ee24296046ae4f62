import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../api/kinds/index';
import { metricsApi, nodeMetrics, podMetrics, resolutionOf } from './metrics-server';
import { withUsage } from './usage';
import { METRICS_API, METRICS_SERVICE, metricsServerPod, node, pod, viewAt } from './testing';

const MI = 1024 * 1024;

test('--metric-resolution is read from the args (both spellings); the default is 60s', () => {
  assert.equal(resolutionOf(['--cert-dir=/tmp', '--metric-resolution=15s']), 15_000);
  assert.equal(resolutionOf(['--metric-resolution', '30s']), 30_000);
  assert.equal(resolutionOf(['--metric-resolution=1m30s']), 90_000);
  assert.equal(resolutionOf([]), 60_000);
});

test('the Metrics API is absent without the APIService, unavailable without a ready endpoint, then served', () => {
  const base = [node('n1', true)];
  assert.equal(metricsApi(viewAt(base, {})(0)).state, 'absent');
  assert.equal(metricsApi(viewAt([...base, METRICS_API], {})(0)).state, 'unavailable');
  assert.equal(metricsApi(viewAt([...base, METRICS_API, METRICS_SERVICE, metricsServerPod(false)], { 'metrics-server-abc': { 'metrics-server': 0 } })(30_000)).state, 'unavailable');
  const served = metricsApi(viewAt([...base, METRICS_API, METRICS_SERVICE, metricsServerPod()], { 'metrics-server-abc': { 'metrics-server': 2_000 } })(40_000));
  assert.equal(served.state, 'serving');
  if (served.state === 'serving') {
    // Scrapes at 2s (start), 17s, 32s: the last two are 32s and 17s.
    assert.equal(served.server.lastScrapeMs, 32_000);
    assert.equal(served.server.prevScrapeMs, 17_000);
  }
});

/**
 * When a container started at `startMs` first has metrics, metrics-server scraping at 0, 15s, 30s...
 * (storage/pod.go: a fresh container, 10s <= age < resolution at a scrape, has its start as the
 * previous point; otherwise the previous scrape must have seen it):
 *
 * | started | first scrape with a rate | why                                  |
 * |---------|--------------------------|--------------------------------------|
 * | 20s     | 30s                      | fresh: age 10s at the 30s scrape     |
 * | 22s     | 45s                      | age 8s at 30s; seen at 30s, so at 45s|
 * | 0s      | 15s                      | seen by the scrape at 0s             |
 */
test('a container has metrics from the first scrape that can give it a rate', () => {
  for (const [startMs, firstMs] of [[20_000, 30_000], [22_000, 45_000], [0, 15_000]]) {
    const at = viewAt([node('n1', true), METRICS_API, METRICS_SERVICE, metricsServerPod(), pod('web', 'default', 'n1', [{ name: 'web', image: 'nginx' }])],
      { 'metrics-server-abc': { 'metrics-server': 0 }, web: { web: startMs } });
    const has = (ms: number) => {
      const api = metricsApi(at(ms));
      return api.state === 'serving' && podMetrics(at(ms), api.server, at(ms).get('Pod', 'default', 'web')!) !== undefined;
    };
    assert.equal(has(firstMs - 1), false, `started ${startMs}: no metrics just before ${firstMs}`);
    assert.equal(has(firstMs), true, `started ${startMs}: metrics at ${firstMs}`);
  }
});

test('a Pod has metrics only when all its running containers have them', () => {
  const at = viewAt([node('n1', true), METRICS_API, METRICS_SERVICE, metricsServerPod(), pod('two', 'default', 'n1', [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx' }])],
    { 'metrics-server-abc': { 'metrics-server': 0 }, two: { a: 0, b: 28_000 } });
  const api = metricsApi(at(31_000));
  assert.ok(api.state === 'serving');
  assert.equal(podMetrics(at(31_000), api.server, at(31_000).get('Pod', 'default', 'two')!), undefined);
  const later = metricsApi(at(60_000));
  assert.ok(later.state === 'serving');
  assert.deepEqual(podMetrics(at(60_000), later.server, at(60_000).get('Pod', 'default', 'two')!)?.containers.map((c) => c.name), ['a', 'b']);
});

test('node metrics: system usage plus running containers, after two scrapes, none from a dead kubelet', () => {
  const images = { 'stress:v1': withUsage({ kind: 'server' }, { cpuMillis: 300, memoryBytes: 100 * MI }) };
  const objects = [node('n1', true), node('n2', true), METRICS_API, METRICS_SERVICE, metricsServerPod(), pod('s', 'default', 'n2', [{ name: 's', image: 'stress:v1' }])];
  const at = viewAt(objects, { 'metrics-server-abc': { 'metrics-server': 0 }, s: { s: 0 } }, { images, dead: ['n1'] });
  const first = metricsApi(at(10_000));
  assert.ok(first.state === 'serving');
  assert.equal(nodeMetrics(at(10_000), first.server, at(10_000).get('Node', '', 'n2')!), undefined, 'one scrape gives no rate');
  const api = metricsApi(at(20_000));
  assert.ok(api.state === 'serving');
  assert.deepEqual(nodeMetrics(at(20_000), api.server, at(20_000).get('Node', '', 'n2')!)?.usage, { cpuMillis: 60 + 300, memoryBytes: (600 + 100) * MI });
  assert.equal(nodeMetrics(at(20_000), api.server, at(20_000).get('Node', '', 'n1')!), undefined, 'n1\'s kubelet is down');
});
