import type { KubeObject } from '../types';
import type { CronJob } from '../../controllers/job/types';
import { defaultPodTemplate } from './pod-spec';
import { objOr, unset, orDefault } from './util';

// pkg/apis/batch/v1/defaults.go SetDefaults_CronJob. The jobTemplate's Pod template gets the
// PodSpec defaults (so an unset restartPolicy becomes Always, which validation then refuses); the
// Job spec itself is defaulted only when the controller creates a Job from it.

/** SetDefaults_CronJob: concurrencyPolicy Allow, suspend false, history limits 3 and 1. */
export function defaultCronJob(obj: KubeObject): CronJob {
  const spec = objOr(obj.spec);
  const jobTemplate = objOr(spec.jobTemplate);
  const jobSpec = objOr(jobTemplate.spec);
  return {
    ...obj,
    spec: {
      ...spec,
      concurrencyPolicy: unset(spec.concurrencyPolicy) ? 'Allow' : spec.concurrencyPolicy,
      suspend: orDefault(spec.suspend, false),
      successfulJobsHistoryLimit: orDefault(spec.successfulJobsHistoryLimit, 3),
      failedJobsHistoryLimit: orDefault(spec.failedJobsHistoryLimit, 1),
      jobTemplate: { ...jobTemplate, spec: { ...jobSpec, template: defaultPodTemplate(jobSpec.template) } },
    },
    status: objOr(obj.status),
  } as unknown as CronJob;
}
