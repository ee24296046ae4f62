import type { KubeObject, ObjectMeta } from './types';
import { parseManifests, type ParsedDocument } from './parse';
import { kindInfo, groupKind, resourceRef, type KindInfo } from './kinds';
import { formatInvalid } from './field-errors';
import { threeWayMerge } from './merge';
import { canonicalJson } from './naming';
import type { StoreView } from '../store/store';
import type { Change } from '../engine/types';
import './kinds/index';

// The API server's write path for manifests, as kubectl apply/create/replace drive it:
// parse -> resolve kind -> default -> validate -> create or three-way-merge update.
// All documents are checked before anything is written; one error and nothing is stored.

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type WriteMode = 'apply' | 'create' | 'replace';

export interface ManifestPlan {
  readonly changes: readonly Change[];
  /** kubectl's per-object lines: `deployment.apps/nginx created`. */
  readonly lines: readonly string[];
  /** Error lines, as kubectl prints them; when any, `changes` is empty. */
  readonly errors: readonly string[];
}

export interface PlanOptions {
  readonly mode: WriteMode;
  /** File name shown in messages (kubectl's "from \"nginx.yml\""). */
  readonly source: string;
  /** -n / --namespace; objects without metadata.namespace land here. */
  readonly namespace?: string;
  /** True when the user passed -n: a manifest naming another namespace is then an error. */
  readonly namespaceExplicit?: boolean;
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
  const errors: string[] = [];
  const seen = new Set<string>();
  const verb = opts.mode === 'replace' ? 'replacing' : 'creating';
  for (const doc of docs) {
    const planned = planOne(view, doc, opts);
    if ('error' in planned) { errors.push(planned.error.replace('{verb}', verb)); continue; }
    const id = `${planned.info.kind}/${planned.obj.metadata.namespace ?? ''}/${planned.obj.metadata.name}`;
    if (seen.has(id)) {
      errors.push(`error: ${opts.source}: document at line ${doc.line} repeats ${resourceRef(planned.info, planned.obj.metadata.name)}; each object may appear once per apply`);
      continue;
    }
    seen.add(id);
    if (planned.change !== undefined) changes.push(planned.change);
    lines.push(`${resourceRef(planned.info, planned.obj.metadata.name)} ${planned.outcome}`);
  }
  return errors.length > 0 ? { changes: [], lines: [], errors } : { changes, lines, errors };
}

type Planned =
  | { readonly info: KindInfo; readonly obj: KubeObject; readonly change?: Change; readonly outcome: string }
  | { readonly error: string };

function planOne(view: StoreView, doc: ParsedDocument, opts: PlanOptions): Planned {
  const raw = doc.value;
  const where = `${opts.source}, document at line ${doc.line}`;
  const missing = [raw.apiVersion ? '' : 'apiVersion not set', raw.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length > 0) {
    return { error: `error: error validating "${opts.source}": error validating data: [${missing.join(', ')}] (${where})` };
  }
  const kind = String(raw.kind);
  const apiVersion = String(raw.apiVersion);
  const meta = (typeof raw.metadata === 'object' && raw.metadata !== null ? raw.metadata : {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const info = kindInfo(kind);
  if (info === undefined || !info.apiVersions.includes(apiVersion)) {
    return { error: `error: resource mapping not found for name: "${name}" namespace: "${meta.namespace ?? ''}" from "${opts.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first` };
  }
  if (name === '' && !(opts.mode === 'create' && typeof meta.generateName === 'string')) {
    return { error: `error: error ${'{verb}'} "${opts.source}": ${groupKind(info)} "" is invalid: metadata.name: Required value: name or generateName is required` };
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
  const manifest = stripServerFields({ ...raw, apiVersion: info.apiVersions[0], metadata: { ...meta, ...(namespace !== undefined ? { namespace } : {}) } });
  const live = view.get(info.kind, namespace ?? '', name);
  if (live !== undefined && opts.mode === 'create') {
    return { error: `Error from server (AlreadyExists): error when creating "${opts.source}": ${info.plural}${info.group ? `.${info.group}` : ''} "${name}" already exists` };
  }
  if (live === undefined && opts.mode === 'replace') {
    return { error: `Error from server (NotFound): error when replacing "${opts.source}": ${info.plural}${info.group ? `.${info.group}` : ''} "${name}" not found` };
  }
  let candidate: KubeObject;
  if (live === undefined) {
    const withConfig = opts.mode === 'apply' ? withLastApplied(manifest) : manifest;
    candidate = info.defaults(withConfig as unknown as KubeObject);
  } else {
    const previous = lastAppliedOf(live);
    const merged = opts.mode === 'replace'
      ? { ...manifest, metadata: { ...(manifest.metadata as object), ...serverMetadata(live.metadata) }, status: live.status }
      : threeWayMerge(live as unknown as Record<string, unknown>, previous, opts.mode === 'apply' ? withLastApplied(manifest) : manifest);
    candidate = info.defaults(merged as unknown as KubeObject);
  }
  const fieldErrors = info.validate(candidate, live, view);
  if (fieldErrors.length > 0) {
    const action = live === undefined ? 'creating' : 'patching';
    const prefix = opts.mode === 'apply' ? `Error from server (Invalid): error when ${action} "${opts.source}": ` : 'The ';
    const message = formatInvalid(opts.mode === 'apply' ? groupKind(info) : info.kind, candidate.metadata.name, fieldErrors);
    return { error: prefix + message };
  }
  if (live === undefined) return { info, obj: candidate, change: { verb: 'create', object: candidate }, outcome: 'created' };
  if (sameDesiredState(live, candidate)) return { info, obj: candidate, outcome: 'unchanged' };
  return { info, obj: candidate, change: { verb: 'update', object: candidate }, outcome: opts.mode === 'replace' ? 'replaced' : 'configured' };
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

function withLastApplied(manifest: Record<string, unknown>): Record<string, unknown> {
  const meta = manifest.metadata as Record<string, unknown>;
  const annotations = { ...((meta.annotations as Record<string, string>) ?? {}) };
  delete annotations[LAST_APPLIED];
  const config = { ...manifest, metadata: { ...meta, ...(Object.keys(annotations).length ? { annotations } : {}) } };
  if (!Object.keys(annotations).length) delete (config.metadata as Record<string, unknown>).annotations;
  return { ...manifest, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: `${JSON.stringify(config)}\n` } } };
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
