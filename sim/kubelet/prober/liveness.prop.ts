import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import { clusterWith, events, PULLED_MS, run, testContainer, testPod } from '../testing';

// Guards pkg/kubelet/prober/worker.go's counting (reference 2.2) end to end: for every probe
// setting, the first liveness restart happens exactly when the settings imply.
//
//   the worker starts at the Pod's first sync, 0 (no start-up jitter: the kubelet is not just
//   starting), and ticks at k·P; the container starts at S (the sandbox 1 s, then the pull 3 s); the first tick that probes
//   it is the first at or after S + I, and after S (at S the status manager does not know the
//   container yet); the file disappears at S + D (a tick at exactly S + D still sees it: the shell
//   acts just after its sleep ends); first failing tick tf = the first probing tick > S + D;
//   Killing at tf + (F-1)·P;
//   the shell as PID 1 ignores SIGTERM: SIGKILL max(G, 2) s later (killContainer's minimum grace);
//   first restart at once (no back-off entry yet).

const settings = fc.record({
  initialDelaySeconds: fc.integer({ min: 0, max: 60 }),
  periodSeconds: fc.integer({ min: 1, max: 30 }),
  failureThreshold: fc.integer({ min: 1, max: 6 }),
  healthySeconds: fc.integer({ min: 0, max: 120 }),
  graceSeconds: fc.integer({ min: 0, max: 60 }),
});

test('for all probe settings the first liveness restart happens exactly at the time the settings imply', (t) => {
  checkProperty(t, fc.property(settings, (s) => {
    const pod = testPod('liveness', {
      terminationGracePeriodSeconds: s.graceSeconds,
      containers: [testContainer({
        name: 'liveness', image: 'busybox:1.36',
        args: ['/bin/sh', '-c', `touch /tmp/healthy; sleep ${s.healthySeconds}; rm -rf /tmp/healthy; sleep 100000`],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: s.initialDelaySeconds, periodSeconds: s.periodSeconds, timeoutSeconds: 1, successThreshold: 1, failureThreshold: s.failureThreshold },
      })],
    });
    const S = PULLED_MS;
    const P = s.periodSeconds * 1000;
    const tickAtOrAfter = (ms: number) => Math.ceil(ms / P) * P;
    const first = tickAtOrAfter(Math.max(S + s.initialDelaySeconds * 1000, S + 1));
    const gone = S + s.healthySeconds * 1000;
    const tf = gone < first ? first : tickAtOrAfter(gone + 1);
    const killingAt = tf + (s.failureThreshold - 1) * P;
    const restartAt = killingAt + Math.max(s.graceSeconds, 2) * 1000;
    const c = run(clusterWith(pod), restartAt + 1000);
    const ev = events(c, 'liveness');
    assert.equal(ev.find((e) => e.reason === 'Unhealthy')?.t, tf, 'first failed probe');
    assert.equal(ev.find((e) => e.reason === 'Killing')?.t, killingAt, 'Killing');
    assert.deepEqual(ev.filter((e) => e.reason === 'Started').map((e) => e.t).slice(0, 2), [S, restartAt]);
  }), {
    claims: ['probe.period-and-threshold', 'probe.initial-delay', 'probe.exec', 'liveness.custom'],
    numRuns: Number(process.env.FC_NUM_RUNS ?? 100), env: process.env, replay: 'node scripts/unit.js liveness.prop',
  });
});
