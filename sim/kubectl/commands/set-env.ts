import type { Container, KubeObject, PodSpec } from '../../api/types';
import { bytes, cpuMillis, parseQuantity } from '../../api/quantity';
import { decodeBase64 } from '../../config/base64';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { getObject, selectObjects, typeOfKind } from '../resources';
import { dryRunOf, outputFormat, PRINT_FLAG_FORMATS, PRINT_TEMPLATE_FLAGS, templateErrorOf } from './common';
import { updatePodSpec, updateSelectedContainers } from './pod-template';
import { targets } from './rollout-common';
import { envVarRefString, keyToEnvName, parseEnv, refSource, splitEnvironmentFromResources, updateEnv, type EnvVar } from './set-env-args';
import { printSetResult, setErrorText, writeSetChange } from './set-write';

// kubectl set env (staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go RunEnv): sets (KEY=VALUE, -e),
// removes (KEY-) or imports (--from=configmap/x|secret/x, --keys, --prefix) the variables of the
// containers -c selects in each object's Pod template; `deployment.apps/web env updated`. --list
// prints them (# Deployment web, container nginx) and changes nothing; --resolve shows referenced
// values. A Deployment whose template changes rolls out, as any template change does.

export const setEnv: Command = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  flags: [
    F.filename, F.selector, F.all, F.dryRun, F.recursive, F.output, ...PRINT_TEMPLATE_FLAGS,
    { name: 'containers', short: 'c', kind: 'string', default: '*' },
    { name: 'env', short: 'e', kind: 'stringArray' },
    { name: 'from', kind: 'string' },
    { name: 'prefix', kind: 'string' },
    { name: 'keys', kind: 'stringArray' },
    { name: 'list', kind: 'bool' },
    { name: 'resolve', kind: 'bool' },
    { name: 'local', kind: 'bool' },
    { name: 'overwrite', kind: 'bool', default: true },
    { name: 'field-manager', kind: 'string' },
  ],
  run: runSetEnv,
};

function runSetEnv(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const fail = (message: string) => failure(ctx.cluster, message.startsWith('error: ') || message.startsWith('Error from server') ? message : `error: ${message}`);
  // Complete
  if (bool(args, 'all') && (str(args, 'selector') ?? '') !== '') return fail('cannot set --all and --selector at the same time');
  const split = splitEnvironmentFromResources(args.positional);
  if (split === undefined) return fail(`all resources must be specified before environment changes: ${args.positional.join(' ')}`);
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  // Validate
  const local = bool(args, 'local');
  if (local && dry.dryRun === 'server') return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (list(args, 'filename').length === 0 && split.resources.length < 1) return fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const output = str(args, 'output') ?? '';
  const listing = bool(args, 'list');
  if (listing && output !== '') return fail('--list and --output may not be specified together');
  const keys = list(args, 'keys').flatMap((k) => (k === '' ? [] : k.split(',')));
  const from = str(args, 'from') ?? '';
  if (keys.length > 0 && from === '') return fail('when specifying --keys, a configmap or secret must be provided with --from');
  if (local) return fail('kubespec does not simulate --local for kubectl set env; drop --local, or use --dry-run=client -o yaml');
  const format = outputFormat(args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, templateError);

  // RunEnv
  const parsed = parseEnv([...list(args, 'env'), ...split.envArgs]);
  if ('error' in parsed) return fail(parsed.error);
  const env: EnvVar[] = [...parsed.env];
  if (from !== '') {
    const imported = importFrom(ctx, from, keys);
    if ('error' in imported) return failure(ctx.cluster, imported.error);
    env.push(...imported.env);
  }
  const prefix = str(args, 'prefix') ?? '';
  const named = prefix === '' ? env : env.map((e) => ({ ...e, name: `${prefix}${e.name}` }));

  const found = targets({ ...ctx, args: { ...args, positional: split.resources } });
  if ('error' in found) return failure(ctx.cluster, found.error);
  if (found.errors.length > 0) return failure(ctx.cluster, found.errors.join('\n'));

  const o = new Output();
  const selector = str(args, 'containers') ?? '*';
  const overwrite = args.values.get('overwrite') !== false;
  const resolve = bool(args, 'resolve');
  const patched: { target: (typeof found.targets)[number]; next?: KubeObject; error?: string }[] = [];
  for (const t of found.targets) {
    let error: string | undefined;
    const next = updatePodSpec(t.object, (spec: PodSpec) => {
      const kindName = `${t.object.kind} ${t.object.metadata.name}`;
      const updated = updateSelectedContainers(spec, selector, (c: Container) => {
        if (error !== undefined) return c;
        if (!overwrite) {
          const clash = named.find((e) => (c.env ?? []).some((x) => x.name === e.name && (x.value ?? '') !== (e.value ?? ''))); // a stored "" value is absent (omitempty)
          if (clash !== undefined) {
            const current = c.env!.find((x) => x.name === clash.name)!;
            error = `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
            return c;
          }
        }
        const nextEnv = updateEnv(c.env ?? [], named, parsed.remove);
        const nc: Container = nextEnv.length > 0 ? { ...c, env: nextEnv } : withoutEnv(c);
        if (listing) listEnv(ctx, o, kindName, t.object, nc, resolve);
        return JSON.stringify(nc) === JSON.stringify(c) ? c : nc;
      });
      if (updated.selected.length === 0) o.err(`warning: ${t.object.kind}/${t.object.metadata.name} does not have any containers matching "${selector}"`);
      return updated.spec;
    });
    if ('error' in next) patched.push({ target: t, error: next.error });
    else if (error !== undefined) patched.push({ target: t, error });
    else patched.push({ target: t, next: next.object });
  }
  if (listing) return o.result(ctx.cluster);

  let cluster = ctx.cluster;
  const errors: string[] = [];
  for (const p of patched) {
    if (p.error !== undefined) { errors.push(`error: ${p.target.type.plural}/${p.target.object.metadata.name} ${p.error}\n`); continue; }
    if (p.next === undefined || JSON.stringify(p.next) === JSON.stringify(p.target.object)) continue; // the empty patch
    if (dry.dryRun === 'client') { printSetResult(o, format, p.target.display, p.next, 'env updated', dry.dryRun); continue; }
    const w = writeSetChange(cluster, p.target, p.next, dry.dryRun);
    if ('error' in w) { errors.push(`failed to patch env update to pod template: ${w.error}`); continue; }
    cluster = w.cluster;
    // The check RunEnv makes after its first write: a removal alone (-e KEY-) is written, then refused.
    if (named.length === 0 && split.envArgs.length === 0) {
      o.fail('error: at least one environment variable must be provided');
      return o.result(cluster);
    }
    printSetResult(o, format, p.target.display, w.object, 'env updated', dry.dryRun);
  }
  if (errors.length > 0) o.fail(setErrorText(errors).replace(/\n$/, ''));
  return o.result(cluster);
}

function withoutEnv(c: Container): Container {
  const { env: _env, ...rest } = c;
  return rest as Container;
}

/** --from: one variable per key of the ConfigMap's or Secret's data (sorted: Go's map order is random). */
function importFrom(ctx: CommandContext, from: string, keys: readonly string[]): { env: EnvVar[] } | { error: string } {
  const sel = selectObjects(ctx.cluster, [from], { namespace: ctx.namespace, allNamespaces: false }, { selector: str(ctx.args, 'selector'), all: bool(ctx.args, 'all'), filenames: [], readFile: () => undefined });
  if (typeof sel === 'string') return { error: sel };
  if (sel.errors.length > 0) return { error: sel.errors.join('\n') };
  const env: EnvVar[] = [];
  for (const f of sel.found) {
    for (const obj of f.objects) {
      if (obj.kind !== 'Secret' && obj.kind !== 'ConfigMap') return { error: 'error: unsupported resource specified in --from' };
      const data = (obj as { data?: Record<string, string> }).data ?? {};
      const ref = obj.kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef';
      for (const key of Object.keys(data).sort()) {
        if (keys.length > 0 && !keys.includes(key)) continue;
        env.push({ name: keyToEnvName(key), valueFrom: { [ref]: { name: obj.metadata.name, key } } });
      }
    }
  }
  return { env };
}

/** --list: `# Deployment web, container nginx`, then NAME=value or `# NAME from configmap x, key y`. */
function listEnv(ctx: CommandContext, o: Output, kindName: string, obj: KubeObject, c: Container, resolve: boolean): void {
  o.out(`# ${kindName}, container ${c.name}`);
  const resolveErrors = new Map<string, string[]>();
  for (const e of c.env ?? []) {
    if (e.valueFrom === undefined) { o.out(`${e.name}=${e.value ?? ''}`); continue; }
    if (resolve) {
      const value = envVarRefValue(ctx, e.valueFrom, obj, c);
      if ('value' in value) { o.out(`${e.name}=${value.value}`); continue; }
      resolveErrors.set(value.error, [...(resolveErrors.get(value.error) ?? []), e.name]);
    }
    o.out(`# ${e.name} from ${envVarRefString(e.valueFrom)}`);
  }
  const lines = [...resolveErrors].map(([err, vars]) => `error retrieving reference for ${[...vars].sort().join(', ')}: ${err}`).sort();
  for (const l of lines) o.err(l);
}

/** env.GetEnvVarRefValue: a ConfigMap's or Secret's value (read in the command's namespace), a field of the object, a container resource. */
function envVarRefValue(ctx: CommandContext, from: unknown, obj: KubeObject, c: Container): { value: string } | { error: string } {
  const f = refSource(from);
  const read = (kind: 'Secret' | 'ConfigMap', name: string): Record<string, string> | string => {
    const found = getObject(ctx.cluster, typeOfKind(kind)!, ctx.namespace, name);
    return found === undefined ? `${kind === 'Secret' ? 'secrets' : 'configmaps'} "${name}" not found` : ((found as { data?: Record<string, string> }).data ?? {});
  };
  if (f.secretKeyRef) {
    const data = read('Secret', f.secretKeyRef.name ?? '');
    if (typeof data === 'string') return { error: data };
    return f.secretKeyRef.key in data ? { value: decodeBase64(data[f.secretKeyRef.key]) } : { error: `key ${f.secretKeyRef.key} not found in secret ${f.secretKeyRef.name ?? ''}` };
  }
  if (f.configMapKeyRef) {
    const data = read('ConfigMap', f.configMapKeyRef.name ?? '');
    if (typeof data === 'string') return { error: data };
    return f.configMapKeyRef.key in data ? { value: data[f.configMapKeyRef.key] } : { error: `key ${f.configMapKeyRef.key} not found in config map ${f.configMapKeyRef.name ?? ''}` };
  }
  if (f.fieldRef) {
    const path = f.fieldRef.fieldPath;
    if (path === 'metadata.name') return { value: obj.metadata.name };
    if (path === 'metadata.namespace') return { value: obj.metadata.namespace ?? '' };
    if (path === 'metadata.uid') return { value: obj.metadata.uid ?? '' };
    const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (sub !== null) return { value: (sub[1] === 'labels' ? obj.metadata.labels : obj.metadata.annotations)?.[sub[2]] ?? '' };
    if (path === 'metadata.labels' || path === 'metadata.annotations') {
      const m = (path === 'metadata.labels' ? obj.metadata.labels : obj.metadata.annotations) ?? {};
      return { value: Object.keys(m).sort().map((k) => `${k}=${JSON.stringify(m[k])}`).join('\n') };
    }
    return { error: `unsupported fieldPath: ${path}` };
  }
  if (f.resourceFieldRef) {
    // extractContainerResourceValue: ceil(value / divisor); cpu in millicores.
    const rf = f.resourceFieldRef as { resource: string; divisor?: string };
    const [which, name] = rf.resource.split('.') as ['limits' | 'requests', string];
    const q = c.resources?.[which]?.[name] as string | undefined;
    const divisor = rf.divisor === undefined || parseQuantity(rf.divisor) === 0 ? '1' : rf.divisor;
    if (name === 'cpu') return { value: String(Math.ceil((cpuMillis(q ?? '0') ?? 0) / (cpuMillis(divisor) ?? 1))) };
    if (name === 'memory' || name === 'ephemeral-storage') return { value: String(Math.ceil((bytes(q ?? '0') ?? 0) / (bytes(divisor) ?? 1))) };
    return { error: `Unsupported container resource : ${rf.resource}` };
  }
  return { error: 'invalid valueFrom' };
}
