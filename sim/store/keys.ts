import type { KubeObject } from '../api/types';

/** Where an object lives: kind, namespace ('' for cluster-scoped kinds) and name. */
export interface ObjectRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export function refOf(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name };
}

/**
 * `kind/namespace/name`, the store's primary key. Built by join: one flat string. A template
 * literal makes a cons string, which a Map flattens when it hashes it and then keeps as a wrapper
 * around the flat copy (32 B more, and an indirection at each comparison) for as long as the key
 * lives in the store and its indexes.
 */
export function keyOf(ref: ObjectRef): string {
  return [ref.kind, ref.namespace, ref.name].join('/');
}

export function objectKey(obj: KubeObject): string {
  return [obj.kind, obj.metadata.namespace ?? '', obj.metadata.name].join('/');
}

export function parseKey(key: string): ObjectRef {
  const first = key.indexOf('/');
  const second = key.indexOf('/', first + 1);
  return { kind: key.slice(0, first), namespace: key.slice(first + 1, second), name: key.slice(second + 1) };
}

/** `namespace/name` (or `name` when cluster-scoped), the way messages name objects. */
export function displayName(ref: ObjectRef): string {
  return ref.namespace === '' ? ref.name : `${ref.namespace}/${ref.name}`;
}
