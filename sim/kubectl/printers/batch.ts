import type { Container, KubeObject } from '../../api/types';
import type { CronJob, Job } from '../../controllers/job/types';
import { humanDuration } from '../duration';
import { age, formatLabelSelector, type TableDef } from './columns';

// `kubectl get` columns of the batch kinds (pkg/printers/internalversion/printers.go printJob,
// printCronJob; the STATUS column since 1.32).

const isTrue = (job: Job, type: string) => (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** printJob's STATUS. */
export function jobStatus(job: Job): string {
  if (isTrue(job, 'Complete')) return 'Complete';
  if (isTrue(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp !== undefined) return 'Terminating';
  if (isTrue(job, 'Suspended')) return 'Suspended';
  if (isTrue(job, 'FailureTarget')) return 'FailureTarget';
  if (isTrue(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** printJob's COMPLETIONS: `1/1`, `3/6`, or for a work-queue Job `0/1 of 2`. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** printJob's DURATION: completion − start, or now − start while running, or empty before the start. */
export function jobDuration(job: Job, nowMs: number): string {
  const start = job.status?.startTime;
  if (start === undefined) return '';
  const end = job.status?.completionTime;
  return humanDuration((end === undefined ? nowMs : Date.parse(end)) - Date.parse(start));
}

function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

const job: TableDef = {
  columns: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj: KubeObject, opts) => {
    const j = obj as Job;
    const cells = [j.metadata.name, jobStatus(j), jobCompletions(j), jobDuration(j, opts.nowMs), age(j.metadata.creationTimestamp, opts.nowMs)];
    if (!opts.wide) return cells;
    return [...cells, ...containerCells(j.spec.template?.spec?.containers), j.spec.selector !== undefined ? formatLabelSelector(j.spec.selector) : '<none>'];
  },
};

const cronJob: TableDef = {
  columns: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj: KubeObject, opts) => {
    const cj = obj as CronJob;
    const last = cj.status?.lastScheduleTime !== undefined ? age(cj.status.lastScheduleTime, opts.nowMs) : '<none>';
    const suspend = cj.spec.suspend === undefined ? '<unset>' : cj.spec.suspend ? 'True' : 'False';
    const cells = [cj.metadata.name, cj.spec.schedule, cj.spec.timeZone ?? '<none>', suspend, String(cj.status?.active?.length ?? 0), last, age(cj.metadata.creationTimestamp, opts.nowMs)];
    if (!opts.wide) return cells;
    const sel = cj.spec.jobTemplate?.spec?.selector;
    return [...cells, ...containerCells(cj.spec.jobTemplate?.spec?.template?.spec?.containers), sel !== undefined ? formatLabelSelector(sel) : '<none>'];
  },
};

export const BATCH_TABLES: Readonly<Record<string, TableDef>> = { Job: job, CronJob: cronJob };
