import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError, intValue, lastValue, parseArgs } from './args';

const SPEC = { values: ['tags', 'seed', 'require'], flags: ['strict'] };

test('options with values (both spellings), flags, positionals, repeats', () => {
  const a = parseArgs(['features/a.feature', '--tags', '@x', '--seed=7', '--strict', '--require', 'a', '--require=b', 'b.feature'], SPEC);
  assert.deepEqual(a.positionals, ['features/a.feature', 'b.feature']);
  assert.equal(lastValue(a, 'tags'), '@x');
  assert.equal(intValue(a, 'seed'), 7);
  assert.deepEqual(a.values.get('require'), ['a', 'b']);
  assert.ok(a.flags.has('strict'));
});

test('bad usage is a UsageError naming the option', () => {
  assert.throws(() => parseArgs(['--tag', 'x'], SPEC), (e: unknown) => e instanceof UsageError && /unknown option "--tag"/.test(e.message));
  assert.throws(() => parseArgs(['--tags'], SPEC), /--tags needs a value/);
  assert.throws(() => parseArgs(['--strict=1'], SPEC), /--strict takes no value/);
  assert.throws(() => parseArgs(['-x'], SPEC), /unknown option "-x"/);
  assert.throws(() => intValue(parseArgs(['--seed', 'abc'], SPEC), 'seed'), /--seed must be a whole number, got "abc"/);
});
