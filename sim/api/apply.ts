import type { KubeObject, ObjectMeta } from './types';
import { parseManifests, type ParsedDocument } from './parse';
import { kindInfo, resourceRef, type KindInfo } from './kinds';
import { formatKubectlInvalid, required } from './field-errors';
import { threeWayMerge } from './merge';
import { goJson, threeWayMergePatch } from './apply-patch';
import { storedForm } from './defaults/meta';
import { canonicalJson, fnv32a } from './naming';
import { rngFrom, seedState } from '../engine/rng';
import type { StoreView } from '../store/store';
import type { Change } from '../engine/types';
import './kinds/index';

// The API server's write path for manifests, as kubectl apply/create/replace drive it:
// parse -> resolve kind -> strict decode -> three-way merge with the live object (apply) ->
// default (+ defaulting admission) -> prepare update -> validate -> allocate -> create or update.
// All documents are checked before anything is written; one error and nothing is stored.

/** Kinds a later document's admission reads, so an earlier document of the same file must be visible to it. */
const OVERLAID_KINDS: ReadonlySet<string> = new Set(['Namespace', 'ServiceAccount', 'PriorityClass']);

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type WriteMode = 'apply' | 'create' | 'replace';

export interface ManifestPlan {
  readonly changes: readonly Change[];
  /** kubectl's per-object lines: `deployment.apps/nginx created`. */
  readonly lines: readonly string[];
  /** Error lines, as kubectl prints them; when any, `changes` is empty. */
  readonly errors: readonly string[];
  /** Warning lines kubectl prints on stderr (apply on an object without last-applied-configuration). */
  readonly warnings?: readonly string[];
  /** The object of each line, to read back what the server stored (kubectl's -o yaml prints its response). */
  readonly refs?: readonly ObjectRef[];
  /**
   * The object of each line as kubectl read it from the file, namespace set by the resource
   * builder (resource.SetNamespace): what `--dry-run=client -o yaml` prints, nothing sent.
   */
  readonly locals?: readonly KubeObject[];
}

/** Where a written object is stored. */
export interface ObjectRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface PlanOptions {
  readonly mode: WriteMode;
  /** File name shown in messages (kubectl's "from \"nginx.yml\""). */
  readonly source: string;
  /** -n / --namespace; objects without metadata.namespace land here. */
  readonly namespace?: string;
  /** True when the user passed -n: a manifest naming another namespace is then an error. */
  readonly namespaceExplicit?: boolean;
  /** create --save-config / replace --save-config: store the last-applied-configuration annotation too. */
  readonly saveConfig?: boolean;
}

/** Plans the writes for a YAML text; pure: the caller submits `changes` to the engine. */
export function planManifests(view: StoreView, text: string, opts: PlanOptions): ManifestPlan {
  const parsed = parseManifests(text, opts.source);
  if (!parsed.ok) return { changes: [], lines: [], errors: [parsed.error] };
  if (parsed.docs.length === 0) return { changes: [], lines: [], errors: [`error: no objects passed to ${opts.mode}`] };
  return planObjects(view, parsed.docs, opts);
}

export function planObjects(view: StoreView, docs: readonly ParsedDocument[], opts: PlanOptions): ManifestPlan {
  const changes: Change[] = [];
  const lines: string[] = [];
  const refs: ObjectRef[] = [];
  const locals: KubeObject[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const verb = opts.mode === 'replace' ? 'replacing' : 'creating';
  const plannedObjects: KubeObject[] = [];
  for (const doc of docs) {
    const planned = planOneSafely(plannedObjects.length === 0 ? view : overlay(view, plannedObjects), doc, opts);
    if ('error' in planned) { errors.push(planned.error.replace('{verb}', verb)); continue; }
    const id = `${planned.info.kind}/${planned.obj.metadata.namespace ?? ''}/${planned.obj.metadata.name}`;
    if (planned.obj.metadata.name !== '' && seen.has(id)) {
      errors.push(`error: ${opts.source}: document at line ${doc.line} repeats ${resourceRef(planned.info, planned.obj.metadata.name)}; each object may appear once per apply`);
      continue;
    }
    seen.add(id);
    if (planned.change !== undefined) changes.push(planned.change);
    if (planned.warning !== undefined) warnings.push(planned.warning);
    // Later documents see objects planned earlier: a Namespace created at the top of the file (kubectl
    // applies documents in order), Services whose addresses are allocated, the PriorityClass a later
    // Pod names (the Priority admission plugin reads it).
    if (planned.change !== undefined && (planned.info.allocate !== undefined || OVERLAID_KINDS.has(planned.info.kind))) plannedObjects.push(planned.obj);
    lines.push(`${resourceRef(planned.info, planned.obj.metadata.name)} ${planned.outcome}`);
    refs.push({ kind: planned.info.kind, namespace: planned.obj.metadata.namespace ?? '', name: planned.obj.metadata.name });
    locals.push(planned.local);
  }
  return errors.length > 0 ? { changes: [], lines: [], errors } : { changes, lines, errors, refs, locals, ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * The store as seen by a later document of the same file: objects with allocations planned earlier
 * in the batch (Services and their IPs and ports) are listed too, so two never get the same address.
 */
function overlay(view: StoreView, planned: readonly KubeObject[]): StoreView {
  const extra = (kind: string, namespace?: string) => planned.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
  return {
    get: <T extends KubeObject>(k: string, ns: string, n: string) =>
      (planned.find((o) => o.kind === k && (o.metadata.namespace ?? '') === ns && o.metadata.name === n) as T | undefined) ?? view.get<T>(k, ns, n),
    getByKey: (key) => view.getByKey(key),
    list: <T extends KubeObject>(k: string, ns?: string) => [...view.list<T>(k, ns).filter((o) => !extra(k, ns).some((p) => p.metadata.name === o.metadata.name && p.metadata.namespace === o.metadata.namespace)), ...(extra(k, ns) as T[])],
    count: (k, ns) => view.count(k, ns),
    namespacesOf: (k) => view.namespacesOf(k),
    dependents: (uid) => view.dependents(uid),
    podsOnNode: (n) => view.podsOnNode(n),
    firstPodOnNode: (n, test) => view.firstPodOnNode(n, test),
    select: (k, ns, sel) => view.select(k, ns, sel),
    orphanCount: (k, ns) => view.orphanCount(k, ns),
  };
}

/** A bug in defaulting or validation must not escape as an exception: it becomes one error line. */
function planOneSafely(view: StoreView, doc: ParsedDocument, opts: PlanOptions): Planned {
  try {
    return planOne(view, doc, opts);
  } catch (e) {
    return { error: `error: ${opts.source}, document at line ${doc.line}: the simulator failed to process this object (${(e as Error).message}); this is a simulator bug, please report it` };
  }
}

type Planned =
  | { readonly info: KindInfo; readonly obj: KubeObject; readonly local: KubeObject; readonly change?: Change; readonly outcome: string; readonly warning?: string }
  | { readonly error: string };

function planOne(view: StoreView, doc: ParsedDocument, opts: PlanOptions): Planned {
  const raw = doc.value;
  const missing = [raw.apiVersion ? '' : 'apiVersion not set', raw.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length > 0) {
    // kubectl's client-side check (utilerrors.Aggregate: brackets only for several).
    const body = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    return { error: `error: error validating "${opts.source}": error validating data: ${body}; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  const kind = String(raw.kind);
  const apiVersion = String(raw.apiVersion);
  const meta = (typeof raw.metadata === 'object' && raw.metadata !== null ? raw.metadata : {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const info = kindInfo(kind);
  if (info === undefined || !info.apiVersions.includes(apiVersion)) {
    return { error: `error: resource mapping not found for name: "${name}" namespace: "${meta.namespace ?? ''}" from "${opts.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first` };
  }
  // The decoder (strict field validation, types, quantities) runs before anything else looks inside.
  const decodeError = info.decode?.(raw);
  if (decodeError !== undefined) {
    const live0 = typeof meta.name === 'string' && meta.name !== '' ? view.get(info.kind, info.namespaced ? String(meta.namespace || opts.namespace || 'default') : '', meta.name) : undefined;
    const action = live0 !== undefined && opts.mode === 'apply' ? 'patching' : opts.mode === 'replace' ? 'replacing' : 'creating';
    return { error: `Error from server (BadRequest): error when ${action} "${opts.source}": ${info.kind} in version "${apiVersion.split('/').pop()}" cannot be handled as a ${info.kind}: ${decodeError}` };
  }
  if (name === '' && opts.mode === 'apply') {
    // kubectl apply looks the object up by name before it sends anything (apply.go, obtain current configuration).
    const resource = `${apiVersion}, Resource=${info.plural}`;
    const ns = info.namespaced ? String(meta.namespace || opts.namespace || 'default') : '';
    return { error: `error: error when retrieving current configuration of:\nResource: "${resource}", GroupVersionKind: "${apiVersion}, Kind=${info.kind}"\nName: "", Namespace: "${ns}"\nfrom server for: "${opts.source}": resource name may not be empty` };
  }
  if (name === '' && !(opts.mode === 'create' && typeof meta.generateName === 'string' && meta.generateName !== '')) {
    return { error: formatKubectlInvalid(info.kind, '', [required('metadata.name', 'name or generateName is required')]) };
  }
  let namespace: string | undefined;
  if (info.namespaced) {
    const declared = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
    if (declared !== undefined && opts.namespaceExplicit && opts.namespace !== undefined && declared !== opts.namespace) {
      return { error: `error: the namespace from the provided object "${declared}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${declared}' to perform this operation.` };
    }
    namespace = declared ?? opts.namespace ?? 'default';
    const ns = view.get('Namespace', '', namespace);
    if (ns === undefined) return { error: `Error from server (NotFound): error when ${'{verb}'} "${opts.source}": namespaces "${namespace}" not found` };
    if (ns.metadata.deletionTimestamp !== undefined) {
      return { error: `Error from server (Forbidden): error when ${'{verb}'} "${opts.source}": ${info.plural}${info.group ? `.${info.group}` : ''} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated` };
    }
  }
  // A cluster-scoped object's namespace is ignored, as kubectl's resource builder does.
  const { namespace: _ignored, ...clusterMeta } = meta;
  const manifest = stripServerFields({ ...raw, apiVersion: info.apiVersions[0], metadata: namespace !== undefined ? { ...meta, namespace } : clusterMeta });
  // resource.SetNamespace / FilterNamespace: a namespaced object gets the namespace, a cluster-scoped one loses it.
  const local = { ...raw, metadata: namespace !== undefined ? { ...meta, namespace } : clusterMeta } as unknown as KubeObject;
  const live = view.get(info.kind, namespace ?? '', name);
  if (live !== undefined && opts.mode === 'create') {
    return { error: `Error from server (AlreadyExists): error when creating "${opts.source}": ${info.plural}${info.group ? `.${info.group}` : ''} "${name}" already exists` };
  }
  if (live === undefined && opts.mode === 'replace') {
    return { error: `Error from server (NotFound): error when replacing "${opts.source}": ${info.plural}${info.group ? `.${info.group}` : ''} "${name}" not found` };
  }
  let candidate: KubeObject;
  const saveConfig = opts.mode === 'apply' || opts.saveConfig === true;
  if (live === undefined) {
    const withConfig = saveConfig ? withLastApplied(manifest) : manifest;
    candidate = info.defaults(withConfig as unknown as KubeObject);
  } else {
    const previous = lastAppliedOf(live);
    const merged = opts.mode === 'replace'
      ? { ...manifest, metadata: { ...(manifest.metadata as object), ...serverMetadata(live.metadata) }, status: live.status }
      : threeWayMerge(live as unknown as Record<string, unknown>, previous, saveConfig ? withLastApplied(manifest) : manifest);
    candidate = info.defaults(merged as unknown as KubeObject);
    if (info.prepareForUpdate !== undefined) candidate = info.prepareForUpdate(candidate, live);
  }
  const fieldErrors = info.validate(candidate, live, view);
  if (fieldErrors.length > 0) {
    // kubectl's checkErr prints an Invalid StatusError as "The <Kind> "<name>" is invalid: ..." whatever the verb.
    return { error: formatKubectlInvalid(info.kind, candidate.metadata.name || String(meta.generateName ?? ''), fieldErrors) };
  }
  const allocated = allocate(info, candidate, live, view);
  if (allocated.error !== undefined) return { error: allocated.error };
  candidate = storedForm(allocated.object); // validated as decoded, stored without empty omitempty metadata
  if (live === undefined && info.admit !== undefined) {
    // Admission runs on create, after validation: kubectl reports a refusal as Forbidden.
    const admitted = info.admit(candidate, view);
    if (admitted.forbidden !== undefined) return { error: `Error from server (Forbidden): error when {verb} "${opts.source}": ${admitted.forbidden}` };
    candidate = admitted.obj;
  }
  if (live === undefined) return { info, obj: candidate, local, change: { verb: 'create', object: candidate }, outcome: 'created' };
  const refused = info.admitUpdate?.(candidate, live, view);
  if (refused !== undefined) return { error: updateRefusal(info, opts, name, namespace ?? '', manifest, live, refused) };
  const warning = opts.mode === 'apply' && live.metadata.annotations?.[LAST_APPLIED] === undefined ? missingLastAppliedWarning(info, name) : undefined;
  if (sameDesiredState(live, candidate)) return { info, obj: candidate, local, outcome: 'unchanged', warning };
  return { info, obj: candidate, local, change: { verb: 'update', object: candidate }, outcome: opts.mode === 'replace' ? 'replaced' : 'configured', warning };
}

/**
 * A Forbidden from validating admission on update, as kubectl prints it: replace.go
 * AddSourceToErr("replacing"); apply.go wraps the patcher's AddSourceToErr("patching") in
 * "applying patch:\n<patch>\nto:\n<info.String()>\nfor:".
 */
function updateRefusal(info: KindInfo, opts: PlanOptions, name: string, namespace: string, manifest: Record<string, unknown>, live: KubeObject, message: string): string {
  if (opts.mode !== 'apply') return `Error from server (Forbidden): error when replacing "${opts.source}": ${message}`;
  const current = live as unknown as Record<string, unknown>;
  const patch = goJson(threeWayMergePatch(lastAppliedOf(live) ?? {}, withLastApplied(manifest), current));
  // schema.GroupVersionResource/Kind String(): group "/" version, so "/v1" for the core group.
  const gv = info.apiVersions[0].includes('/') ? info.apiVersions[0] : `/${info.apiVersions[0]}`;
  return `Error from server (Forbidden): error when applying patch:\n${patch}\nto:\nResource: "${gv}, Resource=${info.plural}", GroupVersionKind: "${gv}, Kind=${info.kind}"\n`
    + `Name: "${name}", Namespace: "${namespace}"\nfor: "${opts.source}": error when patching "${opts.source}": ${message}`;
}

/**
 * apply.go warningNoLastAppliedConfigAnnotation, printed when the live object has no
 * last-applied-configuration; info.ObjectName() is the plural resource without its group.
 */
export function missingLastAppliedWarning(info: Pick<KindInfo, 'plural'>, name: string): string {
  return `Warning: resource ${info.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. `
    + 'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. '
    + 'The missing annotation will be patched automatically.';
}

/** Fields a manifest may carry (e.g. from `get -o yaml`) that only the server sets. */
function stripServerFields(obj: Record<string, unknown>): Record<string, unknown> {
  const meta = { ...(obj.metadata as Record<string, unknown>) };
  for (const f of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'managedFields', 'selfLink']) delete meta[f];
  const out: Record<string, unknown> = { ...obj, metadata: meta };
  delete out.status;
  return out;
}

function serverMetadata(meta: ObjectMeta): Partial<ObjectMeta> {
  return {
    uid: meta.uid, creationTimestamp: meta.creationTimestamp, resourceVersion: meta.resourceVersion,
    ...(meta.generation !== undefined ? { generation: meta.generation } : {}),
    ...(meta.ownerReferences ? { ownerReferences: meta.ownerReferences } : {}),
  };
}

/**
 * kubectl's GetModifiedConfiguration: the manifest as JSON (map keys sorted, as Go marshals a map),
 * with `metadata.annotations` present but without the annotation itself, stored in that annotation.
 */
export function withLastApplied(manifest: Record<string, unknown>): Record<string, unknown> {
  const meta = manifest.metadata as Record<string, unknown>;
  const annotations = { ...((meta.annotations as Record<string, string>) ?? {}) };
  delete annotations[LAST_APPLIED];
  const config = { ...manifest, metadata: { ...meta, annotations } };
  return { ...manifest, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: `${canonicalJson(config)}\n` } } };
}

function lastAppliedOf(live: KubeObject): Record<string, unknown> | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (text === undefined) return undefined;
  try { return JSON.parse(text) as Record<string, unknown>; } catch { return undefined; }
}

function sameDesiredState(live: KubeObject, next: KubeObject): boolean {
  const pick = (o: KubeObject) => {
    const { status: _status, metadata, ...rest } = o;
    const { resourceVersion: _rv, generation: _g, managedFields: _mf, ...meta } = metadata as ObjectMeta & { managedFields?: unknown };
    return canonicalJson({ ...rest, metadata: meta });
  };
  return pick(live) === pick(next);
}

/**
 * The API server's write path for an object built in code rather than read from a manifest
 * (`kubectl run`, `kubectl create deployment`, `kubectl expose`, bootstrap): defaulting and
 * admission, the strategy's PrepareForUpdate, validation, then allocation (a Service's IPs and
 * ports). `live` is the stored object for an update. Returns the object to submit, or kubectl's
 * error text ("The Service "x" is invalid: ...").
 */
export function admitObject(view: StoreView, obj: KubeObject, live?: KubeObject): { readonly object: KubeObject; readonly error?: undefined } | { readonly object?: undefined; readonly error: string } {
  const info = kindInfo(obj.kind);
  if (info === undefined) return { object: obj };
  let candidate = info.defaults(obj);
  if (live !== undefined && info.prepareForUpdate !== undefined) candidate = info.prepareForUpdate(candidate, live);
  const errors = info.validate(candidate, live, view);
  if (errors.length > 0) return { error: formatKubectlInvalid(info.kind, candidate.metadata.name || String(candidate.metadata.generateName ?? ''), errors) };
  const allocated = allocate(info, candidate, live, view);
  if (allocated.error !== undefined) return { error: allocated.error };
  return { object: storedForm(allocated.object) };
}

/** KindInfo.allocate with a generator seeded from the object's name and the store (pure, repeatable). */
function allocate(info: KindInfo, obj: KubeObject, live: KubeObject | undefined, view: StoreView): { readonly object: KubeObject; readonly error?: undefined } | { readonly object?: undefined; readonly error: string } {
  if (info.allocate === undefined) return { object: obj };
  const ref = `${info.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
  const allocated = info.allocate(obj, live, view, rngFrom(seedState(fnv32a(ref) ^ view.count(info.kind))));
  return allocated.errors !== undefined ? { error: formatKubectlInvalid(info.kind, obj.metadata.name, allocated.errors) } : { object: allocated.obj };
}
