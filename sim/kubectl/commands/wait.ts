import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { CONTROLLERS } from '../../cluster/controllers';
import * as loop from '../../engine/loop';
import { advance } from '../../index';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { parseDuration } from '../duration';
import { kindPrefix, selectObjects, type ResourceType } from '../resources';
import { outputFormat, printStructured, visitErrorLines, type VisitError } from './common';
import { conditionMet, parseWaitFor, type WaitFor } from './wait-conditions';
import { recordWatchEvents, type WatchEvent } from './watch-events';

// kubectl wait (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go, WaitOptions.RunWait): every object
// the resource builder finds is waited for in turn, all under one deadline (--timeout, 30s by
// default). Time is virtual: the cluster's time passes until a watch event of the object meets the
// condition (each write of it checked, as kubectl's watch sees them) or the deadline comes. `pod/web condition met` per object; a timeout is
// `timed out waiting for the condition on pods/web`.

/** wait.PollUntilContextTimeout's interval for --for=create. */
const CREATE_POLL_MS = 500;
/** A negative --timeout means a week (WaitFlags.ToOptions). */
const WEEK_MS = 168 * 3600 * 1000;

export const wait: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: [
    F.filename, F.recursive, F.selector, F.all, F.allNamespaces, F.output,
    { name: 'field-selector', kind: 'string' },
    { name: 'for', kind: 'string' },
    { name: 'timeout', kind: 'string', default: '30s' },
    { name: 'local', kind: 'bool' },
  ],
  run: runWait,
};

interface Visited {
  readonly type: ResourceType;
  readonly object: KubeObject;
}

function runWait(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const timeoutText = str(args, 'timeout') ?? '30s';
  const parsedTimeout = parseTimeout(timeoutText);
  if (parsedTimeout === undefined) return failure(ctx.cluster, `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
  const timeoutMs = parsedTimeout < 0 ? WEEK_MS : parsedTimeout;
  const format = outputFormat(args, ['name', 'yaml', 'json']);
  if ('error' in format) return failure(ctx.cluster, format.error);
  const forCondition = str(args, 'for') ?? '';
  const w = parseWaitFor(forCondition);
  if ('error' in w) return failure(ctx.cluster, `error: ${w.error}`);

  // resource.Builder.visitorResult: a type alone, with no name, selector or --all, names nothing.
  const positional = args.positional;
  if (positional.length === 1 && !positional[0].includes('/') && !str(args, 'selector') && !str(args, 'field-selector') && !bool(args, 'all') && list(args, 'filename').length === 0) {
    return failure(ctx.cluster, 'error: resource(s) were provided, but no name was specified');
  }
  const o = new Output();
  const deadlineMs = ctx.cluster.nowMs + timeoutMs;
  const find = (c: Cluster) => selectObjects(c, args.positional, { namespace: ctx.namespace, allNamespaces: bool(args, 'all-namespaces') }, {
    selector: str(args, 'selector'), fieldSelector: str(args, 'field-selector'), all: bool(args, 'all'),
    filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });

  let cluster = ctx.cluster;
  if (w.t === 'create') {
    const polled = pollUntilFound(cluster, (c) => { const s = find(c); return typeof s === 'string' || s.errors.length !== 1; }, deadlineMs);
    cluster = polled.cluster;
    if (!polled.found) { o.fail('error: timed out waiting for the condition'); return o.result(cluster); }
  }

  const sel = find(cluster);
  if (typeof sel === 'string') return failure(cluster, sel);
  const visited: Visited[] = sel.found.flatMap((f) => f.objects.map((object) => ({ type: f.type, object })));
  const errors: VisitError[] = [];
  for (const v of visited) {
    const r = waitFor(cluster, w, v, deadlineMs, timeoutMs === 0);
    cluster = r.cluster;
    if ('error' in r) { errors.push({ parts: [r.error] }); continue; }
    printMet(o, format, v, r.object);
  }
  // For delete the builder ignores NotFound (visitor.IgnoreErrors(apierrors.IsNotFound)).
  if (w.t !== 'delete') for (const e of sel.errors) errors.push({ parts: [e], standard: true });
  if (errors.length === 0 && visited.length === 0 && w.t !== 'delete') errors.push({ parts: ['no matching resources found'] });
  for (const line of visitErrorLines(errors)) o.fail(line);
  return o.result(cluster);
}

/**
 * RunWait's --for=create: wait.PollUntilContextTimeout (immediately, then every 500ms) until the
 * builder finds what it names; a lone NotFound keeps polling. Ticks with no timer due in between
 * change nothing, so the clock jumps to the tick after the next due timer.
 */
function pollUntilFound(start: Cluster, found: (c: Cluster) => boolean, deadlineMs: number): { cluster: Cluster; found: boolean } {
  let cluster = start;
  while (!found(cluster)) {
    const dueMs = cluster.timers.peekDueMs();
    if (dueMs === undefined || dueMs > deadlineMs) return { cluster: advance(cluster, deadlineMs - cluster.nowMs), found: false };
    const ticks = Math.max(1, Math.ceil((dueMs - start.nowMs) / CREATE_POLL_MS));
    const nextMs = start.nowMs + ticks * CREATE_POLL_MS;
    if (nextMs > deadlineMs) return { cluster: advance(cluster, deadlineMs - cluster.nowMs), found: false };
    cluster = advance(cluster, nextMs - cluster.nowMs);
  }
  return { cluster, found: true };
}

/** The Duration flag: Go durations, where a bare 0 is allowed and a leading '-' is negative. */
function parseTimeout(text: string): number | undefined {
  if (text === '0') return 0;
  const negative = text.startsWith('-');
  const ms = parseDuration(negative ? text.slice(1) : text);
  return ms === undefined ? undefined : negative ? -ms : ms;
}

type Waited = { readonly cluster: Cluster; readonly object: KubeObject } | { readonly cluster: Cluster; readonly error: string };

/** One ConditionFunc (IsDeleted, IsCreated, IsConditionMet, IsJSONPathConditionMet) on one object. */
function waitFor(cluster: Cluster, w: WaitFor, v: Visited, deadlineMs: number, once: boolean): Waited {
  const { kind, metadata } = v.object;
  const ns = metadata.namespace ?? '';
  const objectName = `${v.type.plural}/${metadata.name}`; // info.ObjectName()
  const timedOut = `timed out waiting for the condition on ${objectName}`; // extendErrWaitTimeout
  if (w.t === 'create') return { cluster, object: v.object };
  if (w.t === 'delete') {
    const gone = (get: (k: string, n: string, name: string) => KubeObject | undefined) => {
      const now = get(kind, ns, metadata.name);
      return now === undefined || now.metadata.uid !== metadata.uid;
    };
    if (gone((k, n, name) => cluster.store.get(k, n, name))) return { cluster, object: v.object };
    if (once) return { cluster, error: `condition not met for ${objectName}` };
    if (cluster.nowMs >= deadlineMs) return { cluster, error: timedOut };
    // IsDeleted: UntilWithSync until a Deleted event of the object (its uid's), whatever comes after it.
    const r = watchUntil(cluster, v.object, deadlineMs, (e) => e.type === 'DELETED' && e.object.metadata.uid === metadata.uid);
    return r.reached ? { cluster: r.cluster, object: v.object } : { cluster: r.cluster, error: timedOut };
  }
  if (once) {
    const met = conditionMet(w, v.object);
    if (typeof met !== 'boolean') return { cluster, error: met.error };
    return met ? { cluster, object: v.object } : { cluster, error: `condition not met for ${objectName}` };
  }
  // After the deadline the informer cannot sync: every later object times out (UntilWithSync).
  if (cluster.nowMs >= deadlineMs) return { cluster, error: timedOut };
  // ConditionalWait / JSONPathWait: the object as listed, then the condition checked on every watch
  // event of it (Added, Modified); a Deleted event keeps the wait going.
  const listed = cluster.store.get<KubeObject>(kind, ns, metadata.name);
  let failed: string | undefined;
  let last: KubeObject = listed ?? v.object;
  const check = (obj: KubeObject): boolean => {
    last = obj;
    const met = conditionMet(w, obj);
    if (typeof met !== 'boolean') { failed = met.error; return true; }
    return met;
  };
  if (listed !== undefined && check(listed)) return failed !== undefined ? { cluster, error: failed } : { cluster, object: last };
  const r = watchUntil(cluster, v.object, deadlineMs, (e) => e.type !== 'DELETED' && check(e.object));
  if (failed !== undefined) return { cluster: r.cluster, error: failed };
  return r.reached ? { cluster: r.cluster, object: last } : { cluster: r.cluster, error: timedOut };
}

/**
 * Lets time pass until `done` holds for a watch event of the object (its kind, namespace and name),
 * each event seen in the order written, or until the deadline.
 */
function watchUntil(cluster: Cluster, obj: KubeObject, deadlineMs: number, done: (e: WatchEvent) => boolean): { cluster: Cluster; reached: boolean } {
  const ns = obj.metadata.namespace ?? '';
  const { controller, events } = recordWatchEvents('kubectl-wait', obj.kind, (o) => o.metadata.name === obj.metadata.name && (o.metadata.namespace ?? '') === ns);
  let read = 0;
  let met = false;
  return loop.advanceUntil(cluster, deadlineMs, [...CONTROLLERS, controller], () => {
    for (; !met && read < events.length; read++) met = done(events[read]);
    return met;
  });
}

/** The printer NewPrintFlags("condition met") builds: `pod/web condition met`, or -o name|yaml|json. */
function printMet(o: Output, format: ReturnType<typeof outputFormat>, v: Visited, object: KubeObject): void {
  const display = `${kindPrefix(v.type)}/${v.object.metadata.name}`;
  if ('error' in format || format.t === 'default') o.out(`${display} condition met`);
  else if (format.t === 'name') o.out(display);
  else o.write('stdout', `${format.t === 'yaml' && o.stdout !== '' ? '---\n' : ''}${(printStructured(format, [object], true) as { text: string }).text}`); // YAMLPrinter: '---' before each later object
}
