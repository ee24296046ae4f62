import type { KubeObject, Pod } from '../../api/types';
import type { Change, Cluster } from '../../engine/types';
import { advanceUntil } from '../../index';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, int, list, str } from '../flags';
import { kindPrefix, selectObjects, type ResourceType, type Visit } from '../resources';
import { deleteEach } from './delete-result';
import { dryRunOf, dryRunSuffix, type DryRun } from './common';
import { parseDuration } from '../duration';

// kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete): cascading by default (background),
// --cascade=foreground|orphan, --grace-period, --force, and --wait (the default): kubectl returns
// once the objects are gone, so virtual time passes while Pods terminate.

/** How long `--wait` lets virtual time pass beyond the longest grace period before giving up. */
const WAIT_SLACK_MS = 60_000;

export const del: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    F.filename, F.selector, F.allNamespaces, F.all, F.dryRun, F.recursive,
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'cascade', kind: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'grace-period', kind: 'int', default: -1 },
    { name: 'force', kind: 'bool' },
    { name: 'now', kind: 'bool' },
    { name: 'wait', kind: 'bool', default: true },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'field-selector', kind: 'string' },
    { name: 'timeout', kind: 'string', default: '0s' },
  ],
  run: runDelete,
};

function runDelete(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const o = new Output();
  const cascade = cascadeOf(str(args, 'cascade') ?? 'background');
  if ('error' in cascade) return failure(ctx.cluster, cascade.error);
  if (cascade.warning) o.err(cascade.warning);
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  if (dry.warning) o.err(dry.warning);
  const timeoutText = str(args, 'timeout') ?? '0s';
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined) return failure(ctx.cluster, `${o.stderr}error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);

  // delete.go Complete: --now is grace 1; grace 0 without --force becomes 1; --force alone is 0.
  let grace = int(args, 'grace-period') ?? -1;
  if (bool(args, 'now')) grace = 1;
  const force = bool(args, 'force');
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace === 0) o.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');

  const positional = args.positional;
  const all = bool(args, 'all');
  const selector = str(args, 'selector');
  const fieldSelector = str(args, 'field-selector');
  if (positional.length === 1 && !positional[0].includes('/') && selector === undefined && fieldSelector === undefined && !all && list(args, 'filename').length === 0) {
    return failure(ctx.cluster, `${o.stderr}error: resource(s) were provided, but no name was specified`);
  }
  const sel = selectObjects(ctx.cluster, positional, { namespace: ctx.namespace, allNamespaces: bool(args, 'all-namespaces') }, {
    selector, fieldSelector, all, filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(ctx.cluster, o.stderr + sel);
  for (const w of sel.warnings) o.err(w);

  const visits: readonly Visit[] = sel.visits ?? sel.found.flatMap((f) => f.objects.map((obj) => ({ type: f.type, obj })));
  const changeOf = (obj: KubeObject): Change => ({
    verb: 'delete',
    ref: { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name },
    reason: 'kubectl delete',
    ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
    propagation: cascade.propagation,
  });

  // delete.go DeleteResult: each object on its own; --ignore-not-found filters NotFound out (r.IgnoreErrors).
  const sent = deleteEach(ctx.cluster, visits, changeOf, dry.dryRun === 'none');
  let cluster = sent.cluster;
  const ignoreNotFound = bool(args, 'ignore-not-found');
  const errors: string[] = [];
  const deleted: { type: ResourceType; obj: KubeObject }[] = [];
  for (const outcome of sent.outcomes) {
    if ('error' in outcome) {
      if (!(ignoreNotFound && outcome.error.startsWith('Error from server (NotFound): '))) errors.push(outcome.error);
      continue;
    }
    const { type, obj } = outcome.target;
    deleted.push(outcome.target);
    if (str(args, 'output') === 'name') o.out(`${kindPrefix(type)}/${obj.metadata.name}`);
    else o.out(deletedLine(ctx.cluster, type, obj, force && grace === 0 ? 'force deleted' : 'deleted', dry.dryRun));
  }
  for (const e of errors) o.fail(e);
  // `found` counts every object visited, those not found too: no "No resources found" for them.
  if (errors.length === 0 && visits.length === 0) o.out('No resources found');

  // The visit's error returns before the wait: kubectl does not wait after an error.
  if (errors.length === 0 && dry.dryRun === 'none' && bool(args, 'wait') && deleted.length > 0) {
    const waited = waitUntilGone(cluster, deleted, timeoutMs);
    cluster = waited.cluster;
    if (waited.error !== undefined) o.fail(waited.error);
  }
  return o.result(cluster);
}

type Deleted = { readonly type: ResourceType; readonly obj: KubeObject };

/**
 * delete --wait: lets virtual time pass until every deleted object is gone. With --timeout, RunWait's
 * one deadline for all of them; at it, IsDeleted's error names the first object still there
 * (`timed out waiting for the condition on pods/web`). Without (0s, kubectl: a week), the wait is
 * bounded by the longest grace period plus a minute, and says nothing when it gives up.
 */
function waitUntilGone(cluster: Cluster, objects: readonly Deleted[], timeoutMs: number): { cluster: Cluster; error?: string } {
  const isGone = (c: { getByKey: Cluster['store']['getByKey'] }, obj: KubeObject) => {
    const now = c.getByKey(`${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`);
    return now === undefined || now.metadata.uid !== obj.metadata.uid;
  };
  const gone = (c: { getByKey: Cluster['store']['getByKey'] }) => objects.every((d) => isGone(c, d.obj));
  if (gone(cluster.store)) return { cluster };
  if (timeoutMs > 0) {
    const r = advanceUntil(cluster, timeoutMs, (view) => gone(view));
    const left = objects.find((d) => !isGone(r.cluster.store, d.obj));
    return left === undefined ? { cluster: r.cluster } : { cluster: r.cluster, error: `error: timed out waiting for the condition on ${left.type.plural}/${left.obj.metadata.name}` };
  }
  const longestGraceMs = Math.max(0, ...objects.map(({ obj }) => (obj.kind === 'Pod' ? ((obj as Pod).spec.terminationGracePeriodSeconds ?? 30) * 1000 : 0)));
  return { cluster: advanceUntil(cluster, longestGraceMs + WAIT_SLACK_MS, (view) => gone(view)).cluster };
}

/** GetCascadingStrategy. */
function cascadeOf(v: string): { propagation: 'Background' | 'Foreground' | 'Orphan'; warning?: string } | { error: string } {
  switch (v) {
    case 'background': return { propagation: 'Background' };
    case 'foreground': return { propagation: 'Foreground' };
    case 'orphan': return { propagation: 'Orphan' };
    case 'true': return { propagation: 'Background', warning: 'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.' };
    case 'false': return { propagation: 'Orphan', warning: 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.' };
    default: return { error: `error: invalid cascade value (${v}). Must be "background", "foreground", or "orphan".` };
  }
}

/**
 * DeleteOptions.PrintObj: `pod "web" deleted`; kubectl v1.34 (#126619) names the namespace of a
 * namespaced object before the dry-run note: `pod "web" deleted from default namespace (dry run)`.
 */
export function deletedLine(cluster: Cluster, type: ResourceType, obj: KubeObject, operation: string, dryRun: DryRun): string {
  const minor = Number(cluster.config.kubernetesVersion.split('.')[1]);
  const where = type.namespaced && !(minor < 34) ? ` from ${obj.metadata.namespace ?? 'default'} namespace` : '';
  return `${kindPrefix(type)} "${obj.metadata.name}" ${operation}${where}${dryRunSuffix(dryRun)}`;
}
