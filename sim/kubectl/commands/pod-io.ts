import type { KubeObject, Pod } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { podLogs, type LogsOptions } from '../../runtime/logs';
import { goDuration, logsRequest } from './logs-options';
import { execInPod } from '../../runtime/exec';
import { isBareShell } from '../../runtime/process';
import { F, Output, failure, resultOf, type Attachment, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, int, str } from '../flags';
import { advanceUntil } from '../../index';
import { isPodReady, maxContainerRestarts, podReadyCondition } from '../../controllers/util/pod';
import { notFound, resolveTypes, selectObjects } from '../resources';
import { followLogs, type FollowedContainer } from './logs-follow';
import { requestTimeoutMs } from './watch-events';

// kubectl logs and kubectl exec: the container's output and its shell come from sim/runtime
// (logs.ts podLogs, exec.ts execInPod); kubectl resolves the Pod (also from deploy/NAME and the
// like, as kubectl picks one of its Pods) and passes -c, --previous, --tail and the command.

/** How kubectl orders a workload's Pods to pick the first (GetFirstPod's sortBy). */
export type PodOrder = (a: Pod, b: Pod) => number;

/**
 * The Pod kubectl picks among a workload's Pods named TYPE/NAME, after GetFirstPod's wait for one
 * (GetPodList: a watch for --pod-running-timeout when the selector matches no Pod yet, then
 * `timed out waiting for the condition`); a Pod named directly as it is. logs sorts ByLogging
 * (logsForObject), exec and attach sort.Reverse(ActivePods) (attachablePodForObject).
 */
export function podForObject(ctx: CommandContext, target: string, order: PodOrder, defaultTimeout: string): { cluster: Cluster; picked: { pod: Pod; among: number } } | { cluster: Cluster; error: string } {
  const { cluster, args } = ctx;
  const text = str(args, 'pod-running-timeout') ?? defaultTimeout;
  const timeoutMs = goDuration(text);
  if (timeoutMs === undefined) return { cluster, error: `error: invalid argument "${text}" for "--pod-running-timeout" flag: time: invalid duration "${text}"` };
  if (timeoutMs <= 0) return { cluster, error: 'error: --pod-running-timeout must be higher than zero' }; // GetPodRunningTimeoutFlag
  const picked = resolvePodOf(cluster, ctx.namespace, target, order);
  if (typeof picked === 'string') return { cluster, error: picked };
  if (!('noPods' in picked)) return { cluster, picked };
  const selector = picked.noPods;
  const r = advanceUntil(cluster, timeoutMs, (v) => { for (const _ of v.select('Pod', ctx.namespace, selector)) return true; return false; });
  if (!r.reached) return { cluster: r.cluster, error: 'error: timed out waiting for the condition' };
  const found = resolvePodOf(r.cluster, ctx.namespace, target, order);
  if (typeof found === 'string') return { cluster: r.cluster, error: found };
  return 'noPods' in found ? { cluster: r.cluster, error: 'error: timed out waiting for the condition' } : { cluster: r.cluster, picked: found };
}

type LabelSelector = { matchLabels?: Record<string, string> };

/** The Pod picked, how many there were to pick from; or the workload's selector when it selects no Pod yet. */
function resolvePodOf(cluster: Cluster, namespace: string, target: string, order: PodOrder): { pod: Pod; among: number } | { noPods: LabelSelector } | string {
  const one = (p: Pod | undefined, t: ReturnType<typeof resolveTypes>, name: string) => (p === undefined ? notFound(t![0], name) : { pod: p, among: 1 });
  const slash = target.indexOf('/');
  if (slash === -1) return one(cluster.store.get<Pod>('Pod', namespace, target), resolveTypes('pods'), target);
  const types = resolveTypes(target.slice(0, slash));
  const name = target.slice(slash + 1);
  if (types === undefined || types.length !== 1) return `error: the server doesn't have a resource type "${target.slice(0, slash)}"`;
  const t = types[0];
  if (t.kind === 'Pod') return one(cluster.store.get<Pod>('Pod', namespace, name), types, name);
  const owner = cluster.store.get(t.kind, namespace, name);
  if (owner === undefined) return notFound(t, name);
  const selector = selectorFor(owner);
  if (typeof selector === 'string') return `error: ${order === byLogging ? 'cannot get the logs from' : 'cannot attach to'} ${goType(owner)}: ${selector}`;
  // The API server lists by name; sort.Sort's insertion sort (up to 12 Pods) keeps that order on ties.
  const pods = [...cluster.store.select<Pod>('Pod', namespace, selector)].sort((a, b) => cmp(a.metadata.name, b.metadata.name)).sort(order);
  if (pods.length === 0) return { noPods: selector };
  return { pod: pods[0], among: pods.length };
}

/** polymorphichelpers.SelectorsForObject: the workload's Pod selector, or why it has none. */
function selectorFor(owner: KubeObject): LabelSelector | string {
  const spec = owner.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  switch (owner.kind) {
    case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Deployment': case 'Job':
      return (spec?.selector as LabelSelector | undefined) ?? {};
    case 'ReplicationController':
      return { matchLabels: (spec?.selector as Record<string, string> | undefined) ?? {} };
    case 'Service': {
      const sel = spec?.selector as Record<string, string> | undefined;
      if (sel === undefined || Object.keys(sel).length === 0) return `invalid service '${owner.metadata.name}': Service is defined without a selector`;
      return { matchLabels: sel };
    }
    default: return `selector for ${goType(owner)} not implemented`;
  }
}

/** Go's %T of the typed object the builder decodes, e.g. *v1.Deployment. */
function goType(obj: KubeObject): string {
  return `*${obj.apiVersion.split('/').at(-1)}.${obj.kind}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Read only when both Pods are ready: the Ready condition's last transition.
const readyTime = (p: Pod): string => podReadyCondition(p)?.lastTransitionTime ?? '';
/** afterOrZero: t1 after t2, a zero (empty) time counting as after any other. */
const afterOrZero = (t1: string, t2: string): boolean => (t1 === '' || t2 === '' ? t1 === '' : Date.parse(t1) > Date.parse(t2));
const assignedDiffers = (a: Pod, b: Pod): boolean => (a.spec.nodeName ?? '') !== (b.spec.nodeName ?? '') && (!a.spec.nodeName || !b.spec.nodeName);

/** podutils.ByLogging: assigned, Running < Unknown < Pending (other phases rank as Running, a Go map miss), ready, ready longest, most restarts, oldest. */
export function byLogging(a: Pod, b: Pod): number {
  const less = (i: Pod, j: Pod): boolean => {
    if (assignedDiffers(i, j)) return !!i.spec.nodeName;
    const m: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
    const pi = m[i.status?.phase ?? ''] ?? 0;
    const pj = m[j.status?.phase ?? ''] ?? 0;
    if (pi !== pj) return pi < pj;
    if (isPodReady(i) !== isPodReady(j)) return isPodReady(i);
    if (isPodReady(i) && isPodReady(j) && readyTime(i) !== readyTime(j)) return afterOrZero(readyTime(j), readyTime(i));
    if (maxContainerRestarts(i) !== maxContainerRestarts(j)) return maxContainerRestarts(i) > maxContainerRestarts(j);
    if (i.metadata.creationTimestamp !== j.metadata.creationTimestamp) return afterOrZero(j.metadata.creationTimestamp, i.metadata.creationTimestamp);
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** podutils.ActivePods: unassigned, Pending (and other phases) < Unknown < Running, not ready, ready latest, most restarts, newest. */
function activePodsLess(i: Pod, j: Pod): boolean {
  if (assignedDiffers(i, j)) return !i.spec.nodeName;
  const m: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pi = m[i.status?.phase ?? ''] ?? 0;
  const pj = m[j.status?.phase ?? ''] ?? 0;
  if (pi !== pj) return pi < pj;
  if (isPodReady(i) !== isPodReady(j)) return !isPodReady(i);
  if (isPodReady(i) && isPodReady(j) && readyTime(i) !== readyTime(j)) return afterOrZero(readyTime(i), readyTime(j));
  if (maxContainerRestarts(i) !== maxContainerRestarts(j)) return maxContainerRestarts(i) > maxContainerRestarts(j);
  if (i.metadata.creationTimestamp !== j.metadata.creationTimestamp) return afterOrZero(i.metadata.creationTimestamp, j.metadata.creationTimestamp);
  return false;
}

/** sort.Reverse(podutils.ActivePods), attachablePodForObject's order: the most active Pod first. */
export function mostActiveFirst(a: Pod, b: Pod): number {
  return activePodsLess(b, a) ? -1 : activePodsLess(a, b) ? 1 : 0;
}

export const logs: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: [
    F.container, F.selector,
    { name: 'previous', short: 'p', kind: 'bool' },
    // --follow lets virtual time pass while the followed containers run (logs-follow.ts).
    { name: 'follow', short: 'f', kind: 'bool' },
    { name: 'tail', kind: 'int', default: -1 },
    { name: 'timestamps', kind: 'bool' },
    { name: 'since', kind: 'string', default: '0s' },
    { name: 'since-time', kind: 'string', default: '' },
    { name: 'limit-bytes', kind: 'int', default: 0 },
    { name: 'all-containers', kind: 'bool' },
    { name: 'prefix', kind: 'bool' },
    { name: 'max-log-requests', kind: 'int', default: 5 },
    { name: 'pod-running-timeout', kind: 'string', default: '20s' },
  ],
  run: (ctx: CommandContext): KubectlResult => {
    const { args } = ctx;
    let { cluster } = ctx;
    const selector = str(args, 'selector') ?? '';
    if (args.positional.length === 0 && selector === '') return failure(cluster, "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    if (args.positional.length > 0 && selector !== '') return failure(cluster, "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
    const container = str(args, 'container') ?? args.positional[1];
    const req = logsRequest(args, selector !== '', container, cluster.nowMs, cluster.config.epochMs);
    if ('error' in req) return failure(cluster, req.error);
    const { opts, allContainers } = req;
    const follow = bool(args, 'follow') && !bool(args, 'previous');
    const timeoutMs = requestTimeoutMs(str(args, 'request-timeout'));
    if (typeof timeoutMs === 'string') return failure(cluster, timeoutMs);
    if (selector !== '') return logsOfSelected(ctx, selector, container, opts, allContainers, follow ? { timeoutMs } : undefined);
    const waited = podForObject(ctx, args.positional[0], byLogging, '20s');
    if ('error' in waited) return failure(waited.cluster, waited.error);
    const { picked } = waited;
    cluster = waited.cluster;
    const pod = picked.pod;
    const found = picked.among > 1 ? `Found ${picked.among} pods, using pod/${pod.metadata.name}\n` : '';
    if (follow) {
      const targets = allContainers ? containersOf(ctx.namespace, pod) : [{ namespace: ctx.namespace, pod: pod.metadata.name, container }];
      return followLogs(cluster, targets, { opts, prefix: bool(args, 'prefix'), timeoutMs, preamble: found });
    }
    if (allContainers) {
      const r = logsOfContainers(cluster, ctx.namespace, pod, bool(args, 'previous'), opts, bool(args, 'prefix'));
      return { cluster, stdout: r.stdout, stderr: found + r.stderr, exitCode: r.exitCode };
    }
    const result = podLogs(cluster, ctx.namespace, pod.metadata.name, container, bool(args, 'previous'), opts);
    const stdout = bool(args, 'prefix') && result.container !== undefined ? prefixed(result.stdout, pod.metadata.name, result.container) : result.stdout;
    // logs.go: "Found N pods, using pod/X" goes to stderr before the logs stream.
    return resultOf(cluster, [{ stream: 'stderr', text: found }, { stream: 'stdout', text: stdout }, { stream: 'stderr', text: result.stderr }], result.exitCode);
  },
};

/**
 * `kubectl logs -l`: the Pods the query selects (a PodList, by name), one request each, read one
 * after another (sequentialConsumeRequest); the first that fails ends the command.
 */
/**
 * --all-containers: one request per container, init containers first, then the others, in spec
 * order (polymorphichelpers.logsForObject, AllContainers), read one after another; the first that fails ends it.
 */
function logsOfContainers(cluster: Cluster, namespace: string, pod: Pod, previous: boolean, opts: LogsOptions, prefix: boolean): { stdout: string; stderr: string; exitCode: number } {
  let stdout = '';
  let stderr = '';
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    const r = podLogs(cluster, namespace, pod.metadata.name, c.name, previous, opts);
    stderr += r.stderr;
    if (r.exitCode !== 0) return { stdout, stderr, exitCode: r.exitCode };
    stdout += prefix ? prefixed(r.stdout, pod.metadata.name, c.name) : r.stdout;
  }
  return { stdout, stderr, exitCode: 0 };
}

/** --all-containers: every container of the Pod, init containers first, in spec order. */
function containersOf(namespace: string, pod: Pod): FollowedContainer[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => ({ namespace, pod: pod.metadata.name, container: c.name }));
}

function logsOfSelected(ctx: CommandContext, selector: string, container: string | undefined, opts: LogsOptions, allContainers: boolean, follow?: { timeoutMs: number | undefined }): KubectlResult {
  const { cluster, args } = ctx;
  const sel = selectObjects(cluster, ['pods'], { namespace: ctx.namespace, allNamespaces: false }, { selector, filenames: [], readFile: () => undefined });
  if (typeof sel === 'string') return failure(cluster, sel);
  const pods = sel.found.flatMap((f) => f.objects) as Pod[];
  if (pods.length === 0) return { cluster, stdout: '', stderr: `No resources found in ${ctx.namespace} namespace.\n`, exitCode: 0 };
  const max = int(args, 'max-log-requests') ?? 5;
  if (bool(args, 'follow') && pods.length > max) {
    return failure(cluster, `error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
  }
  if (follow !== undefined) {
    const targets = pods.flatMap((pod) => (allContainers ? containersOf(ctx.namespace, pod) : [{ namespace: ctx.namespace, pod: pod.metadata.name, container }]));
    return followLogs(cluster, targets, { opts, prefix: bool(args, 'prefix'), timeoutMs: follow.timeoutMs, preamble: '' });
  }
  let stdout = '';
  let stderr = '';
  for (const pod of pods) {
    if (allContainers) {
      const all = logsOfContainers(cluster, ctx.namespace, pod, bool(args, 'previous'), opts, bool(args, 'prefix'));
      stdout += all.stdout;
      stderr += all.stderr;
      if (all.exitCode !== 0) return { cluster, stdout, stderr, exitCode: all.exitCode };
      continue;
    }
    const r = podLogs(cluster, ctx.namespace, pod.metadata.name, container, bool(args, 'previous'), opts);
    stderr += r.stderr;
    if (r.exitCode !== 0) return { cluster, stdout, stderr, exitCode: r.exitCode };
    stdout += bool(args, 'prefix') && r.container !== undefined ? prefixed(r.stdout, pod.metadata.name, r.container) : r.stdout;
  }
  return { cluster, stdout, stderr, exitCode: 0 };
}

/** addPrefixIfNeeded: `[pod/NAME/CONTAINER] ` before every line. */
function prefixed(text: string, pod: string, container: string): string {
  return text.split('\n').map((line, i, all) => (i === all.length - 1 && line === '' ? line : `[pod/${pod}/${container}] ${line}`)).join('\n');
}

export const exec: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: [
    F.container,
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'pod-running-timeout', kind: 'string', default: '1m0s' },
  ],
  run: (ctx: CommandContext): KubectlResult => {
    const { args } = ctx;
    let { cluster } = ctx;
    const o = new Output();
    const dash = args.argsLenAtDash;
    const before = dash === -1 ? args.positional : args.positional.slice(0, dash);
    const command = dash === -1 ? args.positional.slice(1) : args.positional.slice(dash);
    if (before.length === 0) return failure(cluster, "error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
    if (dash === -1 && command.length > 0) {
      return failure(cluster, 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples');
    }
    if (command.length === 0) return failure(cluster, "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
    const waited = podForObject(ctx, before[0], mostActiveFirst, '1m0s');
    if ('error' in waited) return failure(waited.cluster, waited.error);
    cluster = waited.cluster;
    const pod = waited.picked.pod;
    let container = str(args, 'container');
    if (container === undefined && pod.spec.containers.length > 1 && !bool(args, 'quiet')) {
      container = pod.spec.containers[0].name;
      o.err(`Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}`);
    }
    if (bool(args, 'stdin') && isBareShell(command)) {
      // exec -it POD -- sh: a shell of its own reads what is typed next, until exit (bin/shell-session.ts).
      const probe = execInPod(cluster, ctx.namespace, pod.metadata.name, container, ['true']);
      if (probe.exitCode !== 0) return { cluster, stdout: '', stderr: o.stderr + probe.stderr, exitCode: probe.exitCode };
      const name = container ?? pod.spec.containers[0].name;
      const attach: Attachment = { mode: 'exec', namespace: ctx.namespace, pod: pod.metadata.name, container: name, remove: false, restartPolicy: pod.spec.restartPolicy ?? 'Always', quiet: true, stdinOnce: false, waitForExit: false };
      return { ...o.result(cluster), attach };
    }
    const result = execInPod(cluster, ctx.namespace, pod.metadata.name, container, command);
    o.write('stdout', result.stdout);
    o.write('stderr', result.stderr);
    o.exitCode = result.exitCode;
    return o.result(result.cluster);
  },
};
