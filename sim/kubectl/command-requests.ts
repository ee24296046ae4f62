import { parseManifests } from '../api/parse';
import type { ResourceAttributes } from '../auth/attributes';
import type { CommandContext } from './context';
import { bool, list, str } from './flags';
import { listObjects, resolveTypes, typeOfKind, type ResourceType } from './resources';

// The API requests a kubectl command sends before it changes or prints anything, as the API
// server's authorizer sees them (verb, group, resource/subresource, namespace, name), so that a
// command run with --as is refused the way the first forbidden request refuses it. They follow
// cli-runtime's resource.Builder: names are fetched first (RetrieveLazy: get) unless the command
// says RequireObject(false) (delete), a type without names is listed; then the command's own write
// (apply: get, then create or patch; scale: patch of the scale subresource; exec: create pods/exec).

/** One request, and how kubectl words its failure (cmdutil.AddSourceToErr: `error when <verb> "<file>": `). */
export interface CommandRequest {
  readonly attrs: Omit<ResourceAttributes, 'user'>;
  readonly prefix?: string;
}

export type CommandRequests = { readonly requests: readonly CommandRequest[] } | { readonly unsupported: string };

const NONE: CommandRequests = { requests: [] };

/** Commands that talk to no API server (or only to discovery, which every authenticated user may read). */
const NO_CHECK = new Set(['kubectl version', 'kubectl api-resources', 'kubectl api-versions', 'kubectl auth can-i', 'kubectl auth whoami', 'kubectl auth']);

/** `kubectl create <what>` to the type it creates. */
const CREATE_SUBCOMMANDS: Readonly<Record<string, string>> = {
  deployment: 'deployments', deploy: 'deployments', namespace: 'namespaces', ns: 'namespaces', serviceaccount: 'serviceaccounts', sa: 'serviceaccounts',
  job: 'jobs', cronjob: 'cronjobs', cj: 'cronjobs', secret: 'secrets', configmap: 'configmaps', cm: 'configmaps', service: 'services', svc: 'services',
};

interface Target { readonly type: ResourceType; readonly names: readonly string[] }

function scopeOf(ctx: CommandContext, t: ResourceType, namespace?: string): string {
  if (!t.namespaced) return '';
  if (namespace !== undefined && namespace !== '') return namespace;
  return bool(ctx.args, 'all-namespaces') ? '' : ctx.namespace;
}

function req(verb: string, t: ResourceType, namespace: string, name?: string, subresource?: string, prefix?: string): CommandRequest {
  return { attrs: { verb, apiGroup: t.group, resource: t.plural, namespace, ...(name !== undefined ? { name } : {}), ...(subresource !== undefined ? { subresource } : {}) }, ...(prefix !== undefined ? { prefix } : {}) };
}

/** ResourceTypeOrNameArgs: `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...`; undefined when a word is not a type (the command says so). */
function targetsOf(positional: readonly string[]): Target[] | undefined {
  if (positional.length === 0) return [];
  if (positional.some((p) => p.includes('/'))) {
    const out: Target[] = [];
    for (const p of positional) {
      const types = resolveTypes(p.slice(0, p.indexOf('/')));
      if (types === undefined || types.length !== 1) return undefined;
      out.push({ type: types[0], names: [p.slice(p.indexOf('/') + 1)] });
    }
    return out;
  }
  const out: Target[] = [];
  for (const word of positional[0].split(',')) {
    const types = resolveTypes(word);
    if (types === undefined) return undefined;
    for (const type of types) out.push({ type, names: positional.slice(1) });
  }
  return out;
}

interface FileObject { readonly type: ResourceType; readonly namespace: string; readonly name: string; readonly file: string }

/** The objects of the -f files (unreadable or unknown ones are left to the command's own error). */
function fileObjects(ctx: CommandContext): FileObject[] {
  const out: FileObject[] = [];
  for (const file of list(ctx.args, 'filename')) {
    const text = ctx.io.readFile(file);
    if (text === undefined) continue;
    const parsed = parseManifests(text, file);
    if (!parsed.ok) continue;
    for (const doc of parsed.docs) {
      const type = typeOfKind(String(doc.value.kind ?? ''));
      if (type === undefined) continue;
      const meta = (doc.value.metadata ?? {}) as { name?: string; namespace?: string };
      out.push({ type, namespace: type.namespaced ? meta.namespace || ctx.namespace : '', name: meta.name ?? '', file });
    }
  }
  return out;
}

/** The Builder's reads: a get per name (unless `fetch` is false), a list per type without names. */
function reads(ctx: CommandContext, fetch: boolean, then?: (t: ResourceType, ns: string, name: string) => CommandRequest[]): CommandRequests {
  const targets = targetsOf(ctx.args.positional);
  if (targets === undefined) return NONE;
  const out: CommandRequest[] = [];
  for (const { type, names } of targets) {
    const ns = scopeOf(ctx, type);
    if (names.length === 0) {
      out.push(req('list', type, ns));
      if (then !== undefined) for (const o of listObjects(ctx.cluster, type, { namespace: ctx.namespace, allNamespaces: ns === '' && type.namespaced })) out.push(...then(type, o.metadata.namespace ?? '', o.metadata.name));
      continue;
    }
    for (const name of names) {
      if (fetch) out.push(req('get', type, ns, name));
      if (then !== undefined) out.push(...then(type, ns, name));
    }
  }
  return { requests: out };
}

const podsType = (): ResourceType => resolveTypes('pods')![0];

/** The requests of a kubectl command line, or what is not simulated of it. */
export function commandRequests(ctx: CommandContext): CommandRequests {
  const path = ctx.path;
  if (NO_CHECK.has(path) || path.startsWith('kubectl config')) return NONE;
  const args = ctx.args.positional;
  const files = list(ctx.args, 'filename');
  if (str(ctx.args, 'dry-run') === 'client') return NONE;
  switch (path) {
    case 'kubectl get':
    case 'kubectl describe': {
      if (files.length > 0) return { requests: fileObjects(ctx).map((o) => req('get', o.type, o.namespace, o.name)) };
      const r = reads(ctx, true);
      if ('requests' in r && path === 'kubectl get' && (bool(ctx.args, 'watch') || bool(ctx.args, 'watch-only'))) {
        return { requests: [...r.requests, ...r.requests.map((q) => ({ attrs: { ...q.attrs, verb: 'watch' } }))] };
      }
      return r;
    }
    case 'kubectl create':
    case 'kubectl apply':
    case 'kubectl replace':
      return { requests: fileObjects(ctx).flatMap((o) => writeRequests(ctx, path.slice('kubectl '.length), o)) };
    case 'kubectl delete':
      // delete.go: RequireObject(false): no get before the delete; a selector or --all lists first.
      if (files.length > 0) return { requests: fileObjects(ctx).map((o) => req('delete', o.type, o.namespace, o.name, undefined, `error when deleting "${o.file}": `)) };
      return reads(ctx, false, (t, ns, name) => [req('delete', t, ns, name)]);
    case 'kubectl run':
      return args.length === 0 ? NONE : { requests: [req('create', podsType(), ctx.namespace)] };
    case 'kubectl logs':
    case 'kubectl exec':
    case 'kubectl attach': {
      const first = args[0];
      if (first === undefined) return NONE;
      const sub = path === 'kubectl logs' ? ['get', 'log'] : path === 'kubectl exec' ? ['create', 'exec'] : ['create', 'attach'];
      const slash = first.indexOf('/');
      const type = slash === -1 ? podsType() : resolveTypes(first.slice(0, slash))?.[0];
      const name = slash === -1 ? first : first.slice(slash + 1);
      if (type === undefined) return NONE;
      if (type.kind !== 'Pod') return { unsupported: `${path} ${type.plural}/NAME` };
      return { requests: [req('get', type, ctx.namespace, name), req(sub[0], type, ctx.namespace, name, sub[1])] };
    }
    case 'kubectl scale':
      return reads(ctx, true, (t, ns, name) => [req('patch', t, ns, name, 'scale')]);
    case 'kubectl label':
    case 'kubectl annotate':
    case 'kubectl edit':
    case 'kubectl cordon':
    case 'kubectl uncordon': {
      const words = path === 'kubectl cordon' || path === 'kubectl uncordon' ? ['nodes', ...args] : path === 'kubectl edit' ? args : args.filter((a) => !/[=]|-$/.test(a));
      return reads({ ...ctx, args: { ...ctx.args, positional: words } }, true, (t, ns, name) => [req('patch', t, ns, name)]);
    }
    default: {
      const sub = path.startsWith('kubectl create ') ? CREATE_SUBCOMMANDS[path.slice('kubectl create '.length)] : undefined;
      if (sub !== undefined) {
        const t = resolveTypes(sub)![0];
        return { requests: [req('create', t, scopeOf(ctx, t))] };
      }
      return { unsupported: path };
    }
  }
}

/** apply: get, then patch (it exists) or create; create: create; replace: update (put). */
function writeRequests(ctx: CommandContext, mode: string, o: FileObject): CommandRequest[] {
  const creating = `error when creating "${o.file}": `;
  if (mode === 'create') return [req('create', o.type, o.namespace, undefined, undefined, creating)];
  if (mode === 'replace') return [req('update', o.type, o.namespace, o.name, undefined, `error when replacing "${o.file}": `)];
  const gvr = o.type.group === '' ? `/${o.type.apiVersion}` : o.type.apiVersion;
  const info = `Resource: "${gvr}, Resource=${o.type.plural}", GroupVersionKind: "${gvr}, Kind=${o.type.kind}"\nName: "${o.name}", Namespace: "${o.namespace}"`;
  const get = req('get', o.type, o.namespace, o.name, undefined, `error when retrieving current configuration of:\n${info}\nfrom server for: "${o.file}": `);
  const exists = ctx.cluster.store.get(o.type.kind, o.namespace, o.name) !== undefined;
  return [get, exists ? req('patch', o.type, o.namespace, o.name, undefined, `error when applying patch to:\n${info}\nfor: "${o.file}": `) : req('create', o.type, o.namespace, undefined, undefined, creating)];
}
