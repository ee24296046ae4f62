import type { KubeObject } from '../types';
import { forbidden, invalid, type FieldError } from '../field-errors';
import { isObj, type Json } from './shape';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { inclusiveRangeError, nameIsDNSSubdomain } from './names';
import { validatePodSpec } from './pod-spec';
import { semanticEqual } from './semantic';

// pkg/apis/core/validation: ValidatePod (create) and ValidatePodUpdate (a Pod's spec is immutable
// but for images, activeDeadlineSeconds, added tolerations and a negative grace period set to 1).

const MAX_INT32 = 2147483647;

/** ValidatePodUpdate's list of what may change, as the API server prints it. */
export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export function validatePod(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  if (old === undefined) return [...validateObjectMeta(obj, true, nameIsDNSSubdomain), ...validatePodSpec(obj.spec, 'spec')];
  return [...validateObjectMetaUpdate(obj, old), ...validatePodSpec(obj.spec, 'spec'), ...validatePodSpecUpdate(obj.spec, old.spec)];
}

function validatePodSpecUpdate(rawNew: unknown, rawOld: unknown): FieldError[] {
  const next = isObj(rawNew) ? rawNew : {};
  const prev = isObj(rawOld) ? rawOld : {};
  const newDeadline = next.activeDeadlineSeconds;
  const oldDeadline = prev.activeDeadlineSeconds;
  if (typeof newDeadline === 'number') {
    if (newDeadline < 0 || newDeadline > MAX_INT32) return [invalid('spec.activeDeadlineSeconds', newDeadline, inclusiveRangeError(0, MAX_INT32))];
    if (typeof oldDeadline === 'number' && oldDeadline < newDeadline) return [invalid('spec.activeDeadlineSeconds', newDeadline, 'must be less than or equal to previous value')];
  } else if (typeof oldDeadline === 'number') {
    return [invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value')];
  }
  // Munge the new spec back to the old one in the fields that may change, then compare.
  const munged: Json = { ...next, activeDeadlineSeconds: oldDeadline };
  for (const list of ['containers', 'initContainers'] as const) {
    const nc = next[list];
    const oc = prev[list];
    if (Array.isArray(nc) && Array.isArray(oc) && nc.length === oc.length) {
      munged[list] = nc.map((c, i) => (isObj(c) && isObj(oc[i]) ? { ...c, image: (oc[i] as Json).image } : c));
    }
  }
  const oldTolerations = Array.isArray(prev.tolerations) ? prev.tolerations : [];
  const newTolerations = Array.isArray(next.tolerations) ? next.tolerations : [];
  if (oldTolerations.every((t) => newTolerations.some((n) => semanticEqual(n, t)))) munged.tolerations = prev.tolerations;
  if (typeof prev.terminationGracePeriodSeconds === 'number' && prev.terminationGracePeriodSeconds < 0 && next.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  }
  return semanticEqual(munged, prev) ? [] : [forbidden('spec', POD_UPDATE_FORBIDDEN)];
}
