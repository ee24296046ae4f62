import type { IntOrString, KubeObject } from '../types';
import { forbidden, invalid, notSupported, required, type FieldError } from '../field-errors';
import { isObj, type Json } from './shape';
import { validateNonnegative, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNSLabel } from './names';
import { intOrPercentValue, intOrStringText, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './intstr';
import { validateControllerTemplate, validateRequiredSelector, validateSelectorMatchesTemplate } from './workload';
import { semanticEqual } from './semantic';

// pkg/apis/apps/validation ValidateStatefulSet / ValidateStatefulSetSpec / ValidateStatefulSetUpdate.
// The name is a DNS-1123 label (ValidateStatefulSetName). Kubernetes leaves the template's PodSpec
// unchecked here (a TODO in its source); we check it too, with volumeClaimTemplates counted as volumes,
// so a template that could never make a Pod is refused early.

export const STATEFULSET_UPDATE_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

export function validateStatefulSet(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = old === undefined ? validateObjectMeta(obj, true, nameIsDNSLabel) : validateObjectMetaUpdate(obj, old);
  switch (spec.podManagementPolicy) {
    case undefined: case null: case '': errs.push(required('spec.podManagementPolicy', '')); break;
    case 'OrderedReady': case 'Parallel': break;
    default: errs.push(invalid('spec.podManagementPolicy', spec.podManagementPolicy, "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  const retention = isObj(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : undefined;
  if (retention !== undefined) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      if (retention[f] !== 'Retain' && retention[f] !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, retention[f] ?? '', ['Retain', 'Delete']));
    }
  }
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateRequiredSelector(spec.selector, 'statefulset'));
  errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template));
  const claimNames = (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [])
    .map((t) => (isObj(t) && isObj(t.metadata) ? String(t.metadata.name ?? '') : '')).filter((n) => n !== '');
  errs.push(...validateControllerTemplate(spec.template, 'StatefulSet', claimNames));
  if (old !== undefined) {
    const prev = isObj(old.spec) ? old.spec : {};
    const strip = (s: Json): Json => {
      const { replicas: _r, template: _t, updateStrategy: _u, minReadySeconds: _m, ordinals: _o, persistentVolumeClaimRetentionPolicy: _p, ...rest } = s;
      return rest;
    };
    if (!semanticEqual(strip(spec), strip(prev))) errs.push(forbidden('spec', STATEFULSET_UPDATE_FORBIDDEN));
  }
  return errs;
}

function validateUpdateStrategy(raw: unknown): FieldError[] {
  const strategy = isObj(raw) ? raw : {};
  const ru = strategy.rollingUpdate;
  switch (strategy.type) {
    case undefined: case null: case '': return [required('spec.updateStrategy', '')];
    case 'OnDelete':
      return isObj(ru) ? [invalid('spec.updateStrategy.rollingUpdate', ru, "only allowed for updateStrategy 'RollingUpdate'")] : [];
    case 'RollingUpdate': {
      if (!isObj(ru)) return [];
      const errs = validateNonnegative(ru.partition, 'spec.updateStrategy.rollingUpdate.partition');
      const mu = ru.maxUnavailable as IntOrString | undefined;
      if (mu !== undefined && mu !== null) {
        errs.push(...validatePositiveIntOrPercent(mu, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
        if (intOrPercentValue(mu) === 0) errs.push(invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', mu, 'cannot be 0', intOrStringText(mu)));
        errs.push(...isNotMoreThan100Percent(mu, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
      }
      return errs;
    }
    default:
      return [invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'")];
  }
}
