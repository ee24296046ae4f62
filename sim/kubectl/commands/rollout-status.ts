import type { Deployment, KubeObject } from '../../api/types';
import type { Cluster, ClusterView } from '../../engine/types';
import { CONTROLLERS } from '../../cluster/controllers';
import * as loop from '../../engine/loop';
import { viewOf } from '../../index';
import { Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, int, str } from '../flags';
import { parseDuration } from '../duration';
import { notImplemented, revisionOf, targets } from './rollout-common';
import { daemonSetStatus, statefulSetStatus } from './rollout-status-sets';
import { recordWatchEvents } from './watch-events';

// kubectl rollout status (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go with
// polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status). Time is virtual: the command
// lets the cluster's time pass until the rollout is done, fails, or --timeout passes, printing the
// status line of every watch event of the object (RunStatus prints one per event, repeats included).

/** With no --timeout kubectl waits forever; kubespec gives up after a virtual day. */
const FOREVER_MS = 24 * 3600 * 1000;

export const rolloutStatus: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: [
    { name: 'filename', short: 'f', kind: 'stringArray' }, { name: 'selector', short: 'l', kind: 'string' },
    { name: 'watch', short: 'w', kind: 'bool', default: true }, { name: 'revision', kind: 'int', default: 0 },
    { name: 'timeout', kind: 'string', default: '0s' }, { name: 'recursive', short: 'R', kind: 'bool' },
  ],
  run: runStatus,
};

export interface StatusLine {
  readonly text: string;
  readonly done: boolean;
  readonly error?: string;
}

/**
 * DeploymentStatusViewer.Status as kubectl v1.34 has it: the Deployment's own status only. (A
 * later proposal, kubernetes#140240, would append the first stuck Pod's reason; it is not in v1.34.)
 */
export function deploymentStatus(d: Deployment, revision = 0): StatusLine {
  const name = d.metadata.name;
  if (revision > 0) {
    const rev = revisionOf(d);
    if (rev === undefined) return { text: '', done: false, error: `error: cannot get the revision of deployment "${name}": ${d.metadata.annotations?.['deployment.kubernetes.io/revision'] === undefined ? 'annotation not found' : 'invalid revision'}` };
    if (rev !== revision) return { text: '', done: false, error: `error: desired revision (${revision}) is different from the running revision (${rev})` };
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = (st.conditions ?? []).find((c) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return { text: '', done: false, error: `error: deployment "${name}" exceeded its progress deadline` };
    const updated = st.updatedReplicas ?? 0;
    const replicas = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (updated < d.spec.replicas) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...`, done: false };
    if (replicas > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`, done: false };
    if (available < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`, done: false };
    return { text: `deployment "${name}" successfully rolled out`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...', done: false };
}

/** polymorphichelpers.StatusViewerFor: the viewer of a kind (undefined: none is implemented). */
function statusViewer(kind: string, revision: number): ((view: ClusterView, obj: KubeObject) => StatusLine) | undefined {
  switch (kind) {
    case 'Deployment': return (_view, obj) => deploymentStatus(obj as Deployment, revision);
    case 'DaemonSet': return (_view, obj) => daemonSetStatus(obj);
    case 'StatefulSet': return (_view, obj) => statefulSetStatus(obj);
  }
  return undefined;
}

function runStatus(ctx: CommandContext): KubectlResult {
  const timeoutText = str(ctx.args, 'timeout') ?? '0s';
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined) return failure(ctx.cluster, `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
  const found = targets(ctx);
  if ('error' in found) return failure(ctx.cluster, found.error);
  if (found.errors.length > 0) return failure(ctx.cluster, found.errors.join('\n'));
  if (found.targets.length !== 1) return failure(ctx.cluster, `error: rollout status is only supported on individual resources and resource collections - ${found.targets.length} resources were found`);
  const t = found.targets[0];
  const revision = int(ctx.args, 'revision') ?? 0;
  const viewer = statusViewer(t.object.kind, revision);
  if (viewer === undefined) return failure(ctx.cluster, notImplemented('status viewer', t.object.kind));
  const { kind } = t.object;
  const ns = t.object.metadata.namespace ?? 'default';
  const name = t.object.metadata.name;
  const o = new Output();

  let last: StatusLine = viewer(viewOf(ctx.cluster), t.object);
  if (last.error !== undefined) return failure(ctx.cluster, last.error);
  o.out(last.text);
  if (last.done || !bool(ctx.args, 'watch')) return o.result(ctx.cluster);

  // watchtools.UntilWithSync: the status viewer on every watch event of the object (each write,
  // status-only ones included), one line per event even when it repeats the last one.
  const { controller, events } = recordWatchEvents('kubectl-rollout-status', kind, (obj) => obj.metadata.name === name && (obj.metadata.namespace ?? 'default') === ns);
  let gone = false;
  let read = 0;
  const withinMs = timeoutMs > 0 ? timeoutMs : FOREVER_MS;
  const { cluster, reached } = loop.advanceUntil(ctx.cluster, ctx.cluster.nowMs + withinMs, [...CONTROLLERS, controller], (view) => {
    for (; read < events.length; read++) {
      const e = events[read];
      if (e.type === 'DELETED') { gone = true; return true; }
      last = viewer(view, e.object);
      if (last.error !== undefined) return true;
      o.out(last.text);
      if (last.done) return true;
    }
    return false;
  });
  if (gone) { o.fail('error: object has been deleted'); return o.result(cluster); }
  if (last.error !== undefined) { o.fail(last.error); return o.result(cluster); }
  if (!reached) {
    o.fail(timeoutMs > 0 ? 'error: timed out waiting for the condition' : `error: kubespec stopped waiting after ${FOREVER_MS / 3600000}h of virtual time (kubectl would wait forever; pass --timeout)`);
  }
  return o.result(cluster as Cluster);
}
