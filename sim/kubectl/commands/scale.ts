import type { KubeObject } from '../../api/types';
import type { Change } from '../../engine/types';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, int, isSet, list, str } from '../flags';
import { kindPrefix, selectObjects } from '../resources';
import { answerOf, submit } from '../../index';
import { parseDuration } from '../duration';
import { pollScale, scaleSynced, scaleTarget } from './scale-wait';
import { CHANGE_CAUSE, RECORD_DEPRECATED, changeCause, dryRunOf, dryRunSuffix, outputFormat, printStructured, submitAndReport, templateErrorOf, type ReportLine, PRINT_FLAG_FORMATS, PRINT_TEMPLATE_FLAGS, printedText, printsObject } from './common';

// kubectl scale (staging/src/k8s.io/kubectl/pkg/cmd/scale): sets spec.replicas through the scale
// subresource of Deployments, ReplicaSets and StatefulSets; `deployment.apps/nginx scaled`.

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const scale: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: [
    F.filename, F.selector, F.all, F.allNamespaces, F.dryRun, F.record, F.recursive,
    { name: 'output', short: 'o', kind: 'string' }, ...PRINT_TEMPLATE_FLAGS,
    { name: 'replicas', kind: 'int', default: -1 },
    { name: 'current-replicas', kind: 'int', default: -1 },
    { name: 'timeout', kind: 'string', default: '0s' },
  ],
  run: runScale,
};

function runScale(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const o = new Output();
  if (bool(args, 'record')) o.err(RECORD_DEPRECATED);
  if (!isSet(args, 'replicas')) return failure(ctx.cluster, `${o.stderr}error: required flag(s) "replicas" not set`);
  const replicas = int(args, 'replicas')!;
  if (replicas < 0) return failure(ctx.cluster, `${o.stderr}error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0`);
  const dry = dryRunOf(args);
  if ('error' in dry) return failure(ctx.cluster, o.stderr + dry.error);
  if (dry.warning) o.err(dry.warning);
  const timeoutText = str(args, 'timeout') ?? '0s';
  const timeoutMs = parseTimeout(timeoutText);
  if (timeoutMs === undefined) return failure(ctx.cluster, `${o.stderr}error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
  // ScaleFlags.PrintFlags: json, yaml, name and the templates.
  const format = outputFormat(args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, o.stderr + format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, o.stderr + templateError);
  const positional = args.positional;
  if (positional.length === 1 && !positional[0].includes('/') && str(args, 'selector') === undefined && !bool(args, 'all') && list(args, 'filename').length === 0) {
    return failure(ctx.cluster, `${o.stderr}error: resource(s) were provided, but no name was specified`);
  }
  const sel = selectObjects(ctx.cluster, positional, { namespace: ctx.namespace, allNamespaces: bool(args, 'all-namespaces') }, {
    selector: str(args, 'selector'), all: bool(args, 'all'), filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(ctx.cluster, o.stderr + sel);

  // RunScale (v1.34): the infos found are scaled in turn; the first failure ends the command
  // (`return err`), and only when all succeeded does the builder's NotFound follow (`return infoErr`).
  const current = int(args, 'current-replicas') ?? -1;
  const changes: Change[] = [];
  const lines: ReportLine[] = [];
  let printed = 0;
  let failed: string | undefined;
  scaling: for (const f of sel.found) {
    for (const obj of f.objects) {
      if (!SCALABLE.has(obj.kind)) { failed = 'Error from server (NotFound): the server could not find the requested resource'; break scaling; }
      const spec = obj.spec as { replicas?: number };
      if (current >= 0 && (spec.replicas ?? 1) !== current) { failed = `error: Expected replicas to be ${current}, was ${spec.replicas ?? 1}`; break scaling; }
      const annotations = bool(args, 'record') ? { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(ctx) } : obj.metadata.annotations;
      const recorded: KubeObject = { ...obj, metadata: { ...obj.metadata, ...(annotations ? { annotations } : {}) } };
      changes.push({ verb: 'update', object: { ...recorded, spec: { ...spec, replicas } } as KubeObject });
      if (printsObject(format)) {
        // PrintObj(info.Object): the object as the builder fetched it, before the scale (v1.34 prints
        // the old spec.replicas; kubernetes#136945 changed that later), --record's annotation set.
        const shown = dry.dryRun === 'client' ? obj : recorded;
        const separator = format.t === 'yaml' && printed++ > 0 ? '---\n' : '';
        lines.push(() => printedText(printStructured(format, [shown], true), separator));
      } else lines.push(format.t === 'name' ? `${kindPrefix(f.type)}/${obj.metadata.name}` : `${kindPrefix(f.type)}/${obj.metadata.name} scaled${dryRunSuffix(dry.dryRun)}`);
    }
  }
  const trailing = failed !== undefined ? [failed] : [...sel.errors];
  if (sel.errors.length === 0 && sel.found.every((f) => f.objects.length === 0)) trailing.push('error: no objects passed to scale');
  // RunScale: waitForReplicas only with a non-zero --timeout and no dry run.
  if (timeoutMs !== 0 && dry.dryRun === 'none') return scaleEachAndWait(ctx, o, changes, lines, trailing, timeoutMs);
  for (const e of trailing) o.fail(e);
  return submitAndReport(ctx, o, changes, lines, dry.dryRun);
}

/**
 * genericScaler.Scale with waitForReplicas: each object is scaled, then waited for, before it is
 * printed and the next is scaled; a wait that times out ends the command there (its object stays
 * scaled, unprinted).
 */
function scaleEachAndWait(ctx: CommandContext, o: Output, changes: readonly Change[], lines: readonly ReportLine[], trailing: readonly string[], timeoutMs: number): KubectlResult {
  let cluster = ctx.cluster;
  for (let i = 0; i < changes.length; i++) {
    const result = submit(cluster, [changes[i]], 'kubectl');
    if (result.errors.length > 0) {
      for (const e of result.errors) o.fail(`Error from server: ${e}`);
      return o.result(cluster);
    }
    const target = scaleTarget(changes[i])!;
    const polled = pollScale(result.cluster, (c) => scaleSynced(c.store.get(target.kind, target.namespace, target.name), target.replicas), timeoutMs);
    cluster = polled.cluster;
    const line = lines[i];
    if (!polled.synced) {
      o.fail(`error: timed out waiting for "${target.name}" to be synced`);
      return o.result(cluster);
    }
    if (typeof line === 'string') { o.out(line); continue; }
    const printed = line(answerOf(result));
    if (typeof printed === 'string') { o.write('stdout', printed); continue; }
    // RunScale returns the printer's error: the command ends there.
    if (printed.text !== undefined) o.write('stdout', printed.text);
    o.fail(printed.error);
    return o.result(cluster);
  }
  for (const e of trailing) o.fail(e);
  return o.result(cluster);
}

/** The Duration flag: Go durations, where a bare 0 is allowed and a leading '-' is negative. */
function parseTimeout(text: string): number | undefined {
  if (text === '0') return 0;
  const negative = text.startsWith('-');
  const ms = parseDuration(negative ? text.slice(1) : text);
  return ms === undefined ? undefined : negative ? -ms : ms;
}
