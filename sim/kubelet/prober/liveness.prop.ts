import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import { clusterWith, events, run, testContainer, testPod } from '../testing';

// Guards pkg/kubelet/prober/worker.go's counting (reference 2.2) end to end: for every probe
// setting, the first liveness restart happens exactly when the settings imply.
//
//   container starts at S (pull 3 s); probes at S + I + k·P; the file disappears at S + D
//   (a tick at exactly S + D still sees it: the shell acts just after its sleep ends);
//   first failing tick tf = the first tick > S + D; Killing at tf + (F-1)·P;
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
    const S = 3000;
    const first = S + s.initialDelaySeconds * 1000;
    const gone = S + s.healthySeconds * 1000;
    const P = s.periodSeconds * 1000;
    const tf = gone < first ? first : first + (Math.floor((gone - first) / P) + 1) * P;
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
