import type { KubeObject } from '../../api/types';
import type { Change } from '../../engine/types';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { kindPrefix, selectObjects } from '../resources';
import { dryRunOf, dryRunSuffix, outputFormat, printStructured, submitAndReport, templateErrorOf, visitErrorLines, type ReportLine, type VisitError, PRINT_FLAG_FORMATS, PRINT_TEMPLATE_FLAGS, printedText, printsObject } from './common';

// kubectl annotate (staging/src/k8s.io/kubectl/pkg/cmd/annotate): `key=value` sets (the value may
// hold anything, `=` included), `key-` removes (silently when absent); a different value needs
// --overwrite, except kubernetes.io/change-cause, which `rollout history` shows as CHANGE-CAUSE.

export const annotate: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  flags: [
    F.filename, F.selector, F.all, F.allNamespaces, F.dryRun, F.recursive,
    { name: 'output', short: 'o', kind: 'string' }, ...PRINT_TEMPLATE_FLAGS,
    { name: 'overwrite', kind: 'bool' },
    { name: 'list', kind: 'bool' },
    { name: 'field-selector', kind: 'string' },
  ],
  run: runAnnotate,
};

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** cmdutil.GetResourcesAndPairs: resources first, then pairs; a resource after a pair is refused. */
function resourcesAndPairs(args: readonly string[]): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length === 0) resources.push(s);
    else return `error: all resources must be specified before annotation changes: ${s}`;
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs(..., "annotation", true). */
function parsePairs(pairs: readonly string[]): { set: Record<string, string>; remove: string[] } | string {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=');
      set[p.slice(0, eq)] = p.slice(eq + 1);
    } else if (p.endsWith('-') && p !== '-') {
      remove.push(p.slice(0, -1));
    } else {
      invalid.push(p);
    }
  }
  return invalid.length > 0 ? `error: invalid annotation format: ${invalid.join(', ')}` : { set, remove };
}

/** validateNoAnnotationOverwrites. */
function overwriteError(current: Record<string, string>, set: Record<string, string>): string | undefined {
  const clashes = Object.keys(set).filter((k) => k !== CHANGE_CAUSE && k in current && current[k] !== set[k]);
  if (clashes.length === 0) return undefined;
  return `--overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`;
}

function runAnnotate(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const split = resourcesAndPairs(args.positional);
  if (typeof split === 'string') return failure(ctx.cluster, split);
  const parsed = parsePairs(split.pairs);
  if (typeof parsed === 'string') return failure(ctx.cluster, parsed);
  const { set, remove } = parsed;
  const listOnly = bool(args, 'list');
  if (split.resources.length === 0 && list(args, 'filename').length === 0) {
    return failure(ctx.cluster, "error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  if (!listOnly && Object.keys(set).length === 0 && remove.length === 0) return failure(ctx.cluster, "error: at least one annotation update is required");
  const both = remove.filter((k) => k in set);
  if (both.length > 0) return failure(ctx.cluster, `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  // PrintFlags: json, yaml, name and the templates (-o jsonpath=...).
  const format = outputFormat(args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, templateError);

  const sel = selectObjects(ctx.cluster, split.resources, { namespace: ctx.namespace, allNamespaces: bool(args, 'all-namespaces') }, {
    selector: str(args, 'selector'), fieldSelector: str(args, 'field-selector'), all: bool(args, 'all'), filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(ctx.cluster, sel);
  const o = new Output();
  for (const w of sel.warnings) o.err(w);
  if (dry.warning) o.err(dry.warning);
  const errors: VisitError[] = sel.errors.map((e) => ({ parts: [e], standard: true }));
  const changes: Change[] = [];
  const lines: ReportLine[] = [];
  let printed = 0;
  for (const f of sel.found) {
    for (const obj of f.objects) {
      const current = obj.metadata.annotations ?? {};
      if (listOnly) {
        if (!sel.single) lines.push(`Listing annotations for ${f.type.kind}.${f.type.group}/${obj.metadata.name}:`);
        for (const k of Object.keys(current).sort()) lines.push(`${sel.single ? '' : ' '}${k}=${current[k]}`);
        continue;
      }
      const clash = bool(args, 'overwrite') ? undefined : overwriteError(current, set);
      if (clash !== undefined) {
        errors.push({ parts: [clash] });
        continue; // ContinueOnError: the other objects are still annotated
      }
      const next: Record<string, string> = { ...current, ...set };
      for (const k of remove) delete next[k];
      if (JSON.stringify(current) !== JSON.stringify(next)) {
        const meta = { ...obj.metadata, annotations: next };
        if (Object.keys(next).length === 0) delete (meta as { annotations?: unknown }).annotations;
        changes.push({ verb: 'update', object: { ...obj, metadata: meta } as KubeObject });
      }
      if (printsObject(format)) {
        // RunAnnotate prints outputObj: the server's response to the patch (the object as stored), or
        // with --dry-run=client the object annotated locally (`annotations: {}` once the last is removed).
        // One printer for the whole visit: YAMLPrinter writes `---` before every object but the first.
        const local = { ...obj, metadata: { ...obj.metadata, annotations: next } } as KubeObject;
        const separator = format.t === 'yaml' && printed++ > 0 ? '---\n' : '';
        const { namespace = '', name } = obj.metadata;
        lines.push((answer) => {
          const shown = dry.dryRun === 'client' ? local : answer({ kind: obj.kind, namespace, name }) ?? local;
          return printedText(printStructured(format, [shown], true), separator);
        });
      } else lines.push(format.t === 'name' ? `${kindPrefix(f.type)}/${obj.metadata.name}` : `${kindPrefix(f.type)}/${obj.metadata.name} annotated${dryRunSuffix(dry.dryRun)}`);
    }
  }
  for (const line of visitErrorLines(errors)) o.fail(line);
  return submitAndReport(ctx, o, changes, lines, dry.dryRun);
}
