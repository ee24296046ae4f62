import type { KubeObject } from '../types';
import type { Job } from '../../controllers/job/types';
import { defaultPodTemplate } from './pod-spec';
import { isObj, objOr, orDefault, type Json } from './util';
import type { Rng } from '../../engine/rng';
import { wantsGeneratedSelector, withGeneratedSelector } from '../../controllers/job/selector';

// pkg/apis/batch/v1/defaults.go SetDefaults_Job, and the Pod template defaults every workload gets.

/**
 * SetDefaults_Job.
 *
 * | completions | parallelism | -> completions | -> parallelism |
 * |-------------|-------------|----------------|----------------|
 * | unset       | unset       | 1              | 1              |
 * | 6           | unset       | 6              | 1              |
 * | unset       | 2           | unset (work queue) | 2          |
 *
 * backoffLimit 6 (MaxInt32 with backoffLimitPerIndex), completionMode NonIndexed, suspend false,
 * podReplacementPolicy TerminatingOrFailed (Failed with a podFailurePolicy), manualSelector false,
 * and the Job's labels from the template's when it has none.
 */
export function defaultJob(obj: KubeObject): Job {
  const spec = defaultJobSpec(obj.spec);
  const templateLabels = objOr(spec.template).metadata !== undefined ? (objOr(objOr(spec.template).metadata).labels as Json | undefined) : undefined;
  const ownLabels = obj.metadata?.labels;
  const useTemplateLabels = isObj(templateLabels) && (ownLabels === undefined || Object.keys(ownLabels).length === 0);
  return {
    ...obj,
    metadata: useTemplateLabels ? { ...obj.metadata, labels: { ...(templateLabels as Record<string, string>) } } : obj.metadata,
    spec,
    status: objOr(obj.status),
  } as unknown as Job;
}

/** The spec half of SetDefaults_Job (a CronJob's Jobs are defaulted the same way when created). */
export function defaultJobSpec(raw: unknown): Json {
  const spec = objOr(raw);
  const bothUnset = (spec.completions === undefined || spec.completions === null) && (spec.parallelism === undefined || spec.parallelism === null);
  const out: Json = {
    ...spec,
    ...(bothUnset ? { completions: 1 } : {}),
    parallelism: orDefault(spec.parallelism, 1),
    backoffLimit: orDefault(spec.backoffLimit, spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null ? 2147483647 : 6),
    completionMode: orDefault(spec.completionMode, 'NonIndexed'),
    suspend: orDefault(spec.suspend, false),
    podReplacementPolicy: orDefault(spec.podReplacementPolicy, isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed'),
    manualSelector: orDefault(spec.manualSelector, false),
    template: defaultPodTemplate(spec.template), // a struct in Go: defaulted even when absent
  };
  return out;
}

/**
 * The Job's uid and generated selector (job strategy PrepareForCreate generateSelectorIfNeeded runs
 * after the uid is set; the engine assigns uids later, so a new Job gets its uid here). Updates keep
 * the stored uid, selector and labels. `rng` is the registry's deterministic generator; the Pod count
 * is mixed in so that a Job deleted and created again under the same name gets another uid.
 */
export function allocateJob(obj: KubeObject, old: KubeObject | undefined, view: { count(kind: string, namespace?: string): number }, rng: Rng): { obj: KubeObject } {
  if (old !== undefined || !wantsGeneratedSelector(obj)) return { obj };
  const uid = obj.metadata.uid || uuid(rng, view.count('Pod') + view.count('Job') * 7919);
  const job = withGeneratedSelector({ ...obj, metadata: { ...obj.metadata, uid } }, uid);
  // Read back from storage the Job shows SetDefaults_Job's labels from the (now labelled) template.
  return { obj: defaultJob({ ...job, metadata: { ...job.metadata, labels: job.metadata.labels ?? {} } }) };
}

/** A random (version 4) UUID from the seeded generator. */
export function uuid(rng: Rng, salt = 0): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[(rng.int(16) + salt) % 16]).join('');
  const variant = '89ab'[rng.int(4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
