import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { decoderFor } from '../api/schema/decode';
import { validateObjectMeta } from '../api/validation/meta';
import { nameIsDNSSubdomain } from '../api/validation/names';
import { admitPod } from './admission';

// The core/v1 ServiceAccount kind (serviceaccounts, sa) for the API registry, and the Pod
// admission it drives (plugin/pkg/admission/serviceaccount), registered by sim/api/kinds/index.ts.

export const serviceAccountKind: KindInfo = {
  kind: 'ServiceAccount', group: '', apiVersions: ['v1'], plural: 'serviceaccounts', singular: 'serviceaccount',
  shortNames: ['sa'], namespaced: true,
  defaults: (o: KubeObject) => o,
  // ValidateServiceAccount: ObjectMeta with a DNS-1123 subdomain name.
  validate: (o, old) => (old === undefined ? validateObjectMeta(o, true, nameIsDNSSubdomain) : []),
  decode: decoderFor('ServiceAccount'),
};

export { admitPod };
