import type { ControllerRevision, Pod, PodTemplateSpec, StatefulSet } from '../../api/types';
import type { Change, ClusterView } from '../../engine/types';
import {
  CONTROLLER_REVISION_HASH, CONTROLLER_REVISION_HASH_LABEL, controllerRevision, controllerRevisionName, equalRevision,
  revisionRaw, sortControllerRevisions, templateOfRevision, templatePatch, templateRevisionHash,
} from '../history/controller-history';
import { controllerRef, withControllerRef } from '../util/owner';

// pkg/controller/statefulset: stateful_set.go adoptOrphanRevisions, stateful_set_control.go
// ListRevisions, getStatefulSetRevisions and truncateHistory, stateful_set_utils.go newRevision,
// ApplyRevision and nextRevision. A StatefulSet's revisions are `<set>-<hash of the patch>`; its
// Pods' controller-revision-hash label is the revision's name.

export interface StatefulSetRevisions {
  readonly current: ControllerRevision;
  readonly update: ControllerRevision;
  /** The collisionCount the status records (raised by name collisions met while creating). */
  readonly collisionCount: number;
  /** The set's revisions before this sync's writes, sorted (truncateHistory's input). */
  readonly revisions: readonly ControllerRevision[];
  readonly changes: readonly Change[];
}

/**
 * ListRevisions (history ListControllerRevisions): the revisions matching the selector that the set
 * controls or no one does; adoptOrphanRevisions adopts the latter. Sorted by revision.
 */
export function listRevisions(view: ClusterView, set: StatefulSet): { revisions: ControllerRevision[]; changes: Change[] } {
  const revisions: ControllerRevision[] = [];
  const changes: Change[] = [];
  for (const cr of view.select<ControllerRevision>('ControllerRevision', set.metadata.namespace ?? '', set.spec.selector)) {
    const ref = controllerRef(cr);
    if (ref === undefined) {
      const adopted = withControllerRef(cr, set) as ControllerRevision;
      revisions.push(adopted);
      changes.push({ verb: 'update', object: adopted });
    } else if (ref.uid === set.metadata.uid) {
      revisions.push(cr);
    }
  }
  return { revisions: sortControllerRevisions(revisions), changes };
}

/** nextRevision: one more than the last (highest) revision, 1 for none. */
export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length === 0 ? 1 : sorted[sorted.length - 1].revision + 1;
}

/**
 * newRevision + history.NewControllerRevision: labels of the template plus controller.kubernetes.io/hash,
 * the set's annotations, named `<set>-<HashControllerRevision(patch, collisionCount)>`.
 */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const hash = templateRevisionHash(set.spec.template, collisionCount);
  const labels = { ...(set.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash };
  return controllerRevision(set, controllerRevisionName(set.metadata.name, hash), labels, set.metadata.annotations, templatePatch(set.spec.template), revision);
}

/**
 * getStatefulSetRevisions: the update revision is the set's template - the latest revision when it
 * already is that, an older equal revision renumbered to the top (a rollback), or a new one (on a
 * name taken by other data, collisionCount goes up and the name moves). The current revision is
 * the one status.currentRevision names, else the update revision.
 */
export function getStatefulSetRevisions(view: ClusterView, set: StatefulSet): StatefulSetRevisions {
  const listed = listRevisions(view, set);
  const revisions = listed.revisions;
  const changes = [...listed.changes];
  let collisionCount = set.status?.collisionCount ?? 0;
  const wanted = newRevision(set, nextRevision(revisions), collisionCount);
  const equal = revisions.filter((r) => equalRevision(r, wanted));
  let update: ControllerRevision;
  if (equal.length > 0 && equalRevision(revisions[revisions.length - 1], equal[equal.length - 1])) {
    update = revisions[revisions.length - 1];
  } else if (equal.length > 0) {
    update = { ...equal[equal.length - 1], revision: wanted.revision }; // UpdateControllerRevision
    changes.push({ verb: 'update', object: update });
  } else {
    // CreateControllerRevision: the name is rehashed on each collision; the hash label keeps the first hash.
    const ns = set.metadata.namespace ?? '';
    for (;;) {
      const name = controllerRevisionName(set.metadata.name, templateRevisionHash(set.spec.template, collisionCount));
      const exists = view.get<ControllerRevision>('ControllerRevision', ns, name);
      if (exists === undefined) {
        update = { ...wanted, metadata: { ...wanted.metadata, name } };
        changes.push({ verb: 'create', object: update });
        break;
      }
      if (revisionRaw(exists) === revisionRaw(wanted)) { update = exists; break; }
      collisionCount++;
    }
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, revisions, changes };
}

/** ApplyRevision: the Pod template of the set at a revision (the set's own when the data holds none). */
export function templateAt(set: StatefulSet, revision: ControllerRevision): PodTemplateSpec {
  return templateOfRevision(revision) ?? set.spec.template;
}

/**
 * truncateHistory: the revisions that are neither current, update, nor any Pod's are history;
 * the oldest of them go until revisionHistoryLimit remain.
 */
export function truncateHistory(set: StatefulSet, pods: readonly Pod[], r: StatefulSetRevisions): Change[] {
  const live = new Set<string>([r.current.metadata.name, r.update.metadata.name]);
  for (const p of pods) live.add(p.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '');
  const history = r.revisions.filter((h) => !live.has(h.metadata.name));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  if (history.length <= limit) return [];
  const ns = set.metadata.namespace ?? '';
  return history.slice(0, history.length - limit).map((h): Change => ({
    verb: 'delete', ref: { kind: 'ControllerRevision', namespace: ns, name: h.metadata.name }, reason: `statefulset ${ns}/${set.metadata.name}: revisionHistoryLimit`,
  }));
}
