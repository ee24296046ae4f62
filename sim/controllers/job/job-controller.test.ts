import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../api/types';
import { ctxAt, describeChanges, viewWith } from '../../testing/fixtures';
import { reconcileJob, wantActive, pastBackoffLimitOnFailure } from './job-controller';
import { remainingBackoffMs } from './backoff';
import { job, jobPod } from './testing';
import { JOB_TRACKING_FINALIZER, type Job } from './types';

// job_controller_test.go in spirit: each case is a Job and its Pods at an instant, and the
// recorded actions (creates, deletes, finalizer patches, status, events) the sync makes.

const statusOf = (changes: ReturnType<typeof reconcileJob>['changes']): Job['status'] | undefined => {
  const s = changes.find((c) => c.verb === 'status');
  return s?.verb === 'status' ? (s.object as Job).status : undefined;
};

test('a new Job creates one Pod <job>-<5 chars> with the tracking finalizer, and records startTime', () => {
  const j = job('myjob');
  const { changes } = reconcileJob(viewWith([j]), 'default/myjob', ctxAt(5000));
  const lines = describeChanges(changes);
  assert.equal(lines.filter((l) => l.startsWith('create Pod myjob-')).length, 1);
  const created = changes.find((c) => c.verb === 'create')!;
  const p = (created as { object: Pod }).object;
  assert.match(p.metadata.name, /^myjob-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(p.metadata.finalizers, [JOB_TRACKING_FINALIZER]);
  assert.equal(p.metadata.labels?.['batch.kubernetes.io/controller-uid'], 'uid-job-myjob');
  assert.equal(p.metadata.ownerReferences?.[0].kind, 'Job');
  assert.ok(lines.includes(`event SuccessfulCreate Created pod: ${p.metadata.name}`));
  assert.deepEqual(statusOf(changes), { startTime: '2025-01-01T00:00:05Z', active: 1, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
});

test('a succeeded Pod is counted, its finalizer removed, and the Job gets SuccessCriteriaMet then Complete', () => {
  const j = job('myjob', {}, { startTime: '2025-01-01T00:00:05Z', active: 1, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  const p = jobPod('myjob-abcde', j, 'Succeeded', { finishedMs: 8000 });
  const { changes } = reconcileJob(viewWith([j, p]), 'default/myjob', ctxAt(9000));
  assert.deepEqual(describeChanges(changes), ['update Pod myjob-abcde', 'status Job myjob', 'event Completed Job completed']);
  const patched = (changes[0] as { object: Pod }).object;
  assert.equal(patched.metadata.finalizers, undefined);
  const st = statusOf(changes)!;
  assert.deepEqual(st.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`), ['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached']);
  assert.equal(st.succeeded, 1);
  assert.equal(st.completionTime, '2025-01-01T00:00:09Z');
  assert.equal(st.active, undefined);
});

test('a finished Job is left alone', () => {
  const j = job('myjob', {}, { conditions: [{ type: 'Complete', status: 'True' }], succeeded: 1 });
  assert.deepEqual(reconcileJob(viewWith([j, jobPod('myjob-abcde', j, 'Succeeded', { counted: true, finishedMs: 1 })]), 'default/myjob', ctxAt(1)).changes, []);
});

test('a quiet running Job returns no changes', () => {
  const j = job('myjob', {}, { startTime: '2025-01-01T00:00:05Z', active: 1, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  assert.deepEqual(reconcileJob(viewWith([j, jobPod('myjob-abcde', j, 'Running')]), 'default/myjob', ctxAt(9000)).changes, []);
});

test('a failed Pod (Never) is counted and replaced only after the back-off: 10 s after the first failure', () => {
  const j = job('myjob', {}, { startTime: '2025-01-01T00:00:05Z', active: 1, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  const failed = jobPod('myjob-aaaaa', j, 'Failed', { finishedMs: 8000 });
  const early = reconcileJob(viewWith([j, failed]), 'default/myjob', ctxAt(9000));
  assert.deepEqual(describeChanges(early.changes), ['update Pod myjob-aaaaa', 'status Job myjob']);
  assert.equal(statusOf(early.changes)?.failed, 1);
  assert.equal(early.requeueAfterMs, 9000, 'requeued for the end of the 10 s back-off');
  const counted = { ...failed, metadata: { ...failed.metadata, finalizers: undefined } } as Pod;
  const j2 = { ...j, status: statusOf(early.changes)! };
  const later = reconcileJob(viewWith([j2, counted]), 'default/myjob', ctxAt(18_000));
  assert.equal(describeChanges(later.changes).filter((l) => l.startsWith('create Pod')).length, 1);
});

test('back-off doubles per consecutive failure and is capped at 10 minutes', () => {
  assert.equal(remainingBackoffMs({ failuresAfterLastSuccess: 0 }, 0), 0);
  assert.equal(remainingBackoffMs({ failuresAfterLastSuccess: 1, lastFailureMs: 0 }, 3000), 7000);
  assert.equal(remainingBackoffMs({ failuresAfterLastSuccess: 3, lastFailureMs: 0 }, 0), 40_000);
  assert.equal(remainingBackoffMs({ failuresAfterLastSuccess: 7, lastFailureMs: 0 }, 0), 600_000);
  assert.equal(remainingBackoffMs({ failuresAfterLastSuccess: 20, lastFailureMs: 0 }, 0), 600_000);
});

test('the (backoffLimit+1)-th failure fails the Job with BackoffLimitExceeded; the 6th does not', () => {
  const running = { startTime: '2025-01-01T00:00:05Z', active: 0, failed: 5, terminating: 0, ready: 0, uncountedTerminatedPods: {} };
  const j = job('myjob', {}, running);
  const sixth = reconcileJob(viewWith([j, jobPod('myjob-fffff', j, 'Failed', { finishedMs: 100_000 })]), 'default/myjob', ctxAt(101_000));
  assert.equal(statusOf(sixth.changes)?.failed, 6);
  assert.equal(statusOf(sixth.changes)?.conditions, undefined);
  const j6 = job('myjob', {}, { ...running, failed: 6 });
  const seventh = reconcileJob(viewWith([j6, jobPod('myjob-ggggg', j6, 'Failed', { finishedMs: 400_000 })]), 'default/myjob', ctxAt(401_000));
  const st = statusOf(seventh.changes)!;
  assert.equal(st.failed, 7);
  assert.deepEqual(st.conditions?.map((c) => `${c.type} ${c.reason} ${c.message}`), [
    'FailureTarget BackoffLimitExceeded Job has reached the specified backoff limit',
    'Failed BackoffLimitExceeded Job has reached the specified backoff limit',
  ]);
  assert.ok(describeChanges(seventh.changes).includes('event BackoffLimitExceeded Job has reached the specified backoff limit'));
  assert.equal(describeChanges(seventh.changes).filter((l) => l.startsWith('create')).length, 0);
});

test('OnFailure: container restarts count against backoffLimit; the active Pod is deleted and the Failed condition waits for it', () => {
  const j = job('myjob', { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' } } },
    { startTime: '2025-01-01T00:00:05Z', active: 1, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  const five = jobPod('myjob-aaaaa', j, 'Running', { restarts: 5 });
  assert.equal(pastBackoffLimitOnFailure(j, [five]), false);
  const six = jobPod('myjob-aaaaa', j, 'Running', { restarts: 6 });
  assert.equal(pastBackoffLimitOnFailure(j, [six]), true);
  const { changes } = reconcileJob(viewWith([j, six]), 'default/myjob', ctxAt(300_000));
  // deleteActivePods goes through RealPodControl.DeletePod, which records SuccessfulDelete.
  assert.deepEqual(describeChanges(changes), ['update Pod myjob-aaaaa', 'delete Pod myjob-aaaaa', 'event SuccessfulDelete Deleted pod: myjob-aaaaa', 'status Job myjob']);
  const st = statusOf(changes)!;
  assert.deepEqual(st.conditions?.map((c) => c.type), ['FailureTarget'], 'Failed only once the Pod has terminated');
  assert.equal(st.terminating, 1);
  assert.equal(st.failed, 1, 'the deleted Pod counts as failed');
});

test('parallelism 2 with completions 6: two Pods at a time, never more than the completions outstanding', () => {
  const j = job('myjob', { completions: 6, parallelism: 2 });
  assert.equal(describeChanges(reconcileJob(viewWith([j]), 'default/myjob', ctxAt(0)).changes).filter((l) => l.startsWith('create Pod')).length, 2);
  const j5 = job('myjob', { completions: 6, parallelism: 2 }, { startTime: '2025-01-01T00:00:00Z', succeeded: 5, active: 0, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  assert.equal(describeChanges(reconcileJob(viewWith([j5]), 'default/myjob', ctxAt(60_000)).changes).filter((l) => l.startsWith('create Pod')).length, 1);
  assert.equal(wantActive(6, 2, 5, 1), 1);
  assert.equal(wantActive(null, 2, 0, 0), 2);
  assert.equal(wantActive(null, 2, 1, 1), 1);
  assert.equal(wantActive(3, 5, 4, 0), 0);
});

test('too many active Pods (parallelism lowered) are deleted, least advanced first', () => {
  const j = job('myjob', { completions: 6, parallelism: 1 }, { startTime: '2025-01-01T00:00:00Z', active: 2, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  const running = jobPod('myjob-run11', j, 'Running');
  const pending = { ...jobPod('myjob-pend1', j, 'Pending'), spec: { ...running.spec, nodeName: undefined } } as Pod;
  const lines = describeChanges(reconcileJob(viewWith([j, running, pending]), 'default/myjob', ctxAt(1000)).changes);
  assert.deepEqual(lines.filter((l) => l.startsWith('delete') || l.startsWith('event')), ['delete Pod myjob-pend1', 'event SuccessfulDelete Deleted pod: myjob-pend1']);
});

test('a suspended Job deletes its active Pods and says so', () => {
  const j = job('myjob', { suspend: true }, { active: 1, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  const lines = describeChanges(reconcileJob(viewWith([j, jobPod('myjob-aaaaa', j, 'Running')]), 'default/myjob', ctxAt(1000)).changes);
  assert.ok(lines.includes('delete Pod myjob-aaaaa'));
  assert.ok(lines.includes('event Suspended Job suspended'));
});
