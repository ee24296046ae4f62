import type { ControllerRevision, DaemonSet, Pod } from '../../api/types';
import { computeHash } from '../../api/naming';
import type { Change, ClusterView } from '../../engine/types';
import {
  CONTROLLER_REVISION_HASH, controllerRevision, matchesTemplate, maxRevision, revisionNumber, templatePatch,
} from '../history/controller-history';
import { controllerRef, isControlledBy, withControllerRef } from '../util/owner';

// pkg/controller/daemon/update.go constructHistory, controlledHistories, dedupCurHistories, snapshot
// and cleanupHistory: a DaemonSet's ControllerRevisions, `<ds>-<hash>`, one per Pod template it has
// had, the current one holding the highest revision number.

export interface DaemonSetHistory {
  /** The current revision, as it is once `changes` are written. */
  readonly cur: ControllerRevision;
  /** The other revisions (cleanupHistory's candidates). */
  readonly old: readonly ControllerRevision[];
  /** The current revision's controller-revision-hash label: what up-to-date Pods carry. */
  readonly hash: string;
  readonly changes: readonly Change[];
}

/**
 * snapshot's hash collision: a revision of that name holds another template. The DaemonSet's
 * status.collisionCount goes up and the sync ends with the AlreadyExists error (retried).
 */
export interface HistoryCollision {
  readonly collision: string;
  readonly changes: readonly Change[];
}

/**
 * controlledHistories (ClaimControllerRevisions): the revisions the DaemonSet controls that match its
 * selector, and the orphans that match, adopted. The DaemonSet selector is immutable, so an owned
 * revision stops matching only when relabelled by hand; such a revision is left alone here (the
 * controller would release it).
 */
export function controlledHistories(view: ClusterView, ds: DaemonSet): { owned: ControllerRevision[]; changes: Change[] } {
  const owned: ControllerRevision[] = [];
  const changes: Change[] = [];
  for (const cr of view.select<ControllerRevision>('ControllerRevision', ds.metadata.namespace ?? '', ds.spec.selector)) {
    if (isControlledBy(cr, ds)) { owned.push(cr); continue; }
    if (controllerRef(cr) !== undefined || cr.metadata.deletionTimestamp !== undefined) continue;
    const adopted = withControllerRef(cr, ds) as ControllerRevision;
    owned.push(adopted);
    changes.push({ verb: 'update', object: adopted });
  }
  return { owned, changes };
}

/** constructHistory: the current revision (made, or renumbered to the top) and the old ones. */
export function constructHistory(view: ClusterView, ds: DaemonSet, pods: readonly Pod[]): DaemonSetHistory | HistoryCollision {
  const { owned, changes } = controlledHistories(view, ds);
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let h of owned) {
    // The unique label, if missing, is the revision's name (so that no hash collision can matter).
    if (h.metadata.labels?.[CONTROLLER_REVISION_HASH] === undefined) {
      h = { ...h, metadata: { ...h.metadata, labels: { ...(h.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH]: h.metadata.name } } };
      changes.push({ verb: 'update', object: h });
    }
    if (matchesTemplate(ds.spec.template, h)) current.push(h); else old.push(h);
  }
  const currRevision = maxRevision(old) + 1;
  let cur: ControllerRevision;
  if (current.length === 0) {
    const made = snapshot(view, ds, currRevision);
    if ('collision' in made) return { collision: made.collision, changes: [...changes, ...made.changes] };
    cur = made.cur;
    changes.push(...made.changes);
  } else {
    cur = dedupCurHistories(ds, current, pods, changes);
    if (revisionNumber(cur) < currRevision) {
      cur = { ...cur, revision: currRevision };
      changes.push({ verb: 'update', object: cur });
    }
  }
  return { cur, old, hash: cur.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '', changes };
}

/** dedupCurHistories: keep the highest-numbered of several revisions of the current template; relabel Pods to it, delete the rest. */
function dedupCurHistories(ds: DaemonSet, current: readonly ControllerRevision[], pods: readonly Pod[], changes: Change[]): ControllerRevision {
  if (current.length === 1) return current[0];
  let keep = current[0];
  for (const c of current) if (revisionNumber(c) >= revisionNumber(keep)) keep = c;
  const hash = keep.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
  const ns = ds.metadata.namespace ?? '';
  for (const p of pods) {
    if (p.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash) continue;
    changes.push({ verb: 'update', object: { ...p, metadata: { ...p.metadata, labels: { ...(p.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash } } } });
  }
  for (const c of current) {
    if (c.metadata.name !== keep.metadata.name) changes.push({ verb: 'delete', ref: { kind: 'ControllerRevision', namespace: ns, name: c.metadata.name }, reason: `daemonset ${ns}/${ds.metadata.name}: duplicate revision` });
  }
  return keep;
}

/**
 * snapshot: the revision `<ds>-<ComputeHash(template, collisionCount)>` labelled with the template's
 * labels and the hash, annotated with the DaemonSet's annotations. A revision of that name that
 * matches is the one; one that does not is a hash collision.
 */
function snapshot(view: ClusterView, ds: DaemonSet, revision: number): { cur: ControllerRevision; changes: Change[] } | HistoryCollision {
  const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const ns = ds.metadata.namespace ?? '';
  const existing = view.get<ControllerRevision>('ControllerRevision', ns, name);
  if (existing !== undefined) {
    if (matchesTemplate(ds.spec.template, existing)) return { cur: existing, changes: [] };
    const collisionCount = (ds.status?.collisionCount ?? 0) + 1;
    return {
      collision: `controllerrevisions.apps "${name}" already exists`,
      changes: [{ verb: 'status', object: { ...ds, status: { ...ds.status, collisionCount } } }],
    };
  }
  const labels = { ...(ds.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash };
  const cur = controllerRevision(ds, name, labels, ds.metadata.annotations, templatePatch(ds.spec.template), revision);
  return { cur, changes: [{ verb: 'create', object: cur }] };
}

/**
 * cleanupHistory: beyond revisionHistoryLimit old revisions, delete the oldest ones no Pod (even a
 * terminating one) still carries the hash of.
 */
export function cleanupHistory(ds: DaemonSet, old: readonly ControllerRevision[], pods: readonly Pod[]): Change[] {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return [];
  const liveHashes = new Set<string>();
  for (const p of pods) {
    const h = p.metadata.labels?.[CONTROLLER_REVISION_HASH];
    if (h) liveHashes.add(h);
  }
  const ns = ds.metadata.namespace ?? '';
  const changes: Change[] = [];
  for (const h of [...old].sort((a, b) => revisionNumber(a) - revisionNumber(b))) {
    if (toKill <= 0) break;
    if (liveHashes.has(h.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '')) continue;
    changes.push({ verb: 'delete', ref: { kind: 'ControllerRevision', namespace: ns, name: h.metadata.name }, reason: `daemonset ${ns}/${ds.metadata.name}: revisionHistoryLimit` });
    toKill--;
  }
  return changes;
}
