import type { KubeObject, Pod } from '../../api/types';
import { defaultJob } from '../../api/defaults/job';
import { withGeneratedSelector } from './selector';
import { JOB_TRACKING_FINALIZER, type Job } from './types';
import { iso, pod } from '../../testing/fixtures';

// Builders for the Job and CronJob controller tests: a defaulted Job with its generated selector,
// and its Pods in a given phase.

export function job(name: string, spec: Record<string, unknown> = {}, status: Job['status'] = {}): Job {
  const raw = {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace: 'default', uid: `uid-job-${name}`, resourceVersion: '1', creationTimestamp: iso(0), generation: 1 },
    spec: {
      template: { spec: { containers: [{ name: 'hello', image: 'busybox', command: ['echo', 'hello k8s job!'] }], restartPolicy: 'Never' } },
      ...spec,
    },
  } as unknown as KubeObject;
  const j = defaultJob(withGeneratedSelector(defaultJob(raw), `uid-job-${name}`));
  return { ...j, status };
}

/** A Pod of `owner` in `phase`; tracked (with the job-tracking finalizer) unless counted. */
export function jobPod(name: string, owner: Job, phase: Pod['status']['phase'], opts: { counted?: boolean; node?: string; finishedMs?: number; createdMs?: number; restarts?: number; deleting?: boolean } = {}): Pod {
  const base = pod(name, owner, { phase, node: opts.node ?? 'n1', createdMs: opts.createdMs ?? 0, labels: owner.spec.template.metadata.labels });
  const finished = opts.finishedMs !== undefined;
  return {
    ...base,
    metadata: {
      ...base.metadata,
      ...(opts.counted ? {} : { finalizers: [JOB_TRACKING_FINALIZER] }),
      ...(opts.deleting ? { deletionTimestamp: iso(1000), deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: { ...base.spec, restartPolicy: owner.spec.template.spec.restartPolicy },
    status: {
      ...base.status,
      containerStatuses: [{
        name: 'hello', image: 'busybox', imageID: '', ready: false, started: false, restartCount: opts.restarts ?? 0,
        state: finished ? { terminated: { exitCode: phase === 'Succeeded' ? 0 : 1, reason: phase === 'Succeeded' ? 'Completed' : 'Error', finishedAt: iso(opts.finishedMs!) } } : { running: { startedAt: iso(0) } },
        lastState: {},
      }],
    },
  };
}
