import type { Container, Pod, Volume } from '../api/types';
import type { ClusterView } from '../engine/types';
import type { Tree } from './fs';

// What a container gets from other API objects. The kubelet resolves the downward API (fieldRef)
// itself; ConfigMap and Secret references (configMapKeyRef, secretKeyRef, envFrom) and projected
// volume files (configMap, secret, downwardAPI, projected) come from the config area through this
// seam, registered once at module load. A reference that cannot be resolved is an error the kubelet
// reports as Kubernetes does: envError (CreateContainerConfigError) and projectVolume (FailedMount).

/**
 * A configMap/secret/projected volume's payload (paths relative to the volume root), or why it cannot
 * be set up. `tree`, when given, holds the same files as treeOf(files) but makes some only when read
 * (the service-account token): use it rather than `files`, which computes them all.
 */
export type VolumeProjection =
  | { readonly files: Readonly<Record<string, string>>; readonly tree?: Tree }
  | { readonly error: string };

export interface EnvSource {
  /** The value of one env entry's valueFrom, or undefined when it cannot be resolved. */
  valueFrom(view: ClusterView, pod: Pod, valueFrom: unknown): string | undefined;
  /** The variables an envFrom entry brings in (in order). */
  envFrom(view: ClusterView, pod: Pod, entry: unknown): Readonly<Record<string, string>>;
  /** Files of a projected volume (paths relative to the volume root), or undefined if not such a volume. */
  volumeFiles?(view: ClusterView, pod: Pod, volume: Volume): Readonly<Record<string, string>> | undefined;
  /** The error makeEnvironmentVariables returns for the container's env/envFrom (e.g. `secret "s" not found`), or undefined. */
  envError?(view: ClusterView, pod: Pod, container: Container): string | undefined;
  /** MountVolume.SetUp of a configMap/secret/projected volume: its files or the error; undefined if not such a volume. */
  projectVolume?(view: ClusterView, pod: Pod, volume: Volume): VolumeProjection | undefined;
}

let source: EnvSource | undefined;

export function registerEnvSource(s: EnvSource | undefined): void {
  source = s;
}

export function envSource(): EnvSource | undefined {
  return source;
}

/** kubelet_pods.go podFieldSelectorRuntimeValue / fieldpath.ExtractFieldPathAsString. */
export function fieldRefValue(pod: Pod, fieldPath: string, podIP: string, hostIP: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
  switch (fieldPath) {
    case 'metadata.name': return pod.metadata.name;
    case 'metadata.namespace': return pod.metadata.namespace ?? 'default';
    case 'metadata.uid': return pod.metadata.uid;
    case 'spec.nodeName': return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec.serviceAccountName ?? 'default';
    case 'status.podIP': case 'status.podIPs': return podIP;
    case 'status.hostIP': case 'status.hostIPs': return hostIP;
    default: return undefined;
  }
}
