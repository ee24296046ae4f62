import type { KubeObject } from '../../api/types';
import type { StatusLine } from './rollout-status';

// polymorphichelpers/rollout_status.go: DaemonSetStatusViewer.Status and
// StatefulSetStatusViewer.Status, from the objects' status as their controllers write it.

interface DaemonSetLike extends KubeObject {
  readonly spec: { readonly updateStrategy?: { readonly type?: string } };
  readonly status?: { readonly observedGeneration?: number; readonly updatedNumberScheduled?: number; readonly desiredNumberScheduled?: number; readonly numberAvailable?: number };
}

interface StatefulSetLike extends KubeObject {
  readonly spec: { readonly replicas?: number; readonly updateStrategy?: { readonly type?: string; readonly rollingUpdate?: { readonly partition?: number } } };
  readonly status?: {
    readonly observedGeneration?: number; readonly readyReplicas?: number; readonly updatedReplicas?: number;
    readonly currentReplicas?: number; readonly updateRevision?: string; readonly currentRevision?: string;
  };
}

const ONLY_ROLLING = 'error: rollout status is only available for RollingUpdate strategy type';

export function daemonSetStatus(obj: KubeObject): StatusLine {
  const ds = obj as DaemonSetLike;
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') return { text: '', done: false, error: ONLY_ROLLING };
  const st = ds.status ?? {};
  if ((ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    const updated = st.updatedNumberScheduled ?? 0;
    const available = st.numberAvailable ?? 0;
    const name = ds.metadata.name;
    if (updated < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`, done: false };
    if (available < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`, done: false };
    return { text: `daemon set "${name}" successfully rolled out`, done: true };
  }
  return { text: 'Waiting for daemon set spec update to be observed...', done: false };
}

export function statefulSetStatus(obj: KubeObject): StatusLine {
  const sts = obj as StatefulSetLike;
  const strategy = sts.spec.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return { text: '', done: false, error: ONLY_ROLLING };
  const st = sts.status ?? {};
  if ((st.observedGeneration ?? 0) === 0 || (sts.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) {
    return { text: 'Waiting for statefulset spec update to be observed...', done: false };
  }
  const replicas = sts.spec.replicas;
  if (replicas !== undefined && (st.readyReplicas ?? 0) < replicas) return { text: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...`, done: false };
  if (strategy.rollingUpdate !== undefined) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && (st.updatedReplicas ?? 0) < replicas - partition) {
      return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...`, done: false };
    }
    return { text: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { text: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision ?? ''}...`, done: false };
  }
  return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...`, done: true };
}
