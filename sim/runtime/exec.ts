import type { Cluster } from '../engine/types';
import { submit } from '../engine/loop';
import { CONTROLLERS } from '../cluster/controllers';
import type { ContainerRt, PodRt } from '../kubelet/types';
import type { Container, Pod } from '../api/types';
import { containerEnv, containerVfs, hostnameOf } from './process';
import { literalCommand } from './sh/ast';
import { isKnownCommand } from './sh/commands';
import { runSync } from './sh/interp';
import type { Tree, Vfs } from './fs';
import { resolveContainer, withContainerRt } from './pod-containers';
import { netSessionFor, serviceEnvFor } from './net-hooks';
import { viewOf } from '../index';
import { envSource, fieldRefValue } from './env-hooks';

// kubectl exec: runs argv in a running container through the sh interpreter, against the
// container's file system (its own layer and its volumes). Time does not pass: `sleep` inside an
// exec returns at once. File changes are written back to the Pod's runtime row (and the node's
// hostPath files), which wakes the kubelet so exec probes look again. Runtime rows the network
// commands changed (kube-proxy's rr cursors, ClientIP affinity) are applied with them.

export interface ExecResult {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|ash|bash|dash|busybox)$/;

/** A running container, ready for a command: its Pod, spec, runtime rows and file system view. */
export interface OpenContainer {
  readonly pod: Pod;
  readonly spec: Container;
  readonly rt: PodRt;
  readonly crt: ContainerRt;
  /** kubectl's "Defaulted container" note, when it picked the container. */
  readonly note: string;
  readonly vfs: Vfs;
}

/**
 * The checks every exec makes before it runs anything (the API server's streamLocation, the
 * kubelet's and the runtime's), and the container's file system: an ExecResult when one fails.
 */
export function openContainer(cluster: Cluster, namespace: string, podName: string, container: string | undefined): OpenContainer | ExecResult {
  const r = resolveContainer(cluster, namespace, podName, container);
  if ('stderr' in r) return { cluster, stdout: '', stderr: r.stderr, exitCode: r.exitCode };
  const { pod, spec, rt, crt, note } = r;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return { cluster, stdout: '', stderr: `${note}error: cannot exec into a container in a completed pod; current phase is ${phase}\n`, exitCode: 1 };
  }
  // The API server's streamLocation (pkg/registry/core/pod/strategy.go) refuses a Pod with no node before asking a kubelet.
  if (pod.spec.nodeName === undefined || pod.spec.nodeName === '') {
    return { cluster, stdout: '', stderr: `${note}Error from server (BadRequest): pod ${podName} does not have a host assigned\n`, exitCode: 1 };
  }
  if (rt === undefined || crt === undefined || crt.id === 0) {
    return { cluster, stdout: '', stderr: `${note}error: unable to upgrade connection: container not found ("${spec.name}")\n`, exitCode: 1 };
  }
  if (crt.phase !== 'running') {
    return { cluster, stdout: '', stderr: `${note}error: Internal error occurred: error executing command in container: container is not running\n`, exitCode: 1 };
  }
  const hostFiles = cluster.tables.nodes.get(rt.node)?.hostFiles as Tree | undefined;
  return { pod, spec, rt, crt, note, vfs: containerVfs(pod, spec, crt.rootfs, rt.volumes, hostFiles) };
}

/** The runtime's answer to a command the image does not have (exit 126). */
export function executableNotFound(command: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command}": executable file not found in $PATH: unknown\n`;
}

/** `terminationNote`: kubectl exec's `command terminated with exit code N` (not for a line typed into an attached shell). */
export function execInPod(cluster: Cluster, namespace: string, podName: string, container: string | undefined, argv: readonly string[], opts: { readonly terminationNote?: boolean } = {}): ExecResult {
  const opened = openContainer(cluster, namespace, podName, container);
  if ('exitCode' in opened) return opened;
  const { pod, spec, rt, crt, note, vfs } = opened;
  if (argv.length === 0) return { cluster, stdout: '', stderr: `${note}error: you must specify at least one command for the container\n`, exitCode: 1 };
  if (!SHELLS.test(argv[0]) && !isKnownCommand(argv[0])) {
    return { cluster, stdout: '', stderr: `${note}${executableNotFound(argv[0])}command terminated with exit code 126\n`, exitCode: 126 };
  }
  const view = viewOf(cluster);
  const source = envSource();
  const env = crt.env ?? containerEnv(pod, spec, {
    valueFrom: (vf) => {
      const fieldPath = (vf as { fieldRef?: { fieldPath?: string } }).fieldRef?.fieldPath;
      if (fieldPath !== undefined) return fieldRefValue(pod, fieldPath, rt.ip, rt.hostIP);
      return source?.valueFrom(view, pod, vf);
    },
    envFrom: (e) => source?.envFrom(view, pod, e) ?? {},
    // The Services the kubelet knew of when it created the container.
    serviceEnv: () => serviceEnvFor(view, pod, crt.startedMs ?? cluster.nowMs),
  });
  const net = netSessionFor(view, pod);
  const out = runSync(literalCommand(argv), env, 0, {
    nowMs: cluster.nowMs, epochMs: cluster.config.epochMs, fs: vfs, hostname: hostnameOf(pod), out: () => undefined,
    net: net?.commands,
  });
  const next = commitFiles(cluster, rt, crt, vfs, net?.changes() ?? []);
  const status = out.timedOut ? 0 : out.status;
  const tail = status !== 0 && opts.terminationNote !== false ? `command terminated with exit code ${status}\n` : '';
  return { cluster: next, stdout: out.stdout, stderr: note + out.stderr + tail, exitCode: status };
}

/**
 * Writes back what a run changed in a container's file system: its own layer and emptyDirs to the
 * Pod's runtime row, hostPath files to the node's (with `extra` runtime changes, e.g. the network's).
 */
export function commitFiles(cluster: Cluster, rt: PodRt, crt: ContainerRt, vfs: Vfs, extra: readonly Parameters<typeof submit>[1][number][] = []): Cluster {
  const changed = vfs.changed();
  const changes: Parameters<typeof submit>[1][number][] = [...extra];
  if (Object.keys(changed).length > 0) {
    let volumes = rt.volumes;
    let rootfs = crt.rootfs;
    let host: Tree | undefined;
    for (const [store, tree] of Object.entries(changed)) {
      if (store === 'root') rootfs = tree;
      else if (store === 'host') host = tree;
      else volumes = { ...volumes, [store.slice(4)]: tree };
    }
    const row: PodRt = { ...withContainerRt(rt, crt, { ...crt, rootfs }), volumes };
    changes.push({ verb: 'runtime', table: 'pods', key: rt.uid, value: row });
    const nodeRow = cluster.tables.nodes.get(rt.node);
    if (host !== undefined) changes.push({ verb: 'runtime', table: 'nodes', key: rt.node, value: { ...(nodeRow ?? { alive: true, lastHeartbeatMs: cluster.nowMs, images: new Set() }), hostFiles: host as ReadonlyMap<string, string> } });
  }
  return changes.length > 0 ? submit(cluster, changes, CONTROLLERS, 'kubectl-exec').cluster : cluster;
}
