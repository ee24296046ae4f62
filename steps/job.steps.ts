import { Then } from '@cucumber/cucumber';
import type { SimWorld, Probe } from '../support/world';
import type { ObjectName } from '../support/queries';
import { find, ownedBy, showName } from '../support/queries';
import type { ClusterView } from '../sim/index';
import type { Pod } from '../sim/api/types';
import type { Job } from '../sim/controllers/job/types';
import { isPodActive } from '../sim/controllers/index';
import { finishedAtMs } from '../sim/controllers/job/backoff';

// Jobs (chapter 5.3): completion, failure, how many Pods run at once, and the back-off between
// replacements of failed Pods. CronJobs use the generic steps (owns, output tables, events).

const condition = (job: Job, type: string) => job.status?.conditions?.find((c) => c.type === type && c.status === 'True');

function jobPods(view: ClusterView, ref: ObjectName): Pod[] {
  const job = find(view, 'Job', ref);
  return job === undefined ? [] : (ownedBy(view, job, 'Pod') as Pod[]);
}

function jobState(ref: ObjectName, type: 'Complete' | 'Failed', reason?: string): Probe {
  return (view) => {
    const job = find(view, 'Job', ref) as Job | undefined;
    if (job === undefined) return { ok: false, actual: `${showName('Job', ref)} does not exist` };
    const c = condition(job, type);
    const ok = c !== undefined && (reason === undefined || c.reason === reason);
    const conds = (job.status?.conditions ?? []).map((x) => `${x.type}=${x.status}${x.reason ? ` (${x.reason})` : ''}`).join(', ') || 'none';
    return { ok, actual: `its conditions are ${conds}; active ${job.status?.active ?? 0}, succeeded ${job.status?.succeeded ?? 0}, failed ${job.status?.failed ?? 0}` };
  };
}

Then('within {duration} job {name} completes', function (this: SimWorld, ms: number, ref: ObjectName) {
  this.advanceUntil(ms, jobState(ref, 'Complete'), `${showName('Job', ref)} to complete`);
});

Then('within {duration} job {name} fails with reason {string}', function (this: SimWorld, ms: number, ref: ObjectName, reason: string) {
  this.advanceUntil(ms, jobState(ref, 'Failed', reason), `${showName('Job', ref)} to fail with reason ${reason}`);
});

Then('for {duration} job {name} neither completes nor fails', function (this: SimWorld, ms: number, ref: ObjectName) {
  this.expectThroughout(ms, (view) => {
    const done = jobState(ref, 'Complete')(view).ok || jobState(ref, 'Failed')(view).ok;
    return { ok: !done, actual: jobState(ref, 'Complete')(view).actual };
  }, `${showName('Job', ref)} to be still running`);
});

Then('job {name} completes within {duration} with {int} pod(s) active at its busiest', function (this: SimWorld, ref: ObjectName, ms: number, n: number) {
  let peak = 0;
  let peakAt = '';
  this.advanceUntil(ms, (view) => {
    const active = jobPods(view, ref).filter(isPodActive);
    if (active.length > peak) { peak = active.length; peakAt = active.map((p) => p.metadata.name).join(', '); }
    const done = jobState(ref, 'Complete')(view);
    return { ok: done.ok, actual: done.actual };
  }, `${showName('Job', ref)} to complete`);
  if (peak !== n) throw new Error(`Expected ${showName('Job', ref)} to run ${n} pods at once at its busiest, but it ran ${peak}${peakAt ? ` (${peakAt})` : ''}.\n${this.replayHint()}`);
});

Then('within {duration} job {name} has created at least {int} pods', function (this: SimWorld, ms: number, ref: ObjectName, n: number) {
  this.advanceUntil(ms, (view) => {
    const pods = jobPods(view, ref);
    return { ok: pods.length >= n, actual: `it has ${pods.length}: ${pods.map((p) => `${p.metadata.name} ${p.status?.phase}`).join(', ') || 'none'}` };
  }, `${showName('Job', ref)} to have created at least ${n} pods`);
});

Then('job {name} replaced its failed pods after back-offs of {string}', function (this: SimWorld, ref: ObjectName, expected: string) {
  const view = this.view();
  const epoch = this.cluster.config.epochMs;
  const pods = jobPods(view, ref).sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
  const gaps: string[] = [];
  for (let i = 1; i < pods.length; i++) {
    const failedAt = finishedAtMs(pods[i - 1], epoch);
    const createdAt = Date.parse(pods[i].metadata.creationTimestamp) - epoch;
    gaps.push(`${Math.round((createdAt - failedAt) / 1000)}s`);
  }
  const actual = gaps.join(', ');
  if (actual !== expected) throw new Error(`Expected ${showName('Job', ref)} to replace its failed pods after back-offs of ${expected}, but the gaps between a pod's failure and the next pod were ${actual || 'none (one pod)'}.\n${this.replayHint()}`);
});

Then('within {duration} the pod of job {name} has restarted {int} time(s)', function (this: SimWorld, ms: number, ref: ObjectName, n: number) {
  this.advanceUntil(ms, (view) => {
    const pods = jobPods(view, ref);
    const restarts = pods.map((p) => (p.status?.containerStatuses ?? []).reduce((sum, s) => sum + s.restartCount, 0));
    return { ok: pods.length === 1 && restarts[0] >= n, actual: `it has ${pods.length} pod(s) with ${restarts.join(', ') || 'no'} restarts` };
  }, `the one pod of ${showName('Job', ref)} to have restarted ${n} times`);
});
