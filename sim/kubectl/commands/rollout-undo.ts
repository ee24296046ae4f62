import type { Deployment, KubeObject, ReplicaSet } from '../../api/types';
import { Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { int, str } from '../flags';
import { PrefixWriter, describePodTemplate } from '../describe/writer';
import { dryRunOf, dryRunSuffix } from './common';
import { notImplemented, revisionOf, revisionedReplicaSets, targets, write } from './rollout-common';
import { rollbackSet } from './rollout-revisions';

// kubectl rollout undo (cmd/rollout/rollout_undo.go, polymorphichelpers/rollback.go
// DeploymentRollbacker.Rollback): client side, it copies the Pod template of the ReplicaSet with the
// wanted revision (0 = the previous one) back into the Deployment; the controller then re-adopts
// that ReplicaSet under a new, highest revision. DaemonSets and StatefulSets are patched with a
// ControllerRevision's template (./rollout-revisions.ts); their controllers renumber that revision.

export const rolloutUndo: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: [
    { name: 'filename', short: 'f', kind: 'stringArray' }, { name: 'selector', short: 'l', kind: 'string' },
    { name: 'to-revision', kind: 'int', default: 0 }, { name: 'dry-run', kind: 'string', default: 'none', noOptDefVal: 'unchanged' },
    { name: 'output', short: 'o', kind: 'string' }, { name: 'recursive', short: 'R', kind: 'bool' },
  ],
  run: runUndo,
};

const POD_TEMPLATE_HASH = 'pod-template-hash';

/** annotationsToSkip: kept from the Deployment, never copied from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision', 'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to',
]);

/** deploymentRevision: the ReplicaSet of revision `to`, or for 0 the second-highest revision. */
export function deploymentRevision(rss: readonly ReplicaSet[], d: Deployment, to: number): ReplicaSet | { error: string } {
  let latest: ReplicaSet | undefined;
  let latestRev = -1;
  let previous: ReplicaSet | undefined;
  let previousRev = -1;
  for (const rs of rss) {
    const v = revisionOf(rs)!;
    if (to === 0) {
      if (latestRev < v) { previousRev = latestRev; previous = latest; latestRev = v; latest = rs; }
      else if (previousRev < v) { previousRev = v; previous = rs; }
    } else if (to === v) return rs;
  }
  if (to > 0) return { error: `error: unable to find specified revision ${to} in history` };
  if (previous === undefined) return { error: `error: no rollout history found for deployment "${d.metadata.name}"` };
  return previous;
}

function isError(x: ReplicaSet | { error: string }): x is { error: string } {
  return (x as { kind?: string }).kind !== 'ReplicaSet';
}

/** equalIgnoreHash (apiequality.Semantic.DeepEqual of the templates minus the hash label). */
function withoutHash(t: ReplicaSet['spec']['template']): ReplicaSet['spec']['template'] {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

/** Rollback: the patched Deployment, a "skipped" message, or an error. */
export function rollback(d: Deployment, rss: readonly ReplicaSet[], to: number): { deployment: Deployment } | { skipped: string } | { error: string } {
  if (to < 0) return { error: `error: unable to find specified revision ${to} in history` };
  const rs = deploymentRevision(rss, d, to);
  if (isError(rs)) return rs;
  if (d.spec.paused) return { error: `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again` };
  const template = withoutHash(rs.spec.template);
  if (canonical(template) === canonical(withoutHash(d.spec.template))) return { skipped: `skipped rollback (current template already matches revision ${to})` };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  return { deployment: { ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec, template } } };
}

function runUndo(ctx: CommandContext): KubectlResult {
  const dry = dryRunOf(ctx.args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  const found = targets(ctx);
  if ('error' in found) return failure(ctx.cluster, found.error);
  const o = new Output();
  if (dry.warning) o.err(dry.warning);
  for (const e of found.errors) o.fail(e);
  const to = int(ctx.args, 'to-revision') ?? 0;
  let cluster = ctx.cluster;
  for (const t of found.targets) {
    const short = str(ctx.args, 'output') === 'name'; // -o name: the name printer's short output
    if (t.object.kind === 'DaemonSet' || t.object.kind === 'StatefulSet') {
      const r = rollbackSet(cluster, t.object, to, dry.dryRun === 'client');
      if ('error' in r) { o.fail(r.error); continue; }
      // The name printer's operation is the rollbacker's result, with the dry-run suffix whatever it is.
      const result = 'dryRun' in r ? r.dryRun : 'skipped' in r ? r.skipped : 'rolled back';
      if ('updated' in r && dry.dryRun === 'none') {
        const w = write(cluster, [{ verb: 'update', object: r.updated }]);
        if ('error' in w) { o.fail(`error: failed restoring revision ${to}: ${w.error}`); continue; }
        cluster = w.cluster;
      }
      o.out(short ? t.display : `${t.display} ${result}${dryRunSuffix(dry.dryRun)}`);
      continue;
    }
    if (t.object.kind !== 'Deployment') { o.fail(notImplemented('rollbacker', t.object.kind)); continue; }
    const d = t.object as Deployment;
    const rss = revisionedReplicaSets(cluster, d);
    if (dry.dryRun === 'client') {
      const rs = to < 0 ? { error: `error: unable to find specified revision ${to} in history` } : deploymentRevision(rss, d, to);
      if (isError(rs)) { o.fail(rs.error); continue; }
      const w = new PrefixWriter();
      describePodTemplate(w, rs.spec.template);
      o.out(`${t.display} ${w.toString()}${dryRunSuffix(dry.dryRun)}`);
      continue;
    }
    const r = rollback(d, rss, to);
    if ('error' in r) { o.fail(String(r.error)); continue; }
    if ('skipped' in r) { o.out(short ? t.display : `${t.display} ${r.skipped}`); continue; }
    if (dry.dryRun === 'none') {
      const w = write(cluster, [{ verb: 'update', object: r.deployment as KubeObject }]);
      if ('error' in w) { o.fail(`error: failed restoring revision ${to}: ${w.error}`); continue; }
      cluster = w.cluster;
    }
    o.out(short ? t.display : `${t.display} rolled back${dryRunSuffix(dry.dryRun)}`);
  }
  return o.result(cluster);
}
