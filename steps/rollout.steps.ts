import { Then } from '@cucumber/cucumber';
import type { Deployment } from '../sim/api/types';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import * as t from '../support/temporal';

// Rollouts: temporal assertions over the history of a Deployment, its ReplicaSets and Pods.
// "The rollout" starts at the last client write to the Deployment (set image, apply, undo, restart).

const ROLLOUT_WAIT_MS = 15 * 60_000;

Then('the rollout of deployment {name} completes within {duration}', function (this: SimWorld, ref: ObjectName, ms: number) {
  t.awaitRollout(this, ref, ms);
});

Then('at all times during the rollout of deployment {name} at most {int} pods exist', function (this: SimWorld, ref: ObjectName, max: number) {
  t.awaitRollout(this, ref, ROLLOUT_WAIT_MS);
  t.expectThroughoutHistory(this, t.rolloutStart(this.cluster.trace.slice(0), ref), t.atMostPods(ref, max), `at most ${max} pods of deployment ${ref.name} at all times during its rollout`, t.concerns(ref));
});

Then('at all times during the rollout of deployment {name} at least {int} pods are ready', function (this: SimWorld, ref: ObjectName, min: number) {
  t.awaitRollout(this, ref, ROLLOUT_WAIT_MS);
  t.expectThroughoutHistory(this, t.rolloutStart(this.cluster.trace.slice(0), ref), t.atLeastReady(ref, min), `at least ${min} ready pods of deployment ${ref.name} at all times during its rollout`, t.concerns(ref));
});

Then('at all times during the rollout of deployment {name} at least {int} replicas are available', function (this: SimWorld, ref: ObjectName, min: number) {
  t.awaitRollout(this, ref, ROLLOUT_WAIT_MS);
  t.expectThroughoutHistory(this, t.rolloutStart(this.cluster.trace.slice(0), ref), t.atLeastAvailable(ref, min), `at least ${min} available replicas of deployment ${ref.name} at all times during its rollout`, t.concerns(ref));
});

Then('for {duration} at least {int} replicas of deployment {name} are available throughout', function (this: SimWorld, ms: number, min: number, ref: ObjectName) {
  const from = this.cluster.trace.length;
  this.advance(ms);
  t.expectThroughoutHistory(this, from, t.atLeastAvailable(ref, min), `at least ${min} available replicas of deployment ${ref.name} for ${ms / 1000}s`, t.concerns(ref));
});

Then('for {duration} at most {int} pods of deployment {name} exist throughout', function (this: SimWorld, ms: number, max: number, ref: ObjectName) {
  const from = this.cluster.trace.length;
  this.advance(ms);
  t.expectThroughoutHistory(this, from, t.atMostPods(ref, max), `at most ${max} pods of deployment ${ref.name} for ${ms / 1000}s`, t.concerns(ref));
});

/** "3+0, 3+1, 2+1 ..." = Σ old ReplicaSets' spec.replicas + the new one's, after each change, since the rollout began. */
Then('during the rollout the replicasets of deployment {name} were scaled old+new as {string}', function (this: SimWorld, ref: ObjectName, expected: string) {
  const trace = this.cluster.trace.slice(0);
  const d = this.get('deployment', ref) as Deployment;
  const rev = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
  const newRS = this.view().select('ReplicaSet', ref.namespace ?? 'default', d.spec.selector)
    .find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev);
  if (newRS === undefined) throw new Error(`deployment ${ref.name} has no ReplicaSet with its revision ${rev ?? '<none>'}`);
  const from = t.rolloutStart(trace, ref);
  const have = t.replicaSetSizes(trace, from, ref, newRS.metadata.name).join(', ');
  const want = expected.split(/[,\s]+/).filter(Boolean).join(', ');
  if (have !== want) {
    throw t.withTimeline(this, new Error(`Expected the replicasets of deployment ${ref.name} (old+new, new = ${newRS.metadata.name}) to go through\n  ${want}\nbut they went through\n  ${have}`), trace, from, trace.length, (e) => e.kind === 'ReplicaSet' && t.concerns(ref)(e));
  }
});
