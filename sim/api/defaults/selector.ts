import { isObj, mapSame, omitEmpty, withField, type Json } from './util';

// metav1.LabelSelector (apimachinery meta/v1 types.go) as the API server stores it: matchLabels
// and matchExpressions are omitempty, and so is a requirement's values, so the Go round trip drops
// them when empty. The selector itself stays, even empty: `podSelector: {}` (a NetworkPolicy's
// "every Pod") reads back as `podSelector: {}`, and a pointer selector given as {} is kept as {}.

const SELECTOR_OMITEMPTY = ['matchLabels', 'matchExpressions'];
const REQUIREMENT_OMITEMPTY = ['values'];

/**
 * A LabelSelector without its empty omitempty fields; the same object when there are none.
 *
 * | selector                                              | stored                       |
 * |-------------------------------------------------------|------------------------------|
 * | {matchLabels: {}, matchExpressions: []}               | {}                           |
 * | {matchLabels: {app: a}, matchExpressions: []}         | {matchLabels: {app: a}}      |
 * | {matchExpressions: [{key: k, operator: Exists, values: []}]} | {matchExpressions: [{key: k, operator: Exists}]} |
 * | {} / {matchLabels: {app: a}}                          | the same object              |
 */
export function storedSelector(sel: unknown): unknown {
  if (!isObj(sel)) return sel;
  const out = omitEmpty(sel, SELECTOR_OMITEMPTY);
  return withField(out, 'matchExpressions', (list) => mapSame(list, (r) => omitEmpty(r, REQUIREMENT_OMITEMPTY)));
}

/** `o` with its selector fields (`keys`) in their stored form; `o` itself when nothing changes. */
export function withStoredSelectors(o: Json, keys: readonly string[]): Json {
  let out = o;
  for (const k of keys) out = withField(out, k, storedSelector);
  return out;
}
