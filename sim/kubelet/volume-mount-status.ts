import type { VolumeMount, VolumeMountStatus } from '../api/types';

// pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses (RecursiveReadOnlyMounts, GA in v1.33):
// each container the runtime knows reports its volume mounts; a read-only one carries
// recursiveReadOnly Disabled (Enabled only when the mount asked for it and the runtime supports it).

const memo = new WeakMap<readonly VolumeMount[], readonly VolumeMountStatus[]>();

/**
 * The container's status.volumeMounts, or undefined when it has none (nil, omitted). One array per
 * spec list (the Pod's containers are immutable), so a status sync allocates nothing.
 *
 * | mount                                   | status                                                |
 * |-----------------------------------------|-------------------------------------------------------|
 * | {name: data, mountPath: /data}          | {name: data, mountPath: /data}                        |
 * | {name: t, mountPath: /t, readOnly: true} | {name: t, mountPath: /t, readOnly: true, recursiveReadOnly: Disabled} |
 * | readOnly, recursiveReadOnly: Enabled    | ... recursiveReadOnly: Enabled                        |
 */
export function volumeMountStatuses(mounts: readonly VolumeMount[] | undefined): readonly VolumeMountStatus[] | undefined {
  if (mounts === undefined || mounts.length === 0) return undefined;
  let out = memo.get(mounts);
  if (out === undefined) {
    out = Object.freeze(mounts.map((m) => Object.freeze(m.readOnly === true
      ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: m.recursiveReadOnly === 'Enabled' ? 'Enabled' : 'Disabled' }
      : { name: m.name, mountPath: m.mountPath })));
    memo.set(mounts, out);
  }
  return out;
}
