import type { KubeObject, LabelSelector } from '../types';
import { invalid, notSupported, required, type FieldError } from '../field-errors';
import { goStringMap } from '../field-errors';
import { matchesSelector } from '../../store/labels';
import { isObj } from './shape';
import { FIELD_IMMUTABLE_ERROR_MSG, goLabelSelector, selectorConversionFails, validateLabelSelector, validateNonnegative, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNSSubdomain } from './names';
import { validatePodTemplateSpec } from './pod-spec';
import { semanticEqual } from './semantic';
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from '../../controllers/job/types';
import { wantsGeneratedSelector, withGeneratedSelector } from '../../controllers/job/selector';

// pkg/apis/batch/validation/validation.go ValidateJob / validateJobSpec / validateGeneratedSelector /
// ValidateJobSpecUpdate. The API server generates the selector before it validates (job strategy
// PrepareForCreate); here the uid comes later (KindInfo.allocate), so a new Job is validated with the
// selector it will get.

type Json = Record<string, unknown>;
const RESTART_NEVER = 'Never';
const RESTART_ON_FAILURE = 'OnFailure';

export function validateJob(raw: KubeObject, old: KubeObject | undefined): FieldError[] {
  const job = old === undefined && wantsGeneratedSelector(raw) ? withGeneratedSelector(raw, raw.metadata.uid || 'uid-to-be-assigned') : raw;
  const spec = isObj(job.spec) ? job.spec : {};
  const errs = old === undefined ? validateObjectMeta(job, true, nameIsDNSSubdomain) : validateObjectMetaUpdate(job, old);
  if (wantsGeneratedSelector(job)) errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpecFields(spec, 'spec'));
  errs.push(...validateSelector(spec));
  if (old !== undefined) {
    const prev = isObj(old.spec) ? old.spec : {};
    if (!semanticEqual(spec.completions, prev.completions)) errs.push(invalid('spec.completions', spec.completions, FIELD_IMMUTABLE_ERROR_MSG));
    if (!semanticEqual(spec.selector, prev.selector)) errs.push(invalid('spec.selector', spec.selector, FIELD_IMMUTABLE_ERROR_MSG, goLabelSelector(spec.selector as LabelSelector)));
    if (!semanticEqual(spec.template, prev.template)) errs.push(invalid('spec.template', spec.template, FIELD_IMMUTABLE_ERROR_MSG, 'core.PodTemplateSpec{...}'));
    if (!semanticEqual(spec.completionMode, prev.completionMode)) errs.push(invalid('spec.completionMode', spec.completionMode, FIELD_IMMUTABLE_ERROR_MSG));
  }
  return errs;
}

/** ValidateJobSpec's selector checks: required, valid, and matching the template labels. */
function validateSelector(spec: Json): FieldError[] {
  if (spec.selector === undefined || spec.selector === null) return [required('spec.selector', '')];
  const sel = (isObj(spec.selector) ? spec.selector : {}) as LabelSelector;
  const errs = validateLabelSelector(sel, 'spec.selector');
  const labels = templateLabels(spec.template);
  if (!selectorConversionFails(sel) && !matchesSelector(labels ?? {}, sel)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`', goStringMap(labels)));
  }
  return errs;
}

/** validateGeneratedSelector: the generated labels are on the template and the selector selects them. */
function validateGeneratedSelector(job: KubeObject): FieldError[] {
  const spec = isObj(job.spec) ? job.spec : {};
  if (spec.selector === undefined || spec.selector === null) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid || 'uid-to-be-assigned';
  const labels = templateLabels(spec.template) ?? {};
  const expected: Record<string, string> = {
    [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: job.metadata.name,
    [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: job.metadata.name,
  };
  for (const [key, value] of Object.entries(expected)) {
    // ValidateHasLabel
    if (labels[key] === undefined) errs.push(required('spec.template.metadata.labels', `\`${key}\` must be set`));
    else if (labels[key] !== value) errs.push(invalid('spec.template.metadata.labels', labels, `\`${key}\` must be '${value}'`, goStringMap(labels)));
  }
  const sel = spec.selector as LabelSelector;
  if (!selectorConversionFails(sel) && !matchesSelector(expected, sel)) {
    errs.push(invalid('spec.selector', sel, '`selector` not auto-generated', goLabelSelector(sel)));
  }
  return errs;
}

/** validateJobSpec (shared with a CronJob's jobTemplate). `path` is where the JobSpec sits. */
export function validateJobSpecFields(spec: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    errs.push(...validateNonnegative(spec[f], `${path}.${f}`));
  }
  if (spec.completionMode !== undefined && spec.completionMode !== null) {
    if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
    if (spec.completionMode === 'Indexed' && (spec.completions === undefined || spec.completions === null)) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  }
  if (spec.podReplacementPolicy !== undefined && spec.podReplacementPolicy !== null && !['Failed', 'TerminatingOrFailed'].includes(String(spec.podReplacementPolicy))) {
    errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  errs.push(...validatePodTemplateSpec(isObj(spec.template) ? spec.template : {}, `${path}.template`));
  const tspec = isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec : {};
  const restartPolicy = typeof tspec.restartPolicy === 'string' ? tspec.restartPolicy : '';
  // SetDefaults_PodSpec turns an unset restartPolicy into Always, so both read "Required value" here.
  if (restartPolicy === 'Always' || restartPolicy === '') {
    errs.push(required(`${path}.template.spec.restartPolicy`, `valid values: "${RESTART_ON_FAILURE}", "${RESTART_NEVER}"`));
  } else if (restartPolicy !== RESTART_ON_FAILURE && restartPolicy !== RESTART_NEVER) {
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, restartPolicy, [RESTART_ON_FAILURE, RESTART_NEVER]));
  } else if (spec.podFailurePolicy !== undefined && spec.podFailurePolicy !== null && restartPolicy !== RESTART_NEVER) {
    errs.push(invalid(`${path}.template.spec.restartPolicy`, restartPolicy, `only "${RESTART_NEVER}" is supported when podFailurePolicy is specified`));
  }
  return errs;
}

function templateLabels(template: unknown): Record<string, string> | undefined {
  if (!isObj(template) || !isObj(template.metadata)) return undefined;
  return isObj(template.metadata.labels) ? (template.metadata.labels as Record<string, string>) : undefined;
}
