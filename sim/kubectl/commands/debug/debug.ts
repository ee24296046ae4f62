import { parse as parseYaml } from 'yaml';
import type { Container, ContainerStatus, Node, Pod } from '../../../api/types';
import type { Cluster } from '../../../engine/types';
import { ALPHANUMS, fnv32a } from '../../../api/naming';
import { defaultContainer } from '../../../api/defaults/pod-spec';
import { formatKubectlInvalid } from '../../../api/field-errors';
import { advanceUntil, applyManifests, submit } from '../../../index';
import { podLogs } from '../../../runtime/logs';
import { Output, failure, type Attachment, type Command, type CommandContext, type KubectlResult } from '../../context';
import { bool, str } from '../../flags';
import { PROMPT_HINT, SESSION_WARNING } from '../run-attach';
import { validateEphemeralAddition, type EphemeralContainer } from './ephemeral-validation';
import { applyProfile, SIMULATED_PROFILES, type DebugTarget, type Profile } from './profiles';

// kubectl debug (staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go): an ephemeral container added
// to a running Pod through pods/ephemeralcontainers (debugByEphemeralContainer), a copy of the Pod
// with a debug container (debugByCopy, --copy-to), or a Pod on a node in its host namespaces
// (visitNode, node/NAME). With -i kubectl waits for the container to run, then attaches
// (handleAttachPod); the lines typed next go to it (bin/shell-session.ts).

const LEGACY_WARNING = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".';
const KNOWN_PROFILES = new Set(['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin']);
/** How long kubespec lets waitForContainer wait (kubectl itself has no timeout). */
const WAIT_FOR_CONTAINER_MS = 5 * 60_000;

export const debug: Command = {
  name: 'debug',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  flags: [
    { name: 'image', kind: 'string' },
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'attach', kind: 'bool' },
    { name: 'target', kind: 'string' },
    { name: 'copy-to', kind: 'string' },
    { name: 'share-processes', kind: 'bool', default: true },
    { name: 'same-node', kind: 'bool' },
    { name: 'replace', kind: 'bool' },
    { name: 'set-image', kind: 'stringArray' },
    { name: 'env', kind: 'stringArray' },
    { name: 'image-pull-policy', kind: 'string' },
    { name: 'arguments-only', kind: 'bool' },
    { name: 'profile', kind: 'string', default: 'legacy' },
    { name: 'custom', kind: 'string' },
  ],
  run: runDebug,
};

interface DebugOptions {
  readonly image: string;
  readonly container: string;
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly quiet: boolean;
  readonly attach: boolean;
  readonly target: string;
  readonly copyTo: string;
  readonly args: readonly string[];
  readonly argsOnly: boolean;
  readonly env: readonly { name: string; value: string }[];
  readonly pullPolicy: string;
  readonly profile: string;
  readonly custom?: Record<string, unknown>;
}

function runDebug(ctx: CommandContext): KubectlResult {
  const { args, cluster } = ctx;
  const given = (name: string) => args.given.some((g) => g.name === name);
  const dash = args.argsLenAtDash;
  const targets = dash === -1 ? args.positional : args.positional.slice(0, dash);
  const o = new Output();
  const opts: DebugOptions = {
    image: str(args, 'image') ?? '', container: str(args, 'container') ?? '', interactive: bool(args, 'stdin'), tty: bool(args, 'tty'), quiet: bool(args, 'quiet'),
    // Complete: --attach follows -i unless given.
    attach: given('attach') ? bool(args, 'attach') : bool(args, 'stdin'),
    target: str(args, 'target') ?? '', copyTo: str(args, 'copy-to') ?? '', args: dash === -1 ? [] : args.positional.slice(dash), argsOnly: bool(args, 'arguments-only'),
    env: ((args.values.get('env') as readonly string[] | undefined) ?? []).map((e) => ({ name: e.slice(0, Math.max(e.indexOf('='), 0)), value: e.slice(e.indexOf('=') + 1) })),
    pullPolicy: str(args, 'image-pull-policy') ?? '', profile: str(args, 'profile') ?? 'legacy',
  };
  if (!KNOWN_PROFILES.has(opts.profile)) return failure(cluster, `error: unknown profile: ${opts.profile}`); // NewProfileApplier
  if (!(SIMULATED_PROFILES as readonly string[]).includes(opts.profile)) return failure(cluster, `error: kubespec does not simulate "kubectl debug --profile=${opts.profile}" yet; supported: ${SIMULATED_PROFILES.join(', ')}`);
  const customFile = str(args, 'custom');
  let custom: Record<string, unknown> | undefined;
  if (customFile !== undefined && customFile !== '') {
    const text = ctx.io.readFile(customFile);
    if (text === undefined) return failure(cluster, `error: must pass a container spec json file for custom profile: open ${customFile}: no such file or directory`);
    try { custom = parseYaml(text) as Record<string, unknown>; } catch { return failure(cluster, `error: ${customFile} does not contain a valid container spec`); }
  }
  const invalidOption = validate(opts, targets, given, custom, o);
  if (invalidOption !== undefined) { o.fail(invalidOption); return o.result(cluster); }
  const full = { ...opts, custom };
  const target = targets[0];
  const slash = target.indexOf('/');
  const kind = slash === -1 ? 'pods' : target.slice(0, slash).toLowerCase();
  const name = slash === -1 ? target : target.slice(slash + 1);
  if (kind === 'node' || kind === 'nodes' || kind === 'no') return debugNode(ctx, full, name, o);
  if (kind !== 'pod' && kind !== 'pods' && kind !== 'po') return failure(cluster, `error: kubespec does not simulate "kubectl debug ${target.slice(0, slash)}/NAME" yet; supported: POD, pod/NAME, node/NAME`);
  const pod = cluster.store.get<Pod>('Pod', ctx.namespace, name);
  if (pod === undefined) { o.fail(`Error from server (NotFound): pods "${name}" not found`); return o.result(cluster); }
  return opts.copyTo !== '' ? debugByCopy(ctx, full, pod, o) : debugByEphemeralContainer(ctx, full, pod, o);
}

/** DebugOptions.Validate, in its order; writes the --target note and the legacy profile's warning. */
function validate(opts: DebugOptions, targets: readonly string[], given: (n: string) => boolean, custom: Record<string, unknown> | undefined, o: Output): string | undefined {
  if (opts.attach && given('attach') && opts.image === '' && opts.container === '') return 'error: you must specify --container or create a new container using --image in order to attach.';
  if (opts.copyTo !== '') {
    if (opts.image === '' && !given('set-image') && opts.args.length === 0) return 'error: you must specify --image, --set-image or command arguments.';
    if (opts.args.length > 0 && opts.container === '' && opts.image === '') return 'error: you must specify an existing container or a new image when specifying args.';
  } else if (given('replace')) return 'error: --replace may only be used with --copy-to.';
  else if (given('same-node')) return 'error: --same-node may only be used with --copy-to.';
  else if (given('set-image')) return 'error: --set-image may only be used with --copy-to.';
  else if (opts.image === '') return 'error: you must specify --image when not using --copy-to.';
  if (targets.length === 0) return 'error: NAME or filename is required for debug';
  if (!['Always', 'IfNotPresent', 'Never', ''].includes(opts.pullPolicy)) return `error: invalid image pull policy: ${opts.pullPolicy}`;
  if (opts.target !== '') {
    if (opts.copyTo !== '') return 'error: --target is incompatible with --copy-to. Use --share-processes instead.';
    if (!opts.quiet) o.out(`Targeting container "${opts.target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.`);
  }
  if (opts.tty && !opts.interactive) return 'error: -i/--stdin is required for containers with -t/--tty=true';
  if (custom !== undefined && ['name', 'command', 'image', 'lifecycle', 'volumeDevices'].some((f) => custom[f] !== undefined)) return 'error: name, command, image, lifecycle and volume devices are not modifiable via custom profile';
  if (opts.profile === 'legacy') o.err(LEGACY_WARNING);
  return undefined;
}

/** nameSuffixFunc (utilrand.String(5)) on the client: here a hash of what kubectl knows, so runs repeat. */
function nameSuffix(seed: string): string {
  let h = fnv32a(seed);
  let out = '';
  for (let i = 0; i < 5; i++) { out += ALPHANUMS[h % ALPHANUMS.length]; h = fnv32a(`${seed}/${i}`, h); }
  return out;
}

/** computeDebugContainerName: -c, else debugger-xxxxx not taken by any container of the Pod, announced. */
function debugContainerName(opts: DebugOptions, pod: Pod, nowMs: number, o: Output): string {
  if (opts.container !== '') return opts.container;
  const taken = new Set([...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...ephemeralOf(pod)].map((c) => c.name));
  let n = 0;
  let name = '';
  while (name === '' || taken.has(name)) name = `debugger-${nameSuffix(`${pod.metadata.uid}/${nowMs}/${n++}`)}`;
  if (!opts.quiet) o.out(`Defaulting debug container name to ${name}.`);
  return name;
}

const ephemeralOf = (pod: Pod): readonly EphemeralContainer[] => (pod.spec as { ephemeralContainers?: readonly EphemeralContainer[] }).ephemeralContainers ?? [];

/** The container kubectl builds (generateDebugContainer / generateNodeDebugPod), before the API server's defaults. */
function debugContainer(opts: DebugOptions, name: string): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image: opts.image, terminationMessagePolicy: 'File' };
  if (opts.env.length > 0) c.env = opts.env;
  if (opts.pullPolicy !== '') c.imagePullPolicy = opts.pullPolicy;
  if (opts.interactive) c.stdin = true;
  if (opts.tty) c.tty = true;
  if (opts.args.length > 0) c[opts.argsOnly ? 'args' : 'command'] = [...opts.args];
  return c;
}

/** Applier.Apply, then applyCustomProfile (the --custom file's fields over the debug container's). */
function profiled(opts: DebugOptions, spec: Record<string, unknown>, container: string, target: DebugTarget): void {
  applyProfile(opts.profile as Profile, spec, container, target);
  if (opts.custom === undefined) return;
  const key = target === 'ephemeral' ? 'ephemeralContainers' : 'containers';
  spec[key] = (spec[key] as Record<string, unknown>[]).map((c) => (c.name === container ? { ...c, ...opts.custom, name: container } : c));
}

/** debugByEphemeralContainer: the strategic merge patch through pods/ephemeralcontainers, then the attach. */
function debugByEphemeralContainer(ctx: CommandContext, opts: DebugOptions, pod: Pod, o: Output): KubectlResult {
  let { cluster } = ctx;
  const name = debugContainerName(opts, pod, ctx.nowMs, o);
  const built: Record<string, unknown> = { ...debugContainer(opts, name), ...(opts.target !== '' ? { targetContainerName: opts.target } : {}) };
  const spec: Record<string, unknown> = { ephemeralContainers: [built] };
  profiled(opts, spec, name, 'ephemeral');
  const ec = defaultContainer((spec.ephemeralContainers as Record<string, unknown>[])[0] as never) as unknown as EphemeralContainer;
  const errors = validateEphemeralAddition(pod, ec);
  if (errors.length > 0) { o.fail(formatKubectlInvalid('Pod', pod.metadata.name, errors)); return o.result(cluster); }
  const updated = { ...pod, spec: { ...pod.spec, ephemeralContainers: [...ephemeralOf(pod), ec] } } as Pod;
  const r = submit(cluster, [{ verb: 'update', object: updated }], 'kubectl-debug');
  if (r.errors.length > 0) { for (const e of r.errors) o.fail(e); return o.result(cluster); }
  cluster = r.cluster;
  if (!opts.attach) return o.result(cluster);
  return attachTo(cluster, opts, ctx.namespace, pod.metadata.name, name, o, { ephemeral: true });
}

/** debugByCopy: the Pod's copy (no ephemeral containers, no node unless --same-node) with the debug container added or changed. */
function debugByCopy(ctx: CommandContext, opts: DebugOptions, pod: Pod, o: Output): KubectlResult {
  const { args } = ctx;
  const given = (n: string) => args.given.some((g) => g.name === n);
  const spec: Record<string, unknown> = { ...pod.spec };
  delete spec.ephemeralContainers;
  if (given('share-processes')) spec.shareProcessNamespace = bool(args, 'share-processes');
  if (!bool(args, 'same-node')) delete spec.nodeName;
  const setImages = new Map(((args.values.get('set-image') as readonly string[] | undefined) ?? []).map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]));
  let containers = pod.spec.containers.map((c) => {
    const image = setImages.get(c.name) ?? setImages.get('*');
    return image !== undefined && image !== '' ? { ...c, image } : c;
  }) as unknown as Record<string, unknown>[];
  let name = opts.container;
  const existing = containers.findIndex((c) => c.name === name);
  if (existing === -1) {
    if (opts.image === '') {
      if (setImages.size === 0) { o.fail('error: you must specify image when creating new container'); return o.result(ctx.cluster); }
      name = '';
    } else {
      if (name === '') name = debugContainerName(opts, { ...pod, spec: { ...pod.spec, ephemeralContainers: [] } } as Pod, ctx.nowMs, o);
      containers = [...containers, debugContainer(opts, name)];
    }
  } else {
    const c = { ...containers[existing] };
    if (opts.args.length > 0) { if (opts.argsOnly) c.args = [...opts.args]; else { c.command = [...opts.args]; delete c.args; } }
    if (opts.env.length > 0) c.env = opts.env;
    if (opts.image !== '') c.image = opts.image;
    if (opts.pullPolicy !== '') c.imagePullPolicy = opts.pullPolicy;
    if (opts.interactive) c.stdin = true; else delete c.stdin;
    if (opts.tty) c.tty = true; else delete c.tty;
    containers = containers.map((x, i) => (i === existing ? c : x));
  }
  spec.containers = containers;
  if (name !== '') profiled(opts, spec, name, 'copy');
  const manifest = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: opts.copyTo, namespace: pod.metadata.namespace, ...(pod.metadata.labels ? { labels: pod.metadata.labels } : {}), ...(pod.metadata.annotations ? { annotations: pod.metadata.annotations } : {}) },
    spec,
  };
  return createThenAttach(ctx, opts, manifest, name, o, false);
}

/** generateNodeDebugPod: node-debugger-NODE-xxxxx on the node, tolerating every taint, in the host's namespaces with its root at /host. */
function debugNode(ctx: CommandContext, opts: DebugOptions, nodeName: string, o: Output): KubectlResult {
  const node = ctx.cluster.store.get<Node>('Node', '', nodeName);
  if (node === undefined) { o.fail(`Error from server (NotFound): nodes "${nodeName}" not found`); return o.result(ctx.cluster); }
  const cn = opts.container !== '' ? opts.container : 'debugger';
  const pn = `node-debugger-${nodeName}-${nameSuffix(`${node.metadata.uid}/${ctx.nowMs}`)}`;
  if (!opts.quiet) o.out(`Creating debugging pod ${pn} with container ${cn} on node ${nodeName}.`);
  const spec: Record<string, unknown> = { containers: [debugContainer(opts, cn)], nodeName, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] };
  profiled(opts, spec, cn, 'node');
  const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: pn, labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } }, spec };
  return createThenAttach(ctx, opts, manifest, cn, o, false);
}

function createThenAttach(ctx: CommandContext, opts: DebugOptions, manifest: Record<string, unknown>, container: string, o: Output, ephemeral: boolean): KubectlResult {
  const r = applyManifests(ctx.cluster, JSON.stringify(manifest), { mode: 'create', source: 'STDIN', namespace: ctx.namespace, namespaceExplicit: ctx.namespaceExplicit });
  if (r.errors.length > 0) { for (const e of r.errors) o.fail(e.replace(/error when creating "STDIN": /, '')); return o.result(ctx.cluster); }
  if (!opts.attach || container === '') return o.result(r.cluster);
  return attachTo(r.cluster, opts, ctx.namespace, (manifest.metadata as { name: string }).name, container, o, { ephemeral });
}

function statusOf(pod: Pod | undefined, container: string): ContainerStatus | undefined {
  const s = pod?.status as { initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[]; ephemeralContainerStatuses?: ContainerStatus[] } | undefined;
  return [...(s?.initContainerStatuses ?? []), ...(s?.containerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
}

/**
 * handleAttachPod: waitForContainer (running or terminated), then attach; a container that already
 * ended falls back to its logs.
 */
function attachTo(cluster: Cluster, opts: DebugOptions, namespace: string, podName: string, container: string, o: Output, how: { ephemeral: boolean }): KubectlResult {
  const ready = (c: Cluster) => { const s = statusOf(c.store.get<Pod>('Pod', namespace, podName), container); return s?.state?.running !== undefined || s?.state?.terminated !== undefined; };
  const waited = advanceUntil(cluster, WAIT_FOR_CONTAINER_MS, (v) => { const s = statusOf(v.get<Pod>('Pod', namespace, podName), container); return s?.state?.running !== undefined || s?.state?.terminated !== undefined; });
  cluster = waited.cluster;
  if (!ready(cluster)) { o.fail('error: timed out waiting for the condition'); return o.result(cluster); }
  const pod = cluster.store.get<Pod>('Pod', namespace, podName)!;
  if (statusOf(pod, container)?.state?.terminated !== undefined) {
    o.write('stdout', podLogs(cluster, namespace, podName, container).stdout);
    return o.result(cluster);
  }
  if (!opts.quiet) { o.err(SESSION_WARNING); o.err(PROMPT_HINT); }
  if (!opts.interactive) {
    o.write('stdout', podLogs(cluster, namespace, podName, container).stdout);
    return o.result(cluster);
  }
  const restartPolicy = pod.spec.restartPolicy ?? 'Always';
  const session: Attachment = {
    mode: 'attach', namespace, pod: podName, container, remove: false, restartPolicy,
    // reattachMessage: only with a TTY, only for a Pod that restarts its containers.
    quiet: opts.quiet || !opts.tty || restartPolicy !== 'Always', stdinOnce: false, waitForExit: false, ...(how.ephemeral ? { ephemeral: true } : {}),
  };
  return { ...o.result(cluster), attach: session };
}

export type { Container };
