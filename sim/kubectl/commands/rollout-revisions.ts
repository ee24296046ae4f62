import type { ControllerRevision, KubeObject, LabelSelector, PodTemplateSpec } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { tabwrite, DESCRIBE_TABWRITER } from '../tabwriter';
import { PrefixWriter, describePodTemplate } from '../describe/writer';
import { isControlledBy } from '../../controllers/util/owner';
import { matchesTemplate, revisionNumber, templateOfRevision } from '../../controllers/history/controller-history';
import { CHANGE_CAUSE } from './common';

// kubectl's history and rollback for DaemonSets and StatefulSets (polymorphichelpers/history.go
// DaemonSetHistoryViewer / StatefulSetHistoryViewer and printHistory; rollback.go
// DaemonSetRollbacker / StatefulSetRollbacker and findHistory): both read the ControllerRevisions
// the object controls; undo patches the object with the chosen revision's data.

interface SetLike extends KubeObject {
  readonly spec: { readonly selector: LabelSelector; readonly template: PodTemplateSpec };
}

/** controlledHistory: the revisions selected by the object's selector and controlled by it, in the API's (name) order. */
export function controlledHistory(cluster: Cluster, obj: KubeObject): ControllerRevision[] {
  const set = obj as SetLike;
  return cluster.store.select<ControllerRevision>('ControllerRevision', obj.metadata.namespace ?? '', set.spec.selector)
    .filter((cr) => isControlledBy(cr, obj))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** applyDaemonSetHistory / applyRevision: the Pod template the revision restores. */
function templateOf(obj: KubeObject, cr: ControllerRevision): PodTemplateSpec {
  return templateOfRevision(cr) ?? (obj as SetLike).spec.template;
}

function printTemplate(template: PodTemplateSpec): string {
  const w = new PrefixWriter();
  describePodTemplate(w, template);
  return w.toString();
}

/**
 * printHistory: the REVISION / CHANGE-CAUSE table (change-cause from each revision's annotations),
 * or with a revision number that revision's Pod template.
 */
export function viewSetHistory(cluster: Cluster, obj: KubeObject, revision: number): { text: string } | { error: string } {
  const info = new Map<number, ControllerRevision>();
  for (const cr of controlledHistory(cluster, obj)) info.set(revisionNumber(cr), cr); // later revisions of one number win, as in the map kubectl fills
  if (info.size === 0) return { text: 'No rollout history found.' };
  if (revision > 0) {
    const cr = info.get(revision);
    if (cr === undefined) return { error: 'error: unable to find the specified revision' };
    return { text: printTemplate(templateOf(obj, cr)) };
  }
  const rows = [...info.keys()].sort((a, b) => a - b).map((r) => `${r}\t${info.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  return { text: tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER) };
}

/** findHistory: the revision numbered `to`, or for 0 the second-highest. */
function findHistory(to: number, all: readonly ControllerRevision[]): ControllerRevision | undefined {
  if (to === 0) {
    if (all.length <= 1) return undefined;
    return [...all].sort((a, b) => revisionNumber(a) - revisionNumber(b))[all.length - 2];
  }
  return all.find((h) => revisionNumber(h) === to);
}

export type SetRollback =
  | { readonly updated: KubeObject }
  | { readonly skipped: string }
  | { readonly dryRun: string }
  | { readonly error: string };

/**
 * DaemonSetRollbacker.Rollback / StatefulSetRollbacker.Rollback: the object with the revision's
 * template (the strategic merge patch replaces spec.template whole), "skipped rollback" when the
 * template already is that revision's, the template it would restore on a client dry run, or kubectl's error.
 */
export function rollbackSet(cluster: Cluster, obj: KubeObject, to: number, clientDryRun: boolean): SetRollback {
  const notFound = { error: `error: unable to find specified revision ${to} in history` };
  if (to < 0) return notFound;
  const history = controlledHistory(cluster, obj);
  if (to === 0 && history.length <= 1) return { error: 'error: no last revision to roll back to' };
  const toHistory = findHistory(to, history);
  if (toHistory === undefined) return notFound;
  const template = templateOf(obj, toHistory);
  if (clientDryRun) return { dryRun: `will roll back to ${printTemplate(template)}` };
  const set = obj as SetLike;
  if (matchesTemplate(set.spec.template, toHistory)) return { skipped: `skipped rollback (current template already matches revision ${to})` };
  return { updated: { ...obj, spec: { ...set.spec, template } } };
}
