import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject, Pod } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { ctxAt, describeChanges, node, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import '../../api/kinds/index'; // registers the ServiceAccount admission of Pods
import { jobController, reconcileJob } from './job-controller';
import { job, jobPod } from './testing';
import type { Job } from './types';

const REFUSED = 'event FailedCreate Error creating: pods "pi-" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found';
const serviceAccount = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' } });

function piJob(spec: Record<string, unknown> = {}, status: Job['status'] = {}): Job {
  const j = job('pi', { parallelism: 3, completions: 3, ...spec }, status);
  const t = j.spec.template;
  return { ...j, spec: { ...j.spec, template: { ...t, spec: { ...t.spec, serviceAccountName: 'builder' } } } };
}

test('a refused create: one FailedCreate on the Job, no Pod, the status as it was (startTime only), a retry after 1 s', () => {
  const { changes, requeueAfterMs } = reconcileJob(viewWith([piJob()]), 'default/pi', ctxAt(5000));
  assert.deepEqual(describeChanges(changes), [REFUSED, 'status Job pi']);
  const event = changes[0];
  assert.ok(event.verb === 'event');
  assert.deepEqual([event.type, event.source, event.ref.kind], ['Warning', 'job-controller', 'Job']);
  assert.deepEqual((changes[1] as { object: Job }).object.status, { startTime: '2025-01-01T00:00:05Z', terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  assert.equal(requeueAfterMs, 1000);
});

test('the Job queue doubles from the start (1 s to 1 min); a refused sync changes no status', () => {
  const started = piJob({}, { startTime: '2025-01-01T00:00:05Z', terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  const at = (ms: number) => reconcileJob(viewWith([started], ms), 'default/pi', ctxAt(ms));
  assert.deepEqual(describeChanges(at(8000).changes), [REFUSED]);
  assert.deepEqual([6000, 8000, 12_000, 600_000].map((ms) => at(ms).requeueAfterMs), [2000, 4000, 8000, 60_000]);
});

test('a replacement after a failed Pod counts its back-off from the end of the Pod failure back-off', () => {
  const started = piJob({ parallelism: 1, completions: 1 }, { startTime: '2025-01-01T00:00:00Z', failed: 1, terminating: 0, ready: 0, uncountedTerminatedPods: {} });
  const failed = jobPod('pi-aaaaa', started, 'Failed', { finishedMs: 100_000, counted: true });
  // The failure holds the replacement back 10 s (to 110 s); 1 s after that the second attempt.
  const r = reconcileJob(viewWith([started, failed], 111_000), 'default/pi', ctxAt(111_000));
  assert.deepEqual(describeChanges(r.changes), [REFUSED]);
  assert.equal(r.requeueAfterMs, 2000);
});

const active = (c: Cluster): Pod[] => c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);

test('through the engine: no WriteFailed, no condition; once the ServiceAccount exists the Pods come within a minute', () => {
  const ctl = [jobController, standInKubelet()];
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: piJob() }], ctl).cluster;
  c = advance(c, 120_000, ctl);
  assert.equal(active(c).length, 0);
  assert.ok(!c.events.slice().some((e) => e.reason === 'WriteFailed'));
  const failed = c.events.slice().filter((e) => e.reason === 'FailedCreate');
  assert.ok(failed.length >= 7 && failed.length <= 10, `1, 2, 4 ... s apart, then every minute: ${failed.length}`);
  assert.equal(c.store.get<Job>('Job', 'default', 'pi')!.status.conditions, undefined);
  c = submit(c, [{ verb: 'create', object: serviceAccount('builder') }], ctl).cluster;
  c = advance(c, 60_000, ctl);
  assert.equal(active(c).length, 3);
});
