import type { IntOrString, KubeObject } from '../types';
import { forbidden, invalid, notSupported, required, type FieldError } from '../field-errors';
import { isObj } from './shape';
import { FIELD_IMMUTABLE_ERROR_MSG, goLabelSelector, validateNonnegative, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNSSubdomain } from './names';
import { intOrPercentValue, intOrStringText, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './intstr';
import { validateControllerTemplate, validateRequiredSelector, validateSelectorMatchesTemplate } from './workload';
import { semanticEqual } from './semantic';

// pkg/apis/apps/validation ValidateDeployment / ValidateDeploymentUpdate, plus the deployment
// strategy's ValidateUpdate (apps/v1: spec.selector is immutable).

export function validateDeployment(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : validateObjectMetaUpdate(obj, old);
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateRequiredSelector(spec.selector, 'deployment'));
  errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template));
  errs.push(...validateControllerTemplate(spec.template, 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(spec.strategy));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...validateNonnegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (spec.progressDeadlineSeconds <= minReady) errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  if (old !== undefined) errs.push(...validateSelectorImmutable(spec.selector, (old.spec as { selector?: unknown } | undefined)?.selector));
  return errs;
}

/** ValidateImmutableField(spec.selector) from the apps/v1 strategies' ValidateUpdate. */
export function validateSelectorImmutable(next: unknown, prev: unknown): FieldError[] {
  if (semanticEqual(next, prev)) return [];
  return [invalid('spec.selector', next, FIELD_IMMUTABLE_ERROR_MSG, goLabelSelector(next as never))];
}

/** ValidateDeploymentStrategy + ValidateRollingUpdateDeployment. */
function validateDeploymentStrategy(raw: unknown): FieldError[] {
  const strategy = isObj(raw) ? raw : {};
  const ru = strategy.rollingUpdate;
  switch (strategy.type) {
    case 'Recreate':
      return ru !== undefined && ru !== null ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      if (!isObj(ru)) return [required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')];
      const maxUnavailable = ru.maxUnavailable as IntOrString | undefined;
      const maxSurge = ru.maxSurge as IntOrString | undefined;
      const errs = [
        ...validatePositiveIntOrPercent(maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'),
        ...validatePositiveIntOrPercent(maxSurge, 'spec.strategy.rollingUpdate.maxSurge'),
      ];
      if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
        errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', maxUnavailable, 'may not be 0 when `maxSurge` is 0', intOrStringText(maxUnavailable ?? 0)));
      }
      errs.push(...isNotMoreThan100Percent(maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
      return errs;
    }
    default:
      return [notSupported('spec.strategy', strategy, ['Recreate', 'RollingUpdate'],
        `apps.DeploymentStrategy{Type:${JSON.stringify(String(strategy.type ?? ''))}, RollingUpdate:${isObj(ru) ? '&apps.RollingUpdateDeployment{...}' : '(*apps.RollingUpdateDeployment)(nil)'}}`)];
  }
}
