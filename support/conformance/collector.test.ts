import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as messages from '@cucumber/messages';
import { RunCollector } from './collector';
import { syntheticEnvelopes, syntheticRollout } from './synthetic-run';

function collect(envelopes: messages.Envelope[]): RunCollector {
  const c = new RunCollector();
  for (const e of envelopes) c.update(e);
  return c;
}

test('each scenario gets its status, location, claims and (when failed) error, step and attachments', () => {
  const c = collect(syntheticEnvelopes([
    { name: 'ok', claimIds: ['a.one'], status: 'PASSED', attachments: ['seed=1'] },
    { name: 'broken', claimIds: ['a.two', 'b.three'], status: 'FAILED', attachments: ['seed=2\nt=0 timeline'] },
    { name: 'wip', claimIds: [], status: 'SKIPPED' },
    { name: 'no step def', claimIds: ['a.one'], status: 'UNDEFINED' },
  ], Date.UTC(2026, 0, 1)));
  const byName = Object.fromEntries(c.scenarios().map((s) => [s.name, s]));
  assert.deepEqual(
    ['ok', 'broken', 'wip', 'no step def'].map((n) => [byName[n]!.status, byName[n]!.cucumberStatus, byName[n]!.line]),
    [['passed', 'passed', 3], ['failed', 'failed', 7], ['skipped', 'skipped', 11], ['failed', 'undefined', 15]],
  );
  assert.deepEqual(byName.broken!.claimIds, ['a.two', 'b.three']);
  assert.equal(byName.broken!.error, 'Error: broken failed');
  assert.equal(byName.broken!.failedStep, 'Given a step');
  assert.deepEqual(byName.broken!.attachments, ['seed=2\nt=0 timeline']);
  assert.deepEqual(byName.ok!.attachments, [], 'passing scenarios carry no attachments into the report');
  assert.equal(c.startedMs, Date.UTC(2026, 0, 1));
  assert.equal(c.finishedMs! - c.startedMs!, 9);
  assert.deepEqual(c.written().map((w) => [w.name, w.uri, w.line]), [
    ['ok', 'features/synthetic/f0.feature', 3], ['broken', 'features/synthetic/f0.feature', 7],
    ['wip', 'features/synthetic/f0.feature', 11], ['no step def', 'features/synthetic/f0.feature', 15],
  ]);
});

test('a retried attempt does not count; the final attempt decides', () => {
  const c = collect(syntheticEnvelopes([{ name: 'flaky', claimIds: ['a.one'], status: 'PASSED', retriedFirst: true }]));
  assert.deepEqual(c.scenarios().map((s) => [s.name, s.status, s.error]), [['flaky', 'passed', undefined]]);
});

test('Secret manifests in docstrings become known secret values', () => {
  const c = collect(syntheticEnvelopes([{ name: 's', claimIds: [], status: 'PASSED', docString: 'kind: Secret\nmetadata: {name: x}\nstringData:\n  pw: opensesame\n' }]));
  assert.ok(c.secrets.regex()!.test('opensesame'));
});

test('a message it cannot read is recorded, never thrown (cucumber would crash the run)', () => {
  const c = new RunCollector();
  assert.doesNotThrow(() => c.update({ pickle: { id: 'p', tags: null } } as unknown as messages.Envelope));
  assert.equal(c.internalErrors.length, 1);
  assert.match(c.internalErrors[0]!, /conformance formatter: cannot read a message \(pickle\)/);
});

test('rollout attachments become the scenario\'s rollouts, passed or failed, and never text attachments', () => {
  const series = [syntheticRollout('default/web', 3, 1)];
  const c = collect(syntheticEnvelopes([
    { name: 'rolls', claimIds: ['a.one'], status: 'PASSED', rollouts: series },
    { name: 'rolls and fails', claimIds: ['a.one'], status: 'FAILED', attachments: ['seed=3'], rollouts: series },
    { name: 'still', claimIds: ['a.one'], status: 'PASSED' },
  ]));
  const byName = Object.fromEntries(c.scenarios().map((s) => [s.name, s]));
  assert.deepEqual(byName.rolls!.rollouts, series);
  assert.deepEqual(byName['rolls and fails']!.rollouts, series);
  assert.deepEqual(byName['rolls and fails']!.attachments, ['seed=3']);
  assert.equal(byName.still!.rollouts, undefined);
});
