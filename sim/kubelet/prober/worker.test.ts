import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Probe } from '../../api/types';
import type { ProbeKind, ProbeResult, ProbeWorker } from '../types';
import { applyResult, newWorker, withNextMs } from './worker';

const probe: Probe = { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 2, failureThreshold: 3 };

test('withNextMs is {...w, nextMs}: the same fields in the same order, for workers in every state', () => {
  const results: ProbeResult[] = ['Success', 'Failure', 'Failure', 'Failure', 'Success', 'Success', 'Failure'];
  const all: ProbeWorker[] = [];
  for (const kind of ['liveness', 'readiness', 'startup'] as ProbeKind[]) {
    let w: ProbeWorker = newWorker(kind, 1000, probe);
    const seen = [w];
    for (const r of results) { w = applyResult(w, kind, probe, r).worker; seen.push(w); }
    all.push(...seen);
    for (const x of seen) {
      const moved = withNextMs(x, 123_000);
      assert.deepEqual(Object.entries(moved), Object.entries({ ...x, nextMs: 123_000 }));
      assert.notEqual(moved, x);
    }
  }
  // Every shape a worker has: new (no last), counting (last set), on hold (last cleared).
  assert.ok(all.some((x) => !('last' in x)) && all.some((x) => 'last' in x && x.last === undefined) && all.some((x) => x.last !== undefined));
});
