import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { Change } from '../../engine/types';
import type { ObjectRef } from '../../api/apply';
import { answerOf, submit } from '../../index';
import { Output, failure, type CommandContext, type KubectlResult } from '../context';
import type { FlagSpec } from '../flags';
import { bool, list, str, type ParsedArgs } from '../flags';
import { executeJsonPath, JsonPathError } from '../jsonpath';
import { executeGoTemplate, parseGoTemplate, type GoTemplatePrinter } from '../go-template';
import { asList, toJson, toYaml } from '../printers/objects';

// Pieces several commands share: --dry-run, -o, --record.

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy; returns the strategy, warnings for stderr, or an error text. */
export function dryRunOf(args: ParsedArgs): { dryRun: DryRun; warning?: string } | { error: string } {
  const v = str(args, 'dry-run') ?? 'none';
  switch (v) {
    case 'none': case 'false': return { dryRun: 'none' };
    case 'client': return { dryRun: 'client' };
    case 'server': return { dryRun: 'server' };
    // kubectl logs these through klog (with a wall-clock prefix); the message is the same.
    case 'unchanged': return { dryRun: 'client', warning: '--dry-run is deprecated and can be replaced with --dry-run=client.' };
    case 'true': case '': return { dryRun: 'client', warning: `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.` };
    default: return { error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
  }
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

export type OutputFormat =
  | { readonly t: 'default' } | { readonly t: 'wide' } | { readonly t: 'yaml' } | { readonly t: 'json' } | { readonly t: 'name' }
  | { readonly t: 'jsonpath'; readonly template: string } | { readonly t: 'custom-columns'; readonly spec: string }
  | { readonly t: 'go-template'; readonly printer: GoTemplatePrinter };

/** The -o values GoTemplatePrintFlags answers (templateFormats); a command allowing 'go-template' allows them all. */
const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/** genericclioptions.PrintFlags.AllowedFormats (json/yaml, name, templates), sorted by NoCompatiblePrinterError: the write commands' -o. */
const PRINT_FLAGS_ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/**
 * genericclioptions.PrintFlags' formats (JSONYamlPrintFlags, NamePrintFlags, the go-template and
 * jsonpath TemplatePrinterFlags): the -o of the write commands (apply, create, replace, patch, ...).
 */
export const PRINT_FLAG_FORMATS: readonly string[] = ['name', 'yaml', 'json', 'jsonpath', 'go-template'];

/** The flags PrintFlags.AddFlags adds beside -o: --template and --allow-missing-template-keys. */
export const PRINT_TEMPLATE_FLAGS = [
  { name: 'template', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool', default: true },
] as const satisfies readonly FlagSpec[];

/** Whether the printer prints the object itself (yaml, json, a template), not a line about it. */
export function printsObject(format: OutputFormat): boolean {
  return format.t === 'yaml' || format.t === 'json' || format.t === 'jsonpath' || format.t === 'go-template';
}

/** -L/--label-columns, a pflag StringSlice: repeatable, each value a comma-separated list (readAsCSV). */
export function labelColumns(args: ParsedArgs): string[] {
  return list(args, 'label-columns').flatMap((v) => (v === '' ? [] : v.split(',')));
}

/**
 * -o: the printer kubectl would pick, or its error. `readFile` reads -o go-template-file's file;
 * --template alone means -o go-template (PrintFlags.ToPrinter).
 */
export function outputFormat(args: ParsedArgs, allowed: readonly string[] = ['wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns'], readFile?: (path: string) => string | undefined): OutputFormat | { error: string } {
  const templateArg = str(args, 'template') ?? '';
  const templates = allowed.includes('go-template');
  const o = str(args, 'output') || (templates && templateArg !== '' ? 'go-template' : '');
  if (o === '') return { t: 'default' };
  const eq = o.indexOf('=');
  const kind = eq === -1 ? o : o.slice(0, eq);
  const value = eq === -1 ? '' : o.slice(eq + 1);
  if (templates && GO_TEMPLATE_FORMATS.includes(kind)) return goTemplateFormat(args, o, templateArg, readFile);
  if (kind === 'jsonpath-file' && allowed.includes('jsonpath') && readFile !== undefined) return jsonPathFileFormat(o, templateArg, readFile, allowed.includes('wide') ? ALLOWED : PRINT_FLAGS_ALLOWED);
  if (!allowed.includes(kind)) {
    if (['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath-file', 'custom-columns-file', 'jsonpath-as-json'].includes(kind)) {
      return { error: `error: kubespec does not support -o ${kind}; use -o jsonpath=..., -o custom-columns=..., -o yaml or -o json` };
    }
    // get's HumanPrintFlags add wide and custom-columns; the other commands take PrintFlags.
    return { error: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowed.includes('wide') ? ALLOWED : PRINT_FLAGS_ALLOWED}` };
  }
  switch (kind) {
    case 'wide': case 'yaml': case 'json': case 'name': return { t: kind };
    case 'jsonpath': {
      // JSONPathPrintFlags.ToPrinter: --template gives the expression of a bare -o jsonpath
      if (templateArg !== '' && eq !== -1) return { error: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}` };
      const template = templateArg !== '' ? templateArg : value;
      if (template === '') return { error: 'error: template format specified but no template given' };
      return { t: 'jsonpath', template };
    }
    case 'custom-columns':
      if (value === '') return { error: 'error: custom-columns format specified but no custom columns given' };
      return { t: 'custom-columns', spec: value };
    default: return { t: 'default' };
  }
}

/** JSONPathPrintFlags.ToPrinter for -o jsonpath-file: the template read from the file -o or --template names. */
function jsonPathFileFormat(o: string, templateArg: string, readFile: (path: string) => string | undefined, allowedText: string): OutputFormat | { error: string } {
  const eq = o.indexOf('=');
  if (templateArg !== '' && eq !== -1) return { error: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowedText}` };
  const path = templateArg !== '' ? templateArg : eq === -1 ? '' : o.slice(eq + 1);
  if (path === '') return { error: 'error: template format specified but no template given' };
  const text = readFile(path);
  if (text === undefined) return { error: `error: error reading --template ${path}, open ${path}: no such file or directory` };
  return { t: 'jsonpath', template: text };
}

/** GoTemplatePrintFlags.ToPrinter: the template from -o kind=value or --template, read from a file for the -file kinds, parsed. */
function goTemplateFormat(args: ParsedArgs, o: string, templateArg: string, readFile?: (path: string) => string | undefined): OutputFormat | { error: string } {
  const eq = o.indexOf('=');
  // with --template given, -o must be the bare format name
  if (templateArg !== '' && eq !== -1) return { error: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}` };
  const kind = eq === -1 ? o : o.slice(0, eq);
  let template = templateArg !== '' ? templateArg : eq === -1 ? '' : o.slice(eq + 1);
  if (template === '') return { error: 'error: template format specified but no template given' };
  if (kind === 'go-template-file' || kind === 'templatefile') {
    const text = readFile?.(template);
    if (text === undefined) return { error: `error: error reading --template ${template}, open ${template}: no such file or directory` };
    template = text;
  }
  const allowMissing = args.values.get('allow-missing-template-keys') !== false;
  const printer = parseGoTemplate(template, allowMissing);
  if ('error' in printer) return { error: `error: ${printer.error}` };
  return { t: 'go-template', printer };
}

/**
 * yaml / json / jsonpath / go-template of one object or a List (`value` instead when the command
 * prints its own list, e.g. an EventList); an error text for a bad template. A go-template that
 * fails to execute has printed what it wrote and kubectl's debugging text first (`text` with the error).
 */
export function printStructured(format: OutputFormat, objects: readonly KubeObject[], single: boolean, listValue?: unknown): { text: string } | { error: string; text?: string } {
  const value = single && objects.length === 1 ? objects[0] : listValue ?? asList(objects);
  switch (format.t) {
    case 'go-template': {
      const r = executeGoTemplate(format.printer, value);
      return 'error' in r ? { text: r.text, error: `error: ${r.error}` } : r;
    }
    case 'yaml': return { text: toYaml(value) };
    case 'json': return { text: toJson(value) };
    case 'jsonpath':
      try {
        return { text: executeJsonPath(format.template, JSON.parse(JSON.stringify(value))) };
      } catch (e) {
        if (e instanceof JsonPathError) return { error: `error: error parsing jsonpath ${format.template}, ${e.message}` };
        throw e;
      }
    default: return { text: '' };
  }
}

/** What a printer wrote, an execution error's partial text included (the lines of label, annotate and scale). */
export function printedText(printed: { text: string } | { error: string; text?: string }, separator = ''): string | PrintFailure {
  if (!('error' in printed)) return separator + printed.text;
  return printed.text === undefined ? printed : { error: printed.error, text: separator + printed.text };
}

/**
 * A -o jsonpath template that does not parse, as kubectl's JSONPathPrintFlags.ToPrinter reports it
 * (kubectl finds it when it first prints, after the write; here before anything is written).
 */
export function templateErrorOf(format: OutputFormat): string | undefined {
  if (format.t !== 'jsonpath') return undefined;
  const r = printStructured(format, [], false);
  return 'error' in r ? r.error : undefined;
}

/**
 * The kubernetes.io/change-cause --record writes: the command line as kubectl re-prints it,
 * e.g. `kubectl apply --filename=httpd.v1.yml --record=true`.
 */
export function changeCause(ctx: CommandContext): string {
  const positional = ctx.args.positional.join(' ');
  const flags = ctx.args.given.map((g) => `--${g.name}=${g.value}`).join(' ');
  return [ctx.path, positional, flags].filter((s) => s !== '').join(' ');
}

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const RECORD_DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future';

/**
 * What apply, replace and patch check first: the --record deprecation notice, --dry-run (its
 * warning), and -o among PrintFlags' formats (a template that does not parse refused here).
 * A failure comes back as the command's result. With `lazyPrinter` (apply, whose ToPrinter runs
 * only when it prints), a printer error comes back as `printerError` for the command to report
 * after its writes, the format then the default.
 */
export function writePrelude(ctx: CommandContext, lazyPrinter = false): { o: Output; dry: { readonly dryRun: DryRun }; format: OutputFormat; printerError?: string } | KubectlResult {
  const { args } = ctx;
  const o = new Output();
  if (bool(args, 'record')) o.err(RECORD_DEPRECATED);
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(ctx.cluster, o.stderr + dry.error);
  if (dry.warning) o.err(dry.warning);
  const format = outputFormat(args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  const printerError = 'error' in format ? format.error : templateErrorOf(format);
  if (printerError !== undefined && lazyPrinter) return { o, dry: { dryRun: dry.dryRun }, format: { t: 'default' }, printerError };
  if (printerError !== undefined) return failure(ctx.cluster, o.stderr + printerError);
  return { o, dry: { dryRun: dry.dryRun }, format: format as OutputFormat };
}

/** Sets an annotation on every object of a YAML text (for --record), keeping the rest as written. */
export function annotateManifests(text: string, key: string, value: string): string {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0)) return text; // the apply reports the parse error itself
  return list
    .map((d) => {
      const v = d.toJS() as unknown;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) d.setIn(['metadata', 'annotations', key], value);
      return d.toString();
    })
    .join('---\n');
}

/**
 * The write step of label and scale: submit the planned changes (not on a dry run) and print the
 * per-object lines; an API error prints instead and leaves the cluster as it was.
 */
export function submitAndReport(ctx: CommandContext, o: Output, changes: readonly Change[], lines: readonly ReportLine[], dryRun: DryRun): KubectlResult {
  let cluster = ctx.cluster;
  // What the server answered is needed to print it (-o yaml|json): with --dry-run=server too, then dropped.
  const answered = dryRun === 'none' || (dryRun === 'server' && lines.some((l) => typeof l !== 'string'));
  let answer: Answer = (ref) => cluster.store.get(ref.kind, ref.namespace, ref.name);
  if (changes.length > 0 && answered) {
    const result = submit(cluster, changes, 'kubectl');
    if (result.errors.length > 0) {
      for (const e of result.errors) o.fail(`Error from server: ${e}`);
      return o.result(ctx.cluster);
    }
    answer = answerOf(result);
    if (dryRun === 'none') cluster = result.cluster;
  }
  // A template that fails while printing one object: its partial text, then the error; the visit goes
  // on with the next object (the commands' ContinueOnError builders) and the command fails.
  for (const line of lines) {
    if (typeof line === 'string') { o.out(line); continue; }
    const printed = line(answer);
    if (typeof printed === 'string') { o.write('stdout', printed); continue; }
    if (printed.text !== undefined) o.write('stdout', printed.text);
    o.fail(printed.error);
  }
  return o.result(cluster);
}

/**
 * A line a write command prints: a text, or an object printed from the cluster the write made
 * (kubectl printing the server's response: the object as stored, e.g. annotate -o yaml).
 */
export type ReportLine = string | ((answer: Answer) => string | PrintFailure);

/** A printer that failed on an object: what it wrote before (stdout) and kubectl's error line. */
export interface PrintFailure {
  readonly error: string;
  readonly text?: string;
}

/** The server's answer for an object: as the write stored it, or as stored when it wrote nothing to it. */
export type Answer = (ref: ObjectRef) => KubeObject | undefined;

/**
 * An error of one object in a ContinueOnError visit (resource.ContinueOnErrorVisitor): `parts` when
 * the error is itself an aggregate (label's validateNoOverwrites), `standard` when it is already in
 * StandardErrorMessage form (`Error from server (NotFound): ...`).
 */
export interface VisitError {
  readonly parts: readonly string[];
  readonly standard?: boolean;
}

/**
 * cmdutil.CheckErr of a visit's errors: a lone error prints as `error: <message>`; several (an
 * aggregate, after unwrapping an aggregate of one) print one message a line without the prefix
 * (MultipleErrors), an inner aggregate as `[a, b]` (utilerrors aggregate.Error).
 */
export function visitErrorLines(errors: readonly VisitError[]): string[] {
  const message = (e: VisitError) => (e.parts.length === 1 ? e.parts[0] : `[${e.parts.join(', ')}]`);
  if (errors.length !== 1) return errors.map(message);
  const only = errors[0];
  if (only.parts.length > 1) return [...only.parts];
  return [only.standard === true || only.parts[0].startsWith('error: ') ? only.parts[0] : `error: ${only.parts[0]}`];
}
