import type { Condition, KubeObject } from '../../api/types';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { eventFor, keyFor, sameJson, splitKey } from '../util/events';
import { controllerRef, isControlledBy, newControllerRef } from '../util/owner';
import { msOf } from '../util/pod';
import { allocateJob, defaultJob } from '../../api/defaults/job';
import { CRONJOB_SCHEDULED_TIMESTAMP, finishedCondition, type CronJob, type CronJobStatus, type Job, type ObjectReference } from '../job/types';
import { isKnownTimeZone, parseStandard, zoneOffsetMs } from './cron';
import { mostRecentScheduleTime, nextScheduleDelayMs } from './schedule';

// pkg/controller/cronjob/cronjob_controllerv2.go sync / syncCronJob / cleanupFinishedJobs and
// utils.go getJobFromTemplate2. Virtual time: Unix ms = config.epochMs + nowMs.

export const CRONJOB_CONTROLLER = 'cronjob-controller';

/** getJobName: `<cronjob>-<scheduled time in minutes since the Unix epoch>`. */
export function jobNameFor(cronJobName: string, scheduledUnixMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledUnixMs / 60_000)}`;
}

/** time.RFC1123Z of a UTC instant: `Mon, 02 Jan 2006 15:04:05 +0000`. */
function rfc1123z(unixMs: number): string {
  const d = new Date(unixMs);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** time.RFC3339 of an instant in a zone: `2025-01-01T01:00:00+01:00`, or `...Z` in UTC. */
function rfc3339In(unixMs: number, zone: string | undefined): string {
  const offset = zoneOffsetMs(zone, unixMs);
  const wall = new Date(unixMs + offset).toISOString().replace(/\.\d{3}Z$/, '');
  if (offset === 0) return `${wall}Z`;
  const m = Math.abs(offset) / 60_000;
  return `${wall}${offset < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** getJobFromTemplate2 + the API server's Job defaulting and selector generation. */
export function jobFromTemplate(view: ClusterView, cj: CronJob, scheduledUnixMs: number, ctx: ReconcileContext): Job {
  const tmpl = cj.spec.jobTemplate;
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj.metadata.name, scheduledUnixMs),
      namespace: cj.metadata.namespace,
      uid: '', resourceVersion: '', creationTimestamp: '',
      ...(tmpl.metadata?.labels !== undefined ? { labels: { ...tmpl.metadata.labels } } : {}),
      annotations: { ...(tmpl.metadata?.annotations ?? {}), [CRONJOB_SCHEDULED_TIMESTAMP]: rfc3339In(scheduledUnixMs, cj.spec.timeZone) },
      ownerReferences: [newControllerRef(cj)],
    },
    spec: tmpl.spec,
  } as unknown as KubeObject;
  return allocateJob(defaultJob(job), undefined, view, ctx.rng).obj as Job;
}

const ref = (job: Job): ObjectReference => ({
  kind: 'Job', namespace: job.metadata.namespace ?? '', name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1',
});

/** sync: syncCronJob, then cleanupFinishedJobs, one status write. */
export function reconcileCronJob(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const cj = view.get<CronJob>('CronJob', namespace, name);
  if (cj === undefined) return NO_CHANGES;
  const jobs = view.dependents(cj.metadata.uid).filter((o): o is Job => o.kind === 'Job' && isControlledBy(o, cj));
  const changes: Change[] = [];
  let status: CronJobStatus = cj.status ?? {};
  let active = [...(status.active ?? [])];
  const byUid = new Set(jobs.map((j) => j.metadata.uid));

  // Reconcile status.active with the Jobs that exist.
  for (const j of jobs) {
    const inActive = active.some((a) => a.uid === j.metadata.uid);
    const done: Condition | undefined = finishedCondition(j);
    if (!inActive && done === undefined) {
      changes.push(eventFor(cj, CRONJOB_CONTROLLER, 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`, 'Warning'));
    } else if (inActive && done !== undefined) {
      active = active.filter((a) => a.uid !== j.metadata.uid);
      changes.push(eventFor(cj, CRONJOB_CONTROLLER, 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${done.type}`));
    } else if (done !== undefined) {
      const completed = j.status?.completionTime;
      if (completed !== undefined && (status.lastSuccessfulTime === undefined || Date.parse(completed) > Date.parse(status.lastSuccessfulTime))) {
        status = { ...status, lastSuccessfulTime: completed };
      }
    }
  }
  for (const a of [...active]) {
    if (byUid.has(a.uid)) continue;
    changes.push(eventFor(cj, CRONJOB_CONTROLLER, 'MissingJob', `Active job went missing: ${a.name}`));
    active = active.filter((x) => x.uid !== a.uid);
  }

  const synced = cj.metadata.deletionTimestamp === undefined ? syncSchedule(view, cj, active, ctx) : { changes: [], active, status: {} };
  changes.push(...synced.changes);
  active = synced.active;
  status = { ...status, ...synced.status };

  // cleanupFinishedJobs: keep successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed Jobs.
  if (cj.metadata.deletionTimestamp === undefined) {
    const succeeded = jobs.filter((j) => finishedCondition(j)?.type === 'Complete');
    const failed = jobs.filter((j) => finishedCondition(j)?.type === 'Failed');
    for (const j of [...oldest(succeeded, cj.spec.successfulJobsHistoryLimit), ...oldest(failed, cj.spec.failedJobsHistoryLimit)]) {
      changes.push({ verb: 'delete', ref: { kind: 'Job', namespace, name: j.metadata.name }, reason: `history limit of cronjob ${keyFor(cj)}`, propagation: 'Background' });
      changes.push(eventFor(cj, CRONJOB_CONTROLLER, 'SuccessfulDelete', `Deleted job ${j.metadata.name}`));
      active = active.filter((a) => a.uid !== j.metadata.uid);
    }
  }

  const next: CronJobStatus = {
    ...(active.length > 0 ? { active } : {}),
    ...(status.lastScheduleTime !== undefined ? { lastScheduleTime: status.lastScheduleTime } : {}),
    ...(status.lastSuccessfulTime !== undefined ? { lastSuccessfulTime: status.lastSuccessfulTime } : {}),
  };
  if (!sameJson(next, cj.status)) changes.push({ verb: 'status', object: { ...cj, status: next } });
  return synced.requeueAfterMs === undefined ? { changes } : { changes, requeueAfterMs: synced.requeueAfterMs };
}

/** removeOldestJobs: the Jobs beyond `limit`, oldest status.startTime first (unset start times last, then by name). */
function oldest(jobs: readonly Job[], limit: number): Job[] {
  if (jobs.length <= limit) return [];
  const sorted = [...jobs].sort((a, b) => {
    const sa = a.status?.startTime;
    const sb = b.status?.startTime;
    if (sa === undefined && sb !== undefined) return 1;
    if (sa !== undefined && sb === undefined) return -1;
    if (sa === sb || (sa !== undefined && sb !== undefined && Date.parse(sa) === Date.parse(sb))) return a.metadata.name < b.metadata.name ? -1 : 1;
    return Date.parse(sa!) - Date.parse(sb!);
  });
  return sorted.slice(0, jobs.length - limit);
}

interface Synced {
  readonly changes: Change[];
  readonly active: ObjectReference[];
  readonly status: Partial<CronJobStatus>;
  readonly requeueAfterMs?: number;
}

/** syncCronJob after the active-list reconciliation: decide whether a Job is due now and start it. */
function syncSchedule(view: ClusterView, cj: CronJob, activeIn: ObjectReference[], ctx: ReconcileContext): Synced {
  const changes: Change[] = [];
  let active = activeIn;
  const warn = (reason: string, message: string) => changes.push(eventFor(cj, CRONJOB_CONTROLLER, reason, message, 'Warning'));
  const zone = cj.spec.timeZone;
  if (zone !== undefined && !isKnownTimeZone(zone)) {
    warn('UnknownTimeZone', `invalid timeZone: ${JSON.stringify(zone)}: unknown time zone ${zone}`);
    return { changes, active, status: {} };
  }
  if (cj.spec.suspend) return { changes, active, status: {} };
  if (cj.spec.schedule.includes('TZ')) {
    warn('UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
  }
  const spec = zone !== undefined ? `TZ=${zone} ${cj.spec.schedule}` : cj.spec.schedule;
  const parsed = parseStandard(spec);
  if (!parsed.ok) {
    warn('UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${parsed.error}`);
    return { changes, active, status: {} };
  }
  const epoch = ctx.config.epochMs;
  const nowUnix = epoch + ctx.nowMs;
  const createdUnix = epoch + (msOf(cj.metadata.creationTimestamp, epoch) ?? ctx.nowMs);
  const lastUnix = cj.status?.lastScheduleTime !== undefined ? Date.parse(cj.status.lastScheduleTime) : undefined;
  const schedule = parsed.schedule;
  const requeue = (last = lastUnix) => {
    const d = nextScheduleDelayMs(schedule, last, createdUnix, nowUnix, zone);
    return d === undefined ? undefined : Math.max(1, d);
  };

  const recent = mostRecentScheduleTime(schedule, lastUnix, createdUnix, nowUnix, cj.spec.startingDeadlineSeconds, zone);
  if (recent.error !== undefined) {
    warn('InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${recent.error}`);
    return { changes, active, status: {} };
  }
  if (recent.missed === 'many' && recent.mostRecentMs !== undefined) {
    warn('TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  }
  const scheduled = recent.mostRecentMs;
  if (scheduled === undefined) return { changes, active, status: {}, requeueAfterMs: requeue() };

  const sds = cj.spec.startingDeadlineSeconds;
  if (sds !== undefined && scheduled + sds * 1000 < nowUnix) {
    warn('MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
    return { changes, active, status: {}, requeueAfterMs: requeue() };
  }
  const jobName = jobNameFor(cj.metadata.name, scheduled);
  if (active.some((a) => a.name === jobName) || lastUnix === scheduled) return { changes, active, status: {}, requeueAfterMs: requeue() };
  if (cj.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    changes.push(eventFor(cj, CRONJOB_CONTROLLER, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid'));
    return { changes, active, status: {}, requeueAfterMs: requeue() };
  }
  if (cj.spec.concurrencyPolicy === 'Replace') {
    for (const a of active) {
      changes.push({ verb: 'delete', ref: { kind: 'Job', namespace: a.namespace, name: a.name }, reason: `concurrency policy Replace of cronjob ${keyFor(cj)}`, propagation: 'Background' });
      changes.push(eventFor(cj, CRONJOB_CONTROLLER, 'SuccessfulDelete', `Deleted job ${a.name}`));
    }
    active = [];
  }
  const existing = view.get<Job>('Job', cj.metadata.namespace ?? '', jobName);
  if (existing !== undefined) {
    // AlreadyExists: ours already (a previous sync created it), or someone else's with our name.
    if (controllerRef(existing)?.uid !== cj.metadata.uid) {
      warn('FailedCreate', `Error creating job: jobs.batch "${jobName}" already exists`);
      return { changes, active, status: {}, requeueAfterMs: requeue() };
    }
    return { changes, active, status: { lastScheduleTime: new Date(scheduled).toISOString().replace(/\.\d{3}Z$/, 'Z') }, requeueAfterMs: requeue(scheduled) };
  }
  const job = jobFromTemplate(view, cj, scheduled, ctx);
  changes.push({ verb: 'create', object: job });
  changes.push(eventFor(cj, CRONJOB_CONTROLLER, 'SuccessfulCreate', `Created job ${job.metadata.name}`));
  active = [...active, ref(job)];
  return { changes, active, status: { lastScheduleTime: new Date(scheduled).toISOString().replace(/\.\d{3}Z$/, 'Z') }, requeueAfterMs: requeue(scheduled) };
}

/** updateJob / addJob / deleteJob: a Job change wakes its CronJob. */
function cronJobsForJob(_view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  const j = (after ?? before)!;
  const owner = controllerRef(j);
  if (owner?.kind !== 'CronJob') return [];
  if (after !== undefined && before !== undefined) {
    const a = after as Job;
    const b = before as Job;
    if (sameJson(a.status?.conditions, b.status?.conditions) && a.status?.completionTime === b.status?.completionTime && a.metadata.deletionTimestamp === b.metadata.deletionTimestamp) return [];
  }
  return [`${j.metadata.namespace ?? ''}/${owner.name}`];
}

export const cronJobController: Controller = {
  name: CRONJOB_CONTROLLER,
  reconcile: reconcileCronJob,
  watches: {
    CronJob: (_view, after, before) => [keyFor((after ?? before)!)],
    Job: cronJobsForJob,
  },
};
