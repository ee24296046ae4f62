import type { KubeObject, LabelSelector } from '../types';
import { forbidden, invalid, required, type FieldError } from '../field-errors';
import { isDNS1123Label, isLabelKey, isLabelValue, type NameValidator } from './names';

// apimachinery/pkg/api/validation/objectmeta.go and apis/meta/v1/validation: metadata, labels,
// annotations and label selectors.

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** ValidateNonnegativeField. Non-numbers are left to the decoder (sim/api/schema). */
export function validateNonnegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidateObjectMetaAccessor: name (or generateName), namespace, labels, annotations, finalizers. */
export function validateObjectMeta(obj: KubeObject, namespaced: boolean, nameFn: NameValidator): FieldError[] {
  const meta = obj.metadata;
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameFn(meta.generateName, true)) errs.push(invalid('metadata.generateName', meta.generateName, msg));
  }
  if (!meta.name) {
    // The API server generates the name from generateName before it validates.
    if (!meta.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of nameFn(meta.name, false)) errs.push(invalid('metadata.name', meta.name, msg));
  }
  if (namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace', ''));
    else for (const msg of isDNS1123Label(meta.namespace)) errs.push(invalid('metadata.namespace', meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  for (const [i, f] of (meta.finalizers ?? []).entries()) {
    for (const msg of isLabelKey(f)) errs.push(invalid(`metadata.finalizers[${i}]`, f, msg));
  }
  return errs;
}

/** ValidateObjectMetaUpdate: the parts a user can get wrong through a manifest. */
export function validateObjectMetaUpdate(obj: KubeObject, _old: KubeObject): FieldError[] {
  return [...validateLabels(obj.metadata.labels, 'metadata.labels'), ...validateAnnotations(obj.metadata.annotations, 'metadata.annotations')];
}

/** v1validation.ValidateLabels: every key a qualified name, every value a label value. */
export function validateLabels(labels: Readonly<Record<string, unknown>> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isLabelKey(k)) errs.push(invalid(field, k, msg));
    const value = v === null || v === undefined ? '' : String(v);
    for (const msg of isLabelValue(value)) errs.push(invalid(field, value, msg));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (checked lower-cased); total size at most 256 KiB. */
export function validateAnnotations(annotations: Readonly<Record<string, unknown>> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isLabelKey(k.toLowerCase())) errs.push(invalid(field, k, msg));
    size += k.length + String(v ?? '').length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push({ type: 'TooLong', field, detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes` });
  return errs;
}

/** metav1 validation.ValidateLabelSelector (strict label values, as apps/v1 asks). */
export function validateLabelSelector(selector: LabelSelector | undefined, field: string): FieldError[] {
  if (selector === undefined || selector === null) return [];
  const errs: FieldError[] = [...validateLabels(selector.matchLabels, `${field}.matchLabels`)];
  for (const [i, req] of (selector.matchExpressions ?? []).entries()) {
    const p = `${field}.matchExpressions[${i}]`;
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In': case 'NotIn':
        if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists': case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(`${p}.operator`, req.operator, 'not a valid selector operator'));
    }
    for (const msg of isLabelKey(req.key ?? '')) errs.push(invalid(`${p}.key`, req.key ?? '', msg));
    values.forEach((v, j) => { for (const msg of isLabelValue(String(v))) errs.push(invalid(`${p}.values[${j}]`, v, msg)); });
  }
  return errs;
}

/** True when LabelSelectorAsSelector would fail (an unknown operator). */
export function selectorConversionFails(selector: LabelSelector | undefined): boolean {
  return (selector?.matchExpressions ?? []).some((r) => !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator));
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`: %#v of a selector. */
export function goLabelSelector(selector: LabelSelector | undefined): string {
  if (selector === undefined || selector === null) return 'null';
  const ml = selector.matchLabels === undefined ? 'map[string]string(nil)'
    : `map[string]string{${Object.keys(selector.matchLabels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(selector.matchLabels![k]))}`).join(', ')}}`;
  const me = selector.matchExpressions === undefined ? '[]v1.LabelSelectorRequirement(nil)'
    : `[]v1.LabelSelectorRequirement{${selector.matchExpressions.map((r) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(r.key)}, Operator:${JSON.stringify(r.operator)}, Values:${r.values === undefined ? '[]string(nil)' : `[]string{${r.values.map((v) => JSON.stringify(String(v))).join(', ')}}`}}`).join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}
