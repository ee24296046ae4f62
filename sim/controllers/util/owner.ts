import type { KubeObject, OwnerReference } from '../../api/types';

// metav1.GetControllerOf / NewControllerRef and the claim/adopt rules of
// pkg/controller/controller_ref_manager.go.

/** metav1.GetControllerOf: the ownerReference with controller: true. */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** True when `obj`'s controllerRef names `owner` (kind and uid). */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerRef(obj);
  return ref !== undefined && ref.uid === owner.metadata.uid && ref.kind === owner.kind;
}

/** metav1.NewControllerRef: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The object with `owner` added as its controller (ClaimObject's AdoptPod patch). */
export function withControllerRef(obj: KubeObject, owner: KubeObject): KubeObject {
  return {
    ...obj,
    metadata: { ...obj.metadata, ownerReferences: [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)] },
  };
}

/** The object without any ownerReference to `ownerUid` (ReleasePod / the GC's orphaning patch). */
export function withoutOwner(obj: KubeObject, ownerUid: string): KubeObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  const { ownerReferences: _dropped, ...rest } = obj.metadata;
  return { ...obj, metadata: refs.length > 0 ? { ...rest, ownerReferences: refs } : rest };
}

/** `namespace/name` of the controller owner of kind `kind`, the work-queue key of its controller. */
export function ownerKey(obj: KubeObject, kind: string): string | undefined {
  const ref = controllerRef(obj);
  if (ref === undefined || ref.kind !== kind) return undefined;
  const namespace = obj.metadata.namespace ?? '';
  const hit = ownerKeys.get(ref);
  if (hit !== undefined && hit.namespace === namespace) return hit.key;
  const key = `${namespace}/${ref.name}`;
  ownerKeys.set(ref, { namespace, key });
  return key;
}

// ownerKey by controller reference, which the Pods of one template share: every write of them asks
// for the key, and one string (already hashed by the work queue) serves them all. Refs are immutable.
const ownerKeys = new WeakMap<OwnerReference, { readonly namespace: string; readonly key: string }>();

/**
 * True when a watched change cannot concern a controller of `kind`: every version of the object
 * is controlled by another kind and its ownerReferences did not change (so it is no orphan to adopt).
 * The cheap first test of a Pod watch, which runs on every Pod write.
 */
export function controlledByOtherKind(after: KubeObject | undefined, before: KubeObject | undefined, kind: string): boolean {
  const obj = after ?? before;
  if (obj === undefined) return true;
  if (after !== undefined && before !== undefined && after.metadata.ownerReferences !== before.metadata.ownerReferences) return false;
  const ref = controllerRef(obj);
  return ref !== undefined && ref.kind !== kind;
}
