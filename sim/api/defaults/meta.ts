import type { KubeObject } from '../types';
import { isObj, omitEmpty, type Json } from './util';

// ObjectMeta as the API server stores it (apimachinery meta/v1 types.go): labels, annotations,
// ownerReferences, finalizers, managedFields and generateName are omitempty maps, slices and
// strings, so the Go round trip drops them when empty (`labels: {}` never reads back).
// creationTimestamp is left alone: the engine sets it on every stored object.

/** ObjectMeta's omitempty maps, slices and strings that a manifest or a client may give empty. */
export const OBJECT_META_OMITEMPTY = ['generateName', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

/**
 * The object with its metadata's empty omitempty fields dropped; the object itself when there are none.
 *
 * | metadata                                  | stored metadata        |
 * |-------------------------------------------|------------------------|
 * | {name: a, labels: {}, annotations: {}}    | {name: a}              |
 * | {name: a, finalizers: [], labels: {x: y}} | {name: a, labels: {x: y}} |
 * | {name: a, labels: {x: y}}                 | the same object        |
 */
export function withoutEmptyMeta<T extends KubeObject>(obj: T): T {
  const m = obj.metadata as unknown;
  if (!isObj(m)) return obj;
  const pruned = omitEmpty(m, OBJECT_META_OMITEMPTY);
  return pruned === m ? obj : { ...obj, metadata: pruned };
}

/** A template's (or any nested) ObjectMeta, empty omitempty fields dropped. */
export function emptyMetaOmitted(meta: Json): Json {
  return omitEmpty(meta, OBJECT_META_OMITEMPTY);
}
