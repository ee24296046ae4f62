import type { KubeObject, Node } from '../../api/types';
import type { Change } from '../../engine/types';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, str } from '../flags';
import { listObjects, notFound, resolveTypes, SelectorError, getObject, typeOfKind, unknownType, type ResourceType } from '../resources';
import { dryRunOf, dryRunSuffix, outputFormat, printStructured, submitAndReport, visitErrorLines, type VisitError } from './common';
import { conflictingTaints, parseTaints, reorganizeTaints, taintsAlreadyThere } from './taint-spec';

// kubectl taint (staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go): Complete splits the resource
// words from the taint arguments, Validate checks the type is Node and nothing is both added and
// removed, RunTaint visits each node (ContinueOnError) and patches spec.taints, printing
// `node/k8s-node1 tainted`, `untainted` or `modified`.

export const taint: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  flags: [
    F.selector, F.all, F.dryRun,
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'overwrite', kind: 'bool' },
    { name: 'validate', kind: 'string', default: 'strict', noOptDefVal: 'strict' },
    { name: 'field-manager', kind: 'string', default: 'kubectl-taint' },
    { name: 'allow-missing-template-keys', kind: 'bool', default: true },
    { name: 'show-managed-fields', kind: 'bool' },
    { name: 'template', kind: 'string' },
  ],
  run: runTaint,
};

/** TaintOptions.Complete's split: resource words first, then taint changes (`=`, `:` or a `-` suffix). */
function splitArgs(args: readonly string[]): { resources: string[]; taints: string[] } | { error: string } {
  const resources: string[] = [];
  const taints: string[] = [];
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taints.push(s);
    else if (taints.length === 0) resources.push(s);
    else return { error: `error: all resources must be specified before taint changes: ${s}` };
  }
  return { resources, taints };
}

function runTaint(ctx: CommandContext): KubectlResult {
  const { args, cluster } = ctx;
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(cluster, dry.error);
  const split = splitArgs(args.positional);
  if ('error' in split) return failure(cluster, split.error);
  const { resources } = split;
  if (resources.length < 1) return failure(cluster, 'error: one or more resources must be specified as <resource> <name>');
  if (split.taints.length < 1) return failure(cluster, 'error: at least one taint update is required');
  const parsed = parseTaints(split.taints);
  if ('error' in parsed) return failure(cluster, `error: ${parsed.error}\nSee 'kubectl taint -h' for help and examples`);
  const format = outputFormat(args, ['name', 'yaml', 'json']);
  if ('error' in format) return failure(cluster, format.error);

  // Validate: the type goes through the RESTMapper; only Node may be tainted.
  const types = resolveTypes(resources[0]);
  if (types === undefined) return failure(cluster, unknownType(resources[0].toLowerCase()));
  if (types.length !== 1 || types[0].kind !== 'Node') return failure(cluster, `error: invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
  const conflict = conflictingTaints(parsed.add, parsed.remove);
  if (conflict !== undefined) return failure(cluster, `error: ${conflict}`);
  const selector = str(args, 'selector') ?? '';
  const all = bool(args, 'all');
  // validateFlags
  if (all && selector !== '') return failure(cluster, "error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && selector === '' && resources.length < 2) return failure(cluster, "error: at least one resource name must be specified since 'all' parameter is not set");

  const nodeType = typeOfKind('Node')!;
  const visited = visitNodes(ctx, nodeType, resources.slice(1), selector, all);
  if (typeof visited === 'string') return failure(cluster, visited);
  const o = new Output();
  if (dry.warning) o.err(dry.warning);
  const errors: VisitError[] = [];
  const changes: Change[] = [];
  const lines: string[] = [];
  const overwrite = bool(args, 'overwrite');
  for (const item of visited) {
    if (typeof item === 'string') { errors.push({ parts: [item], standard: true }); continue; }
    const node = item;
    const old = node.spec?.taints ?? [];
    // updateTaints: without --overwrite, a taint to add may not share key and effect with one there.
    const exists = overwrite ? '' : taintsAlreadyThere(old, parsed.add);
    if (exists !== '') { errors.push({ parts: [`node ${node.metadata.name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`] }); continue; }
    const next = reorganizeTaints(old, overwrite, parsed.add, parsed.remove);
    if (next.errors.length > 0) { errors.push({ parts: [next.errors.length === 1 ? next.errors[0] : `[${next.errors.join(', ')}]`] }); continue; }
    const spec = { ...node.spec, taints: next.taints };
    if (next.taints.length === 0) delete (spec as { taints?: unknown }).taints; // the patch sets taints: null
    const updated = { ...node, spec } as Node;
    // An empty patch (--overwrite with the same taints) writes nothing.
    if (dry.dryRun === 'none' && JSON.stringify(old) !== JSON.stringify(next.taints)) changes.push({ verb: 'update', object: updated });
    const line = printed(format, updated, `${next.operation}${dryRunSuffix(dry.dryRun)}`);
    if ('error' in line) return failure(cluster, line.error);
    lines.push(line.text);
  }
  for (const line of visitErrorLines(errors)) o.fail(line);
  return submitAndReport(ctx, o, changes, lines, dry.dryRun);
}

/** The builder's visit: nodes by name (a missing one is an error of its own), or by -l / --all. */
function visitNodes(ctx: CommandContext, t: ResourceType, names: readonly string[], selector: string, all: boolean): (Node | string)[] | string {
  if (selector !== '' || all) {
    try {
      return listObjects(ctx.cluster, t, { namespace: '', allNamespaces: true }, selector || undefined) as Node[];
    } catch (e) {
      if (e instanceof SelectorError) return e.message;
      throw e;
    }
  }
  return names.map((name) => (getObject(ctx.cluster, t, '', name) as Node | undefined) ?? notFound(t, name));
}

/** The PrintFlags printer: `node/name operation` by default, or -o name/yaml/json. */
function printed(format: ReturnType<typeof outputFormat>, node: KubeObject, operation: string): { text: string } | { error: string } {
  if ('error' in format) return format;
  if (format.t === 'name') return { text: `node/${node.metadata.name}` };
  if (format.t === 'default') return { text: `node/${node.metadata.name} ${operation}` };
  const out = printStructured(format, [node], true);
  return 'error' in out ? out : { text: out.text.replace(/\n$/, '') };
}
