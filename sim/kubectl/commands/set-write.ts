import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { answerOf, submit } from '../../index';
import type { Output } from '../context';
import { admitObject } from '../../api/apply';
import { dryRunSuffix, printsObject, type DryRun, type OutputFormat } from './common';
import { printObjects } from './print-response';
import { statusErrorText } from './create-object';
import type { Target } from './rollout-common';

// How kubectl set env and set resources write and report each changed object (set_env.go and
// set_resources.go Run): one PATCH an object (server dry-run: validated, not stored), the
// operation printer's `deployment.apps/web env updated`, and cmdutil.CheckErr's aggregate.

/**
 * The PATCH of `next` over the stored object: admitted (defaults, validation) as the API server
 * does, then stored (server dry-run: admitted, not stored). A refusal is the StatusError's own text,
 * `Deployment.apps "web" is invalid: ...`, which kubectl wraps in its "failed to patch" error.
 */
export function writeSetChange(cluster: Cluster, target: Target, next: KubeObject, dryRun: DryRun): { cluster: Cluster; object: KubeObject } | { error: string } {
  const qualifiedKind = target.type.group === '' ? target.type.kind : `${target.type.kind}.${target.type.group}`;
  const admitted = admitObject(cluster.store, next, target.object);
  if (admitted.error !== undefined) return { error: statusErrorText(admitted.error, qualifiedKind) };
  const result = submit(cluster, [{ verb: 'update', object: admitted.object }], 'kubectl');
  if (result.errors.length > 0) return { error: result.errors.map((e) => statusErrorText(e, qualifiedKind)).join('\n') };
  const stored = answerOf(result)({ kind: next.kind, namespace: next.metadata.namespace ?? '', name: next.metadata.name }) ?? admitted.object;
  return { cluster: dryRun === 'server' ? cluster : result.cluster, object: stored };
}

/**
 * PrintFlags with the operation ("env updated"): the name printer's line, -o name, or the object
 * through the command's one printer (yaml, json, jsonpath, go-template; `---` between YAML documents).
 */
export function printSetResult(o: Output, format: OutputFormat, display: string, obj: KubeObject, operation: string, dryRun: DryRun): void {
  if (printsObject(format)) printObjects(o, format, [obj]);
  else if (format.t === 'name') o.out(display);
  else o.out(`${display} ${operation}${dryRunSuffix(dryRun)}`);
}

/**
 * cmdutil.CheckErr of utilerrors.NewAggregate(allErrs): a lone error as it is (with "error: " in
 * front unless it has it), several one a line (MultipleErrors); texts keep their own newlines.
 */
export function setErrorText(errors: readonly string[]): string {
  if (errors.length === 1) return errors[0].startsWith('error: ') ? errors[0] : `error: ${errors[0]}`;
  return errors.map((e) => `${e}\n`).join('');
}
