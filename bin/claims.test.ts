import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceReport } from '../support/conformance/model';
import { renderClaimsTable } from './claims';

const LAUNCHER = join(__dirname, 'kubespec.js');

function report(claims: ConformanceReport['claims']): ConformanceReport {
  const count = (s: string): number => claims.filter((c) => c.status === s).length;
  return {
    tool: { name: 'kubespec', version: '0.1.0' }, kubernetesVersion: 'v1.34.0', seed: '7', startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 10, success: count('failed') === 0,
    summary: { scenarios: { passed: 1, failed: count('failed'), skipped: 0, total: 1 + count('failed') },
      claims: { total: claims.length, passed: count('passed'), failed: count('failed'), uncovered: count('uncovered') } },
    chapters: [{ chapter: '5', total: claims.length, passed: count('passed'), failed: count('failed'), uncovered: count('uncovered') }],
    claims, failures: [], errors: [], properties: [],
  };
}
const claim = (id: string, status: 'passed' | 'failed' | 'uncovered', scenarios: ConformanceReport['claims'][number]['scenarios'] = []) =>
  ({ id, chapter: '5', ch: '5.1', bookStatus: 'holds' as const, says: `the book says ${id}`, status, scenarios });

const PASSING = report([claim('deploy.runs-app', 'passed', [{ name: 'runs', uri: 'features/a.feature', line: 3, status: 'passed', cucumberStatus: 'passed' }])]);
const FAILING = report([
  claim('deploy.runs-app', 'passed'),
  claim('deploy.scale', 'failed', [
    { name: 'scales up', uri: 'features/a.feature', line: 9, status: 'failed', cucumberStatus: 'failed' },
    { name: 'scales down', uri: 'features/a.feature', line: 19, status: 'passed', cucumberStatus: 'passed' },
  ]),
  claim('job.parallelism', 'uncovered'),
]);

test('the table: totals, chapters, failed claims with their failing scenarios, uncovered claims', () => {
  const text = renderClaimsTable(FAILING, { width: 100 });
  assert.match(text, /^claims: 1\/3 passed, 1 failed, 1 uncovered/);
  assert.match(text, /^5 +3 +1 +1 +1$/m);
  assert.match(text, /failed claims \(1\)\n {2}✗ deploy\.scale +5\.1 +the book says deploy\.scale\n {6}failed: scales up \(features\/a\.feature:9\)\n\n/);
  assert.doesNotMatch(text, /scales down/);
  assert.match(text, /uncovered claims \(1\)\n {2}· job\.parallelism/);
  assert.doesNotMatch(text, /passed claims/);
  assert.match(renderClaimsTable(FAILING, { all: true }), /passed claims \(1\)\n {2}✓ deploy\.runs-app/);
});

function claimsCli(r: ConformanceReport | string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-claims-'));
  writeFileSync(join(dir, 'conformance.json'), typeof r === 'string' ? r : JSON.stringify(r));
  const res = spawnSync(process.execPath, [LAUNCHER, 'claims', '--report-dir', dir, ...args], { encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

test('--strict exits 1 on a failed or uncovered claim, 0 when all pass; without it 0', () => {
  assert.equal(claimsCli(FAILING).status, 0);
  const strict = claimsCli(FAILING, '--strict');
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /1 failed and 1 uncovered claims/);
  assert.equal(claimsCli(report([claim('a', 'passed'), claim('b', 'uncovered')]), '--strict').status, 1);
  assert.equal(claimsCli(PASSING, '--strict').status, 0);
});

test('a missing or broken report is one message, exit 2', () => {
  const missing = spawnSync(process.execPath, [LAUNCHER, 'claims', '--report-dir', join(tmpdir(), 'kubespec-no-such-dir')], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no report at .*conformance\.json: run "kubespec run" first/);
  const broken = claimsCli('{"claims": ');
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /is not JSON/);
  assert.match(claimsCli('{"x": 1}').stderr, /is not a kubespec conformance report/);
});
