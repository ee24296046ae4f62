import { CONTROLLERS } from '../../cluster/controllers';
import { Output, failure, type CommandContext, type KubectlResult } from '../context';
import { eventObjects, type EventObject } from '../events';
import { str } from '../flags';
import { toJson, toYaml } from '../printers/objects';
import { GET_TABWRITER, RememberingTabwriter } from '../tabwriter';
import { printStructured, type OutputFormat } from './common';
import { EventWrites } from './event-writes';
import { eventLines } from './events';
import { requestTimeoutMs, runWatch, type WatchEvent } from './watch-events';

// kubectl events --watch (events.go EventsOptions.runWatch): no list; a watch opened without a
// resourceVersion, whose first events are the watch cache's synthetic ADDED ones for the Events
// that exist, in key order (namespace, then name, not by time), then one per Event write: a new
// Event, or a repeated one whose count went up (MODIFIED, printed as a row again, `0s (x2 over
// 10s)`). Each is printed by the EventPrinter (the headings once, before the first row; nothing at
// all while there is no Event) and flushed through the same tabwriter, which remembers column
// widths. A real watch runs until Ctrl-C; here until --request-timeout or a quiet virtual minute.

export function watchEvents(ctx: CommandContext, selected: (e: EventObject) => boolean, format: OutputFormat, opts: { allNamespaces: boolean; noHeaders: boolean }): KubectlResult {
  const timeout = requestTimeoutMs(str(ctx.args, 'request-timeout'));
  if (typeof timeout === 'string') return failure(ctx.cluster, timeout);
  const tw = new RememberingTabwriter(GET_TABWRITER);
  let headerDue = !opts.noHeaders;
  let printed = 0;
  const print = (e: EventObject, nowMs: number): string | { error: string } => {
    printed++;
    switch (format.t) {
      case 'default': {
        const lines = eventLines([e], { ...opts, noHeaders: !headerDue, nowMs });
        headerDue = false;
        return tw.flush(lines);
      }
      // YAMLPrinter separates the documents it prints with ---.
      case 'yaml': return `${printed > 1 ? '---\n' : ''}${toYaml(e)}`;
      case 'json': return toJson(e);
      case 'name': return `event/${e.metadata.name}\n`;
      default: {
        const r = printStructured(format, [e], true);
        return 'error' in r ? r : r.text;
      }
    }
  };

  const o = new Output();
  const initial = eventObjects(ctx.cluster).filter(selected);
  for (const e of initial) {
    const text = print(e, ctx.nowMs);
    if (typeof text !== 'string') return failure(ctx.cluster, text.error);
    o.write('stdout', text);
  }
  const writes = new EventWrites(ctx.cluster, selected);
  const seen: WatchEvent[] = [];
  const now = runWatch(ctx.cluster, CONTROLLERS, timeout, {
    lastSeenMs: (c) => {
      seen.push(...writes.next(c));
      return seen.at(-1)?.nowMs;
    },
  });
  seen.push(...writes.next(now));
  for (const w of seen) {
    const text = print(w.object as EventObject, now.config.epochMs + w.nowMs);
    if (typeof text !== 'string') return failure(now, text.error);
    o.write('stdout', text);
  }
  return o.result(now);
}
