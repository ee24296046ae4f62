import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClaims } from '../claims/catalog';
import { buildReport } from './build-report';
import type { ScenarioRun } from './model';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { syntheticRollout } from './synthetic-run';

const catalog = parseClaims(`claims:
- {id: a.one, ch: "1.3", says: "A | one.", status: holds}
- {id: a.two, ch: "1.4", says: A two., status: nuance, truth: "Really <two>."}
- {id: b.three, ch: "10.1", says: B three., status: obsolete}
`, 'claims/test.yaml');

const run = (name: string, line: number, status: ScenarioRun['status'], claimIds: string[], extra: Partial<ScenarioRun> = {}): ScenarioRun => ({
  name, uri: 'features/x.feature', line, status, cucumberStatus: status, durationMs: 1, claimIds, tags: [], attachments: [], ...extra,
});

const report = buildReport({
  catalog,
  scenarios: [
    run('ok', 3, 'passed', ['a.one']),
    run('rollout <keeps> 2 available', 9, 'failed', ['a.two'], {
      error: 'Expected 2 available, got 1\n```\nnoise', failedStep: 'Then at all times ...', attachments: ['seed=42\nt=10s web-2 Terminating'],
      rollouts: [syntheticRollout('default/web', 3, 1)],
    }),
    run('rolls out api', 20, 'passed', ['a.one'], { rollouts: [syntheticRollout('default/api', 4, 2), syntheticRollout('default/db', 2, 1)] }),
  ],
  written: [{ name: 'typo', uri: 'features/y.feature', line: 4, claimIds: ['a.onne'] }],
  tool: { name: 'kubespec', version: '0.1.0' }, kubernetesVersion: 'v1.34.0', seed: '42', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1500,
  properties: [
    { name: 'rolling update never exceeds replicas + maxSurge', claims: ['a.one'], runs: 100, seed: 7, status: 'passed' },
    { name: 'defaulting is idempotent', claims: [], runs: 3, seed: 9, status: 'failed' },
  ],
});

test('markdown puts errors and failures first, then uncovered claims, then the chapter table', () => {
  const md = renderMarkdown(report);
  const order = ['## Errors (1)', '## Failed claims (1)', '## Failed scenarios (1)', '## Uncovered claims (1)', '## By chapter', '## Properties (2, 1 failed)'];
  const at = order.map((h) => md.indexOf(h));
  assert.ok(at.every((i) => i >= 0), `missing sections: ${order.filter((_, k) => at[k]! < 0).join(', ')}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, 'sections out of order');
  assert.match(md, /^# kubespec conformance: 1\/3 claims pass\n/);
  assert.match(md, /claims: \*\*1 passed, 1 failed, 1 uncovered\*\*/);
  assert.match(md, /did you mean @claim:a\.one\?/);
  assert.match(md, /\| `a\.two` \| 1\.4 \| A two\. \| rollout &lt;keeps> 2 available \(`features\/x\.feature:9`\) \|/);
  assert.match(md, /`features\/x\.feature:9` · failed · claims `a\.two` · at step: Then at all times \.\.\./);
  assert.match(md, /````\nExpected 2 available, got 1\n```\nnoise\n````/, 'the error is fenced longer than the backticks inside it');
  assert.match(md, /\| `b\.three` \| 10\.1 \| obsolete \| B three\. \|/);
  assert.match(md, /\| 1 \| 2 \| 1 \| 1 \| 0 \|\n\| 10 \| 1 \| 0 \| 0 \| 1 \|\n\| \*\*all\*\* \| \*\*3\*\* \| \*\*1\*\* \| \*\*1\*\* \| \*\*1\*\* \|/);
  assert.match(md, /\| defaulting is idempotent \| failed \| 3 \| 9 \|  \|\n\| rolling update never exceeds replicas \+ maxSurge \| passed \| 100 \| 7 \| `a\.one` \|/, 'failed properties first, with their claims');
  assert.match(md, /\n2 scenarios rolled out 3 Deployments; conformance\.html draws each rollout\.\n/);
  assert.match(md, /\n2 passed, 1 failed\n$/);
});

test('markdown escapes table pipes in claim text', () => {
  const passing = buildReport({ ...baseInput(), scenarios: [] });
  assert.match(renderMarkdown(passing), /\| `a\.one` \| 1\.3 \| holds \| A \\\| one\. \|/);
});

test('html is one self-contained page with the claims matrix, the current-Kubernetes note and failures with their timeline', () => {
  const html = renderHtml(report);
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\//, 'no scripts or external assets');
  assert.match(html, /<h3 id="chapter-1">Chapter 1 <small>1\/2 pass<\/small><\/h3>/);
  assert.match(html, /<tr id="claim-a.two" class="failed"><td><code>a\.two<\/code>.*<td>A two\.<\/td><td>Really &lt;two&gt;\.<\/td>/);
  assert.match(html, /rollout &lt;keeps&gt; 2 available <code>features\/x\.feature:9<\/code>/);
  assert.match(html, /<pre class="message">Expected 2 available, got 1/);
  assert.match(html, /<pre>seed=42\nt=10s web-2 Terminating<\/pre>/);
  assert.match(html, /did you mean @claim:a\.one\?/);
  assert.match(html, /rolling update never exceeds replicas \+ maxSurge/);
  assert.doesNotMatch(html, /<keeps>|<two>/, 'text is escaped');
});

test('html lists failed claims before the failures and the chapters, and draws every rollout, failures included', () => {
  const html = renderHtml(report);
  const at = ['id="failed-claims"', 'id="failures"', 'id="chapters"', 'id="rollouts"', 'id="properties"'].map((s) => html.indexOf(s));
  assert.ok(at.every((i) => i >= 0), `sections: ${at}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, 'sections out of order');
  assert.match(html, /<li class="failed-claim"><a href="#claim-a.two"><code>a\.two<\/code><\/a> <small>§1\.4<\/small> A two\.<br><small>failing: rollout &lt;keeps&gt; 2 available <code>features\/x\.feature:9<\/code><\/small><\/li>/);
  const failure = html.slice(html.indexOf('id="failures"'), html.indexOf('id="chapters"'));
  assert.match(failure, /<svg class="rollout-chart"[^>]*data-deployment="default\/web"/);
  const rollouts = html.slice(html.indexOf('id="rollouts"'), html.indexOf('id="properties"'));
  assert.match(rollouts, /<h2>Rollouts \(2 scenarios\)<\/h2>/);
  assert.deepEqual([...rollouts.matchAll(/data-deployment="([^"]+)"/g)].map((m) => m[1]), ['default/web', 'default/api', 'default/db']);
  const ids = [...html.matchAll(/<title id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'chart title ids are unique in the page');
  assert.equal(ids.length, 4);
  const props = html.slice(html.indexOf('id="properties"'));
  assert.ok(props.indexOf('defaulting is idempotent') < props.indexOf('rolling update never exceeds'), 'failed properties first');
});

function baseInput() {
  return {
    catalog, tool: { name: 'kubespec', version: '0.1.0' }, kubernetesVersion: 'v1.34.0', seed: 'per-scenario',
    startedAt: '2026-01-01T00:00:00.000Z', durationMs: 0,
  };
}
