import type { Pod } from '../api/types';
import type { Change, ClusterView, ReconcileContext } from '../engine/types';
import { capacityBytes } from './helpers';
import { sourceBacking, writeBacking } from './data';
import { PV_CONTROLLER, unbindVolume, updateVolumePhaseWithEvent, volumeEvent } from './binding';
import type { PersistentVolume } from './types';

// The deprecated Recycle reclaim policy (pv_controller.go recycleVolumeOperation, the nfs and
// hostPath plugins' Recycle, pkg/volume/util/recyclerclient RecycleVolumeByWatchingPodUntilCompletion):
// a Pod "recycler-for-<pv>" in namespace default scrubs the volume mounted at /scrub; when it
// succeeds the controller deletes it and the PV becomes Available again, its claimRef cleared.
//
// The Pod is Kubernetes' own template (pkg/volume/plugins.go NewPersistentVolumeRecyclerPodTemplate).
// The simulator's shell has no `find`, so the recycler image is declared (images table) as a program
// that exits 0 after RECYCLE_RUN_MS, and the scrub itself is applied to the volume's backing files
// when the Pod succeeds.

export const RECYCLER_IMAGE = 'registry.k8s.io/build-image/debian-base:bookworm-v1.0.2';
export const RECYCLER_NAMESPACE = 'default';
export const RECYCLER_PREFIX = 'recycler-for-';
const RECYCLE_RUN_MS = 1_000;
/** The kubelet's event source (sim/kubelet KUBELET), whose recorder remembers the recycler Pod's events. */
const KUBELET = 'kubelet';
const GI = 1024 ** 3;

export const recyclerPodName = (pvName: string): string => `${RECYCLER_PREFIX}${pvName}`;

/**
 * CalculateTimeoutForVolume: max(minimum, increment per whole Gi); kube-controller-manager's
 * defaults are 300 s + 30 s/Gi for NFS (--pv-recycler-minimum-timeout-nfs) and 60 s + 30 s/Gi for hostPath.
 *
 * | source   | capacity | activeDeadlineSeconds |
 * |----------|----------|-----------------------|
 * | nfs      | 1Gi      | 300                   |
 * | nfs      | 20Gi     | 600                   |
 * | hostPath | 1Gi      | 60                    |
 * | hostPath | 5Gi      | 150                   |
 */
export function recyclerTimeoutSeconds(pv: PersistentVolume): number {
  const [minimum, increment] = pv.spec.nfs !== undefined ? [300, 30] : [60, 30];
  return Math.max(minimum, Math.floor(capacityBytes(pv) / GI) * increment);
}

/** The recycler Pod for a PV whose source can be recycled (nfs, hostPath); undefined otherwise. */
export function recyclerPod(pv: PersistentVolume): Pod | undefined {
  const source = pv.spec.nfs !== undefined ? { nfs: pv.spec.nfs } : pv.spec.hostPath !== undefined ? { hostPath: { path: pv.spec.hostPath.path } } : undefined;
  if (source === undefined) return undefined;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: recyclerPodName(pv.metadata.name), namespace: RECYCLER_NAMESPACE, uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      activeDeadlineSeconds: recyclerTimeoutSeconds(pv),
      restartPolicy: 'Never',
      volumes: [{ name: 'vol', ...source }],
      containers: [{
        name: 'pv-recycler', image: RECYCLER_IMAGE, command: ['/bin/sh'],
        args: ['-c', 'test -e /scrub && find /scrub -mindepth 1 -delete && test -z "$(ls -A /scrub)" || exit 1'],
        volumeMounts: [{ name: 'vol', mountPath: '/scrub' }],
      }],
    },
  } as unknown as Pod;
}

/**
 * recyclerclient waitForPod: every event of the recycler Pod reaches the PV as a RecyclerPod event
 * `Recycler pod: <message>` (newRecyclerEventRecorder), until the Pod finishes. Forwarded when it
 * does, each at the time it happened: the scheduler's binding, then what the kubelet recorded.
 */
function forwardedEvents(view: ClusterView, pv: PersistentVolume, pod: Pod): Change[] {
  const out: Change[] = [];
  const forward = (type: 'Normal' | 'Warning', message: string, atMs: number): void => {
    out.push({ ...volumeEvent(pv, type, 'RecyclerPod', `Recycler pod: ${message}`), atMs } as Change);
  };
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'True');
  if (pod.spec.nodeName !== undefined && scheduled?.lastTransitionTime !== undefined) {
    forward('Normal', `Successfully assigned ${RECYCLER_NAMESPACE}/${pod.metadata.name} to ${pod.spec.nodeName}`, Date.parse(scheduled.lastTransitionTime) - view.config.epochMs);
  }
  const memory = view.eventMemory?.(KUBELET, { kind: 'Pod', namespace: RECYCLER_NAMESPACE, name: pod.metadata.name, uid: pod.metadata.uid });
  for (const log of [...(memory?.logs ?? [])].sort((a, b) => a.firstTimeMs - b.firstTimeMs)) {
    forward(log.type === 'Warning' ? 'Warning' : 'Normal', log.message, log.firstTimeMs);
  }
  return out;
}

/** One step of recycling a Released PV: start the Pod, wait for it, then finish (or fail). */
export function recycleVolume(view: ClusterView, pv: PersistentVolume, ctx: ReconcileContext): readonly Change[] {
  const template = recyclerPod(pv);
  if (template === undefined) {
    return [...updateVolumePhaseWithEvent(pv, 'Failed', 'Warning', 'VolumeFailedRecycle', 'No recycler plugin found for the volume!', ctx).changes];
  }
  const pod = view.get<Pod>('Pod', RECYCLER_NAMESPACE, template.metadata.name);
  if (pod === undefined) {
    const changes: Change[] = [];
    if (view.table('images').get(RECYCLER_IMAGE) === undefined) {
      changes.push({ verb: 'runtime', table: 'images', key: RECYCLER_IMAGE, value: { kind: 'server', exit: { afterMs: RECYCLE_RUN_MS, code: 0 }, sizeBytes: 28_000_000 } });
    }
    changes.push({ verb: 'create', object: template });
    return changes;
  }
  if (pod.metadata.deletionTimestamp !== undefined) return [];
  const ref = { kind: 'Pod', namespace: RECYCLER_NAMESPACE, name: pod.metadata.name };
  if (pod.status?.phase === 'Succeeded') {
    const scrub: Change[] = [];
    const b = sourceBacking(pv.spec, pod.spec.nodeName, pv.metadata.name);
    if (b !== undefined) scrub.push(writeBacking(view, b, new Map()));
    return [
      ...scrub,
      ...forwardedEvents(view, pv, pod),
      { verb: 'delete', ref, reason: `${PV_CONTROLLER}: recycler pod finished` },
      volumeEvent(pv, 'Normal', 'VolumeRecycled', 'Volume recycled'),
      ...unbindVolume(pv, ctx),
    ];
  }
  if (pod.status?.phase === 'Failed') {
    const why = pod.status.message ? pod.status.message : 'pod failed, pod.Status.Message unknown.';
    return [
      ...forwardedEvents(view, pv, pod),
      { verb: 'delete', ref, reason: `${PV_CONTROLLER}: recycler pod failed` },
      ...updateVolumePhaseWithEvent(pv, 'Failed', 'Warning', 'VolumeFailedRecycle', `Recycle failed: failed to recycle volume: ${why}`, ctx).changes,
    ];
  }
  return [];
}
