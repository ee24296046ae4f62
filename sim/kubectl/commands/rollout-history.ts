import type { Deployment, PodTemplateSpec } from '../../api/types';
import { Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { int } from '../flags';
import { tabwrite, DESCRIBE_TABWRITER } from '../tabwriter';
import { PrefixWriter, describePodTemplate } from '../describe/writer';
import { CHANGE_CAUSE } from './common';
import { notImplemented, revisionOf, revisionedReplicaSets, targets } from './rollout-common';
import { viewSetHistory } from './rollout-revisions';

// kubectl rollout history (cmd/rollout/rollout_history.go, polymorphichelpers/history.go
// DeploymentHistoryViewer.ViewHistory): one row per ReplicaSet revision with its change-cause, or
// with --revision=N that revision's Pod template (its change-cause shown as a template annotation);
// DaemonSets and StatefulSets read their ControllerRevisions (./rollout-revisions.ts).

export const rolloutHistory: Command = {
  name: 'history',
  short: 'View rollout history',
  flags: [
    { name: 'filename', short: 'f', kind: 'stringArray' }, { name: 'selector', short: 'l', kind: 'string' },
    { name: 'revision', kind: 'int', default: 0 }, { name: 'output', short: 'o', kind: 'string' }, { name: 'recursive', short: 'R', kind: 'bool' },
  ],
  run: runHistory,
};

/** ViewHistory: the text after the name line, or an error. */
export function viewHistory(ctx: CommandContext, d: Deployment, revision: number): { text: string } | { error: string } {
  const info = new Map<number, PodTemplateSpec>();
  for (const rs of revisionedReplicaSets(ctx.cluster, d)) {
    const template = rs.spec.template;
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    const annotations = { ...(template.metadata?.annotations ?? {}), ...(cause ? { [CHANGE_CAUSE]: cause } : {}) };
    info.set(revisionOf(rs)!, { ...template, metadata: { ...(template.metadata ?? {}), annotations } });
  }
  if (info.size === 0) return { text: 'No rollout history found.' };
  if (revision > 0) {
    const template = info.get(revision);
    if (template === undefined) return { error: 'error: unable to find the specified revision' };
    const w = new PrefixWriter();
    describePodTemplate(w, template);
    return { text: w.toString() };
  }
  const rows = [...info.keys()].sort((a, b) => a - b).map((r) => `${r}\t${info.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  return { text: tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER) };
}

function runHistory(ctx: CommandContext): KubectlResult {
  const found = targets(ctx);
  if ('error' in found) return failure(ctx.cluster, found.error);
  const o = new Output();
  for (const e of found.errors) o.fail(e);
  const revision = int(ctx.args, 'revision') ?? 0;
  for (const t of found.targets) {
    const kind = t.object.kind;
    if (kind !== 'Deployment' && kind !== 'DaemonSet' && kind !== 'StatefulSet') { o.fail(notImplemented('history viewer', kind)); continue; }
    const h = kind === 'Deployment' ? viewHistory(ctx, t.object as Deployment, revision) : viewSetHistory(ctx.cluster, t.object, revision);
    if ('error' in h) { o.fail(h.error); continue; }
    // The name printer's line, its operation being "<with revision #N, or empty>\n<history text>":
    // the printer's own newline follows the text's, so a table or template ends in a blank line.
    o.out(`${t.display} ${revision > 0 ? `with revision #${revision}` : ''}\n${h.text}\n`);
  }
  return o.result(ctx.cluster);
}
