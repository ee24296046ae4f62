import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { Change, ClusterView, ReconcileContext } from '../../engine/types';
import { eventFor } from '../util/events';
import { maxSurge, replicasAnnotationsNeedUpdate, withReplicasAnnotations } from './util/deployment-util';

// One sync of one Deployment: what it read, and the writes it has decided so far. The phases
// (sync.ts, rolling.ts, recreate.ts, progress.ts) read the latest versions from here, as the Go
// controller reads back the objects its client calls returned.

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

export class DeploymentSync {
  readonly changes: Change[] = [];
  /** The deployment as this sync has modified it (annotations, status). */
  d: Deployment;
  requeueAfterMs: number | undefined;

  constructor(readonly view: ClusterView, readonly ctx: ReconcileContext, readonly original: Deployment, readonly rsList: readonly ReplicaSet[], readonly podsByRs: ReadonlyMap<string, readonly Pod[]>) {
    this.d = original;
  }

  event(reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
    this.changes.push(eventFor(this.d, DEPLOYMENT_CONTROLLER, reason, message, type));
  }

  updateRS(rs: ReplicaSet): void {
    this.changes.push({ verb: 'update', object: rs });
  }

  /**
   * scaleReplicaSet: set replicas and the desired/max-replicas annotations; event when the size
   * moved. Returns the updated RS (unchanged object when nothing needed writing) and whether it scaled.
   */
  scaleReplicaSet(rs: ReplicaSet, newScale: number, operation: string): { rs: ReplicaSet; scaled: boolean } {
    const d = this.d;
    const sizeNeedsUpdate = rs.spec.replicas !== newScale;
    const max = d.spec.replicas + maxSurge(d);
    const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, d.spec.replicas, max);
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { rs, scaled: false };
    const updated = withReplicasAnnotations({ ...rs, spec: { ...rs.spec, replicas: newScale } }, d.spec.replicas, max);
    this.updateRS(updated);
    if (sizeNeedsUpdate) this.event('ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} from ${rs.spec.replicas} to ${newScale}`);
    return { rs: updated, scaled: sizeNeedsUpdate };
  }

  /** scaleReplicaSetAndRecordEvent. */
  scaleAndRecord(rs: ReplicaSet, newScale: number): { rs: ReplicaSet; scaled: boolean } {
    if (rs.spec.replicas === newScale) return { rs, scaled: false };
    return this.scaleReplicaSet(rs, newScale, rs.spec.replicas < newScale ? 'up' : 'down');
  }

  /** The Deployment write(s): one update when metadata moved (it carries the status too), else a status write. */
  finish(): { changes: Change[]; requeueAfterMs?: number } {
    const o = this.original;
    const d = this.d;
    if (d !== o) {
      if (d.metadata !== o.metadata) this.changes.push({ verb: 'update', object: d });
      else if (d.status !== o.status) this.changes.push({ verb: 'status', object: d });
    }
    return this.requeueAfterMs === undefined ? { changes: this.changes } : { changes: this.changes, requeueAfterMs: this.requeueAfterMs };
  }
}
