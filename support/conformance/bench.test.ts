import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runReportBench } from './bench';

// The time budget (1,000 scenarios under 1 s) is measured by `npm run bench`, not asserted here.
test('the report benchmark renders every scenario of its synthetic run', () => {
  const r = runReportBench(50);
  assert.ok(r.bytes.json > 5_000 && r.bytes.html > 5_000, 'the bench renders every scenario');
});
