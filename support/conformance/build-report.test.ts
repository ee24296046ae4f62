import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClaims } from '../claims/catalog';
import { buildReport, claimIdsOf, claimStatus, compareChapters, type ReportInput } from './build-report';
import type { ScenarioRun, ScenarioStatus } from './model';

const catalog = parseClaims(`claims:
- {id: a.one, ch: "1.3", says: A one., status: holds}
- {id: a.two, ch: "1.4", says: A two., status: nuance, truth: Really two.}
- {id: b.three, ch: "10.1", says: B three., status: obsolete}
- {id: c.four, ch: "2, 5.2", says: C four., status: context}
`, 'claims/test.yaml');

let line = 1;
const run = (name: string, status: ScenarioStatus, claimIds: string[], extra: Partial<ScenarioRun> = {}): ScenarioRun => ({
  name, uri: 'features/x.feature', line: (line += 4), status, cucumberStatus: status, durationMs: 1, claimIds, tags: claimIds.map((c) => `@claim:${c}`),
  attachments: [], ...extra,
});

const input = (scenarios: ScenarioRun[], extra: Partial<ReportInput> = {}): ReportInput => ({
  catalog, scenarios, tool: { name: 'kubespec', version: '0.1.0' }, kubernetesVersion: 'v1.34.0', seed: 'per-scenario',
  startedAt: '2026-01-01T00:00:00.000Z', durationMs: 5, ...extra,
});

test('claimStatus: at least one checking scenario, and all that check it passed', () => {
  const cases: [ScenarioStatus[], string][] = [
    [[], 'uncovered'],
    [['skipped'], 'uncovered'],
    [['passed'], 'passed'],
    [['passed', 'skipped'], 'passed'],
    [['passed', 'passed', 'failed'], 'failed'],
    [['failed', 'skipped'], 'failed'],
  ];
  for (const [statuses, want] of cases) assert.equal(claimStatus(statuses), want, JSON.stringify(statuses));
});

test('a claim with one failing scenario among passing ones fails; unchecked claims are uncovered', () => {
  const r = buildReport(input([
    run('ok 1', 'passed', ['a.one']),
    run('ok 2', 'passed', ['a.one', 'a.two']),
    run('broken', 'failed', ['a.two'], { error: 'expected 3, got 1', failedStep: 'Then x', attachments: ['t=0 timeline'] }),
    run('wip', 'skipped', ['b.three']),
    run('untagged', 'passed', []),
  ]));
  const status = Object.fromEntries(r.claims.map((c) => [c.id, c.status]));
  assert.deepEqual(status, { 'a.one': 'passed', 'a.two': 'failed', 'b.three': 'uncovered', 'c.four': 'uncovered' });
  assert.deepEqual(r.summary, { scenarios: { passed: 3, failed: 1, skipped: 1, total: 5 }, claims: { total: 4, passed: 1, failed: 1, uncovered: 2 } });
  assert.deepEqual(r.claims[1]!.scenarios.map((s) => [s.name, s.status]), [['ok 2', 'passed'], ['broken', 'failed']]);
  assert.equal(r.claims[2]!.scenarios[0]!.status, 'skipped');
  assert.deepEqual(r.failures.map((f) => [f.name, f.error, f.failedStep, f.attachments]), [['broken', 'expected 3, got 1', 'Then x', ['t=0 timeline']]]);
  assert.equal(r.success, false);
  assert.deepEqual(r.errors, []);
});

test('claims keep the catalog order and carry chapter, book status, says and truth', () => {
  const r = buildReport(input([run('ok', 'passed', ['a.two'])]));
  assert.deepEqual(r.claims.map((c) => c.id), ['a.one', 'a.two', 'b.three', 'c.four']);
  assert.deepEqual(
    { ...r.claims[1]!, scenarios: undefined },
    { id: 'a.two', chapter: '1', ch: '1.4', bookStatus: 'nuance', says: 'A two.', truth: 'Really two.', status: 'passed', scenarios: undefined },
  );
  assert.deepEqual(r.chapters, [
    { chapter: '1', total: 2, passed: 1, failed: 0, uncovered: 1 },
    { chapter: '2', total: 1, passed: 0, failed: 0, uncovered: 1 },
    { chapter: '10', total: 1, passed: 0, failed: 0, uncovered: 1 },
  ]);
  assert.equal(r.success, true);
});

test('an unknown claim id is an error naming the scenario, its location and the closest id, and fails the run', () => {
  const r = buildReport(input([run('typo', 'passed', ['a.onee'])], {
    written: [
      { name: 'typo', uri: 'features/x.feature', line: 12, claimIds: ['a.onee'] },
      { name: 'not run', uri: 'features/y.feature', line: 3, claimIds: ['zzz.nothing-like-it'] },
    ],
  }));
  assert.equal(r.success, false);
  assert.deepEqual(r.errors.map((e) => [e.kind, e.claimId, e.uri, e.line]), [
    ['unknown-claim', 'a.onee', 'features/x.feature', 12],
    ['unknown-claim', 'zzz.nothing-like-it', 'features/y.feature', 3],
  ]);
  assert.match(r.errors[0]!.message, /^features\/x\.feature:12: scenario "typo" is tagged @claim:a\.onee, but claims\/test\.yaml has no claim "a\.onee"; did you mean @claim:a\.one\?$/);
  assert.match(r.errors[1]!.message, /add it to the catalog or fix the tag/);
  assert.equal(r.summary.claims.passed, 0);
});

test('claim tags are read from @claim:<id>, once each', () => {
  assert.deepEqual(claimIdsOf(['@wip', '@claim:a.one', '@claim:a.one', '@claim:b.three', '@claimx']), ['a.one', 'b.three']);
});

test('chapters sort numerically, named ones last', () => {
  assert.deepEqual(['10', 'appendix', '2', '1', '15'].sort(compareChapters), ['1', '2', '10', '15', 'appendix']);
});
