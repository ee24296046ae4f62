import type { KubeObject } from '../../api/types';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { executeJsonPath, jsonPathValueTexts } from '../jsonpath';
import { kindPrefix, selectObjects, type Found } from '../resources';
import { renderTable } from '../printers/table';
import { GET_TABWRITER, tabwrite } from '../tabwriter';
import { labelColumns, outputFormat, printStructured, type OutputFormat } from './common';
import { watchGet, type WatchPrinter } from './get-watch';

// kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): one table per resource type,
// separated by a blank line; -o wide|yaml|json|name|jsonpath|custom-columns|go-template; -A, -l, -L, --show-labels.

export const get: Command = {
  name: 'get',
  short: 'Display one or many resources',
  flags: [
    F.filename, F.selector, F.output, F.allNamespaces, F.recursive,
    { name: 'show-labels', kind: 'bool' },
    { name: 'label-columns', short: 'L', kind: 'stringArray' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'watch', short: 'w', kind: 'bool' },
    { name: 'watch-only', kind: 'bool' },
    { name: 'output-watch-events', kind: 'bool' },
    { name: 'sort-by', kind: 'string' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'chunk-size', kind: 'int', default: 500 },
    { name: 'show-kind', kind: 'bool' },
    { name: 'field-selector', kind: 'string' },
    { name: 'template', kind: 'string' },
    { name: 'allow-missing-template-keys', kind: 'bool', default: true },
  ],
  run: runGet,
};

function runGet(ctx: CommandContext): KubectlResult {
  const { cluster, args } = ctx;
  const format = outputFormat(args, ['wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns', 'go-template'], (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(cluster, format.error);
  const watch = bool(args, 'watch') || bool(args, 'watch-only');
  if (watch && format.t === 'custom-columns') return failure(cluster, `error: kubespec: --watch prints tables, yaml, json, name, jsonpath and go-template, not -o ${str(args, 'output')}`);
  if (args.positional.length === 0 && list(args, 'filename').length === 0) {
    return failure(cluster, "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples");
  }
  const allNamespaces = bool(args, 'all-namespaces');
  const sel = selectObjects(cluster, args.positional, { namespace: ctx.namespace, allNamespaces }, {
    selector: str(args, 'selector'), fieldSelector: str(args, 'field-selector'), filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(cluster, sel);
  if (watch) return sel.errors.length > 0 ? failure(cluster, sel.errors.join('\n')) : watchGet(ctx, sel.found, sel.single, format.t === 'wide', sel.warnings, watchPrinter(format, sel.found.length === 1 ? kindPrefix(sel.found[0].type) : ''));
  const o = new Output();
  for (const w of sel.warnings) o.err(w);
  const ignoreNotFound = bool(args, 'ignore-not-found');
  const found = sortFound(sel.found, str(args, 'sort-by'));
  const objects = found.flatMap((f) => f.objects);

  let printError: string | undefined;
  const structured = format.t === 'yaml' || format.t === 'json' || format.t === 'jsonpath' || format.t === 'go-template';
  if (structured) {
    const printed = printStructured(format, objects, sel.single);
    if ('error' in printed && printed.text === undefined) return failure(cluster, printed.error);
    if (!(sel.single && objects.length === 0)) o.write('stdout', printed.text ?? '');
    if ('error' in printed) printError = printed.error;
  } else if (format.t === 'name') {
    for (const f of found) for (const obj of f.objects) o.out(`${kindPrefix(f.type)}/${obj.metadata.name}`);
  } else if (format.t === 'custom-columns') {
    const text = customColumns(format, objects, bool(args, 'no-headers'));
    if ('error' in text) return failure(cluster, text.error);
    if (objects.length > 0) o.write('stdout', text.text);
  } else {
    let printedTables = 0;
    for (const f of found) {
      if (f.objects.length === 0) continue;
      if (printedTables > 0 && !bool(args, 'no-headers')) o.write('stdout', '\n');
      o.write('stdout', renderTable(f.type.kind, f.objects, {
        nowMs: ctx.nowMs,
        wide: format.t === 'wide',
        withNamespace: allNamespaces && f.type.namespaced,
        showLabels: bool(args, 'show-labels'),
        labelColumns: labelColumns(args),
        noHeaders: bool(args, 'no-headers'),
        kindPrefix: sel.multipleTypes || bool(args, 'show-kind') ? kindPrefix(f.type) : undefined,
      }));
      printedTables++;
    }
  }

  for (const e of sel.errors) if (!ignoreNotFound) o.fail(e);
  if (printError !== undefined) o.fail(printError); // printGeneric: the printer's error after the visit's
  if (objects.length === 0 && sel.errors.length === 0 && !structured && !ignoreNotFound) {
    const namespaced = found.some((f) => f.type.namespaced);
    o.err(allNamespaces || !namespaced ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`);
  }
  return o.result(cluster);
}

/** The printer a watch prints each object with (undefined: the table); YAMLPrinter puts --- before every object after the first. */
function watchPrinter(format: OutputFormat, prefix: string): WatchPrinter | undefined {
  if (format.t === 'default' || format.t === 'wide' || format.t === 'custom-columns') return undefined;
  let printed = 0;
  return (obj) => {
    if (format.t === 'name') return { text: `${prefix}/${((obj as { object?: KubeObject }).object ?? (obj as KubeObject)).metadata.name}\n` };
    const r = printStructured(format, [obj as KubeObject], true);
    if ('error' in r) return r;
    return { text: `${format.t === 'yaml' && printed++ > 0 ? '---\n' : ''}${r.text}` };
  };
}

/** --sort-by: a JSONPath whose value orders the rows (numbers numerically), within each type. */
function sortFound(found: Found[], sortBy: string | undefined): Found[] {
  if (sortBy === undefined || sortBy === '') return found;
  const template = sortBy.startsWith('{') ? sortBy : `{${sortBy.startsWith('.') ? '' : '.'}${sortBy}}`;
  const key = (o: KubeObject) => executeJsonPath(template, JSON.parse(JSON.stringify(o)));
  return found.map((f) => ({
    type: f.type,
    objects: f.objects
      .map((obj) => ({ obj, k: key(obj) }))
      .sort((a, b) => {
        const na = Number(a.k), nb = Number(b.k);
        if (a.k !== '' && b.k !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
        return a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      })
      .map((x) => x.obj),
  }));
}

/** -o custom-columns=NAME:.metadata.name,...: each cell a relaxed JSONPath, `<none>` when empty. */
function customColumns(format: Extract<OutputFormat, { t: 'custom-columns' }>, objects: readonly KubeObject[], noHeaders: boolean): { text: string } | { error: string } {
  const columns: { header: string; template: string }[] = [];
  for (const part of format.spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon === -1) return { error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const expr = part.slice(colon + 1);
    const template = expr.startsWith('{') ? expr : `{${expr.startsWith('.') ? '' : '.'}${expr}}`;
    columns.push({ header: part.slice(0, colon), template });
  }
  const lines: string[] = noHeaders ? [] : [columns.map((c) => c.header).join('\t')];
  for (const obj of objects) {
    const data = JSON.parse(JSON.stringify(obj));
    lines.push(columns.map((c) => {
      const texts = jsonPathValueTexts(c.template, data);
      return texts.length === 0 ? '<none>' : texts.join(',');
    }).join('\t'));
  }
  return { text: tabwrite(`${lines.join('\n')}\n`, GET_TABWRITER) };
}
