import { applyManifests, submit, viewOf } from '../index';
import type { Cluster } from '../engine/types';
import type { KubeObject } from '../api/types';
import { parseYaml } from './goyaml';
import { isMap, toPlain, type GoMap } from './template/values';
import { UNINSTALL_ORDER, sortByKind } from './kind-order';
import type { Manifest } from './manifests';

// Helm's kube client over the simulator: create a release's objects (with the ownership label and
// annotations Helm 3 stamps on them, action.setMetadataVisitor), update them on upgrade (patch,
// here the apply path), delete what a new revision no longer has, and delete in UninstallOrder.

export interface KubeResult { readonly cluster: Cluster; readonly error?: string }

const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'IngressClass', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);

function objectOf(m: Manifest, release: string, namespace: string): GoMap {
  const obj = parseYaml(m.content) as GoMap;
  const meta = (isMap(obj.metadata) ? { ...obj.metadata } : {}) as GoMap;
  meta.labels = { ...(isMap(meta.labels) ? meta.labels : {}), 'app.kubernetes.io/managed-by': 'Helm' };
  meta.annotations = { ...(isMap(meta.annotations) ? meta.annotations : {}), 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace };
  if (!CLUSTER_SCOPED.has(m.kind) && typeof meta.namespace !== 'string') meta.namespace = namespace;
  return { ...obj, metadata: meta };
}

function nsOf(m: Manifest, namespace: string): string {
  return CLUSTER_SCOPED.has(m.kind) ? '' : m.namespace ?? namespace;
}

function live(cluster: Cluster, m: Manifest, namespace: string): KubeObject | undefined {
  return viewOf(cluster).get(m.kind, nsOf(m, namespace), m.name);
}

/** existingResourceConflict: an object that exists and is not this release's cannot be adopted. */
function conflict(cluster: Cluster, m: Manifest, release: string, namespace: string): string | undefined {
  const obj = live(cluster, m, namespace);
  if (obj === undefined) return undefined;
  const labels = obj.metadata.labels ?? {};
  const ann = obj.metadata.annotations ?? {};
  const errs: string[] = [];
  if (labels['app.kubernetes.io/managed-by'] !== 'Helm') errs.push(`label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"`);
  if (ann['meta.helm.sh/release-name'] !== release) errs.push(ann['meta.helm.sh/release-name'] === undefined ? `annotation validation error: missing key "meta.helm.sh/release-name": must be set to "${release}"` : `annotation validation error: key "meta.helm.sh/release-name" must equal "${release}": current value is "${ann['meta.helm.sh/release-name']}"`);
  if (ann['meta.helm.sh/release-namespace'] !== namespace) errs.push(ann['meta.helm.sh/release-namespace'] === undefined ? `annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "${namespace}"` : `annotation validation error: key "meta.helm.sh/release-namespace" must equal "${namespace}": current value is "${ann['meta.helm.sh/release-namespace']}"`);
  if (errs.length === 0) return undefined;
  const where = nsOf(m, namespace) === '' ? '' : ` in namespace "${nsOf(m, namespace)}"`;
  return `${m.kind} "${m.name}"${where} exists and cannot be imported into the current release: invalid ownership metadata; ${errs.join('; ')}`;
}

function write(cluster: Cluster, objs: readonly GoMap[], mode: 'create' | 'apply' | 'replace', namespace: string, verb: string): KubeResult {
  if (objs.length === 0) return { cluster };
  const text = objs.map((o) => JSON.stringify(toPlain(o))).join('\n---\n');
  const r = applyManifests(cluster, text, { mode, source: 'helm', namespace });
  if (r.errors.length > 0) return { cluster, error: `${verb}: failed to ${mode === 'create' ? 'create' : 'update'}: ${r.errors.map((e) => e.replace(/^(error: |Error from server \(\w+\): )/, '').replace(/^error when creating "helm": /, '')).join('; ')}` };
  return { cluster: r.cluster };
}

/** Install: every object must be new (or already this release's). */
export function createResources(cluster: Cluster, manifests: readonly Manifest[], release: string, namespace: string): KubeResult {
  for (const m of manifests) {
    const c = conflict(cluster, m, release, namespace);
    if (c !== undefined) return { cluster, error: `rendered manifests contain a resource that already exists. Unable to continue with install: ${c}` };
  }
  if (viewOf(cluster).get('Namespace', '', namespace) === undefined) return { cluster, error: `create: failed to create: namespaces "${namespace}" not found` };
  const fresh = manifests.filter((m) => live(cluster, m, namespace) === undefined).map((m) => objectOf(m, release, namespace));
  const adopted = manifests.filter((m) => live(cluster, m, namespace) !== undefined).map((m) => objectOf(m, release, namespace));
  const a = write(cluster, fresh, 'create', namespace, 'create');
  if (a.error !== undefined) return a;
  return write(a.cluster, adopted, 'apply', namespace, 'update');
}

/** A JSON merge patch from `a` to `b` (RFC 7386): changed keys, removed ones as null. */
export function mergePatch(a: unknown, b: unknown): unknown {
  if (!isMap(a as GoMap) || !isMap(b as GoMap)) return b;
  const am = a as GoMap;
  const bm = b as GoMap;
  const out: GoMap = {};
  for (const [k, v] of Object.entries(bm)) {
    if (JSON.stringify(toPlain(am[k])) === JSON.stringify(toPlain(v))) continue;
    out[k] = (k in am && isMap(am[k]) && isMap(v) ? mergePatch(am[k], v) : v) as GoMap[string];
  }
  for (const k of Object.keys(am)) if (!(k in bm)) out[k] = null;
  return out;
}

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch as GoMap)) return patch;
  const out: GoMap = isMap(target as GoMap) ? { ...(target as GoMap) } : {};
  for (const [k, v] of Object.entries(patch as GoMap)) {
    if (v === null) delete out[k];
    else out[k] = (isMap(v) ? applyMergePatch(out[k], v) : v) as GoMap[string];
  }
  return out;
}

/**
 * Upgrade and rollback (kube.Client.Update): create the new, patch the kept, delete the dropped.
 * The patch is the change between the old and the new manifest (Helm's three-way merge, here as a
 * JSON merge patch), applied to the live object: a field the chart did not change keeps its live
 * value (a `kubectl scale` survives an upgrade that leaves replicas alone).
 */
export function updateResources(cluster: Cluster, current: readonly Manifest[], target: readonly Manifest[], release: string, namespace: string, verb: string): KubeResult {
  const key = (m: Manifest): string => `${m.kind}/${nsOf(m, namespace)}/${m.name}`;
  const oldByKey = new Map(current.map((m) => [key(m), m]));
  for (const m of target) {
    if (current.some((c) => key(c) === key(m))) continue;
    const c = conflict(cluster, m, release, namespace);
    if (c !== undefined) return { cluster, error: `Unable to continue with update: ${c}` };
  }
  const fresh = target.filter((m) => live(cluster, m, namespace) === undefined).map((m) => objectOf(m, release, namespace));
  const kept = target.filter((m) => live(cluster, m, namespace) !== undefined).map((m) => {
    const old = oldByKey.get(key(m));
    const patch = mergePatch(old === undefined ? {} : objectOf(old, release, namespace), objectOf(m, release, namespace));
    const { status: _status, ...liveObj } = JSON.parse(JSON.stringify(live(cluster, m, namespace))) as GoMap;
    return applyMergePatch(liveObj, patch) as GoMap;
  });
  let r = write(cluster, fresh, 'create', namespace, verb);
  if (r.error !== undefined) return r;
  r = write(r.cluster, kept, 'replace', namespace, verb);
  if (r.error !== undefined) return r;
  const targetKeys = new Set(target.map(key));
  const dropped = current.filter((m) => !targetKeys.has(key(m)));
  return deleteResources(r.cluster, dropped, namespace);
}

/** Deletes in UninstallOrder; objects already gone are skipped. */
export function deleteResources(cluster: Cluster, manifests: readonly Manifest[], namespace: string): KubeResult {
  const ordered = sortByKind(manifests, (m) => m.kind, UNINSTALL_ORDER).filter((m) => live(cluster, m, namespace) !== undefined);
  if (ordered.length === 0) return { cluster };
  const r = submit(cluster, ordered.map((m) => ({ verb: 'delete' as const, ref: { kind: m.kind, namespace: nsOf(m, namespace), name: m.name }, reason: 'helm uninstall' })), 'helm');
  if (r.errors.length > 0) return { cluster, error: r.errors.join('; ') };
  return { cluster: r.cluster };
}

/** Writes (creates or updates) Secrets holding release revisions. */
export function storeSecrets(cluster: Cluster, secrets: readonly KubeObject[]): KubeResult {
  const view = viewOf(cluster);
  const fresh = secrets.filter((s) => view.get('Secret', s.metadata.namespace ?? '', s.metadata.name) === undefined);
  const existing = secrets.filter((s) => view.get('Secret', s.metadata.namespace ?? '', s.metadata.name) !== undefined);
  let r = write(cluster, fresh as unknown as GoMap[], 'create', secrets[0]?.metadata.namespace ?? 'default', 'create');
  if (r.error !== undefined) return r;
  if (existing.length > 0) {
    const res = submit(r.cluster, existing.map((s) => {
      const cur = viewOf(r.cluster).get('Secret', s.metadata.namespace ?? '', s.metadata.name)!;
      return { verb: 'update' as const, object: { ...cur, metadata: { ...cur.metadata, labels: s.metadata.labels }, data: (s as unknown as { data: unknown }).data } as KubeObject };
    }), 'helm');
    if (res.errors.length > 0) return { cluster, error: res.errors.join('; ') };
    r = { cluster: res.cluster };
  }
  return r;
}

export function deleteSecrets(cluster: Cluster, namespace: string, names: readonly string[]): KubeResult {
  if (names.length === 0) return { cluster };
  const r = submit(cluster, names.map((name) => ({ verb: 'delete' as const, ref: { kind: 'Secret', namespace, name }, reason: 'helm uninstall' })), 'helm');
  if (r.errors.length > 0) return { cluster, error: r.errors.join('; ') };
  return { cluster: r.cluster };
}
