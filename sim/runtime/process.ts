import type { Container, Pod } from '../api/types';
import { parseImageRef, type ImageBehaviour } from './image-behaviours';
import { notFoundPage } from './error-pages';
import { literalCommand } from './sh/ast';
import { isKnownCommand } from './sh/commands';
import { startNode, type Env, type ShProcess } from './sh/interp';
import { EMPTY_TREE, normalizePath, sortMounts, treeOf, Vfs, type Mount, type Tree } from './fs';
import { SANDBOX_MOUNTS, SANDBOX_STORE, sandboxTree } from './sandbox-files';

// What a container's main process is: the shell model (a resumable sh program) or a long-running
// server; how it answers SIGTERM; which file systems it sees; how it answers HTTP and TCP.

export type StartedProcess =
  | { readonly kind: 'sh'; readonly sh: ShProcess }
  | { readonly kind: 'server' }
  | { readonly kind: 'error'; readonly message: string };

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|ash|bash|dash|busybox)$/;

/** docker's ENTRYPOINT/CMD rule with Kubernetes' command/args override. */
export function argvOf(container: Container, behaviour: ImageBehaviour): readonly string[] {
  if (container.command !== undefined) return [...container.command, ...(container.args ?? [])];
  if (container.args !== undefined) return [...container.args];
  return behaviour.cmd ?? [];
}

/** Decides how the container's process runs. */
export function startProcess(container: Container, behaviour: ImageBehaviour, envOf: () => Env, init = false): StartedProcess {
  const argv = argvOf(container, behaviour);
  const overridden = container.command !== undefined || container.args !== undefined;
  // An init container of an image the simulator does not model (flannel's install-cni, calico's
  // install) does its job and exits 0: that is what init containers are for.
  if (init && behaviour.kind === 'server' && !(argv.length > 0 && (SHELLS.test(argv[0]) || isKnownCommand(argv[0])))) {
    return { kind: 'sh', sh: startNode(literalCommand(['true']), envOf()) };
  }
  // A shell whose stdin is held open (kubectl run -i) reads commands until stdin closes
  // (closeStdin, sim/runtime/attach.ts); the session's commands run through kubectl's attach.
  const shellArgv = argv.length === 0 && behaviour.kind !== 'server' ? ['sh'] : argv;
  if (container.stdin === true && isBareShell(shellArgv)) return { kind: 'sh', sh: startNode(literalCommand(['sleep', 'infinity']), envOf()) };
  if (behaviour.kind === 'server' && !overridden) return { kind: 'server' };
  if (argv.length === 0) {
    return behaviour.kind === 'server' ? { kind: 'server' } : { kind: 'sh', sh: startNode(literalCommand(['sh']), envOf()) };
  }
  if (SHELLS.test(argv[0]) || isKnownCommand(argv[0])) return { kind: 'sh', sh: startNode(literalCommand(argv), envOf()) };
  if (behaviour.kind === 'server') return { kind: 'server' };
  return {
    kind: 'error',
    message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
  };
}

/** `sh`, `/bin/bash -i`, `busybox sh`: a shell that reads its commands from stdin. */
export function isBareShell(argv: readonly string[]): boolean {
  const rest = argv[0] === 'busybox' || argv[0] === '/bin/busybox' ? argv.slice(1) : argv;
  return rest.length > 0 && SHELLS.test(rest[0]) && rest.slice(1).every((a) => /^-[il]+$/.test(a));
}

/** For a script in a server image: which commands are the server itself (anything the shell does not know). */
export function serverCommandsOf(behaviour: ImageBehaviour): ((command: string) => boolean) | undefined {
  if (behaviour.kind !== 'server') return undefined;
  return (command) => !SHELLS.test(command) && !isKnownCommand(command);
}

/** What SIGTERM does: the exit code it causes now, or undefined when ignored (SIGKILL at the grace period's end). */
export function sigtermExit(behaviour: ImageBehaviour, isShellModel: boolean): number | undefined {
  // A shell (or sleep) as PID 1 has no SIGTERM handler, and the kernel ignores signals PID 1 does not handle.
  if (isShellModel) return undefined;
  const s = behaviour.sigterm;
  if (s === 'ignore') return undefined;
  return s?.exit ?? 143;
}

/** Where env values that are not literal come from (the kubelet builds one per sync). */
export interface EnvResolver {
  valueFrom(valueFrom: unknown): string | undefined;
  envFrom(entry: unknown): Readonly<Record<string, string>>;
  /** The Services' variables the kubelet adds (envvars.FromServices), as of the container's creation. */
  serviceEnv?(): Readonly<Record<string, string>>;
}

/** The container's environment: the image's PATH/HOME, Kubernetes' HOSTNAME, envFrom, then env (kubelet_pods.go makeEnvironmentVariables). */
export function containerEnv(pod: Pod, container: Container, resolver?: EnvResolver): Env {
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: hostnameOf(pod),
    HOME: '/root',
  };
  if (resolver !== undefined) for (const entry of container.envFrom ?? []) Object.assign(env, resolver.envFrom(entry));
  const services = resolver?.serviceEnv?.() ?? {};
  for (const e of container.env ?? []) {
    if (e.valueFrom !== undefined && e.valueFrom !== null && (e.value === undefined || e.value === '')) {
      // An optional reference to a missing object or key leaves the variable unset (makeEnvironmentVariables).
      const value = resolver?.valueFrom(e.valueFrom);
      if (value !== undefined) env[e.name] = value;
      continue;
    }
    // $(VAR) references to earlier variables, or to the Services' variables, expand (kubelet's expansion.Expand).
    env[e.name] = (e.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n: string) => env[n] ?? services[n] ?? m);
  }
  // Then the Services' variables the container's own do not define ("Append service env vars").
  for (const k of Object.keys(services)) if (!Object.prototype.hasOwnProperty.call(env, k)) env[k] = services[k];
  return env;
}

// An exec probe's environment at every tick: for a container whose env reads no other object it
// is a function of the container spec and the Pod's hostname, worked out once (frozen: shared).
const plainEnvByContainer = new WeakMap<Container, { readonly hostname: string; readonly env: Env }>();

/** containerEnv(pod, container, resolver), the same frozen object while nothing it depends on changes. */
export function containerEnvOf(pod: Pod, container: Container, resolver: () => EnvResolver): Env {
  if (readsObjects(container)) return containerEnv(pod, container, resolver());
  const hostname = hostnameOf(pod);
  const known = plainEnvByContainer.get(container);
  if (known !== undefined && known.hostname === hostname) return known.env;
  const env = Object.freeze(containerEnv(pod, container));
  plainEnvByContainer.set(container, { hostname, env });
  return env;
}

/** Whether containerEnv would ask its resolver (envFrom, or a valueFrom that no value overrides). */
function readsObjects(container: Container): boolean {
  if ((container.envFrom ?? []).length > 0) return true;
  for (const e of container.env ?? []) if (e.valueFrom !== undefined && e.valueFrom !== null && (e.value === undefined || e.value === '')) return true;
  return false;
}

export function hostnameOf(pod: Pod): string {
  return (pod.spec.hostname ?? pod.metadata.name).slice(0, 63);
}

/** The mounts of a container: emptyDir and other pod volumes as 'vol:<name>', hostPath as 'host'. */
export function mountsOf(pod: Pod, container: Container): Mount[] {
  const out: Mount[] = [];
  for (const vm of container.volumeMounts ?? []) {
    const vol = pod.spec.volumes?.find((v) => v.name === vm.name);
    if (vol === undefined) continue;
    const sub = vm.subPath ? `/${vm.subPath}` : '';
    if (vol.hostPath !== undefined) out.push({ path: normalizePath(vm.mountPath), store: 'host', base: normalizePath(vol.hostPath.path + sub), readOnly: vm.readOnly === true });
    else out.push({ path: normalizePath(vm.mountPath), store: `vol:${vm.name}`, base: sub, readOnly: vm.readOnly === true });
  }
  return out;
}

/** A writable file-system view of one container for one run. */
export function containerVfs(pod: Pod, container: Container, rootfs: Tree, volumes: Readonly<Record<string, Tree>>, hostFiles: Tree | undefined): Vfs {
  // Trees are looked up only when read: the sandbox files of a Pod are made on its first read.
  const lookup = (store: string): Tree | undefined => {
    if (store === 'root') return rootfs;
    if (store === 'host') return hostFiles ?? EMPTY_TREE;
    if (store === SANDBOX_STORE) return sandboxTree(pod);
    if (!store.startsWith('vol:')) return undefined;
    const name = store.slice(4);
    return Object.prototype.hasOwnProperty.call(volumes, name) ? volumes[name] : undefined;
  };
  return new Vfs(lookup, containerMounts(pod, container), true);
}

// A container's mounts, sorted, are a function of its spec and the Pod's volumes (both immutable):
// worked out once, not at every probe tick. Keyed by the container spec, checked against the volumes.
const SORTED_SANDBOX_MOUNTS = sortMounts(SANDBOX_MOUNTS);
const mountsByContainer = new WeakMap<Container, { readonly volumes: Pod['spec']['volumes']; readonly mounts: readonly Mount[] }>();

/** SANDBOX_MOUNTS and mountsOf(pod, container), in sortMounts' order. */
export function containerMounts(pod: Pod, container: Container): readonly Mount[] {
  if (container.volumeMounts === undefined || container.volumeMounts.length === 0) return SORTED_SANDBOX_MOUNTS;
  const volumes = pod.spec.volumes;
  const known = mountsByContainer.get(container);
  if (known !== undefined && known.volumes === volumes) return known.mounts;
  const mounts = sortMounts([...SANDBOX_MOUNTS, ...mountsOf(pod, container)]);
  mountsByContainer.set(container, { volumes, mounts });
  return mounts;
}

// Trees are immutable, so one image's starting layer is built once (keyed weakly by its files record).
const rootfsByFiles = new WeakMap<object, Tree>();

export function imageRootfs(behaviour: ImageBehaviour): Tree {
  const files = behaviour.files;
  if (files === undefined) return EMPTY_TREE;
  let tree = rootfsByFiles.get(files);
  if (tree === undefined) rootfsByFiles.set(files, (tree = treeOf(files)));
  return tree;
}

// ---------------------------------------------------------------- serving

export type Answer = { readonly status: number; readonly body: string } | { readonly refused: true };

export interface ServingContainer {
  readonly running: boolean;
  readonly startedMs: number;
  readonly isShell: boolean;
  readonly behaviour: ImageBehaviour;
  readonly container: Container;
  /** Reads a file as the container sees it (mounts included). */
  readonly read: (path: string) => string | undefined;
}

/** Ports a running container listens on. */
export function listensOn(c: ServingContainer, port: number, nowMs: number): boolean {
  if (!c.running || c.isShell) return false;
  if (c.behaviour.startupMs !== undefined && nowMs - c.startedMs < c.behaviour.startupMs) return false;
  // An image without declared ports is a healthy server on whatever port it is asked (coredns's 8181, ...).
  return c.behaviour.ports === undefined || c.behaviour.ports.includes(port);
}

/** The HTTP answer of a container for GET path at nowMs (it must listen on the port). */
export function httpAnswer(c: ServingContainer, port: number, path: string, nowMs: number): Answer {
  if (!listensOn(c, port, nowMs)) return { refused: true };
  const p = path.split('?')[0] || '/';
  const age = nowMs - c.startedMs;
  for (const rule of c.behaviour.http ?? []) {
    if (rule.path !== undefined && rule.path !== p) continue;
    if (rule.fromMs !== undefined && age < rule.fromMs) continue;
    if (rule.untilMs !== undefined && age >= rule.untilMs) continue;
    return { status: rule.status, body: '' };
  }
  const root = c.behaviour.docroot;
  if (root !== undefined) {
    const file = normalizePath(`${root}/${p}`);
    const body = c.read(file) ?? c.read(`${file}/index.html`);
    if (body !== undefined) return { status: 200, body };
    return { status: 404, body: notFoundPage(c.behaviour, c.container.image) };
  }
  const reply = c.behaviour.reply;
  if (reply !== undefined) {
    const hostname = (c.read('/etc/hostname') ?? '').trim();
    const version = parseImageRef(c.container.image).tag.replace(/^v/, '');
    return { status: 200, body: reply.replace('$HOSTNAME', hostname).replace('$VERSION', version) };
  }
  return { status: 200, body: '' };
}

/** Instants (container age) at which a container's answers change: for waking probes that otherwise sleep. */
const agesByBehaviour = new WeakMap<ImageBehaviour, readonly number[]>();

export function answerChangeAges(b: ImageBehaviour): readonly number[] {
  let ages = agesByBehaviour.get(b);
  if (ages === undefined) { ages = changeAges(b); agesByBehaviour.set(b, ages); }
  return ages;
}

function changeAges(b: ImageBehaviour): number[] {
  const out: number[] = [];
  if (b.startupMs !== undefined) out.push(b.startupMs);
  for (const r of b.http ?? []) { if (r.fromMs !== undefined) out.push(r.fromMs); if (r.untilMs !== undefined) out.push(r.untilMs); }
  return out;
}
