import type { Pod, Volume } from '../api/types';
import type { ClusterView } from '../engine/types';
import { registerEnvSource, type EnvSource } from '../runtime/env-hooks';
import { decodeBase64 } from './base64';
import type { ConfigMap, Secret } from './types';

// What a container gets from Secrets and ConfigMaps, through the kubelet's seam (sim/runtime/env-hooks.ts):
// secretKeyRef / configMapKeyRef values, envFrom, and the files of secret / configMap / projected volumes
// (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; pkg/volume/secret, pkg/volume/configmap MakePayload).

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ns = (pod: Pod) => pod.metadata.namespace ?? 'default';

/** A Secret's keys, decoded to text. */
function secretValues(view: ClusterView, pod: Pod, name: unknown): Record<string, string> | undefined {
  if (typeof name !== 'string') return undefined;
  const s = view.get<Secret>('Secret', ns(pod), name);
  if (s === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = decodeBase64(v);
  return out;
}

/** A ConfigMap's keys: data as is, binaryData decoded. */
function configMapValues(view: ClusterView, pod: Pod, name: unknown): Record<string, string> | undefined {
  if (typeof name !== 'string') return undefined;
  const cm = view.get<ConfigMap>('ConfigMap', ns(pod), name);
  if (cm === undefined) return undefined;
  const out: Record<string, string> = { ...(cm.data ?? {}) };
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) out[k] = decodeBase64(v);
  return out;
}

/** MakePayload: every key as a file, or only the listed items at their paths (unlisted keys omitted). */
function payload(values: Readonly<Record<string, string>>, items: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(items) && items.length > 0) {
    for (const item of items) {
      if (!isObj(item) || typeof item.key !== 'string' || typeof item.path !== 'string') continue;
      const v = values[item.key];
      if (v !== undefined) out[`${prefix}${item.path}`] = v;
    }
    return out;
  }
  for (const [k, v] of Object.entries(values)) out[`${prefix}${k}`] = v;
  return out;
}

export const configEnvSource: EnvSource = {
  valueFrom(view, pod, vf) {
    if (!isObj(vf)) return undefined;
    const ref = isObj(vf.secretKeyRef) ? vf.secretKeyRef : isObj(vf.configMapKeyRef) ? vf.configMapKeyRef : undefined;
    if (ref === undefined || typeof ref.key !== 'string') return undefined;
    const values = vf.secretKeyRef !== undefined ? secretValues(view, pod, ref.name) : configMapValues(view, pod, ref.name);
    return values?.[ref.key];
  },
  envFrom(view, pod, entry) {
    if (!isObj(entry)) return {};
    const prefix = typeof entry.prefix === 'string' ? entry.prefix : '';
    const values = isObj(entry.secretRef) ? secretValues(view, pod, entry.secretRef.name)
      : isObj(entry.configMapRef) ? configMapValues(view, pod, entry.configMapRef.name) : undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values ?? {})) out[`${prefix}${k}`] = v;
    return out;
  },
  volumeFiles(view, pod, volume: Volume) {
    if (isObj(volume.secret)) return payload(secretValues(view, pod, volume.secret.secretName) ?? {}, volume.secret.items);
    if (isObj(volume.configMap)) return payload(configMapValues(view, pod, volume.configMap.name) ?? {}, volume.configMap.items);
    if (isObj(volume.projected) && Array.isArray(volume.projected.sources)) {
      const out: Record<string, string> = {};
      for (const src of volume.projected.sources) {
        if (!isObj(src)) continue;
        if (isObj(src.secret)) Object.assign(out, payload(secretValues(view, pod, src.secret.name) ?? {}, src.secret.items));
        if (isObj(src.configMap)) Object.assign(out, payload(configMapValues(view, pod, src.configMap.name) ?? {}, src.configMap.items));
      }
      return out;
    }
    return undefined;
  },
};

registerEnvSource(configEnvSource);
