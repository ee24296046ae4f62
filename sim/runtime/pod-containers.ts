import type { Container, Pod } from '../api/types';
import type { Cluster } from '../engine/types';
import type { ContainerRt, PodRt } from '../kubelet/types';
import { isPodRt } from '../kubelet/types';

// Finding a Pod's container the way kubectl does (exec, logs): the named one, or the first with a
// "Defaulted container" note when the Pod has several.

export interface Resolved {
  readonly pod: Pod;
  readonly spec: Container;
  readonly rt: PodRt | undefined;
  readonly crt: ContainerRt | undefined;
  /** The container's index among the Pod's containers, init containers first (as in PodRt.containers). */
  readonly index: number;
  /** kubectl's stderr note when it picked the default container. */
  readonly note: string;
}

export type ResolveError = { readonly stderr: string; readonly exitCode: number };

export function resolveContainer(cluster: Cluster, namespace: string, podName: string, container: string | undefined): Resolved | ResolveError {
  const pod = cluster.store.get<Pod>('Pod', namespace, podName);
  if (pod === undefined) return { stderr: `Error from server (NotFound): pods "${podName}" not found\n`, exitCode: 1 };
  const inits = pod.spec.initContainers ?? [];
  const all = [...inits, ...pod.spec.containers];
  let note = '';
  let name = container;
  if (name === undefined) {
    name = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0].name;
    if (all.length > 1 && pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] === undefined) {
      const list = [...pod.spec.containers.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)].join(', ');
      note = `Defaulted container "${name}" out of: ${list}\n`;
    }
  }
  const index = all.findIndex((c) => c.name === name);
  const row = cluster.tables.pods.get(pod.metadata.uid);
  const rt = isPodRt(row) ? row : undefined;
  if (index < 0) {
    // An ephemeral container (kubectl debug): its row is apart from the Pod's containers' (PodRt.ephemeral).
    const ephemeral = (pod.spec as { ephemeralContainers?: readonly Container[] }).ephemeralContainers ?? [];
    const e = ephemeral.findIndex((c) => c.name === name);
    if (e < 0) return { stderr: `error: container ${name} is not valid for pod ${podName}\n`, exitCode: 1 };
    return { pod, spec: ephemeral[e], rt, crt: rt?.ephemeral?.[e], index: all.length + e, note };
  }
  return { pod, spec: all[index], rt, crt: rt?.containers[index], index, note };
}

/** The row with one of its containers' (or ephemeral containers') runtime rows replaced. */
export function withContainerRt(rt: PodRt, old: ContainerRt, next: ContainerRt): PodRt {
  if (rt.containers.includes(old)) return { ...rt, containers: rt.containers.map((c) => (c === old ? next : c)) };
  return { ...rt, ephemeral: rt.ephemeral?.map((c) => (c === old ? next : c)) };
}
