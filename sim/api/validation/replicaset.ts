import type { KubeObject } from '../types';
import type { FieldError } from '../field-errors';
import { isObj } from './shape';
import { validateNonnegative, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNSSubdomain } from './names';
import { validateControllerTemplate, validateRequiredSelector, validateSelectorMatchesTemplate } from './workload';
import { validateSelectorImmutable } from './deployment';

// pkg/apis/apps/validation ValidateReplicaSet / ValidateReplicaSetUpdate, and the replicaset strategy's
// immutable selector (apps/v1). Kubernetes' own message says "empty selector is invalid for deployment" here too.

export function validateReplicaSet(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : validateObjectMetaUpdate(obj, old);
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateRequiredSelector(spec.selector, 'deployment'));
  errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template));
  errs.push(...validateControllerTemplate(spec.template, 'ReplicaSet'));
  if (old !== undefined) errs.push(...validateSelectorImmutable(spec.selector, (old.spec as { selector?: unknown } | undefined)?.selector));
  return errs;
}
