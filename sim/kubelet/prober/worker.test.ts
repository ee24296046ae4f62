import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Probe } from '../../api/types';
import type { ProbeKind, ProbeResult, ProbeWorker } from '../types';
import { applyResult, forNewContainer, newWorker, withFailure, withNextMs } from './worker';

const probe: Probe = { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 2, failureThreshold: 3 };

test('withNextMs is {...w, nextMs}: the same fields in the same order, for workers in every state', () => {
  const results: ProbeResult[] = ['Success', 'Failure', 'Failure', 'Failure', 'Success', 'Success', 'Failure'];
  const all: ProbeWorker[] = [];
  for (const kind of ['liveness', 'readiness', 'startup'] as ProbeKind[]) {
    let w: ProbeWorker = newWorker(kind, 1000);
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

test('a new container ID: the initial result, off hold, the counts carried over (worker.go), the next tick on the same grid at or after startedAt + initialDelaySeconds', () => {
  // probe: initialDelaySeconds 5, periodSeconds 5. The worker's grid: 1000 + 5000·k.
  let w: ProbeWorker = newWorker('readiness', 1000);
  w = applyResult(applyResult(w, 'readiness', probe, 'Success').worker, 'readiness', probe, 'Success').worker;
  w = withFailure(applyResult(w, 'readiness', probe, 'Failure').worker, 'gone');
  assert.deepEqual([w.result, w.last, w.run, w.failedWith], ['Success', 'Failure', 1, 'gone']);
  // Started at 23 s: the first tick at or after 28 s on the grid is 31 s.
  const fresh = forNewContainer(withNextMs(w, 26_000), 'readiness', probe, 23_000);
  assert.deepEqual(fresh, { result: 'Failure', run: 1, onHold: false, nextMs: 31_000, last: 'Failure' });
  // A liveness worker on hold after its kill resumes; a start on a tick is not probed at that tick (no initial delay).
  const noDelay: Probe = { ...probe, initialDelaySeconds: 0 };
  const held = applyResult(applyResult(applyResult(newWorker('liveness', 0), 'liveness', noDelay, 'Failure').worker, 'liveness', noDelay, 'Failure').worker, 'liveness', noDelay, 'Failure').worker;
  assert.equal(held.onHold, true);
  assert.deepEqual(forNewContainer(withNextMs(held, 30_000), 'liveness', noDelay, 30_000), { result: 'Success', run: 0, onHold: false, nextMs: 35_000, last: undefined });
});
