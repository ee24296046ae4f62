import { test } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { advanceUntil, applyManifests, submit, type Cluster, type ClusterView } from '../../index';
import type { Pod } from '../../api/types';
import { isPodActive } from '../util/pod';
import type { Job } from './types';

// claims job.parallelism and job.completions; manageJob's rule: a Job never has more than
// parallelism active Pods, nor more than completions - succeeded. Random Jobs (completions, or
// none; parallelism; a command that succeeds or fails after a while) on a full cluster, with
// parallelism changes, Pod deletions and time passing; checked at every quiet instant.
// Replay: FC_SEED=<seed> FC_PATH=<path> node scripts/unit.js job.prop

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 15);

interface JobArb { readonly completions: number | null; readonly parallelism: number; readonly sleepS: number; readonly exit: number; readonly policy: 'Never' | 'OnFailure' }
type Action =
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'parallelism'; readonly job: number; readonly to: number }
  | { readonly kind: 'kill'; readonly job: number };

const arbJob: fc.Arbitrary<JobArb> = fc.record({
  completions: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  parallelism: fc.integer({ min: 0, max: 4 }),
  sleepS: fc.integer({ min: 0, max: 40 }),
  exit: fc.constantFrom(0, 0, 1),
  policy: fc.constantFrom('Never' as const, 'OnFailure' as const),
});
const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1000, max: 120_000 }) }),
  fc.record({ kind: fc.constant('parallelism' as const), job: fc.nat(3), to: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('kill' as const), job: fc.nat(3) }),
);

function manifest(i: number, j: JobArb): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: job${i}
spec:
  ${j.completions === null ? '' : `completions: ${j.completions}`}
  parallelism: ${j.parallelism}
  template:
    spec:
      containers:
      - name: work
        image: busybox
        command: ["sh", "-c", "sleep ${j.sleepS}; exit ${j.exit}"]
      restartPolicy: ${j.policy}
`;
}

function podsOf(view: ClusterView, job: Job): Pod[] {
  return view.dependents(job.metadata.uid).filter((o): o is Pod => o.kind === 'Pod');
}

/** The invariant; a message when broken. */
function violation(view: ClusterView): string | undefined {
  for (const job of view.list<Job>('Job', 'default')) {
    const pods = podsOf(view, job);
    const active = pods.filter(isPodActive).length;
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    if (active > job.spec.parallelism) return `${job.metadata.name}: ${active} active pods > parallelism ${job.spec.parallelism} (t=${view.nowMs}ms)`;
    const c = job.spec.completions;
    if (c !== undefined && c !== null && active > Math.max(0, c - succeeded)) return `${job.metadata.name}: ${active} active pods > completions ${c} - succeeded ${succeeded} (t=${view.nowMs}ms)`;
  }
  return undefined;
}

test('a Job never has more than parallelism active Pods, nor more than completions - succeeded', (t) => {
  const start = bootstrapCluster({ nodes: 2, seed: 11, recordTrace: false });
  checkProperty(t, 
    fc.property(fc.array(arbJob, { minLength: 1, maxLength: 3 }), fc.array(arbAction, { maxLength: 10 }), (jobs, actions) => {
      let cluster: Cluster = start;
      let broken: string | undefined;
      const check = (v: ClusterView) => { broken ??= violation(v); return broken !== undefined; };
      for (const [i, j] of jobs.entries()) {
        const r = applyManifests(cluster, manifest(i, j), { mode: 'apply', source: `job${i}.yml` });
        if (r.errors.length > 0) throw new Error(r.errors.join('\n'));
        cluster = r.cluster;
      }
      for (const a of actions) {
        const job = cluster.store.get<Job>('Job', 'default', `job${'job' in a ? a.job % jobs.length : 0}`);
        if (a.kind === 'parallelism' && job !== undefined) {
          cluster = submit(cluster, [{ verb: 'update', object: { ...job, spec: { ...job.spec, parallelism: a.to } } }]).cluster;
        } else if (a.kind === 'kill' && job !== undefined) {
          const victim = cluster.store.dependents(job.metadata.uid).find((o) => o.kind === 'Pod' && isPodActive(o as Pod));
          if (victim !== undefined) cluster = submit(cluster, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: victim.metadata.name }, reason: 'property: kill' }]).cluster;
        }
        cluster = advanceUntil(cluster, a.kind === 'wait' ? a.ms : 0, check).cluster;
        if (broken !== undefined) throw new Error(broken);
      }
      cluster = advanceUntil(cluster, 20 * 60_000, check).cluster;
      if (broken !== undefined) throw new Error(broken);
    }),
    { claims: ['job.parallelism', 'job.completions'], numRuns: NUM_RUNS, env: process.env, replay: 'node scripts/unit.js job.prop', verbose: 1, includeErrorInReport: true },
  );
});
