import type { KubeObject } from '../api/types';
import type { Cluster } from '../engine/types';
import { allKinds, resolveResource, type KindInfo } from '../api/kinds';
import { parseManifests } from '../api/parse';
import { exactPairs, matchesQuery, parseLabelQuery } from '../store/label-query';
import { matchesFields, parseFieldSelector } from './field-selector';
import { eventObjects } from './events';
import { componentStatuses } from './component-statuses';
import { withRenewTime } from '../coordination/renewal';
import '../api/kinds/index';

// What kubectl's resource builder does for get/describe/delete/label/scale: resolve resource words
// (`pods`, `po`, `deploy`, `deployments.apps`, `pods,svc`, `all`, `pod/nginx`) through discovery,
// then fetch named objects, list by label selector, or read objects named by -f files.

/** A resource type as discovery shows it. */
export interface ResourceType {
  readonly kind: string;
  readonly group: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly apiVersion: string;
}

const EVENTS: ResourceType = { kind: 'Event', group: '', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, apiVersion: 'v1' };
/** Computed by the API server at each read, never stored (component-statuses.ts). */
const COMPONENT_STATUSES: ResourceType = { kind: 'ComponentStatus', group: '', plural: 'componentstatuses', singular: 'componentstatus', shortNames: ['cs'], namespaced: false, apiVersion: 'v1' };

/** The `all` category, in discovery order (kubectl get all). */
const ALL_CATEGORY = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job'];

export function typeOf(info: KindInfo): ResourceType {
  return { kind: info.kind, group: info.group, plural: info.plural, singular: info.singular, shortNames: info.shortNames, namespaced: info.namespaced, apiVersion: info.apiVersions[0] };
}

export function typeOfKind(kind: string): ResourceType | undefined {
  if (kind === 'Event') return EVENTS;
  if (kind === 'ComponentStatus') return COMPONENT_STATUSES;
  const info = allKinds().find((k) => k.kind === kind);
  return info === undefined ? undefined : typeOf(info);
}

/** Every type discovery lists; events come from the engine's event log, not the store. */
export function allTypes(): ResourceType[] {
  return [...allKinds().filter((k) => k.kind !== 'Event').map(typeOf), EVENTS, COMPONENT_STATUSES];
}

/** One resource word to types; `all` expands. Undefined when discovery does not know it. */
export function resolveTypes(word: string): ResourceType[] | undefined {
  const lower = word.toLowerCase();
  if (lower === 'all') return ALL_CATEGORY.map(typeOfKind).filter((t): t is ResourceType => t !== undefined);
  if (['events', 'event', 'ev', 'events.events.k8s.io'].includes(lower)) return [EVENTS];
  if (['componentstatuses', 'componentstatus', 'cs'].includes(lower)) return [COMPONENT_STATUSES];
  const info = resolveResource(lower) ?? resolveResource(lower.replace(/\.v\d+\w*\./, '.'));
  return info === undefined ? undefined : [typeOf(info)];
}

/** `deployments.apps`, `pods`: how the API server names a resource in errors. */
export function groupResource(t: ResourceType): string {
  return t.group === '' ? t.plural : `${t.plural}.${t.group}`;
}

/** `deployment.apps`, `pod`: how kubectl prefixes names (`deployment.apps/nginx`). */
export function kindPrefix(t: ResourceType): string {
  return t.group === '' ? t.singular : `${t.singular}.${t.group}`;
}

export function notFound(t: ResourceType, name: string): string {
  return `Error from server (NotFound): ${groupResource(t)} "${name}" not found`;
}

export function unknownType(word: string): string {
  return `error: the server doesn't have a resource type "${word}"`;
}

export interface Scope {
  readonly namespace: string;
  readonly allNamespaces: boolean;
}

const byNsName = (a: KubeObject, b: KubeObject) =>
  cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name);

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** cli-runtime resource.Selector.Visit: the server's BadRequest for a list, prefixed with what was asked. */
export function selectorRefused(t: ResourceType, selector: string | undefined, fieldSelector: string | undefined, why: string): string {
  const gv = t.group === '' ? `/${t.apiVersion}` : t.apiVersion;
  return `Error from server (BadRequest): Unable to find "${gv}, Resource=${t.plural}" that match label selector "${selector ?? ''}", field selector "${fieldSelector ?? ''}": ${why}`;
}

/** A selector the API server refused: kubectl prints it as is (exit 1). */
export class SelectorError extends Error {}

/**
 * Lists a type in scope, in the API server's order (namespace, then name), filtered by a label
 * query (`-l`) and a field selector (`--field-selector`) as the API server applies them.
 */
export function listObjects(cluster: Cluster, t: ResourceType, scope: Scope, selector?: string, fieldSelector?: string): KubeObject[] {
  const labels = selector === undefined ? undefined : parseLabelQuery(selector);
  const fields = fieldSelector === undefined ? undefined : parseFieldSelector(fieldSelector, t.kind);
  const refused = (labels !== undefined && 'error' in labels ? labels.error : undefined) ?? (fields !== undefined && 'error' in fields ? fields.error : undefined);
  if (refused !== undefined) throw new SelectorError(selectorRefused(t, selector, fieldSelector, refused));
  const requirements = labels !== undefined && 'requirements' in labels ? labels.requirements : undefined;
  const terms = fields !== undefined && 'terms' in fields ? fields.terms : undefined;
  let objects: KubeObject[];
  if (t.kind === 'Event') {
    objects = eventObjects(cluster).filter((e) => scope.allNamespaces || e.metadata.namespace === scope.namespace);
  } else if (t.kind === 'ComponentStatus') {
    return componentStatuses(cluster); // the registry ignores selectors and keeps its own order
  } else if (!t.namespaced) {
    objects = [...cluster.store.list(t.kind, '')];
  } else if (scope.allNamespaces) {
    objects = [...cluster.store.list(t.kind)];
  } else if (requirements !== undefined) {
    objects = [...cluster.store.select(t.kind, scope.namespace, { matchLabels: exactPairs(requirements) })];
  } else {
    objects = [...cluster.store.list(t.kind, scope.namespace)];
  }
  if (requirements !== undefined) objects = objects.filter((o) => matchesQuery(o.metadata.labels, requirements));
  if (terms !== undefined) objects = objects.filter((o) => matchesFields(o, terms));
  if (t.kind === 'Lease') objects = objects.map((o) => withRenewTime(cluster, o)); // renewals are derived when read
  return objects.sort(byNsName);
}

export function getObject(cluster: Cluster, t: ResourceType, namespace: string, name: string): KubeObject | undefined {
  if (t.kind === 'Event') return eventObjects(cluster).find((e) => e.metadata.namespace === namespace && e.metadata.name === name);
  if (t.kind === 'ComponentStatus') return componentStatuses(cluster).find((c) => c.metadata.name === name);
  const obj = cluster.store.get(t.kind, t.namespaced ? namespace : '', name);
  return obj !== undefined && t.kind === 'Lease' ? withRenewTime(cluster, obj) : obj;
}

/** One group of results: a type and its objects, in request order. */
export interface Found {
  readonly type: ResourceType;
  readonly objects: KubeObject[];
}

export interface Selection {
  readonly found: Found[];
  /** Lines for stderr (NotFound and the like); the command still prints what it found. */
  readonly errors: string[];
  /** The request named exactly one object (kubectl's singleItemImplied). */
  readonly single: boolean;
  /** More than one resource type was requested: names print with a `kind/` prefix. */
  readonly multipleTypes: boolean;
  /** The API server's warnings for the resources asked (kubectl prints each once, on stderr, first). */
  readonly warnings: readonly string[];
  /**
   * What the resource builder visits, in order, when objects were named (args or -f): each
   * object found, or the error of a name not found; `source` is the file (info.Source).
   */
  readonly visits?: readonly Visit[];
}

export type Visit =
  | { readonly type: ResourceType; readonly obj: KubeObject; readonly source?: string }
  | { readonly error: string; readonly source?: string };

/** Resources whose every request draws a deprecation warning from the API server (v1.34). */
const DEPRECATED: Readonly<Record<string, string>> = {
  Endpoints: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  ComponentStatus: 'v1 ComponentStatus is deprecated in v1.19+',
};

/** kubectl's warning printer: `Warning: <text>`, each distinct text once per invocation. */
export function warningsFor(kinds: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const kind of kinds) if (DEPRECATED[kind] !== undefined) out.add(`Warning: ${DEPRECATED[kind]}`);
  return [...out];
}

export interface SelectOptions {
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly all?: boolean;
  readonly filenames: readonly string[];
  readonly readFile: (path: string) => string | undefined;
  /** Describe falls back to a name-prefix match when no object has the exact name. */
  readonly prefixMatch?: boolean;
}

/** resource.Builder: positional TYPE [NAME...] | TYPE/NAME... | -f FILE; returns a fatal error text or a selection. */
export function selectObjects(cluster: Cluster, positional: readonly string[], scope: Scope, given: SelectOptions): Selection | string {
  // LabelSelectorParam / FieldSelectorParam: an empty (or blank) selector is no selector.
  const opts = { ...given, selector: given.selector?.trim() || undefined, fieldSelector: given.fieldSelector?.trim() || undefined };
  const anySelector = opts.selector !== undefined || opts.fieldSelector !== undefined;
  const found: Found[] = [];
  const errors: string[] = [];
  const asked: string[] = [];
  const visits: Visit[] = [];
  const missing = (error: string, source?: string) => { errors.push(error); visits.push({ error, ...(source !== undefined ? { source } : {}) }); };
  const add = (type: ResourceType, obj: KubeObject, source?: string) => {
    visits.push({ type, obj, ...(source !== undefined ? { source } : {}) });
    const last = found[found.length - 1];
    if (last !== undefined && last.type.kind === type.kind) last.objects.push(obj);
    else found.push({ type, objects: [obj] });
  };

  if (opts.filenames.length > 0) {
    if (positional.length > 0) return 'error: Unexpected args: ' + `[${positional.join(' ')}]`;
    let count = 0;
    for (const file of opts.filenames) {
      const text = opts.readFile(file);
      if (text === undefined) return `error: the path "${file}" does not exist`;
      const parsed = parseManifests(text, file);
      if (!parsed.ok) return parsed.error;
      for (const doc of parsed.docs) {
        const kind = String(doc.value.kind ?? '');
        const meta = (doc.value.metadata ?? {}) as { name?: string; namespace?: string };
        const type = typeOfKind(kind);
        if (type === undefined) return `error: resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${file}": no matches for kind "${kind}" in version "${String(doc.value.apiVersion ?? '')}"\nensure CRDs are installed first`;
        const ns = type.namespaced ? meta.namespace || scope.namespace : '';
        const obj = getObject(cluster, type, ns, meta.name ?? '');
        asked.push(type.kind);
        count++;
        if (obj === undefined) missing(notFound(type, meta.name ?? ''), file);
        else add(type, obj, file);
      }
    }
    return { found, errors, single: count === 1, multipleTypes: new Set(found.map((f) => f.type.kind)).size > 1, warnings: warningsFor(asked), visits };
  }

  if (positional.length === 0) {
    return "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
  }

  const slashed = positional.filter((p) => p.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== positional.length) {
      return `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`;
    }
    if (anySelector || opts.all) return 'error: selectors and the all flag cannot be used when passing resource/name arguments';
    const kinds = new Set<string>();
    for (const arg of positional) {
      const slash = arg.indexOf('/');
      const word = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (name === '') return `error: arguments in resource/name form must have a single resource and name`;
      const types = resolveTypes(word);
      if (types === undefined || types.length !== 1) return unknownType(word);
      kinds.add(types[0].kind);
      asked.push(types[0].kind);
      const obj = lookup(cluster, types[0], scope, name, opts.prefixMatch);
      if (obj.length === 0) missing(notFound(types[0], name));
      else for (const o of obj) add(types[0], o);
    }
    return { found, errors, single: positional.length === 1, multipleTypes: kinds.size > 1, warnings: warningsFor(asked), visits };
  }

  const [typeWords, ...names] = positional;
  const types: ResourceType[] = [];
  for (const word of typeWords.split(',').filter(Boolean)) {
    const resolved = resolveTypes(word);
    if (resolved === undefined) return unknownType(word);
    for (const t of resolved) if (!types.some((x) => x.kind === t.kind)) types.push(t);
  }
  const multipleTypes = types.length > 1 || typeWords.toLowerCase().split(',').includes('all');
  if (names.length > 0) {
    if (anySelector) return 'error: name cannot be provided when a selector is specified';
    if (opts.all) return 'error: setting \'all\' parameter but found a non empty selector.';
    for (const t of types) {
      for (const name of names) {
        const obj = lookup(cluster, t, scope, name, opts.prefixMatch);
        if (obj.length === 0) missing(notFound(t, name));
        else for (const o of obj) add(t, o);
      }
    }
    return { found, errors, single: names.length === 1 && types.length === 1, multipleTypes, warnings: warningsFor(types.map((t) => t.kind)), visits };
  }
  for (const t of types) {
    let objects: KubeObject[];
    try {
      objects = listObjects(cluster, t, scope, opts.selector, opts.fieldSelector);
    } catch (e) {
      if (e instanceof SelectorError) return e.message;
      throw e;
    }
    found.push({ type: t, objects });
  }
  return { found, errors, single: false, multipleTypes, warnings: warningsFor(types.map((t) => t.kind)) };
}

function lookup(cluster: Cluster, t: ResourceType, scope: Scope, name: string, prefixMatch?: boolean): KubeObject[] {
  const obj = getObject(cluster, t, scope.namespace, name);
  if (obj !== undefined) return [obj];
  if (!prefixMatch) return [];
  // describe.DescribeMatchingResources: every object whose name starts with the given text.
  return listObjects(cluster, t, scope).filter((o) => o.metadata.name.startsWith(name));
}
