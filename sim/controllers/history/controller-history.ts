import type { ControllerRevision, KubeObject, Labels, PodTemplateSpec } from '../../api/types';
import { safeEncodeString } from '../../api/naming';
import { newControllerRef } from '../util/owner';

// pkg/controller/history/controller_history.go, and the getPatch / Match that the DaemonSet and
// StatefulSet controllers (daemon/update.go, statefulset/stateful_set_utils.go) and kubectl
// (polymorphichelpers/rollback.go, history.go) share: a revision stores its owner's Pod template as
// the strategic merge patch {"spec":{"template":{...,"$patch":"replace"}}}, and two templates are
// the same revision when those bytes are equal.

/** history.ControllerRevisionHashLabel: the hash of a StatefulSet revision's data. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';
/** apps.DefaultDaemonSetUniqueLabelKey / apps.StatefulSetRevisionLabel: on revisions and Pods. */
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';

/**
 * encoding/json's Marshal of JSON data decoded into map[string]interface{} (what getPatch does):
 * object keys sorted, undefined-valued keys left out, and <, >, &, U+2028, U+2029 escaped.
 *
 * | value                          | text                                   |
 * |--------------------------------|----------------------------------------|
 * | {b: 1, a: 'x<y'}               | {"a":"x\u003cy","b":1}                 |
 * | {a: undefined, c: [true, null]}| {"c":[true,null]}                      |
 */
export function goJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'string') return JSON.stringify(value) ?? 'null';
    return escapeGo(JSON.stringify(value));
  }
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] === undefined) continue;
    parts.push(`${escapeGo(JSON.stringify(k))}:${goJson(obj[k])}`);
  }
  return `{${parts.join(',')}}`;
}

const GO_ESCAPES = /[<>&\u2028\u2029]/g;
function escapeGo(quoted: string): string {
  return quoted.replace(GO_ESCAPES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface TemplatePatch {
  /** The revision's `data`, as the API returns it. */
  readonly data: { readonly spec: { readonly template: Readonly<Record<string, unknown>> } };
  /** Data.Raw: the bytes getPatch marshals. */
  readonly raw: string;
  /** HashControllerRevision of the data by collisionCount (a StatefulSet's revision name). */
  readonly hashes: Map<number, string>;
}

// Objects read from the store are immutable, and a DaemonSet or StatefulSet keeps its template object
// across status writes: the patch of a template is computed once.
const patches = new WeakMap<PodTemplateSpec, TemplatePatch>();
const raws = new WeakMap<object, string>();

function patchOf(template: PodTemplateSpec): TemplatePatch {
  let hit = patches.get(template);
  if (hit === undefined) {
    const data = { spec: { template: { $patch: 'replace', ...template } } };
    hit = { data, raw: goJson(data), hashes: new Map() };
    raws.set(data, hit.raw);
    patches.set(template, hit);
  }
  return hit;
}

/** getPatch(ds) / getPatch(set): the revision data of a template. */
export function templatePatch(template: PodTemplateSpec): TemplatePatch['data'] {
  return patchOf(template).data;
}

/** Data.Raw of a revision: its data marshalled as getPatch marshals a template's. */
export function revisionRaw(cr: ControllerRevision): string {
  const data = cr.data;
  if (data === null || typeof data !== 'object') return goJson(data ?? null);
  let raw = raws.get(data);
  if (raw === undefined) raws.set(data, (raw = goJson(data)));
  return raw;
}

/** Match (daemon/update.go) / daemonSetMatch / statefulsetMatch (kubectl): the template is this revision's. */
export function matchesTemplate(template: PodTemplateSpec, cr: ControllerRevision): boolean {
  return patchOf(template).raw === revisionRaw(cr);
}

/**
 * applyDaemonSetHistory / ApplyRevision: the template the revision restores (its patch replaces
 * spec.template whole); undefined when the data holds none.
 */
export function templateOfRevision(cr: ControllerRevision): PodTemplateSpec | undefined {
  const t = (cr.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (t === null || typeof t !== 'object') return undefined;
  const { $patch: _directive, ...template } = t;
  return template as unknown as PodTemplateSpec;
}

/** hash/fnv New32 (FNV-1, not 1a: multiply, then xor) over the UTF-8 bytes of a string. */
export function fnv32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ bytes[i]) >>> 0;
  }
  return h >>> 0;
}

/**
 * HashControllerRevision: FNV-1 of Data.Raw, then of the probe (collisionCount) in decimal,
 * safe-encoded. A StatefulSet always passes its collisionCount, so "0" is hashed too.
 */
export function hashControllerRevision(raw: string, probe?: number): string {
  let h = fnv32(raw);
  if (probe !== undefined) h = fnv32(String(probe), h);
  return safeEncodeString(String(h));
}

/** The hash of a template's revision for a collisionCount, computed once per template and count. */
export function templateRevisionHash(template: PodTemplateSpec, probe: number): string {
  const p = patchOf(template);
  let hash = p.hashes.get(probe);
  if (hash === undefined) p.hashes.set(probe, (hash = hashControllerRevision(p.raw, probe)));
  return hash;
}

/** ControllerRevisionName: prefix-hash, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** byRevision.Less: by revision, then creationTimestamp, then name. */
export function compareRevisions(a: ControllerRevision, b: ControllerRevision): number {
  if (a.revision !== b.revision) return a.revision - b.revision;
  const ta = a.metadata.creationTimestamp ?? '', tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** SortControllerRevisions (a stable sort, into a new array). */
export function sortControllerRevisions(list: readonly ControllerRevision[]): ControllerRevision[] {
  return [...list].sort(compareRevisions);
}

/** maxRevision (daemon/update.go): the highest revision number, 0 for none. */
export function maxRevision(list: readonly ControllerRevision[]): number {
  let max = 0;
  for (const cr of list) if (cr.revision > max) max = cr.revision;
  return max;
}

/** The revision number of an object read as a ControllerRevision (0 when absent or not a number). */
export function revisionNumber(cr: KubeObject): number {
  const r = (cr as { revision?: unknown }).revision;
  return typeof r === 'number' && Number.isFinite(r) ? r : 0;
}

/**
 * EqualRevision: hash labels that both parse as int32 decimals and differ mean different revisions;
 * otherwise the data bytes decide.
 */
export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  const ha = parseInt32(a.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]);
  const hb = parseInt32(b.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]);
  if (ha !== undefined && hb !== undefined && ha !== hb) return false;
  return revisionRaw(a) === revisionRaw(b);
}

/** strconv.ParseInt(s, 10, 32), then uint32(...) as EqualRevision does; undefined on error. */
function parseInt32(s: string | undefined): number | undefined {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n >>> 0 : undefined;
}

/** The revision object a controller creates (the API server fills in uid, resourceVersion and creationTimestamp). */
export function controllerRevision(parent: KubeObject, name: string, labels: Labels, annotations: Labels | undefined, data: unknown, revision: number): ControllerRevision {
  const metadata: Record<string, unknown> = {
    name, namespace: parent.metadata.namespace ?? '', uid: '', resourceVersion: '', creationTimestamp: '', labels,
  };
  if (annotations !== undefined && Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
  metadata.ownerReferences = [newControllerRef(parent)];
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: metadata as unknown as ControllerRevision['metadata'], data, revision };
}
