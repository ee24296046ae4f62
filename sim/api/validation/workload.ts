import type { LabelSelector } from '../types';
import { forbidden, invalid, notSupported, required, type FieldError } from '../field-errors';
import { goStringMap } from '../field-errors';
import { matchesSelector } from '../../store/labels';
import { isObj } from './shape';
import { goLabelSelector, selectorConversionFails, validateLabelSelector } from './meta';
import { validatePodTemplateSpec } from './pod-spec';

// What the apps/v1 validators share: the selector checks, ValidatePodTemplateSpecForReplicaSet, and
// the Pod-template rules every controller's template obeys (restartPolicy Always, no activeDeadlineSeconds).

/**
 * Selector required / valid / non-empty, as ValidateDeploymentSpec, ValidateReplicaSetSpec and
 * ValidateStatefulSetSpec check it. `what` is the word in "empty selector is invalid for <what>".
 */
export function validateRequiredSelector(selector: unknown, what: string): FieldError[] {
  if (selector === undefined || selector === null) return [required('spec.selector', '')];
  const sel = (isObj(selector) ? selector : {}) as LabelSelector;
  const errs = validateLabelSelector(sel, 'spec.selector');
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalid('spec.selector', sel, `empty selector is invalid for ${what}`, goLabelSelector(sel)));
  }
  return errs;
}

/**
 * The `selector` / template `labels` match (LabelSelectorAsSelector: a nil selector selects nothing,
 * so it never matches; an empty one selects everything and is not checked).
 */
export function validateSelectorMatchesTemplate(selector: unknown, template: unknown): FieldError[] {
  const labels = templateLabels(template);
  if (selector === undefined || selector === null) return [invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`', goStringMap(labels))];
  const sel = (isObj(selector) ? selector : {}) as LabelSelector;
  if (selectorConversionFails(sel)) return [];
  const empty = Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
  if (empty || matchesSelector(labels, sel)) return [];
  return [invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`', goStringMap(labels))];
}

/** ValidatePodTemplateSpecForReplicaSet (and the DaemonSet/StatefulSet equivalents after the selector check). */
export function validateControllerTemplate(template: unknown, kindWord: string, extraVolumes: readonly string[] = []): FieldError[] {
  // PodTemplateSpec is a struct in Go: an absent template is an empty one (no containers).
  const errs = validatePodTemplateSpec(isObj(template) ? template : {}, 'spec.template');
  const spec = isObj(template) && isObj(template.spec) ? template.spec : {};
  const restartPolicy = typeof spec.restartPolicy === 'string' ? spec.restartPolicy : '';
  if (restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindWord} is not Supported`));
  }
  // volumeClaimTemplates are mounted like volumes; they are not errors of the template.
  return extraVolumes.length === 0 ? errs : errs.filter((e) => !(e.type === 'NotFound' && extraVolumes.includes(String(e.value))));
}

export function templateLabels(template: unknown): Record<string, string> | undefined {
  if (!isObj(template) || !isObj(template.metadata)) return undefined;
  const labels = template.metadata.labels;
  return isObj(labels) ? (labels as Record<string, string>) : undefined;
}
