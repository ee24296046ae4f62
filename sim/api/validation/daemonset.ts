import type { IntOrString, KubeObject, LabelSelector } from '../types';
import { invalid, notSupported, required, type FieldError } from '../field-errors';
import { isObj } from './shape';
import { goLabelSelector, validateLabelSelector, validateNonnegative, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNSSubdomain } from './names';
import { intOrPercentValue, intOrStringText, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './intstr';
import { validateControllerTemplate, validateSelectorMatchesTemplate } from './workload';
import { validateSelectorImmutable } from './deployment';

// pkg/apis/apps/validation ValidateDaemonSet / ValidateDaemonSetSpec / ValidateRollingUpdateDaemonSet,
// and the daemonset strategy's immutable selector. A nil selector is not "Required" here: it only fails to match.

export function validateDaemonSet(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : validateObjectMetaUpdate(obj, old);
  const selector = isObj(spec.selector) ? (spec.selector as LabelSelector) : undefined;
  errs.push(...validateLabelSelector(selector, 'spec.selector'));
  errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template));
  if (selector !== undefined && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
    errs.push(invalid('spec.selector', selector, 'empty selector is invalid for daemonset', goLabelSelector(selector)));
  }
  errs.push(...validateControllerTemplate(spec.template, 'DaemonSet'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (old !== undefined) errs.push(...validateSelectorImmutable(spec.selector, (old.spec as { selector?: unknown } | undefined)?.selector));
  return errs;
}

function validateUpdateStrategy(raw: unknown): FieldError[] {
  const strategy = isObj(raw) ? raw : {};
  const path = 'spec.updateStrategy';
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type !== 'RollingUpdate') {
    return [notSupported(path, strategy, ['RollingUpdate', 'OnDelete'],
      `apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(String(strategy.type ?? ''))}, RollingUpdate:${isObj(strategy.rollingUpdate) ? '&apps.RollingUpdateDaemonSet{...}' : '(*apps.RollingUpdateDaemonSet)(nil)'}}`)];
  }
  if (!isObj(strategy.rollingUpdate)) return [required(`${path}.rollingUpdate`, '')];
  const ru = strategy.rollingUpdate;
  const maxUnavailable = ru.maxUnavailable as IntOrString | undefined;
  const maxSurge = ru.maxSurge as IntOrString | undefined;
  const errs = [
    ...validatePositiveIntOrPercent(maxUnavailable, `${path}.rollingUpdate.maxUnavailable`),
    ...validatePositiveIntOrPercent(maxSurge, `${path}.rollingUpdate.maxSurge`),
    ...isNotMoreThan100Percent(maxUnavailable, `${path}.rollingUpdate.maxUnavailable`),
    ...isNotMoreThan100Percent(maxSurge, `${path}.rollingUpdate.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(`${path}.rollingUpdate.maxSurge`, maxSurge, 'may not be set when maxUnavailable is non-zero', intOrStringText(maxSurge ?? 0)));
  if (!hasUnavailable && !hasSurge) errs.push(required(`${path}.rollingUpdate.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}
