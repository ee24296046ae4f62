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
  for (const r of refs) {
    const obj = answer?.(r);
    if (obj === undefined) continue;
    const text = (printStructured(format, [obj], true) as { text: string }).text;
    o.write('stdout', `${format.t === 'yaml' && o.stdout !== '' ? '---\n' : ''}${text}`);
  }
}
