import type { Container, Pod, Volume } from '../api/types';
import type { ClusterView } from '../engine/types';
import { registerEnvSource, type EnvSource, type VolumeProjection } from '../runtime/env-hooks';
import { decodeBase64 } from './base64';
import type { ConfigMap, Secret } from './types';
import { downwardApiFiles } from './downward-api';
import { tokenRequest, tokenText, type TokenRequest } from '../serviceaccount/token';
import { lazyTokenProjection, lazyTokenProjector } from './lazy-token';

// What a container gets from Secrets and ConfigMaps, through the kubelet's seam (sim/runtime/env-hooks.ts):
// secretKeyRef / configMapKeyRef values, envFrom, and the files of secret / configMap / projected volumes
// (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; pkg/volume/secret, pkg/volume/configmap MakePayload),
// and the errors the kubelet reports when a reference does not resolve.

type Obj = Record<string, unknown>;
type Values = Readonly<Record<string, string>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ns = (pod: Pod) => pod.metadata.namespace ?? 'default';
const isOptional = (ref: Obj) => ref.optional === true;

/** A serviceAccountToken projection: the bound token's request (default expiration 3600 s) and its path. */
/** A serviceAccountToken source's file path and lifetime (SetDefaults: 3600 s). */
function tokenSource(src: Obj): { readonly path: string; readonly expirationSeconds: number } {
  return { path: String(src.path ?? 'token'), expirationSeconds: typeof src.expirationSeconds === 'number' ? src.expirationSeconds : 3600 };
}

/**
 * pkg/volume/projected collectData over the sources: their files in order, the token paths not
 * written over by a later source (files holds '' there, to keep the order), and every source's error.
 */
function collectProjected(view: ClusterView, pod: Pod, sources: readonly unknown[]): { files: Record<string, string>; tokens: Map<string, number>; errors: string[] } {
  const files: Record<string, string> = {};
  const tokens = new Map<string, number>(); // path -> expirationSeconds
  const errors: string[] = [];
  for (const src of sources) {
    if (!isObj(src)) continue;
    if (isObj(src.serviceAccountToken)) {
      const t = tokenSource(src.serviceAccountToken);
      files[t.path] = '';
      tokens.set(t.path, t.expirationSeconds);
      continue;
    }
    const one = isObj(src.secret) ? projectSource(view, pod, 'secret', src.secret, src.secret.name)
      : isObj(src.configMap) ? projectSource(view, pod, 'configmap', src.configMap, src.configMap.name)
      : isObj(src.downwardAPI) ? downwardApiFiles(pod, src.downwardAPI) : undefined;
    if (one === undefined) continue;
    if ('error' in one) errors.push(one.error);
    else { Object.assign(files, one.files); for (const k of Object.keys(one.files)) tokens.delete(k); }
  }
  return { files, tokens, errors };
}

/** A Secret's keys, decoded to text. */
function secretValues(view: ClusterView, pod: Pod, name: unknown): Values | undefined {
  if (typeof name !== 'string') return undefined;
  const s = view.get<Secret>('Secret', ns(pod), name);
  if (s === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = decodeBase64(v);
  return out;
}

/** A ConfigMap's keys: data as is, and (for volumes only: makeEnvironmentVariables reads Data alone) binaryData decoded. */
function configMapValues(view: ClusterView, pod: Pod, name: unknown, withBinary: boolean): Values | undefined {
  if (typeof name !== 'string') return undefined;
  const cm = view.get<ConfigMap>('ConfigMap', ns(pod), name);
  if (cm === undefined) return undefined;
  if (!withBinary) return cm.data ?? {};
  const out: Record<string, string> = { ...(cm.data ?? {}) };
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) out[k] = decodeBase64(v);
  return out;
}

/** apierrors.NewNotFound with the kubelet managers' group resources (corev1.Resource("secret"), ("configmap")). */
const notFound = (resource: 'secret' | 'configmap', name: unknown) => `${resource} "${String(name)}" not found`;

/** A reference's values, or the error; `skip` when it is optional and missing. */
type Lookup = { readonly values: Values } | { readonly error: string } | { readonly skip: true };

function lookup(view: ClusterView, pod: Pod, kind: 'secret' | 'configmap', ref: Obj, name: unknown, withBinary: boolean): Lookup {
  const values = kind === 'secret' ? secretValues(view, pod, name) : configMapValues(view, pod, name, withBinary);
  if (values !== undefined) return { values };
  return isOptional(ref) ? { skip: true } : { error: notFound(kind, name) };
}

/** MakePayload: every key as a file, or only the listed items at their paths; a listed key that is missing is an error unless optional. */
function payload(values: Values, items: unknown, kind: 'secret' | 'configmap', optional: boolean): VolumeProjection {
  const files: Record<string, string> = {};
  if (Array.isArray(items) && items.length > 0) {
    for (const item of items) {
      if (!isObj(item) || typeof item.key !== 'string' || typeof item.path !== 'string') continue;
      const v = values[item.key];
      if (v !== undefined) files[item.path] = v;
      else if (!optional) {
        return { error: kind === 'secret' ? `references non-existent secret key: ${item.key}` : `configmap references non-existent config key: ${item.key}` };
      }
    }
    return { files };
  }
  return { files: { ...values } };
}

/** One secret/configMap source of a volume (SetUpAt): a missing optional object projects no files. */
function projectSource(view: ClusterView, pod: Pod, kind: 'secret' | 'configmap', src: Obj, name: unknown): VolumeProjection {
  const found = lookup(view, pod, kind, src, name, true);
  if ('error' in found) return found;
  return payload('skip' in found ? {} : found.values, src.items, kind, isOptional(src));
}

/** The env var source an entry names, resolved as makeEnvironmentVariables does. */
function resolveValueFrom(view: ClusterView, pod: Pod, vf: unknown): { readonly value: string } | { readonly error: string } | undefined {
  if (!isObj(vf)) return undefined;
  const kind = isObj(vf.secretKeyRef) ? 'secret' : isObj(vf.configMapKeyRef) ? 'configmap' : undefined;
  if (kind === undefined) return undefined;
  const ref = (kind === 'secret' ? vf.secretKeyRef : vf.configMapKeyRef) as Obj;
  const found = lookup(view, pod, kind, ref, ref.name, false);
  if ('error' in found) return found;
  if ('skip' in found) return undefined;
  const key = String(ref.key);
  const value = found.values[key];
  if (value !== undefined) return { value };
  if (isOptional(ref)) return undefined;
  return { error: `couldn't find key ${key} in ${kind === 'secret' ? 'Secret' : 'ConfigMap'} ${ns(pod)}/${String(ref.name)}` };
}

function envFromLookup(view: ClusterView, pod: Pod, entry: unknown): Lookup | undefined {
  if (!isObj(entry)) return undefined;
  if (isObj(entry.secretRef)) return lookup(view, pod, 'secret', entry.secretRef, entry.secretRef.name, false);
  if (isObj(entry.configMapRef)) return lookup(view, pod, 'configmap', entry.configMapRef, entry.configMapRef.name, false);
  return undefined;
}

/**
 * A projected volume whose files are the same for every Pod of a namespace but for one token (the
 * kube-api-access volume: token, the root CA ConfigMap, the namespace): its files and tree are
 * worked out once per (sources, namespace, objects read), each Pod adding only its token request.
 */
interface SharedProjection {
  readonly expirationSeconds: number;
  readonly project: (request: TokenRequest) => VolumeProjection;
}

interface SharedEntry {
  readonly namespace: string;
  /** The Secret/ConfigMap objects the sources read, in order (compared by identity). */
  readonly read: readonly unknown[];
  readonly shared: SharedProjection | undefined;
}

// By the projected source (immutable; admission gives every Pod's token volume the same one); the
// entry holds the last namespace asked for.
const sharedByProjected = new WeakMap<object, SharedEntry>();

function sharedProjection(view: ClusterView, pod: Pod, projected: Obj): SharedProjection | undefined {
  const sources = Array.isArray(projected.sources) ? projected.sources : [];
  const hit = sharedByProjected.get(projected); // an entry is made only for namespace-only sources
  if (hit === undefined && !namespaceOnly(sources)) return undefined;
  const namespace = ns(pod);
  const read = new Array<unknown>(sources.length);
  let same = hit !== undefined && hit.namespace === namespace;
  for (let i = 0; i < sources.length; i++) {
    read[i] = objectRead(view, namespace, sources[i]);
    if (same && hit!.read[i] !== read[i]) same = false;
  }
  if (same) return hit!.shared;
  const shared = makeShared(view, pod, sources);
  sharedByProjected.set(projected, { namespace, read, shared });
  return shared;
}

/** The Secret or ConfigMap a projected source reads, if any. */
function objectRead(view: ClusterView, namespace: string, src: unknown): unknown {
  if (!isObj(src) || isObj(src.serviceAccountToken)) return undefined;
  if (isObj(src.secret)) return typeof src.secret.name === 'string' ? view.get('Secret', namespace, src.secret.name) : undefined;
  if (isObj(src.configMap)) return typeof src.configMap.name === 'string' ? view.get('ConfigMap', namespace, src.configMap.name) : undefined;
  return undefined;
}

/** Whether the sources' files depend on the Pod through its namespace alone (a token's request aside). */
function namespaceOnly(sources: readonly unknown[]): boolean {
  let tokens = 0;
  for (const src of sources) {
    if (!isObj(src)) continue;
    if (isObj(src.serviceAccountToken)) { tokens++; continue; }
    if (isObj(src.secret) || isObj(src.configMap) || !isObj(src.downwardAPI)) continue;
    for (const item of Array.isArray(src.downwardAPI.items) ? src.downwardAPI.items : []) {
      if (isObj(item) && typeof item.path === 'string' && isObj(item.fieldRef) && item.fieldRef.fieldPath !== 'metadata.namespace') return false;
    }
  }
  return tokens === 1;
}

/** projectVolume's projected branch for the shared part: undefined unless it ends in one lazy token. */
function makeShared(view: ClusterView, pod: Pod, sources: readonly unknown[]): SharedProjection | undefined {
  const { files, tokens, errors } = collectProjected(view, pod, sources);
  if (errors.length > 0 || tokens.size !== 1) return undefined; // failures go the general way
  const [[path, expirationSeconds]] = tokens;
  return { expirationSeconds, project: lazyTokenProjector(Object.freeze(files), path) };
}

export const configEnvSource: EnvSource = {
  valueFrom(view, pod, vf) {
    const r = resolveValueFrom(view, pod, vf);
    return r !== undefined && 'value' in r ? r.value : undefined;
  },
  envFrom(view, pod, entry) {
    const found = envFromLookup(view, pod, entry);
    if (found === undefined || !('values' in found)) return {};
    const prefix = isObj(entry) && typeof entry.prefix === 'string' ? entry.prefix : '';
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(found.values)) out[`${prefix}${k}`] = v;
    return out;
  },
  // makeEnvironmentVariables: envFrom sources first, then env entries, in order; the first error stops it.
  envError(view, pod, container: Container) {
    for (const entry of container.envFrom ?? []) {
      const found = envFromLookup(view, pod, entry);
      if (found !== undefined && 'error' in found) return found.error;
    }
    for (const e of container.env ?? []) {
      if (e.value !== undefined && e.value !== '') continue;
      const r = resolveValueFrom(view, pod, e.valueFrom);
      if (r !== undefined && 'error' in r) return r.error;
    }
    return undefined;
  },
  projectVolume(view, pod, volume: Volume) {
    if (isObj(volume.secret)) return projectSource(view, pod, 'secret', volume.secret, volume.secret.secretName);
    if (isObj(volume.configMap)) return projectSource(view, pod, 'configmap', volume.configMap, volume.configMap.name);
    if (isObj((volume as Obj).downwardAPI)) return downwardApiFiles(pod, (volume as Obj).downwardAPI as Obj);
    if (!isObj(volume.projected)) return undefined;
    const shared = sharedProjection(view, pod, volume.projected);
    if (shared !== undefined) return shared.project(tokenRequest(view, pod, shared.expirationSeconds));
    const { files, tokens, errors } = collectProjected(view, pod, Array.isArray(volume.projected.sources) ? volume.projected.sources : []);
    // aggregate.Error(): one distinct message as is, several in brackets.
    const distinct = [...new Set(errors)];
    if (distinct.length === 1) return { error: distinct[0] };
    if (distinct.length > 1) return { error: `[${distinct.join(', ')}]` };
    if (tokens.size === 1) { const [[path, seconds]] = tokens; return lazyTokenProjection(files, path, tokenRequest(view, pod, seconds)); }
    for (const [path, seconds] of tokens) files[path] = tokenText(tokenRequest(view, pod, seconds)); // several tokens: rare, made now
    return { files };
  },
  volumeFiles(view, pod, volume: Volume) {
    const p = configEnvSource.projectVolume!(view, pod, volume);
    return p === undefined ? undefined : 'files' in p ? p.files : {};
  },
};

registerEnvSource(configEnvSource);
