import type { KubeObject, LabelSelector } from '../../api/types';
import type { StoreView } from '../../store/store';
import { applyJsonPatch, decodeJsonPatch, jsonMergePatch, JsonPatchError } from '../../api/json-patch';
import { strategicMergePatch } from '../../api/strategic-merge-patch';
import { formatLabelSelector } from '../printers/columns';
import { patchObject, type PatchType } from './patch-apply';

// kubectl patch --subresource=scale: the patch applies to the object's autoscaling/v1 Scale
// (registry ScaleREST: spec.replicas from the object, status.replicas and the selector from its
// status and spec), and the Scale's new spec.replicas is written back to the object.

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** The Scale the API server returns for `obj` (scaleFromDeployment and its siblings). */
export function scaleOf(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const status = (obj.status ?? {}) as { replicas?: number };
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  const selector = spec.selector === undefined ? '' : formatLabelSelector(spec.selector);
  return {
    apiVersion: 'autoscaling/v1', kind: 'Scale',
    metadata: { name, ...(namespace !== undefined ? { namespace } : {}), uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, ...(selector !== '' && selector !== '<none>' ? { selector } : {}) },
  };
}

export type ScalePatched = { readonly object: KubeObject; readonly scale: KubeObject; readonly changed: boolean } | { readonly error: string };

/** Patches the Scale of `live`; the error is kubectl's line for the server's refusal. */
export function patchScale(view: StoreView, live: KubeObject, type: PatchType, patch: unknown): ScalePatched {
  if (!SCALABLE.has(live.kind)) return { error: 'Error from server (NotFound): the server could not find the requested resource' };
  const scale = JSON.parse(JSON.stringify(scaleOf(live))) as Record<string, unknown>;
  let patched: unknown;
  if (type === 'json') {
    const ops = decodeJsonPatch(patch);
    if ('error' in ops) return { error: `Error from server (BadRequest): ${ops.error}` };
    try { patched = applyJsonPatch(scale, ops); } catch (e) {
      if (!(e instanceof JsonPatchError)) throw e;
      return { error: 'The request is invalid: the server rejected our request due to an error in our request' };
    }
  } else if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return { error: 'Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}' };
  } else {
    patched = type === 'merge' ? jsonMergePatch(scale, patch) : strategicMergePatch('Scale', scale, patch as Record<string, unknown>);
  }
  const replicas = ((patched as { spec?: { replicas?: unknown } }).spec ?? {}).replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    return { error: `The request is invalid: patch: Invalid value: ${JSON.stringify(JSON.stringify(patched))}: json: cannot unmarshal ${typeof replicas === 'string' ? 'string' : 'number'} into Go struct field ScaleSpec.spec.replicas of type int32` };
  }
  // ValidateScale.
  if (replicas < 0) return { error: `The Scale "${live.metadata.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0` };
  const written = patchObject(view, live, 'merge', { spec: { replicas } });
  if ('error' in written) return written;
  return { object: written.object, scale: scaleOf(written.object), changed: written.changed };
}
