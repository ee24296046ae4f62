import type { Container, KubeObject, Pod, VolumeMount } from '../api/types';
import type { StoreView } from '../store/store';
import { ALPHANUMS } from '../api/naming';
import { rememberDefaultedSpec } from '../api/defaults/pod';
import type { Json } from '../api/defaults/util';
import {
  API_TOKEN_MOUNT_PATH, DEFAULT_SERVICE_ACCOUNT, ROOT_CA_CONFIGMAP, TOKEN_EXPIRATION_SECONDS, TOKEN_VOLUME_PREFIX, type ServiceAccount,
} from './types';

// The ServiceAccount admission plugin on Pod create (plugin/pkg/admission/serviceaccount/admission.go
// Admit + mountServiceAccountToken): the Pod's account must exist; unless automounting is off (Pod's
// choice first, then the account's), every container mounts a projected kube-api-access-xxxxx volume
// (token, ca.crt, namespace) read-only at /var/run/secrets/kubernetes.io/serviceaccount.
// Mirror (static) Pods are left alone.

export type Admission = { readonly obj: KubeObject; readonly forbidden?: undefined } | { readonly obj?: undefined; readonly forbidden: string };

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** Admit for a Pod being created; other kinds pass through. Idempotent (a Pod already admitted is returned as is). */
export function admitPod(obj: KubeObject, view: StoreView): Admission {
  if (obj.kind !== 'Pod') return { obj };
  const pod = obj as Pod;
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return { obj };
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.spec.serviceAccountName || DEFAULT_SERVICE_ACCOUNT;
  const account = view.get<ServiceAccount>('ServiceAccount', ns, name);
  // getServiceAccount retries "default" for a while: the serviceaccount controller creates it as
  // soon as a namespace exists (NamespaceLifecycle admission, not this plugin, refuses a missing
  // namespace), so a Pod in a namespace created in the same batch is admitted.
  if (account === undefined && name !== DEFAULT_SERVICE_ACCOUNT) {
    return { forbidden: `pods "${pod.metadata.name || pod.metadata.generateName || ''}" is forbidden: error looking up service account ${ns}/${name}: serviceaccount "${name}" not found` };
  }
  let spec = pod.spec;
  if (shouldAutomount(account, pod)) spec = mountServiceAccountToken(pod);
  if ((spec.imagePullSecrets ?? []).length === 0 && (account?.imagePullSecrets ?? []).length > 0) {
    spec = { ...spec, imagePullSecrets: account!.imagePullSecrets!.map((s) => ({ name: s.name })) };
  }
  if (spec === pod.spec) return { obj };
  rememberDefaultedSpec(spec as unknown as Json, false); // admission adds only defaulted fields
  return { obj: { ...pod, spec } as Pod };
}

/** shouldAutomount: the Pod's preference wins, then the account's, default true. */
function shouldAutomount(account: ServiceAccount | undefined, pod: Pod): boolean {
  const own = (pod.spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken;
  if (own !== undefined) return own;
  return account?.automountServiceAccountToken ?? true;
}

function mountServiceAccountToken(pod: Pod): Pod['spec'] {
  const volumes = pod.spec.volumes ?? [];
  const existing = volumes.find((v) => v.name.startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing?.name ?? tokenVolumeName(pod);
  const mount = { name: volumeName, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH };
  const initContainers = pod.spec.initContainers === undefined ? undefined : withTokenMount(pod.spec.initContainers, mount);
  const containers = pod.spec.containers === undefined ? undefined : withTokenMount(pod.spec.containers, mount);
  if (initContainers === pod.spec.initContainers && containers === pod.spec.containers) return pod.spec;
  const withVolume = existing !== undefined ? volumes : volumes.concat({ name: volumeName, projected: tokenVolumeSource() });
  // One spread of the spec, not a second of a temporary object (the same fields in the same order).
  return (initContainers !== undefined
    ? { ...pod.spec, initContainers, containers, volumes: withVolume }
    : { ...pod.spec, containers, volumes: withVolume }) as Pod['spec'];
}

/** The containers, each with the token mount unless one is mounted at its path already; the same array when none needs it. */
function withTokenMount(list: readonly Container[], mount: VolumeMount): readonly Container[] {
  let out: Container[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    // Existing mounts at the default mount path prevent mounting of the API token.
    if (mountsAt(c.volumeMounts, API_TOKEN_MOUNT_PATH)) continue;
    out ??= list.slice(); // an exact-size copy, as map() made
    out[i] = { ...c, volumeMounts: (c.volumeMounts ?? []).concat(mount) }; // concat: an exact-size array (a spread allocates room for 17)
  }
  return out ?? list;
}

function mountsAt(mounts: readonly VolumeMount[] | undefined, path: string): boolean {
  if (mounts === undefined) return false;
  for (let i = 0; i < mounts.length; i++) if (mounts[i].mountPath === path) return true;
  return false;
}

/** TokenVolumeSource: the service account token, the cluster's CA bundle and the namespace (one frozen value, shared). */
export function tokenVolumeSource(): Record<string, unknown> {
  return TOKEN_VOLUME_SOURCE;
}

const TOKEN_VOLUME_SOURCE: Record<string, unknown> = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
    { configMap: { name: ROOT_CA_CONFIGMAP, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object') { for (const x of Object.values(v)) deepFreeze(x); Object.freeze(v); }
  return v;
}

/**
 * names.SimpleNameGenerator on "kube-api-access-": five characters of utilrand's alphabet. The API
 * server draws them at random; here they come from the Pod's namespace/name, so admitting a Pod
 * takes nothing from the cluster's random stream.
 */
function tokenVolumeName(pod: Pod): string {
  // FNV-1a of `namespace/name`, hashed part by part (no text built for it).
  let h = fnv1a(0x811c9dc5, pod.metadata.namespace ?? '');
  h = Math.imul(h ^ 0x2f, 0x01000193) >>> 0; // '/'
  h = fnv1a(h, pod.metadata.name || pod.metadata.generateName || '');
  let suffix = '';
  for (let i = 0; i < 5; i++) { suffix += ALPHANUMS[h % ALPHANUMS.length]; h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0; }
  return [TOKEN_VOLUME_PREFIX, suffix].join(''); // one flat string: every Pod keeps its own
}

function fnv1a(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
