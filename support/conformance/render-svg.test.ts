import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, rolloutChart, stepPath, timeTicks } from './render-svg';
import type { RolloutSeries } from './rollout-series';

const series: RolloutSeries = {
  deployment: 'default/web', replicaSets: ['web-aaa', 'web-bbb'], endMs: 600_000,
  points: [[60_000, 3, 1, 3, 3], [63_000, 2, 1, 3, 3], [63_000, 2, 2, 3, 3], [66_000, 0, 3, 3, 3]],
};

test('step path: holds each value until the next change, vertical runs at one instant, then on to the end', () => {
  const x = (ms: number) => ms / 1000;
  const y = (v: number) => 10 * v;
  assert.equal(stepPath(series.points, 1, x, y, 58_000, 70_000), 'M58 30H63V20H66V0H70');   // old
  assert.equal(stepPath(series.points, 2, x, y, 58_000, 70_000), 'M58 10H63V20H66V30H70');  // new: 1 -> 2 at 63 s, 3 at 66 s
  assert.equal(stepPath(series.points, 3, x, y, 60_000, 70_000), 'M60 30H70');              // available
  assert.equal(stepPath(series.points, 2, x, y, 60_000, 66_000), 'M60 10H63V20H66V30', 'ends at the last change when the scenario ended there');
});

test('time ticks are round numbers of virtual seconds, at most 8', () => {
  assert.deepEqual(timeTicks(60_000, 72_000), [60, 62, 64, 66, 68, 70, 72]);
  assert.deepEqual(timeTicks(0, 95_000), [0, 15, 30, 45, 60, 75, 90]);
  assert.ok(timeTicks(0, 3_600_000).length <= 8);
});

test('the chart: an accessible SVG with title and desc, labelled axes in seconds, one path per series and a legend', () => {
  const svg = rolloutChart(series, 'chart-1');
  assert.match(svg, /^<svg class="rollout-chart" role="img" aria-labelledby="chart-1-title chart-1-desc"/);
  assert.match(svg, /<title id="chart-1-title">Rollout of deployment default\/web: replicas of the old and new ReplicaSets and available Pods over virtual time<\/title>/);
  assert.match(svg, /<desc id="chart-1-desc">Deployment default\/web, ReplicaSets web-aaa, web-bbb\. From 60 s to 66 s of virtual time: old ReplicaSets 3 → 0, new ReplicaSet 1 → 3, available Pods 3 → 3/);
  for (const key of ['old', 'new', 'available', 'desired']) assert.match(svg, new RegExp(`<path class="series ${key}" data-series="${key}" d="M[\\d.]+ [\\d.]+[HV]`));
  for (const label of ['old ReplicaSets', 'new ReplicaSet', 'available Pods', 'desired replicas', 'virtual time (s)', 'replicas / Pods']) assert.ok(svg.includes(`>${label}</text>`), label);
  assert.match(svg, />60 s<\/text>/);
  assert.doesNotMatch(svg, />600 s<\/text>/, 'a long quiet tail after the last change is cut');
  assert.doesNotMatch(svg, /<script|https?:|xlink|<image|@import/);
  assert.match(svg, /<\/svg>$/);
});

test('names are escaped', () => {
  const svg = rolloutChart({ ...series, deployment: 'default/<b>"x"' }, 'c');
  assert.doesNotMatch(svg, /<b>/);
  assert.match(svg, /data-deployment="default\/&lt;b&gt;&quot;x&quot;"/);
});

test('desc reports the lowest availability after the start', () => {
  assert.match(describe({ ...series, points: [[0, 3, 0, 3, 3], [1000, 3, 1, 2, 3], [2000, 0, 3, 3, 3]] }), /available Pods 3 → 3 \(at least 2 after the start\), 3 changes\./);
});
