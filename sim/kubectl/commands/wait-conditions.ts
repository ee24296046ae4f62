import type { KubeObject } from '../../api/types';
import { goFormat } from '../../api/go-format';
import { findJsonPathResults, JsonPathError, parseJsonPath } from '../jsonpath';

// What `kubectl wait --for=...` waits for (staging/src/k8s.io/kubectl/pkg/cmd/wait: wait.go
// conditionFuncFor, condition.go ConditionalWait.checkCondition, json.go JSONPathWait.checkCondition).

export type WaitFor =
  | { readonly t: 'delete' }
  | { readonly t: 'create' }
  | { readonly t: 'condition'; readonly names: readonly string[]; readonly status: string }
  | { readonly t: 'jsonpath'; readonly template: string; readonly value?: string };

/** conditionFuncFor: the --for value parsed, or the error kubectl prints (without `error: `). */
export function parseWaitFor(condition: string): WaitFor | { error: string } {
  if (condition.toLowerCase() === 'delete') return { t: 'delete' };
  if (condition.toLowerCase() === 'create') return { t: 'create' };
  if (condition.startsWith('condition=')) {
    let name = condition.slice('condition='.length);
    let status = 'true';
    const eq = name.indexOf('=');
    if (eq !== -1) { status = name.slice(eq + 1); name = name.slice(0, eq); }
    return { t: 'condition', names: name.split(','), status };
  }
  if (condition.startsWith('jsonpath=')) {
    // processJSONPathInput
    const parts = splitJsonPathInput(condition.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) return { error: `jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'` };
    const relaxed = relaxedJsonPathExpression(parts[0]);
    if ('error' in relaxed) return relaxed;
    let value: string | undefined;
    if (parts.length === 2) {
      value = parts[1].replace(/^['"]+|['"]+$/g, '');
      if (value === '') return { error: `jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3` };
    }
    // newJSONPathParser
    if (relaxed.expression === '') return { error: 'jsonpath expression cannot be empty' };
    try {
      parseJsonPath(relaxed.expression);
    } catch (e) {
      if (e instanceof JsonPathError) return { error: e.message };
      throw e;
    }
    return { t: 'jsonpath', template: relaxed.expression, ...(value !== undefined ? { value } : {}) };
  }
  return { error: `unrecognized condition: ${JSON.stringify(condition)}` };
}

/** splitJSONPathInput: splits on a single '='; '==' stays (`a====b===c=` -> [`a====b==`, `c==`, ``]). */
export function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (i < input.length - 1 && input[i + 1] === '=') { element += '=='; i++; continue; }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  out.push(element);
  return out;
}

/** cmdget.RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPathExpression(expr: string): { expression: string } | { error: string } {
  if (expr === '') return { expression: '' };
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (m === null) return { error: `unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'` };
  return { expression: `{.${m[1] ?? m[2]}}` };
}

/** The condition check on the object as the API server returns it: met, not met, or an error. */
export function conditionMet(w: Extract<WaitFor, { t: 'condition' | 'jsonpath' }>, obj: KubeObject): boolean | { error: string } {
  const data = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  return w.t === 'condition' ? checkCondition(w, data) : checkJsonPath(w, data);
}

/** ConditionalWait.checkCondition: the first condition of a named type decides; stale ones (observedGeneration < generation) are not met. */
function checkCondition(w: Extract<WaitFor, { t: 'condition' }>, obj: Record<string, unknown>): boolean {
  const status = (obj.status ?? {}) as { conditions?: unknown; observedGeneration?: unknown };
  if (!Array.isArray(status.conditions)) return false;
  const fold = (s: string) => s.toLowerCase();
  for (const c of status.conditions as Record<string, unknown>[]) {
    if (typeof c?.type !== 'string' || !w.names.some((n) => fold(n) === fold(c.type as string))) continue;
    if (typeof c.status !== 'string') continue;
    const generation = (obj.metadata as { generation?: unknown } | undefined)?.generation;
    if (typeof generation === 'number') {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : status.observedGeneration;
      if (typeof observed === 'number' && observed < generation) return false;
    }
    return fold(c.status) === fold(w.status);
  }
  return false;
}

/** JSONPathWait.checkCondition with verifyParsedJSONPath and compareResults. */
function checkJsonPath(w: Extract<WaitFor, { t: 'jsonpath' }>, obj: Record<string, unknown>): boolean | { error: string } {
  const results = findJsonPathResults(w.template, obj);
  if (results.length === 0 || results[0].length === 0) return false;
  if (results.length > 1) return { error: 'given jsonpath expression matches more than one list' };
  if (results[0].length > 1) return { error: 'given jsonpath expression matches more than one value' };
  if (w.value === undefined) return true;
  const v = results[0][0];
  if (typeof v === 'object' && v !== null) return { error: 'jsonpath leads to a nested object or list which is not supported' };
  return goFormat(v).trim() === w.value.trim();
}
