import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import { defaultCronJob } from '../../api/defaults/cronjob';
import { ctxAt, describeChanges, iso, viewWith } from '../../testing/fixtures';
import { newControllerRef } from '../util/owner';
import { job as jobFixture } from '../job/testing';
import type { CronJob, Job } from '../job/types';
import { jobNameFor, reconcileCronJob } from './cronjob-controller';

// cronjob_controllerv2_test.go in spirit: a CronJob and its Jobs at an instant, and what syncCronJob
// and cleanupFinishedJobs record.

function cronJob(spec: Record<string, unknown> = {}, status: CronJob['status'] = {}, createdMs = 6000): CronJob {
  const raw = {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'uid-cj-hello', resourceVersion: '1', creationTimestamp: iso(createdMs) },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  } as unknown as KubeObject;
  return { ...defaultCronJob(raw), status };
}

function childJob(cj: CronJob, minute: number, done?: 'Complete' | 'Failed'): Job {
  const name = jobNameFor('hello', Date.UTC(2025, 0, 1, 0, minute));
  const j = jobFixture(name, {}, {
    startTime: iso(minute * 60_000),
    ...(done === 'Complete' ? { completionTime: iso(minute * 60_000 + 3000), succeeded: 1 } : {}),
    ...(done !== undefined ? { conditions: [{ type: done, status: 'True' as const }] } : { active: 1 }),
  });
  return { ...j, metadata: { ...j.metadata, ownerReferences: [newControllerRef(cj)] } };
}

const statusOf = (changes: ReturnType<typeof reconcileCronJob>['changes']) => {
  const s = changes.find((c) => c.verb === 'status');
  return s?.verb === 'status' ? (s.object as CronJob).status : undefined;
};

test('job names are <cronjob>-<minutes since the Unix epoch>', () => {
  assert.equal(jobNameFor('hello', Date.UTC(2025, 0, 1, 0, 1)), 'hello-28928161');
});

test('before the first slot nothing happens but a requeue for it (plus 100 ms)', () => {
  const r = reconcileCronJob(viewWith([cronJob()]), 'default/hello', ctxAt(30_000));
  assert.deepEqual(r.changes, []);
  assert.equal(r.requeueAfterMs, 30_100);
});

test('at the slot: one Job named for the minute, owned by the CronJob, lastScheduleTime and active set', () => {
  const cj = cronJob();
  const r = reconcileCronJob(viewWith([cj]), 'default/hello', ctxAt(60_100));
  assert.deepEqual(describeChanges(r.changes), ['create Job hello-28928161', 'event SuccessfulCreate Created job hello-28928161', 'status CronJob hello']);
  const created = (r.changes[0] as { object: Job }).object;
  assert.equal(created.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2025-01-01T00:01:00Z');
  assert.equal(created.metadata.ownerReferences?.[0].uid, cj.metadata.uid);
  assert.equal(created.spec.backoffLimit, 6, 'the Job is defaulted as the API server does');
  assert.equal(created.spec.selector?.matchLabels?.['batch.kubernetes.io/controller-uid'], created.metadata.uid);
  const st = statusOf(r.changes)!;
  assert.equal(st.lastScheduleTime, '2025-01-01T00:01:00Z');
  assert.deepEqual(st.active?.map((a) => a.name), ['hello-28928161']);
  assert.equal(r.requeueAfterMs, 60_000);
});

test('a finished active Job leaves the active list with SawCompletedJob', () => {
  const cj0 = cronJob();
  const j = childJob(cj0, 1, 'Complete');
  const cj = cronJob({}, { lastScheduleTime: '2025-01-01T00:01:00Z', active: [{ kind: 'Job', namespace: 'default', name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1' }] });
  const jj = { ...j, metadata: { ...j.metadata, ownerReferences: [newControllerRef(cj)] } };
  const r = reconcileCronJob(viewWith([cj, jj]), 'default/hello', ctxAt(64_000));
  assert.deepEqual(describeChanges(r.changes), ['event SawCompletedJob Saw completed job: hello-28928161, condition: Complete', 'status CronJob hello']);
  assert.equal(statusOf(r.changes)?.active, undefined);
});

test('Forbid skips the slot while a Job runs and does not move lastScheduleTime', () => {
  const cj0 = cronJob({ concurrencyPolicy: 'Forbid' });
  const running = childJob(cj0, 1);
  const cj = cronJob({ concurrencyPolicy: 'Forbid' }, { lastScheduleTime: '2025-01-01T00:01:00Z', active: [{ kind: 'Job', namespace: 'default', name: running.metadata.name, uid: running.metadata.uid, apiVersion: 'batch/v1' }] });
  const rj = { ...running, metadata: { ...running.metadata, ownerReferences: [newControllerRef(cj)] } };
  const r = reconcileCronJob(viewWith([cj, rj]), 'default/hello', ctxAt(120_100));
  assert.deepEqual(describeChanges(r.changes), ['event JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid']);
});

test('Replace deletes the running Job and starts the new one', () => {
  const cj0 = cronJob({ concurrencyPolicy: 'Replace' });
  const running = childJob(cj0, 1);
  const cj = cronJob({ concurrencyPolicy: 'Replace' }, { lastScheduleTime: '2025-01-01T00:01:00Z', active: [{ kind: 'Job', namespace: 'default', name: running.metadata.name, uid: running.metadata.uid, apiVersion: 'batch/v1' }] });
  const rj = { ...running, metadata: { ...running.metadata, ownerReferences: [newControllerRef(cj)] } };
  const lines = describeChanges(reconcileCronJob(viewWith([cj, rj]), 'default/hello', ctxAt(120_100)).changes);
  assert.deepEqual(lines, ['delete Job hello-28928161', 'event SuccessfulDelete Deleted job hello-28928161', 'create Job hello-28928162', 'event SuccessfulCreate Created job hello-28928162', 'status CronJob hello']);
});

test('suspend: no Job is created', () => {
  assert.deepEqual(reconcileCronJob(viewWith([cronJob({ suspend: true })]), 'default/hello', ctxAt(600_000)).changes, []);
});

test('history: the oldest finished Jobs beyond 3 successful / 1 failed are deleted', () => {
  const cj = cronJob({}, { lastScheduleTime: '2025-01-01T00:06:00Z' });
  const jobs = [1, 2, 3, 4].map((m) => childJob(cj, m, 'Complete')).concat([5, 6].map((m) => childJob(cj, m, 'Failed')));
  const lines = describeChanges(reconcileCronJob(viewWith([cj, ...jobs]), 'default/hello', ctxAt(6 * 60_000 + 30_000)).changes);
  assert.deepEqual(lines.filter((l) => l.startsWith('delete')), ['delete Job hello-28928161', 'delete Job hello-28928165']);
  assert.ok(lines.includes('event SuccessfulDelete Deleted job hello-28928161'));
});
