import type { Container, Pod } from '../../../api/types';
import { duplicate, forbidden, invalid, notFound, required, type FieldError } from '../../../api/field-errors';
import { isDNS1123Label } from '../../../api/validation/names';

// The API server's checks on a pods/ephemeralcontainers update (pkg/apis/core/validation
// ValidatePodEphemeralContainersUpdate, validateEphemeralContainers): names unique across all the
// Pod's containers, only the fields an ephemeral container may have (validateFieldAllowList), a
// target container that exists, and no change to ephemeral containers already there.

/** EphemeralContainerCommon fields that validateFieldAllowList refuses ("cannot be set for an Ephemeral Container"), in the struct's order. */
const FORBIDDEN_FIELDS = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'] as const;

export type EphemeralContainer = Container & { readonly targetContainerName?: string };

/** The field errors of adding `added` to the Pod's ephemeral containers (empty: the update is valid). */
export function validateEphemeralAddition(pod: Pod, added: EphemeralContainer): FieldError[] {
  const existing = ((pod.spec as { ephemeralContainers?: readonly EphemeralContainer[] }).ephemeralContainers ?? []);
  const i = existing.length;
  const path = `spec.ephemeralContainers[${i}]`;
  const errs: FieldError[] = [];
  const others = new Set([...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...existing].map((c) => c.name));
  if (added.name === '') errs.push(required(`${path}.name`));
  else {
    for (const msg of isDNS1123Label(added.name)) errs.push(invalid(`${path}.name`, added.name, msg));
    if (others.has(added.name)) errs.push(duplicate(`${path}.name`, added.name));
  }
  if (added.image === undefined || added.image === '') errs.push(required(`${path}.image`));
  for (const f of FORBIDDEN_FIELDS) {
    const v = (added as unknown as Record<string, unknown>)[f];
    if (v !== undefined && !(f === 'resources' && isEmptyResources(v))) errs.push(forbidden(`${path}.${f}`, 'cannot be set for an Ephemeral Container'));
  }
  const target = added.targetContainerName;
  if (target !== undefined && target !== '' && ![...(pod.spec.initContainers ?? []), ...pod.spec.containers].some((c) => c.name === target)) {
    errs.push(notFound(`${path}.targetContainerName`, target));
  }
  return errs;
}

/** resources: {} is the zero value, which the allow-list lets through. */
function isEmptyResources(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.values(v as Record<string, unknown>).every((x) => x === undefined || (typeof x === 'object' && x !== null && Object.keys(x).length === 0));
}
