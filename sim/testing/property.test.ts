import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty, parsePropertyDiagnostic, PROPERTY_DIAGNOSTIC_PREFIX, type PropertyContext } from './property';

function context(name: string): PropertyContext & { readonly messages: string[] } {
  const messages: string[] = [];
  return { name, messages, diagnostic: (m: string) => { messages.push(m); } };
}

test('a passing property records name, claims, runs, seed and status as one diagnostic', () => {
  const t = context('addition commutes');
  const r = checkProperty(t, fc.property(fc.integer(), fc.integer(), (a, b) => a + b === b + a), { claims: ['x.one'], numRuns: 17, seed: 42 });
  assert.equal(t.messages.length, 1);
  assert.ok(t.messages[0]!.startsWith(PROPERTY_DIAGNOSTIC_PREFIX));
  assert.deepEqual(parsePropertyDiagnostic(t.messages[0]!), { name: 'addition commutes', claims: ['x.one'], runs: 17, seed: 42, status: 'passed', numRuns: 17 });
  assert.equal(r.status, 'passed');
});

test('the default seed is derived from the name, so two runs draw the same values; FC_SEED overrides it', () => {
  const draws = (env?: Record<string, string>): number[] => {
    const seen: number[] = [];
    checkProperty(context('same name'), fc.property(fc.integer(), (n) => { seen.push(n); return true; }), { numRuns: 5, ...(env ? { env } : {}) });
    return seen;
  };
  assert.deepEqual(draws(), draws());
  const t = context('same name');
  checkProperty(t, fc.property(fc.nat(), () => true), { numRuns: 1, env: { FC_SEED: '1234' } });
  assert.equal(parsePropertyDiagnostic(t.messages[0]!)?.seed, 1234);
  assert.notDeepEqual(draws({ FC_SEED: '99' }), draws());
  assert.throws(() => checkProperty(context('x'), fc.property(fc.nat(), () => true), { env: { FC_SEED: 'abc' } }), /FC_SEED must be an integer, got "abc"/);
});

test('a failing property still fails, after recording status failed with its seed, path and shrunk counterexample', () => {
  const t = context('small numbers');
  assert.throws(
    () => checkProperty(t, fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n < 10), {
      claims: ['x.two'], numRuns: 200, seed: 7, replay: 'node scripts/unit.js small', explain: (n) => `Given the number ${n[0]}`,
    }),
    (e: Error) => {
      assert.match(e.message, /^property "small numbers" failed after \d+ of 200 runs \(seed 7\)\./);
      assert.match(e.message, /Counterexample: \[10\]/);
      assert.match(e.message, /replay: FC_SEED=7 FC_PATH=\S+ node scripts\/unit\.js small/);
      assert.match(e.message, /\n\nGiven the number 10$/);
      return true;
    },
  );
  const rec = parsePropertyDiagnostic(t.messages[0]!);
  assert.equal(rec?.status, 'failed');
  assert.equal(rec?.seed, 7);
  assert.equal(rec?.counterexample, '[10]');
  assert.ok(rec !== undefined && rec.runs >= 1 && rec.runs <= 200 && typeof rec.path === 'string');
});

test('a failing explain does not hide the failure', () => {
  assert.throws(
    () => checkProperty(context('p'), fc.property(fc.constant(1), () => false), { explain: () => { throw new Error('nope'); } }),
    /cannot explain the counterexample: nope/,
  );
});

test('other diagnostics are not records', () => {
  assert.equal(parsePropertyDiagnostic('tests 3'), undefined);
  assert.equal(parsePropertyDiagnostic(`${PROPERTY_DIAGNOSTIC_PREFIX}{not json`), undefined);
});
