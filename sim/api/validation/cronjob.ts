import type { KubeObject } from '../types';
import { invalid, notSupported, required, type FieldError } from '../field-errors';
import { isObj } from './shape';
import { goLabelSelector, validateNonnegative, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNSSubdomain } from './names';
import { validateJobSpecFields } from './job';
import { isKnownTimeZone, parseStandard } from '../../controllers/cronjob/cron';

// pkg/apis/batch/validation/validation.go ValidateCronJobCreate / ValidateCronJobUpdate /
// validateCronJobSpec / validateScheduleFormat / validateTimeZone / ValidateJobTemplateSpec.

type Json = Record<string, unknown>;
const VALID_TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

export function validateCronJob(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec: Json = isObj(obj.spec) ? obj.spec : {};
  const oldSpec: Json | undefined = old !== undefined && isObj(old.spec) ? old.spec : undefined;
  const errs = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : validateObjectMetaUpdate(obj, old);
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (schedule === '') errs.push(required('spec.schedule', ''));
  else errs.push(...validateScheduleFormat(schedule, oldSpec !== undefined && String(oldSpec.schedule ?? '').includes('TZ'), spec.timeZone));
  errs.push(...validateNonnegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (oldSpec === undefined || oldSpec.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone));
  const policy = typeof spec.concurrencyPolicy === 'string' ? spec.concurrencyPolicy : '';
  if (policy === '') errs.push(required('spec.concurrencyPolicy', ''));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplateSpec(isObj(spec.jobTemplate) ? spec.jobTemplate : {}));
  errs.push(...validateNonnegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  // The controller appends an 11-character suffix (`-<minutes>`) to name its Jobs.
  if (old === undefined && obj.metadata.name.length > 63 - 11) errs.push(invalid('metadata.name', obj.metadata.name, 'must be no more than 52 characters'));
  return errs;
}

function validateScheduleFormat(schedule: string, allowTZ: boolean, timeZone: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = parseStandard(schedule);
  if (!parsed.ok) errs.push(invalid('spec.schedule', schedule, parsed.error));
  if (allowTZ && schedule.includes('TZ') && timeZone !== undefined && timeZone !== null) {
    errs.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && schedule.includes('TZ')) {
    errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

function validateTimeZone(tz: unknown): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const zone = String(tz);
  if (zone === '') return [invalid('spec.timeZone', zone, 'timeZone must be nil or non-empty string')];
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !VALID_TZ_PART.test(part)) return [invalid('spec.timeZone', zone, `unknown time zone ${zone}`)];
  }
  if (zone.toLowerCase() === 'local') return [invalid('spec.timeZone', zone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  if (!isKnownTimeZone(zone)) return [invalid('spec.timeZone', zone, `unknown time zone ${zone}`)];
  return [];
}

/** ValidateJobTemplateSpec: the Job spec, and no selector (it is always generated). */
function validateJobTemplateSpec(template: Json): FieldError[] {
  const spec: Json = isObj(template.spec) ? template.spec : {};
  const errs = validateJobSpecFields(spec, 'spec.jobTemplate.spec');
  if (spec.selector !== undefined && spec.selector !== null) {
    errs.push(invalid('spec.jobTemplate.spec.selector', spec.selector, '`selector` will be auto-generated', goLabelSelector(spec.selector as never)));
  }
  if (spec.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false'], 'true'));
  return errs;
}
