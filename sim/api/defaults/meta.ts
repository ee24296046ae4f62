import type { KubeObject } from '../types';
import { rememberDefaultedTemplate } from './pod-spec';
import { isObj, omitEmpty, type Json } from './util';
import { storedKindFields } from './stored-kinds';

// ObjectMeta as the API server stores it (apimachinery meta/v1 types.go): labels, annotations,
// ownerReferences, finalizers, managedFields and generateName are omitempty maps, slices and
// strings, so the Go round trip drops them when empty (`labels: {}` never reads back).
// creationTimestamp is left alone: the engine sets it on every stored object.
//
// This happens when the object is stored, after validation: the validators see what the decoder
// made of the manifest (an empty map is `map[string]string{}` in their messages, not nil).

/** ObjectMeta's omitempty maps, slices and strings that a manifest or a client may give empty. */
export const OBJECT_META_OMITEMPTY = ['generateName', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

/**
 * The object as stored: its metadata, and the metadata of the templates it holds (spec.template,
 * spec.jobTemplate and its Pod template), without their empty omitempty fields. The object
 * itself when there are none (the usual case: a few key look-ups).
 *
 * | metadata                                  | stored metadata           |
 * |-------------------------------------------|---------------------------|
 * | {name: a, labels: {}, annotations: {}}    | {name: a}                 |
 * | {name: a, finalizers: [], labels: {x: y}} | {name: a, labels: {x: y}} |
 * | {name: a, labels: {x: y}}                 | the same object           |
 */
export function storedForm<T extends KubeObject>(obj: T): T {
  const m: unknown = obj.metadata;
  const metadata = isObj(m) ? omitEmpty(m, OBJECT_META_OMITEMPTY) : m;
  const spec: unknown = obj.spec;
  const nextSpec = isObj(spec) ? specWithStoredTemplates(spec) : spec;
  const own = metadata === m && nextSpec === spec ? obj : { ...obj, metadata, ...(nextSpec !== spec ? { spec: nextSpec } : {}) } as T;
  // The kind's nested fields (selectors, claim specs, policy rules: stored-kinds.ts).
  return storedKindFields(own as unknown as Json, obj.kind) as unknown as T;
}

function specWithStoredTemplates(spec: Json): Json {
  let out = spec;
  if (isObj(spec.template)) {
    const t = storedTemplate(spec.template);
    if (t !== spec.template) out = { ...out, template: t };
  }
  const jt = spec.jobTemplate;
  if (isObj(jt)) {
    const jobSpec = isObj(jt.spec) ? specWithStoredTemplates(jt.spec) : jt.spec;
    const jobMeta = isObj(jt.metadata) ? omitEmpty(jt.metadata, OBJECT_META_OMITEMPTY) : jt.metadata;
    if (jobSpec !== jt.spec || jobMeta !== jt.metadata) out = { ...out, jobTemplate: { ...jt, ...(jobMeta !== undefined ? { metadata: jobMeta } : {}), spec: jobSpec } };
  }
  return out;
}

/** A Pod template without its metadata's empty fields; still known as defaulted (its memos keep hitting). */
function storedTemplate(t: Json): Json {
  if (!isObj(t.metadata)) return t;
  const metadata = omitEmpty(t.metadata, OBJECT_META_OMITEMPTY);
  if (metadata === t.metadata) return t;
  const out = { ...t, metadata };
  rememberDefaultedTemplate(out);
  return out;
}
