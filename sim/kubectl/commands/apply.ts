import { applyManifests } from '../../index';
import type { WriteMode } from '../../api/apply';
import { F, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list } from '../flags';
import { resolveTypes, warningsFor } from '../resources';
import { CHANGE_CAUSE, annotateManifests, changeCause, dryRunSuffix, printsObject, writePrelude, PRINT_TEMPLATE_FLAGS } from './common';
import type { KubeObject } from '../../api/types';
import { printAppliedObjects, printObjects, respondedObjects } from './print-response';
import { clientDryRunObjects } from './client-dry-run';

// kubectl apply / create / replace -f: each file goes through sim/api (parse, default, validate,
// three-way merge) and is submitted atomically; the lines are kubectl's own
// (`deployment.apps/nginx created`, `... configured`, `... unchanged`).

const writeFlags = [
  F.filename, F.output, ...PRINT_TEMPLATE_FLAGS, F.dryRun, F.record, F.recursive,
  // --validate is kubectl's client-side field check; the API server's validation always runs, here too.
  { name: 'validate', kind: 'string', default: 'strict', noOptDefVal: 'strict' },
] as const;

function writeCommand(name: WriteMode, short: string, extraFlags: Command['flags'] = []): Command {
  return { name, short, flags: [...writeFlags, ...extraFlags], run: (ctx) => runWrite(ctx, name) };
}

export const apply = writeCommand('apply', 'Apply a configuration to a resource by file name');
export const replace = writeCommand('replace', 'Replace a resource by file name', [{ name: 'save-config', kind: 'bool' }]);

export function runWrite(ctx: CommandContext, mode: WriteMode): KubectlResult {
  const { args } = ctx;
  // apply.go: ToPrinter runs when apply prints, after its writes; create's and replace's Complete first.
  const prelude = writePrelude(ctx, mode === 'apply');
  if ('exitCode' in prelude) return prelude;
  const { o, dry, format, printerError } = prelude;
  const files = list(args, 'filename');
  if (files.length === 0) {
    const verb = mode === 'create' ? 'create' : mode;
    return failure(ctx.cluster, `${o.stderr}error: must specify one of -f and -k\n\nSee 'kubectl ${verb} -h' for help and examples`);
  }
  if (args.positional.length > 0) return failure(ctx.cluster, `${o.stderr}error: Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl ${mode} -h' for help and examples`);

  let cluster = ctx.cluster;
  const written: string[] = [];
  // shouldPrintObject: any -o but name (a printer kubectl cannot make too) collects the objects to print.
  const structured = printsObject(format) || printerError !== undefined;
  const applied: KubeObject[] = [];
  for (const file of files) {
    let text = ctx.io.readFile(file);
    if (text === undefined) { o.fail(`error: the path "${file}" does not exist`); continue; }
    if (bool(args, 'record')) text = annotateManifests(text, CHANGE_CAUSE, changeCause(ctx));
    const saveConfig = mode !== 'apply' && bool(args, 'save-config');
    const result = applyManifests(cluster, text, { mode, source: file, namespace: ctx.namespace, namespaceExplicit: ctx.namespaceExplicit, saveConfig });
    for (const e of result.errors) o.fail(e);
    // apply.go (v1.34) warns only when it patches the server: not with --dry-run=client.
    if (dry.dryRun !== 'client') for (const w of result.warnings ?? []) o.err(w);
    if (result.errors.length > 0) continue;
    if (dry.dryRun === 'none') cluster = result.cluster;
    // Lines read `endpoints/name created`: the resource word names what each request wrote.
    for (const line of result.lines) written.push(resolveTypes(line.slice(0, line.indexOf('/')))?.[0]?.kind ?? '');
    if (structured) {
      const objects = dry.dryRun === 'client' ? clientDryRunObjects(mode, result, ctx.cluster.store, saveConfig) : respondedObjects(result.answer, result.refs ?? []);
      if (mode === 'apply') applied.push(...objects); else printObjects(o, format, objects);
      continue;
    }
    for (const line of result.lines) {
      if (format.t === 'name') o.out(line.slice(0, line.lastIndexOf(' ')));
      // apply.go applyOneObject: a client dry run never patches, so an existing object prints `configured`.
      else if (mode === 'apply' && dry.dryRun === 'client') o.out(`${line.replace(/ unchanged$/, ' configured')}${dryRunSuffix(dry.dryRun)}`);
      else o.out(`${line}${dryRunSuffix(dry.dryRun)}`);
    }
  }
  // apply.go Run: the objects print once, after all applied, and not at all after an error.
  if (mode === 'apply' && o.exitCode === 0 && printerError !== undefined && applied.length > 0) o.fail(printerError);
  else if (mode === 'apply' && o.exitCode === 0) printAppliedObjects(o, format, applied);
  for (const w of warningsFor(written)) o.err(w);
  return o.result(cluster);
}
