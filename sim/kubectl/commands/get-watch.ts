import type { KubeObject } from '../../api/types';
import { CONTROLLERS } from '../../cluster/controllers';
import { matchesQuery, parseLabelQuery } from '../../store/label-query';
import { Output, failure, type CommandContext, type KubectlResult } from '../context';
import { matchesFields, parseFieldSelector } from '../field-selector';
import { bool, str } from '../flags';
import { tableLines, type TableOptions } from '../printers/table';
import { selectorRefused, type Found } from '../resources';
import { GET_TABWRITER, RememberingTabwriter } from '../tabwriter';
import { recordWatchEvents, requestTimeoutMs, runWatch, type WatchEvent } from './watch-events';
import { labelColumns } from './common';
import { EventWrites } from './event-writes';
import type { Cluster } from '../../engine/types';

// kubectl get --watch (get.go (*GetOptions).watch): the list as it is, then one row per write of a
// watched object (watch events ADDED / MODIFIED / DELETED), each flushed through the same
// tabwriter, which remembers column widths across flushes (liggitt/tabwriter RememberWidths).
// A real watch runs until Ctrl-C; here it runs until --request-timeout, or else until the watched
// objects have not changed for QUIET_MS of virtual time (at most MAX_WATCH_MS): watch-events.ts runWatch.

export { QUIET_MS } from './watch-events';

/**
 * A printer of one watched object (-o yaml|json|name|jsonpath|go-template print each object by
 * itself, not a List): its text, or what it wrote before failing and the error.
 */
export type WatchPrinter = (obj: unknown) => { text: string } | { text?: string; error: string };

export function watchGet(ctx: CommandContext, found: readonly Found[], single: boolean, wide: boolean, warnings: readonly string[], printer?: WatchPrinter): KubectlResult {
  const { cluster, args } = ctx;
  // resource.Builder SingleResourceType: one type, whatever its number of objects.
  if (found.length !== 1) return failure(cluster, 'error: you may only specify a single resource type');
  const t = found[0].type;
  if (t.kind === 'ComponentStatus') return failure(cluster, `error: kubespec: --watch is not simulated for ${t.plural}; let time pass with 'sleep <duration>' and run get again`);
  const timeout = requestTimeoutMs(str(args, 'request-timeout'));
  if (typeof timeout === 'string') return failure(cluster, timeout);
  const allNamespaces = bool(args, 'all-namespaces');
  const names = single || args.positional.length > 1 ? new Set(found[0].objects.map((o) => o.metadata.name)) : undefined;
  const watched = watchFilter(t.kind, t.namespaced && !allNamespaces ? ctx.namespace : undefined, str(args, 'selector'), str(args, 'field-selector'), names);
  if (typeof watched === 'string') return failure(cluster, selectorRefused(t, str(args, 'selector'), str(args, 'field-selector'), watched));

  const eventsColumn = bool(args, 'output-watch-events');
  const base: TableOptions = { nowMs: ctx.nowMs, wide, withNamespace: allNamespaces && t.namespaced, showLabels: bool(args, 'show-labels'), labelColumns: labelColumns(args), noHeaders: bool(args, 'no-headers') };
  const tw = new RememberingTabwriter(GET_TABWRITER);
  const o = new Output();
  for (const w of warnings) o.err(w);
  let headerDue = !base.noHeaders;
  // HumanReadablePrinter: the header before the first row printed, then rows only.
  const rows = (objects: readonly KubeObject[], nowMs: number, type: WatchEvent['type']): string[] => {
    const lines = tableLines(t.kind, objects, { ...base, nowMs, noHeaders: !headerDue });
    if (objects.length > 0) headerDue = false;
    return eventsColumn ? lines.map((l, i) => `${i === 0 && lines.length > objects.length ? 'EVENT' : type}\t${l}`) : lines;
  };
  if (printer !== undefined) {
    // --output-watch-events: each object inside a metav1.WatchEvent
    const print = (obj: KubeObject, type: WatchEvent['type']) => printer(eventsColumn ? { object: obj, type } : obj);
    if (!bool(args, 'watch-only')) {
      for (const obj of found[0].objects) {
        const r = print(obj, 'ADDED');
        o.write('stdout', r.text ?? '');
        if ('error' in r) { o.fail(`error: unable to output the provided object: ${r.error.replace(/^error: /, '')}`); return o.result(cluster); }
      }
    }
    const { now, events } = t.kind === 'Event' ? watchEventWrites(cluster, watched, timeout) : watchObjects(cluster, t.kind, watched, timeout);
    for (const e of events) {
      const r = print(e.object, e.type);
      o.write('stdout', r.text ?? '');
      if ('error' in r) { o.fail(r.error); break; }
    }
    return o.result(now);
  }
  if (!bool(args, 'watch-only') && found[0].objects.length > 0) o.write('stdout', tw.flush(rows(found[0].objects, ctx.nowMs, 'ADDED')));

  const { now, events } = t.kind === 'Event' ? watchEventWrites(cluster, watched, timeout) : watchObjects(cluster, t.kind, watched, timeout);
  for (const e of events) o.write('stdout', tw.flush(rows([e.object], cluster.config.epochMs + e.nowMs, e.type)));
  return o.result(now);
}

function watchObjects(cluster: Cluster, kind: string, watched: (obj: KubeObject) => boolean, timeout: number | undefined): { now: Cluster; events: readonly WatchEvent[] } {
  const { controller: watcher, events } = recordWatchEvents('kubectl-watch', kind, watched);
  const now = runWatch(cluster, [...CONTROLLERS, watcher], timeout, { lastSeenMs: () => events.at(-1)?.nowMs });
  return { now, events };
}

/** Events are no store objects: the watch reads the engine's log of Event writes (event-writes.ts). */
function watchEventWrites(cluster: Cluster, watched: (obj: KubeObject) => boolean, timeout: number | undefined): { now: Cluster; events: readonly WatchEvent[] } {
  const writes = new EventWrites(cluster, watched);
  const events: WatchEvent[] = [];
  const now = runWatch(cluster, CONTROLLERS, timeout, {
    lastSeenMs: (c) => {
      events.push(...writes.next(c));
      return events.at(-1)?.nowMs;
    },
  });
  events.push(...writes.next(now));
  return { now, events };
}

/** What the watch request selects: namespace, label and field selectors, names (metadata.name=). */
function watchFilter(kind: string, namespace: string | undefined, selector: string | undefined, fieldSelector: string | undefined, names: ReadonlySet<string> | undefined): ((obj: KubeObject) => boolean) | string {
  const labels = selector === undefined || selector.trim() === '' ? undefined : parseLabelQuery(selector);
  if (labels !== undefined && 'error' in labels) return labels.error;
  const fields = fieldSelector === undefined || fieldSelector.trim() === '' ? undefined : parseFieldSelector(fieldSelector, kind);
  if (fields !== undefined && 'error' in fields) return fields.error;
  return (obj) => (namespace === undefined || obj.metadata.namespace === namespace)
    && (names === undefined || names.has(obj.metadata.name))
    && (labels === undefined || matchesQuery(obj.metadata.labels, labels.requirements))
    && (fields === undefined || matchesFields(obj, fields.terms));
}
