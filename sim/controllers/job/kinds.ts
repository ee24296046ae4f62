import type { KindInfo } from '../../api/kinds';
import { decoderFor } from '../../api/schema/decode';
import { allocateJob, defaultJob } from '../../api/defaults/job';
import { defaultCronJob } from '../../api/defaults/cronjob';
import { validateJob } from '../../api/validation/job';
import { validateCronJob } from '../../api/validation/cronjob';

// The batch/v1 kinds for the API registry (sim/api/kinds/index.ts registers them): Job (jobs) and
// CronJob (cronjobs, cj), with SetDefaults_*, Validate* and the strict decoder.

export const batchKinds: readonly KindInfo[] = [
  {
    kind: 'Job', group: 'batch', apiVersions: ['batch/v1'], plural: 'jobs', singular: 'job', shortNames: [], namespaced: true,
    defaults: defaultJob, validate: validateJob, decode: decoderFor('Job'),
    // job strategy: status is the controller's (PrepareForCreate clears it, PrepareForUpdate keeps the stored one).
    prepareForUpdate: (obj, old) => ({ ...obj, status: old.status }),
    allocate: (obj, old, view, rng) => allocateJob(obj, old, view, rng),
  },
  {
    kind: 'CronJob', group: 'batch', apiVersions: ['batch/v1'], plural: 'cronjobs', singular: 'cronjob', shortNames: ['cj'], namespaced: true,
    defaults: defaultCronJob, validate: validateCronJob, decode: decoderFor('CronJob'),
    prepareForUpdate: (obj, old) => ({ ...obj, status: old.status }),
  },
];
