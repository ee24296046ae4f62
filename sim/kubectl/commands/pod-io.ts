import type { Pod } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { podLogs, type LogsOptions } from '../../runtime/logs';
import { goDuration, logsRequest } from './logs-options';
import { execInPod } from '../../runtime/exec';
import { isBareShell } from '../../runtime/process';
import { F, Output, failure, resultOf, type Attachment, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, int, str } from '../flags';
import { advanceUntil } from '../../index';
import { notFound, resolveTypes, selectObjects } from '../resources';
import { formatLabelSelector } from '../printers/columns';
import { followLogs, type FollowedContainer } from './logs-follow';
import { requestTimeoutMs } from './watch-events';

// kubectl logs and kubectl exec: the container's output and its shell come from sim/runtime
// (logs.ts podLogs, exec.ts execInPod); kubectl resolves the Pod (also from deploy/NAME and the
// like, as kubectl picks one of its Pods) and passes -c, --previous, --tail and the command.

/**
 * A Pod named directly, or, for a workload named TYPE/NAME, the Pod kubectl picks among its Pods
 * (polymorphichelpers.attachablePodForObject, podutils.ByLogging: ready, then running, then oldest).
 */
export function resolvePod(cluster: Cluster, namespace: string, target: string): Pod | string {
  const r = resolvePodOf(cluster, namespace, target);
  return typeof r === 'string' ? r : 'noPods' in r ? `error: timed out waiting for the condition\nno pods found for selector ${formatLabelSelector(r.noPods)}` : r.pod;
}

type LabelSelector = { matchLabels?: Record<string, string> };

/** The Pod picked, how many there were to pick from; or the workload's selector when it selects no Pod yet. */
function resolvePodOf(cluster: Cluster, namespace: string, target: string): { pod: Pod; among: number } | { noPods: LabelSelector } | string {
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
  const selector = (owner.spec as { selector?: LabelSelector } | undefined)?.selector;
  if (selector === undefined) return `error: cannot attach to ${owner.kind.toLowerCase()}: selector for ${t.singular} not implemented`;
  const pods = [...cluster.store.select<Pod>('Pod', namespace, selector)].sort(byLogging);
  if (pods.length === 0) return { noPods: selector };
  return { pod: pods[0], among: pods.length };
}

/** podutils.ByLogging, simplified: ready before not ready, running before pending, older first. */
function byLogging(a: Pod, b: Pod): number {
  const ready = (p: Pod) => (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const phase = (p: Pod) => ({ Running: 0, Pending: 1 } as Record<string, number>)[p.status?.phase ?? ''] ?? 2;
  return ready(a) - ready(b) || phase(a) - phase(b)
    || (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : a.metadata.creationTimestamp > b.metadata.creationTimestamp ? 1 : 0)
    || (a.metadata.name < b.metadata.name ? -1 : 1);
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
    const waited = podForLogs(ctx, args.positional[0]);
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
 * The Pod `kubectl logs TYPE/NAME` reads (logsForObject, GetFirstPod): when the workload selects no
 * Pod yet, a watch for one for --pod-running-timeout (20s), then `timed out waiting for the condition`.
 */
function podForLogs(ctx: CommandContext, target: string): { cluster: Cluster; picked: { pod: Pod; among: number } } | { cluster: Cluster; error: string } {
  const { cluster, args } = ctx;
  const text = str(args, 'pod-running-timeout') ?? '20s';
  const timeoutMs = goDuration(text);
  if (timeoutMs === undefined) return { cluster, error: `error: invalid argument "${text}" for "--pod-running-timeout" flag: time: invalid duration "${text}"` };
  if (timeoutMs <= 0) return { cluster, error: 'error: --pod-running-timeout must be higher than zero' }; // GetPodRunningTimeoutFlag
  const picked = resolvePodOf(cluster, ctx.namespace, target);
  if (typeof picked === 'string') return { cluster, error: picked };
  if (!('noPods' in picked)) return { cluster, picked };
  const selector = picked.noPods;
  const r = advanceUntil(cluster, timeoutMs, (v) => { for (const _ of v.select('Pod', ctx.namespace, selector)) return true; return false; });
  if (!r.reached) return { cluster: r.cluster, error: 'error: timed out waiting for the condition' };
  const found = resolvePodOf(r.cluster, ctx.namespace, target);
  if (typeof found === 'string') return { cluster: r.cluster, error: found };
  return 'noPods' in found ? { cluster: r.cluster, error: 'error: timed out waiting for the condition' } : { cluster: r.cluster, picked: found };
}

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
  ],
  run: (ctx: CommandContext): KubectlResult => {
    const { args, cluster } = ctx;
    const o = new Output();
    const dash = args.argsLenAtDash;
    const before = dash === -1 ? args.positional : args.positional.slice(0, dash);
    const command = dash === -1 ? args.positional.slice(1) : args.positional.slice(dash);
    if (before.length === 0) return failure(cluster, "error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
    if (dash === -1 && command.length > 0) {
      return failure(cluster, 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples');
    }
    if (command.length === 0) return failure(cluster, "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
    const pod = resolvePod(cluster, ctx.namespace, before[0]);
    if (typeof pod === 'string') return failure(cluster, pod);
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
