import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { eventsFor } from '../events';
import { PrefixWriter, LEVEL_0, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './writer';

// describe.go genericDescriber: what `kubectl describe` prints for a kind without a describer of its
// own (ControllerRevision, Event, ComponentStatus): name, namespace, labels and annotations, then
// every other field of the object as printUnstructuredContent lays it out, then its events.

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/**
 * fatih/camelcase Split for a word of letters and '-': runs of lower-case, upper-case and other
 * characters, the last capital of an upper-case run moved onto the lower-case run after it.
 *
 * | field        | parts                         |
 * |--------------|-------------------------------|
 * | apiVersion   | api, Version                  |
 * | podIP        | pod, IP                       |
 * | APIVersion   | API, Version                  |
 * | k-app        | k, -, app                     |
 */
export function camelcaseSplit(s: string): string[] {
  const classOf = (c: string): number => (c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : /\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = classOf(c);
    if (k === last && runs.length > 0) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 2 && classOf(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `apiVersion` -> `API Version`; a field with characters other than letters and '-' stays as it is. */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => c !== '-' && !/\p{L}/u.test(c))) return field;
  return camelcaseSplit(field).filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** fmt's %v of a value decoded from JSON. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

/** printUnstructuredContent: fields sorted; maps and lists under a `Label:` line one level deeper, scalars as `Label:\tvalue`. */
export function printUnstructuredContent(w: PrefixWriter, level: number, content: Readonly<Record<string, unknown>>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    if (value === undefined) continue;
    const skipExpr = `${skipPrefix}.${field}`;
    if (SKIP.has(skipExpr)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr);
        else w.write(level + 1, `${Array.isArray(child) ? `[${child.map(goValue).join(' ')}]` : goValue(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

/** genericDescriber.Describe. */
export function describeGeneric(cluster: Cluster, obj: KubeObject, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
  describeEvents(w, eventsFor(cluster, obj.metadata.uid), nowMs);
  return w.toString();
}
