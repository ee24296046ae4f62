import type { KubeObject } from '../../api/types';
import type { Change } from '../../engine/types';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { kindPrefix, selectObjects } from '../resources';
import { dryRunOf, dryRunSuffix, outputFormat, printStructured, submitAndReport, templateErrorOf, visitErrorLines, type ReportLine, type VisitError, PRINT_FLAG_FORMATS, PRINT_TEMPLATE_FLAGS, printedText, printsObject } from './common';

// kubectl label (staging/src/k8s.io/kubectl/pkg/cmd/label): `key=value` sets, `key-` removes;
// changing an existing value needs --overwrite. Prints `node/k8s-node1 labeled`, `unlabeled` or
// `not labeled` (updateDataChangeMsg).

export const label: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  flags: [
    F.filename, F.selector, F.all, F.allNamespaces, F.dryRun, F.recursive,
    { name: 'output', short: 'o', kind: 'string' }, ...PRINT_TEMPLATE_FLAGS,
    { name: 'overwrite', kind: 'bool' },
    { name: 'list', kind: 'bool' },
  ],
  run: runLabel,
};

/** A label key (optional DNS prefix, then a name) and value, as validation.IsQualifiedName/IsValidLabelValue. */
const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

function runLabel(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const resources: string[] = [];
  const set: Record<string, string> = {};
  const remove: string[] = [];
  // parseLabels: the resource arguments come first; then key=value and key- pairs.
  let inLabels = false;
  for (const a of args.positional) {
    if (a.includes('=') || (a.endsWith('-') && !a.includes('/'))) inLabels = true;
    if (!inLabels) { resources.push(a); continue; }
    if (a.endsWith('-') && !a.includes('=')) {
      remove.push(a.slice(0, -1));
    } else {
      const eq = a.indexOf('=');
      const key = a.slice(0, eq);
      const value = a.slice(eq + 1);
      if (eq === -1 || !KEY.test(key)) return failure(ctx.cluster, `error: invalid label spec: ${a}`);
      if (!VALUE.test(value)) return failure(ctx.cluster, `error: invalid label value: "${a}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
      set[key] = value;
    }
  }
  const listOnly = bool(args, 'list');
  if (!listOnly && Object.keys(set).length === 0 && remove.length === 0) return failure(ctx.cluster, 'error: at least one label update is required');
  for (const k of remove) if (k in set) return failure(ctx.cluster, `error: can not both modify and remove a label in the same command`);
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  // PrintFlags: json, yaml, name and the templates (-o jsonpath=...).
  const format = outputFormat(args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, templateError);

  const sel = selectObjects(ctx.cluster, resources, { namespace: ctx.namespace, allNamespaces: bool(args, 'all-namespaces') }, {
    selector: str(args, 'selector'), all: bool(args, 'all'), filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(ctx.cluster, sel);
  const o = new Output();
  for (const w of sel.warnings) o.err(w);
  if (dry.warning) o.err(dry.warning);
  const errors: VisitError[] = sel.errors.map((e) => ({ parts: [e], standard: true }));
  const overwrite = bool(args, 'overwrite');
  const changes: Change[] = [];
  const lines: ReportLine[] = [];
  for (const f of sel.found) {
    for (const obj of f.objects) {
      const current = obj.metadata.labels ?? {};
      if (listOnly) {
        // Listing labels for Pod./nginx: (only when the command named more than one object).
        if (!sel.single) lines.push(`Listing labels for ${f.type.kind}.${f.type.group}/${obj.metadata.name}:`);
        for (const k of Object.keys(current).sort()) lines.push(`${sel.single ? '' : ' '}${k}=${current[k]}`);
        continue;
      }
      // Only the request to the server reports removals of absent labels, on stdout, before validating.
      if (dry.dryRun !== 'client') for (const k of remove) if (!(k in current)) lines.push(`label "${k}" not found.`);
      // validateNoOverwrites: any label already there, whatever its value, needs --overwrite.
      const clash = overwrite ? [] : Object.keys(set).filter((k) => k in current);
      if (clash.length > 0) {
        errors.push({ parts: clash.map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`) });
        continue; // ContinueOnError: the other objects are still labelled
      }
      const next: Record<string, string> = { ...current, ...set };
      for (const k of remove) delete next[k];
      const before = JSON.stringify(current);
      const after = JSON.stringify(next);
      const msg = before === after ? 'not labeled' : !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
      if (before !== after) {
        const meta = { ...obj.metadata, labels: next };
        if (Object.keys(next).length === 0) delete (meta as { labels?: unknown }).labels;
        changes.push({ verb: 'update', object: { ...obj, metadata: meta } as KubeObject });
      }
      // RunLabel prints info.Object, the object it labelled locally (not the server's response): its
      // labels as labelFunc set them (`labels: {}` once the last is removed), its old resourceVersion.
      // A printer a visited object (ToPrinter in the visit): no `---` between them.
      if (printsObject(format)) lines.push(() => printedText(printStructured(format, [{ ...obj, metadata: { ...obj.metadata, labels: next } }], true)));
      else lines.push(format.t === 'name' ? `${kindPrefix(f.type)}/${obj.metadata.name}` : `${kindPrefix(f.type)}/${obj.metadata.name} ${msg}${dryRunSuffix(dry.dryRun)}`);
    }
  }
  for (const line of visitErrorLines(errors)) o.fail(line);
  return submitAndReport(ctx, o, changes, lines, dry.dryRun);
}
