import type { Condition, Node, Pod } from '../../api/types';
import type { Change, Cluster, ClusterView } from '../../engine/types';
import { isoAt } from '../../engine/transaction';
import { advanceUntil, submit, viewOf } from '../../index';
import { matchesQuery, parseLabelQuery, type Requirement } from '../../store/label-query';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { parseDuration } from '../duration';
import { bool, int, str } from '../flags';
import { completeNodes, cordonOrUncordon } from './cordon';
import { deleteErrors, deleteWarnings, filterPods, makeFilters, podsToDelete, type DrainOptions } from './drain-filters';
import { goDuration } from './top';

// kubectl drain (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain, pkg/drain/drain.go
// Helper): cordon the nodes, then for each node list its Pods (GetPodsForDeletion, through the
// filters of drain-filters.ts), evict them through the Eviction API (policy/v1) and wait until
// they are gone, while virtual time passes. PodDisruptionBudgets are not simulated: every
// eviction is allowed at once (the API server would answer 429 while a budget forbids it, and
// kubectl would retry every 5 s). `--disable-eviction` deletes instead.

/** How long drain lets virtual time pass beyond the longest grace period when --timeout is 0 (infinite). */
const WAIT_SLACK_MS = 10 * 60_000;

export const drain: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  flags: [
    F.selector, F.dryRun,
    { name: 'force', kind: 'bool' },
    { name: 'ignore-daemonsets', kind: 'bool' },
    { name: 'delete-emptydir-data', kind: 'bool' },
    { name: 'delete-local-data', kind: 'bool' },
    { name: 'grace-period', kind: 'int', default: -1 },
    { name: 'timeout', kind: 'string', default: '0s' },
    { name: 'pod-selector', kind: 'string' },
    { name: 'disable-eviction', kind: 'bool' },
    { name: 'skip-wait-for-delete-timeout', kind: 'int', default: 0 },
    { name: 'chunk-size', kind: 'int', default: 500 },
  ],
  run: runDrain,
};

function runDrain(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const o = new Output();
  if (bool(args, 'delete-local-data')) o.err('Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.');
  const timeoutText = str(args, 'timeout') ?? '0s';
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined) return failure(ctx.cluster, `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\nSee 'kubectl drain --help' for usage.`);
  const completed = completeNodes(ctx, 'drain');
  if ('error' in completed) return failure(ctx.cluster, o.stderr + completed.error);
  let podSelector: readonly Requirement[] = [];
  const podSelectorText = str(args, 'pod-selector') ?? '';
  if (podSelectorText !== '') {
    const q = parseLabelQuery(podSelectorText);
    if ('error' in q) return failure(ctx.cluster, 'error: --pod-selector=<pod_selector> must be a valid label selector');
    podSelector = q.requirements;
  }
  if (completed.warning) o.err(completed.warning);
  const helper: Helper = {
    options: { force: bool(args, 'force'), ignoreAllDaemonSets: bool(args, 'ignore-daemonsets'), deleteEmptyDirData: bool(args, 'delete-emptydir-data') || bool(args, 'delete-local-data') },
    podSelector,
    gracePeriodSeconds: int(args, 'grace-period') ?? -1,
    timeoutMs,
    disableEviction: bool(args, 'disable-eviction'),
    dryRun: completed.dryRun,
  };

  // RunDrain: cordon first, then drain node by node; a node that fails is reported and the rest go on.
  let cluster = cordonOrUncordon(ctx.cluster, completed.nodes, true, completed.dryRun, o);
  const fatal: string[][] = [];
  const remaining: string[] = [];
  const suffix = completed.dryRun === 'client' ? ' (dry run)' : completed.dryRun === 'server' ? ' (server dry run)' : '';
  for (const node of completed.nodes) {
    const result = deleteOrEvictPodsSimple(cluster, node, helper, o);
    cluster = result.cluster;
    if (result.errors.length === 0) {
      o.out(`node/${node.metadata.name} drained${suffix}`);
      continue;
    }
    o.err(`error: unable to drain node "${node.metadata.name}" due to error: ${aggregate(result.errors)}, continuing command...`);
    fatal.push(result.errors);
    remaining.push(node.metadata.name);
  }
  if (remaining.length > 0) {
    o.err('There are pending nodes to be drained:');
    for (const name of remaining) o.err(` ${name}`);
    // cmdutil.CheckErr of the aggregate: one message a line, without "error: ".
    const lines = fatal.length === 1 ? fatal[0] : fatal.map(aggregate);
    for (const line of lines) o.fail(line);
  }
  return o.result(cluster);
}

/** utilerrors aggregate's Error(): one message as it is, several as `[a, b]`. */
const aggregate = (errs: readonly string[]): string => (errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);

interface Helper {
  readonly options: DrainOptions;
  readonly podSelector: readonly Requirement[];
  readonly gracePeriodSeconds: number;
  readonly timeoutMs: number;
  readonly disableEviction: boolean;
  readonly dryRun: 'none' | 'client' | 'server';
}

/** GetPodsForDeletion: the node's Pods (listed as the API lists them, by namespace and name) through the filters. */
export function podsForDeletion(view: ClusterView, nodeName: string, options: DrainOptions, podSelector: readonly Requirement[]) {
  const pods = [...view.podsOnNode(nodeName)]
    .filter((p) => podSelector.length === 0 || matchesQuery(p.metadata.labels, podSelector))
    .sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
  const filters = makeFilters(options, (ns, name) => view.get('DaemonSet', ns, name) !== undefined);
  return filterPods(pods, filters);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** deleteOrEvictPodsSimple: the node's errors (empty when drained) and the cluster after the evictions. */
function deleteOrEvictPodsSimple(cluster: Cluster, node: Node, h: Helper, o: Output): { cluster: Cluster; errors: string[] } {
  const name = node.metadata.name;
  const list = podsForDeletion(viewOf(cluster), name, h.options, h.podSelector);
  const errors = deleteErrors(list);
  if (errors.length > 0) return { cluster, errors };
  const warnings = deleteWarnings(list);
  if (warnings !== '') o.err(`Warning: ${warnings}`);
  const pods = podsToDelete(list);
  if (h.dryRun === 'client') {
    for (const p of pods) o.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)`);
    return { cluster, errors: [] };
  }
  if (pods.length === 0) return { cluster, errors: [] };
  const usingEviction = !h.disableEviction;
  if (h.dryRun === 'server') {
    // evictPods under --dry-run=server: the request is checked and nothing waits; deletePods has no line.
    if (usingEviction) for (const p of pods) o.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (server dry run)`);
    return { cluster, errors: [] };
  }
  if (usingEviction) for (const p of pods) o.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}`);
  const submitted = submit(cluster, pods.flatMap((p) => evictionChanges(cluster, p, h, usingEviction)), 'kubectl drain');
  if (submitted.errors.length > 0) return { cluster, errors: [...submitted.errors] };
  return waitForDelete(submitted.cluster, pods, h, usingEviction, o, name);
}

/**
 * The Eviction API (pkg/registry/core/pod/storage/eviction.go addConditionAndDeletePod): the Pod gets
 * DisruptionTarget=True (EvictionByEvictionAPI), then is deleted with the eviction's grace period.
 * With --disable-eviction, a plain DELETE. A Pod already terminating is only waited for.
 */
function evictionChanges(cluster: Cluster, pod: Pod, h: Helper, usingEviction: boolean): Change[] {
  if (pod.metadata.deletionTimestamp !== undefined) return [];
  const ref = { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
  const changes: Change[] = [];
  const conditions = pod.status?.conditions ?? [];
  if (usingEviction && !conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) {
    const disruption: Condition = {
      type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting',
      lastProbeTime: null, lastTransitionTime: isoAt(cluster.config.epochMs, cluster.nowMs),
    };
    changes.push({ verb: 'status', object: { ...pod, status: { ...pod.status, conditions: [...conditions, disruption] } } });
  }
  changes.push({ verb: 'delete', ref, reason: usingEviction ? 'Eviction' : 'kubectl drain', ...(h.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: h.gracePeriodSeconds } : {}) });
  return changes;
}

/**
 * waitForDelete: virtual time passes until each Pod is gone (or replaced by one with another uid),
 * printing `pod/x evicted` (or `deleted`) as each goes. --timeout bounds the wait, as kubectl's
 * global timeout does; with no timeout kubectl would wait forever, so kubespec stops after the
 * longest grace period plus 10 minutes and says so.
 */
function waitForDelete(cluster: Cluster, pods: readonly Pod[], h: Helper, usingEviction: boolean, o: Output, nodeName: string): { cluster: Cluster; errors: string[] } {
  const gone = (view: ClusterView, p: Pod): boolean => {
    const now = view.get<Pod>('Pod', p.metadata.namespace ?? '', p.metadata.name);
    return now === undefined || now.metadata.uid !== p.metadata.uid;
  };
  const longestGraceMs = Math.max(0, ...pods.map((p) => (h.gracePeriodSeconds >= 0 ? h.gracePeriodSeconds : p.spec.terminationGracePeriodSeconds ?? 30) * 1000));
  const limitMs = h.timeoutMs > 0 ? h.timeoutMs : longestGraceMs + WAIT_SLACK_MS;
  const deadlineMs = cluster.nowMs + limitMs;
  let pending = [...pods];
  const verb = usingEviction ? 'evicted' : 'deleted';
  for (;;) {
    const view = viewOf(cluster);
    const done = pending.filter((p) => gone(view, p));
    for (const p of done) o.out(`pod/${p.metadata.name} ${verb}`);
    pending = pending.filter((p) => !done.includes(p));
    if (pending.length === 0 || cluster.nowMs >= deadlineMs) break;
    cluster = advanceUntil(cluster, deadlineMs - cluster.nowMs, (v) => pending.some((p) => gone(v, p))).cluster;
  }
  if (pending.length === 0) return { cluster, errors: [] };
  if (h.timeoutMs === 0) {
    o.err(`kubespec: drain stopped waiting after ${goDuration(limitMs)} of virtual time (kubectl would wait forever); still terminating: ${pending.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
  }
  const timeout = `global timeout reached: ${goDuration(limitMs)}`;
  const errors = pending.map((p) => (usingEviction
    ? `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: ${timeout}`
    : timeout));
  // deleteOrEvictPodsSimple: the Pods still there when the error occurred.
  o.err(`There are pending pods in node "${nodeName}" when an error occurred: ${aggregate(usingEviction ? errors : [timeout])}`);
  for (const p of pending) o.err(`pod/${p.metadata.name}`);
  return { cluster, errors: usingEviction ? errors : [timeout] };
}
