import type { Condition, KubeObject, LabelSelector, PodTemplateSpec } from '../../api/types';

// batch/v1 Job and CronJob, as stored after defaulting (k8s.io/api/batch/v1 types.go). Only the
// fields the simulator reads or writes are typed.

export interface JobSpec {
  readonly parallelism: number;
  /** nil = a work-queue Job: complete when any Pod succeeds and none is active. */
  readonly completions?: number | null;
  readonly activeDeadlineSeconds?: number;
  readonly backoffLimit: number;
  readonly selector?: LabelSelector;
  readonly manualSelector?: boolean;
  readonly template: PodTemplateSpec;
  readonly completionMode: 'NonIndexed' | 'Indexed';
  readonly suspend: boolean;
  readonly podReplacementPolicy: 'TerminatingOrFailed' | 'Failed';
  readonly ttlSecondsAfterFinished?: number;
}

export interface JobStatus {
  readonly conditions?: readonly Condition[];
  readonly startTime?: string;
  readonly completionTime?: string;
  readonly active?: number;
  readonly succeeded?: number;
  readonly failed?: number;
  readonly terminating?: number;
  readonly ready?: number;
  readonly uncountedTerminatedPods?: { readonly succeeded?: readonly string[]; readonly failed?: readonly string[] };
}

export interface Job extends KubeObject {
  readonly kind: 'Job';
  readonly spec: JobSpec;
  readonly status: JobStatus;
}

export interface JobTemplateSpec {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: Omit<JobSpec, 'selector'> & { readonly selector?: LabelSelector };
}

export interface CronJobSpec {
  readonly schedule: string;
  readonly timeZone?: string;
  readonly startingDeadlineSeconds?: number;
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  readonly suspend: boolean;
  readonly jobTemplate: JobTemplateSpec;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
}

export interface ObjectReference {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly apiVersion: string;
  readonly resourceVersion?: string;
}

export interface CronJobStatus {
  readonly active?: readonly ObjectReference[];
  readonly lastScheduleTime?: string;
  readonly lastSuccessfulTime?: string;
}

export interface CronJob extends KubeObject {
  readonly kind: 'CronJob';
  readonly spec: CronJobSpec;
  readonly status: CronJobStatus;
}

/** batch.kubernetes.io labels (pkg/apis/batch/types.go). */
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
/** batch.JobTrackingFinalizer: a Pod keeps it until the Job controller has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const CRONJOB_SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** IsJobFinished: a Complete or Failed condition that is True. */
export function finishedCondition(job: Job): Condition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}
