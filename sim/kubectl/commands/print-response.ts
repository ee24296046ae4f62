import type { ObjectRef } from '../../api/apply';
import type { KubeObject } from '../../api/types';
import type { Output } from '../context';
import { printStructured, type OutputFormat } from './common';

// kubectl create / apply / replace -f and the create generators with -o yaml|json (without
// --dry-run=client): each object is sent, info.Refresh(the server's response), then
// PrintObj(info.Object) (create.go RunCreate, apply.go applyOneObject, replace.go): what kubectl
// prints is the object as the server stored it (defaulted, empty omitempty fields gone), not the
// manifest. One printer for the command: YAMLPrinter writes `---` before every object but the first.

/** Prints the server's answer for each object `refs` names (as the write stored it, before controllers react). */
export function printResponses(o: Output, format: OutputFormat, answer: ((ref: ObjectRef) => KubeObject | undefined) | undefined, refs: readonly ObjectRef[]): void {
  printObjects(o, format, respondedObjects(answer, refs));
}

/** The server's answer for each object `refs` names. */
export function respondedObjects(answer: ((ref: ObjectRef) => KubeObject | undefined) | undefined, refs: readonly ObjectRef[]): KubeObject[] {
  return refs.flatMap((r) => answer?.(r) ?? []);
}

/**
 * PrintObj for each object with the command's one printer (`---` between YAML documents); a
 * template that fails to execute has written what it wrote, and its error ends the command.
 */
export function printObjects(o: Output, format: OutputFormat, objects: readonly KubeObject[]): void {
  for (const obj of objects) {
    const printed = printStructured(format, [obj], true);
    if ('error' in printed) {
      if (printed.text !== undefined) o.write('stdout', printed.text);
      o.fail(printed.error);
      return;
    }
    o.write('stdout', `${format.t === 'yaml' && o.stdout !== '' ? '---\n' : ''}${printed.text}`);
  }
}

/**
 * apply.go printObjects (the PostProcessor, run only when every object applied): one object
 * prints alone, several as one corev1.List{TypeMeta{List, v1}} whose ListMeta is empty.
 */
export function printAppliedObjects(o: Output, format: OutputFormat, objects: readonly KubeObject[]): void {
  if (objects.length <= 1) { printObjects(o, format, objects); return; }
  const list = { apiVersion: 'v1', items: objects, kind: 'List', metadata: {} } as unknown as KubeObject;
  printObjects(o, format, [list]);
}
