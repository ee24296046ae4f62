import type { Container, KubeObject, Quantities } from '../../api/types';
import { formatQuantity, parseQuantity } from '../../api/quantity';
import { QUANTITY_FORMAT_ERROR } from '../../api/schema/decode';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, str } from '../flags';
import { CHANGE_CAUSE, RECORD_DEPRECATED, changeCause, dryRunOf, outputFormat, PRINT_FLAG_FORMATS, PRINT_TEMPLATE_FLAGS, templateErrorOf } from './common';
import { updatePodSpec, updateSelectedContainers } from './pod-template';
import { targets } from './rollout-common';
import { printSetResult, setErrorText, writeSetChange } from './set-write';

// kubectl set resources (staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go): sets the
// --limits and --requests quantities of the containers -c selects in each object's Pod template,
// keeping the resources it does not name; `deployment.apps/web resource requirements updated`.

export const setResources: Command = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  flags: [
    F.filename, F.selector, F.all, F.dryRun, F.record, F.recursive, F.output, ...PRINT_TEMPLATE_FLAGS,
    { name: 'containers', short: 'c', kind: 'string', default: '*' },
    { name: 'limits', kind: 'string' },
    { name: 'requests', kind: 'string' },
    { name: 'local', kind: 'bool' },
    { name: 'field-manager', kind: 'string' },
  ],
  run: runSetResources,
};

/**
 * generateversioned.populateResourceListV1: `cpu=200m,memory=512Mi` as canonical quantities (the
 * JSON kubectl sends holds Quantity.String(): "0.5" is "500m", "1024Mi" is "1Gi"); "" is none.
 */
export function resourceList(spec: string): { list: Quantities } | { error: string } {
  if (spec === '') return { list: {} };
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return { error: `Invalid argument syntax ${statement}, expected <resource>=<value>` };
    const value = parseQuantity(parts[1]);
    if (value === undefined) return { error: QUANTITY_FORMAT_ERROR };
    out[parts[0]] = formatQuantity(value, /[KMGTPE]i$/.test(parts[1]) ? 'BinarySI' : 'DecimalSI');
  }
  return { list: out as Quantities };
}

function runSetResources(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const o = new Output();
  const record = bool(args, 'record');
  if (record) o.err(RECORD_DEPRECATED);
  const fail = (message: string) => { o.fail(message.startsWith('error: ') || message.startsWith('Error from server') ? message : `error: ${message}`); return o.result(ctx.cluster); };
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(ctx.cluster, o.stderr + dry.error);
  const local = bool(args, 'local');
  if (local) return fail(args.positional.length > 0 ? 'error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'' : 'kubespec does not simulate --local for kubectl set resources; drop --local, or use --dry-run=client -o yaml');
  // Complete: the builder visits the objects first (a NotFound ends the command).
  const found = targets(ctx);
  if ('error' in found) return fail(found.error);
  if (found.errors.length > 0) return fail(found.errors.join('\n'));
  // Validate
  if (bool(args, 'all') && (str(args, 'selector') ?? '') !== '') return fail('cannot set --all and --selector at the same time');
  const limitsText = str(args, 'limits') ?? '';
  const requestsText = str(args, 'requests') ?? '';
  if (limitsText === '' && requestsText === '') return fail('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const limits = resourceList(limitsText);
  if ('error' in limits) return fail(limits.error);
  const requests = resourceList(requestsText);
  if ('error' in requests) return fail(requests.error);
  const format = outputFormat(args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, templateError);

  const selector = str(args, 'containers') ?? '*';
  const errors: string[] = [];
  const patched: { target: (typeof found.targets)[number]; next?: KubeObject; error?: string }[] = [];
  for (const t of found.targets) {
    let transformed = false;
    const next = updatePodSpec(t.object, (spec) => {
      const updated = updateSelectedContainers(spec, selector, (c: Container) => {
        transformed = true;
        const res = c.resources ?? {};
        return {
          ...c,
          resources: {
            ...res,
            ...(limitsText !== '' ? { limits: { ...(res.limits ?? {}), ...limits.list } } : {}),
            ...(requestsText !== '' ? { requests: { ...(res.requests ?? {}), ...requests.list } } : {}),
          },
        };
      });
      if (updated.selected.length === 0) errors.push(`error: unable to find container named ${selector}`);
      return updated.spec;
    });
    if ('error' in next) { patched.push({ target: t, error: next.error }); continue; }
    if (!transformed) continue;
    // RecordFlags: the change-cause annotation, for rollout history.
    const obj = next.object;
    const withCause = record ? { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(ctx) } } } : obj;
    patched.push({ target: t, next: withCause });
  }

  let cluster = ctx.cluster;
  for (const p of patched) {
    if (p.error !== undefined) { errors.push(`error: ${p.target.type.plural}/${p.target.object.metadata.name} ${p.error}\n`); continue; }
    if (JSON.stringify(p.next) === JSON.stringify(p.target.object)) continue; // the empty patch
    if (dry.dryRun === 'client') { printSetResult(o, format, p.target.display, p.next!, 'resource requirements updated', dry.dryRun); continue; }
    const w = writeSetChange(cluster, p.target, p.next!, dry.dryRun);
    if ('error' in w) { errors.push(`failed to patch resources update to pod template ${w.error}`); continue; }
    cluster = w.cluster;
    printSetResult(o, format, p.target.display, w.object, 'resource requirements updated', dry.dryRun);
  }
  if (errors.length > 0) o.fail(setErrorText(errors).replace(/\n$/, ''));
  return o.result(cluster);
}
