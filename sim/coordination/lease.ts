import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { invalid, type FieldError } from '../api/field-errors';
import { decodeWith } from '../api/schema/decode';
import { objectMeta } from '../api/schema/fields';
import { struct } from '../api/schema/types';
import { validateObjectMeta, validateObjectMetaUpdate } from '../api/validation/meta';
import { nameIsDNSSubdomain } from '../api/validation/names';
import type { Lease } from './types';

// The coordination.k8s.io/v1 Lease kind (leases) for the API registry (sim/api/kinds/index.ts
// registers it): strict decoding and pkg/apis/coordination/validation ValidateLease(Update).

const SCHEMA = struct('Lease', {
  apiVersion: 'string', kind: 'string', metadata: objectMeta,
  spec: struct('LeaseSpec', {
    holderIdentity: 'string', leaseDurationSeconds: 'int32', acquireTime: 'string', renewTime: 'string', leaseTransitions: 'int32',
    strategy: 'string', preferredHolder: 'string',
  }),
});

/** ValidateLeaseSpec: a positive duration, transitions not negative. */
export function validateLease(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errs = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : validateObjectMetaUpdate(obj, old);
  const spec = (obj as Lease).spec ?? {};
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) errs.push(invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) errs.push(invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  return errs;
}

export const leaseKind: KindInfo = {
  kind: 'Lease', group: 'coordination.k8s.io', apiVersions: ['coordination.k8s.io/v1'], plural: 'leases', singular: 'lease',
  shortNames: [], namespaced: true,
  defaults: (o) => o, validate: validateLease, decode: (raw) => decodeWith(SCHEMA, raw),
};
