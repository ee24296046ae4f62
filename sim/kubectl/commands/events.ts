import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { eventObjects, type EventObject } from '../events';
import { age } from '../printers/columns';
import { GET_TABWRITER, tabwrite } from '../tabwriter';
import { resolveTypes } from '../resources';
import { outputFormat, printStructured } from './common';
import { toJson, toYaml } from '../printers/objects';
import { watchEvents } from './events-watch';

// kubectl events (staging/src/k8s.io/kubectl/pkg/cmd/events: events.go EventsOptions.Run,
// event_printer.go EventPrinter): the namespace's core/v1 Events (or every namespace's with -A),
// optionally only those of one object (--for TYPE/NAME, a field selector on involvedObject) and of
// some types (--types=Normal,Warning), sorted by when they were last seen (SortableEvents), printed
// as LAST SEEN, TYPE, REASON, OBJECT (Kind/name), MESSAGE; a repeated event reads `2m (x3 over 5m)`.

export const events: Command = {
  name: 'events',
  short: 'List events',
  flags: [
    F.allNamespaces, F.output,
    { name: 'for', kind: 'string' },
    { name: 'types', kind: 'stringArray' },
    { name: 'watch', short: 'w', kind: 'bool' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'chunk-size', kind: 'int', default: 500 },
    { name: 'show-managed-fields', kind: 'bool' },
    { name: 'template', kind: 'string' },
    { name: 'allow-missing-template-keys', kind: 'bool', default: true },
  ],
  run: runEvents,
};

function runEvents(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const format = outputFormat(args, ['yaml', 'json', 'name', 'jsonpath', 'go-template'], (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, format.error);
  // --types is a string slice: comma-separated and repeatable.
  const types = list(args, 'types').flatMap((t) => t.split(','));
  // EventsOptions.Validate
  if (types.some((t) => t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning')) return failure(ctx.cluster, 'error: valid --types are Normal or Warning');

  let forObject: { kind: string; name: string } | undefined;
  const forText = str(args, 'for') ?? '';
  if (forText !== '') {
    const decoded = decodeResourceTypeName(forText);
    if ('error' in decoded) return failure(ctx.cluster, `error: ${decoded.error}`);
    forObject = decoded;
  }

  const allNamespaces = bool(args, 'all-namespaces');
  const selected = (e: EventObject): boolean =>
    (allNamespaces || e.metadata.namespace === ctx.namespace)
    && (forObject === undefined || (e.involvedObject.kind === forObject.kind && e.involvedObject.name === forObject.name))
    && (types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase()));
  if (bool(args, 'watch')) return watchEvents(ctx, selected, format, { allNamespaces, noHeaders: bool(args, 'no-headers') });
  const listed = eventObjects(ctx.cluster).filter(selected);
  if (listed.length === 0) {
    const o = new Output();
    o.err(allNamespaces ? 'No events found.' : `No events found in ${ctx.namespace} namespace.`);
    return o.result(ctx.cluster);
  }
  const sorted = sortableEvents(listed);
  if (format.t !== 'default') {
    // The printer gets the corev1.EventList itself (kind EventList, empty list metadata).
    const eventList = { apiVersion: 'v1', items: sorted, kind: 'EventList', metadata: {} };
    let text: string;
    if (format.t === 'name') text = sorted.map((e) => `event/${e.metadata.name}\n`).join('');
    else if (format.t === 'yaml') text = toYaml(eventList);
    else if (format.t === 'json') text = toJson(eventList);
    else {
      const printed = printStructured(format, sorted, false, eventList);
      if ('error' in printed) return { cluster: ctx.cluster, stdout: printed.text ?? '', stderr: `${printed.error}\n`, exitCode: 1 };
      text = printed.text;
    }
    return { cluster: ctx.cluster, stdout: text, stderr: '', exitCode: 0 };
  }
  return { cluster: ctx.cluster, stdout: printEvents(sorted, { allNamespaces, noHeaders: bool(args, 'no-headers'), nowMs: ctx.nowMs }), stderr: '', exitCode: 0 };
}

/** decodeResourceTypeName: `pod/web` to the kind and name the field selector names. */
function decodeResourceTypeName(text: string): { kind: string; name: string } | { error: string } {
  if (!text.includes('/')) return { error: '--for must be in resource/name form' };
  const parts = text.split('/');
  if (parts.length !== 2) return { error: 'arguments in resource/name form may not have more than one slash' };
  const [resource, name] = parts;
  const types = resolveTypes(resource);
  if (types === undefined || types.length !== 1) return { error: `no matches for /, Resource=${resource.toLowerCase()}` };
  return { kind: types[0].kind, name };
}

/** SortableEvents: by last seen (lastTimestamp); ties keep the API server's list order. */
export function sortableEvents(list: readonly EventObject[]): EventObject[] {
  return list
    .map((e, i) => ({ e, i, t: Date.parse(e.lastTimestamp) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

/** EventPrinter.PrintObj through printers.GetNewTabWriter. */
export function printEvents(list: readonly EventObject[], opts: { allNamespaces: boolean; noHeaders: boolean; nowMs: number }): string {
  return tabwrite(`${eventLines(list, opts).join('\n')}\n`, GET_TABWRITER);
}

/** EventPrinter's lines, tab-separated: the headings unless noHeaders, then printOneEvent for each. */
export function eventLines(list: readonly EventObject[], opts: { allNamespaces: boolean; noHeaders: boolean; nowMs: number }): string[] {
  const lines: string[] = [];
  if (!opts.noHeaders) lines.push(`${opts.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`);
  for (const e of list) {
    const cells = [interval(e, opts.nowMs), escapeCell(e.type), escapeCell(e.reason), `${escapeCell(e.involvedObject.kind)}/${escapeCell(e.involvedObject.name)}`, escapeCell(e.message.trim())];
    lines.push([...(opts.allNamespaces ? [e.metadata.namespace ?? ''] : []), ...cells].join('\t'));
  }
  return lines;
}

/** escapeCell (event_printer.go): a cell ends at its first form feed, newline or carriage return, marked `...`. */
export function escapeCell(text: string): string {
  const at = text.search(/[\f\n\r]/);
  return at === -1 ? text : `${text.slice(0, at)}...`;
}

/** getInterval: `5s`, or `5s (x3 over 2m)` for a repeated event. */
function interval(e: EventObject, nowMs: number): string {
  const first = age(e.firstTimestamp, nowMs);
  return e.count > 1 ? `${age(e.lastTimestamp, nowMs)} (x${e.count} over ${first})` : first;
}
