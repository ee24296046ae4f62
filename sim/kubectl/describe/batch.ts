import type { KubeObject, LabelSelector } from '../../api/types';
import type { Cluster } from '../../engine/types';
import type { CronJob, Job, JobTemplateSpec } from '../../controllers/job/types';
import { eventsFor } from '../events';
import { humanDuration, rfc1123z } from '../duration';
import { formatLabelSelector } from '../printers/columns';
import { PrefixWriter, LEVEL_0, describeEvents, describePodTemplate, printAnnotationsMultiline, printLabelsMultiline } from './writer';

// kubectl describe for the batch kinds (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// describeJob, describeCronJob, describeJobTemplate, printActiveJobs).

type Describer = (cluster: Cluster, obj: KubeObject, nowMs: number) => string;

const controlledBy = (obj: KubeObject): string | undefined => {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref === undefined ? undefined : `${ref.kind}/${ref.name}`;
};

/** labels.Selector.String(): empty for an empty selector. */
const selectorText = (s: LabelSelector | undefined) => {
  const t = formatLabelSelector(s);
  return t === '<none>' ? '' : t;
};

/** describeJob. */
const describeJob: Describer = (cluster, obj, nowMs) => {
  const job = obj as Job;
  const st = job.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(job.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = controlledBy(job);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Parallelism:\t${job.spec.parallelism}\n`);
  w.write(LEVEL_0, job.spec.completions !== undefined && job.spec.completions !== null ? `Completions:\t${job.spec.completions}\n` : 'Completions:\t<unset>\n');
  w.write(LEVEL_0, `Completion Mode:\t${job.spec.completionMode}\n`);
  w.write(LEVEL_0, `Suspend:\t${job.spec.suspend ? 'true' : 'false'}\n`);
  w.write(LEVEL_0, `Backoff Limit:\t${job.spec.backoffLimit}\n`);
  if (job.spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${job.spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
  if (job.spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${job.spec.activeDeadlineSeconds}s\n`);
  const ready = st.ready === undefined ? '' : ` (${st.ready} Ready)`;
  w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active${ready} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  describePodTemplate(w, job.spec.template);
  describeEvents(w, eventsFor(cluster, job.metadata.uid), nowMs);
  return w.toString();
};

/** describeJobTemplate. */
function describeJobTemplate(w: PrefixWriter, t: JobTemplateSpec | undefined): void {
  const spec = t?.spec;
  w.write(LEVEL_0, spec?.selector !== undefined ? `Selector:\t${selectorText(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, spec?.parallelism !== undefined ? `Parallelism:\t${spec.parallelism}\n` : 'Parallelism:\t<unset>\n');
  w.write(LEVEL_0, spec?.completions !== undefined && spec?.completions !== null ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

/** describeCronJob. */
const describeCronJob: Describer = (cluster, obj, nowMs) => {
  const cj = obj as CronJob;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${cj.spec.schedule}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${cj.spec.concurrencyPolicy}\n`);
  w.write(LEVEL_0, `Suspend:\t${cj.spec.suspend ? 'True' : 'False'}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${cj.spec.successfulJobsHistoryLimit}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${cj.spec.failedJobsHistoryLimit}\n`);
  w.write(LEVEL_0, cj.spec.startingDeadlineSeconds !== undefined ? `Starting Deadline Seconds:\t${cj.spec.startingDeadlineSeconds}s\n` : 'Starting Deadline Seconds:\t<unset>\n');
  describeJobTemplate(w, cj.spec.jobTemplate);
  w.write(LEVEL_0, cj.status?.lastScheduleTime ? `Last Schedule Time:\t${rfc1123z(cj.status.lastScheduleTime)}\n` : 'Last Schedule Time:\t<unset>\n');
  const active = cj.status?.active ?? [];
  w.write(LEVEL_0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.map((a) => a.name).join(', ')}\n`);
  describeEvents(w, eventsFor(cluster, cj.metadata.uid), nowMs);
  return w.toString();
};

export const BATCH_DESCRIBERS: Readonly<Record<string, Describer>> = { Job: describeJob, CronJob: describeCronJob };
