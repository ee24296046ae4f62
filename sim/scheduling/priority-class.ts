import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { forbidden, invalid, notSupported, type FieldError } from '../api/field-errors';
import { decodeWith } from '../api/schema/decode';
import { objectMeta } from '../api/schema/fields';
import { struct } from '../api/schema/types';
import { validateObjectMeta, validateObjectMetaUpdate, FIELD_IMMUTABLE_ERROR_MSG } from '../api/validation/meta';
import { nameIsDNSSubdomain } from '../api/validation/names';
import type { StoreView } from '../store/store';
import {
  HIGHEST_USER_DEFINABLE_PRIORITY, SYSTEM_PRIORITY_CLASSES, SYSTEM_PRIORITY_CLASS_PREFIX, type PriorityClass,
} from './types';

// The scheduling.k8s.io/v1 PriorityClass kind (priorityclasses, pc) for the API registry
// (sim/api/kinds/index.ts registers it): SetDefaults_PriorityClass, ValidatePriorityClass(Update)
// (pkg/apis/scheduling/validation) and the Priority admission plugin's validatePriorityClass
// (plugin/pkg/admission/priority/admission.go: one globalDefault class at most).

const SCHEMA = struct('PriorityClass', {
  apiVersion: 'string', kind: 'string', metadata: objectMeta,
  value: 'int32', globalDefault: 'bool', description: 'string', preemptionPolicy: 'string',
});

const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

/** scheduling/v1 SetDefaults_PriorityClass: preemptionPolicy PreemptLowerPriority. */
export function defaultPriorityClass(obj: KubeObject): KubeObject {
  const pc = obj as PriorityClass;
  return pc.preemptionPolicy === undefined ? { ...pc, preemptionPolicy: 'PreemptLowerPriority' } as KubeObject : obj;
}

/** scheduling/v1 IsKnownSystemPriorityClass: undefined when it is one, else the error text. */
function unknownSystemClass(pc: PriorityClass): string | undefined {
  const spc = SYSTEM_PRIORITY_CLASSES.find((s) => s.name === pc.metadata.name);
  if (spc === undefined) return `${pc.metadata.name} is not a known system priority class`;
  if (spc.value !== pc.value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
  if ((pc.globalDefault ?? false) !== false) return `globalDefault of ${spc.name} PriorityClass must be false`;
  return undefined;
}

/** ValidatePriorityClass (+ ValidatePriorityClassUpdate with `old`). */
export function validatePriorityClass(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const pc = obj as PriorityClass;
  if (old !== undefined) {
    const o = old as PriorityClass;
    const errs = validateObjectMetaUpdate(obj, old);
    if (pc.value !== o.value) errs.push(forbidden('value', 'may not be changed in an update.'));
    if (pc.preemptionPolicy !== o.preemptionPolicy) errs.push(invalid('preemptionPolicy', pc.preemptionPolicy, FIELD_IMMUTABLE_ERROR_MSG));
    return errs;
  }
  const errs = validateObjectMeta(obj, false, nameIsDNSSubdomain);
  const name = pc.metadata.name ?? '';
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const err = unknownSystemClass(pc);
    if (err !== undefined) errs.push(forbidden('metadata.name', `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${err}`));
  } else if ((pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(pc.preemptionPolicy)) {
    errs.push(notSupported('preemptionPolicy', pc.preemptionPolicy, ['Never', 'PreemptLowerPriority']));
  }
  return errs;
}

/** admission.go getDefaultPriorityClass: the globalDefault class (the lowest value if a race made two). */
export function defaultPriorityClassOf(view: StoreView): PriorityClass | undefined {
  let out: PriorityClass | undefined;
  for (const pc of view.list<PriorityClass>('PriorityClass', '')) {
    if (pc.globalDefault === true && (out === undefined || out.value > pc.value)) out = pc;
  }
  return out;
}

/** admission.go validatePriorityClass, on create: a second globalDefault class is refused. */
export function admitPriorityClass(obj: KubeObject, view: StoreView): { readonly obj: KubeObject; readonly forbidden?: undefined } | { readonly obj?: undefined; readonly forbidden: string } {
  const pc = obj as PriorityClass;
  if (pc.globalDefault !== true) return { obj };
  const dpc = defaultPriorityClassOf(view);
  if (dpc === undefined) return { obj };
  return { forbidden: `priorityclasses.scheduling.k8s.io "${pc.metadata.name}" is forbidden: PriorityClass ${dpc.metadata.name} is already marked as default. Only one default can exist` };
}

/**
 * admission.go validatePriorityClass, on update: marking a class globalDefault while another one
 * is the default is refused (`operation == admission.Update && dpc.GetName() != pc.GetName()`).
 */
export function admitPriorityClassUpdate(obj: KubeObject, _old: KubeObject, view: StoreView): string | undefined {
  const pc = obj as PriorityClass;
  if (pc.globalDefault !== true) return undefined;
  const dpc = defaultPriorityClassOf(view);
  if (dpc === undefined || dpc.metadata.name === pc.metadata.name) return undefined;
  return `priorityclasses.scheduling.k8s.io "${pc.metadata.name}" is forbidden: PriorityClass ${dpc.metadata.name} is already marked as default. Only one default can exist`;
}

/** The built-in classes as the API server's post-start hook creates them (storage_scheduling.go AddSystemPriorityClasses). */
export function systemPriorityClasses(): PriorityClass[] {
  return SYSTEM_PRIORITY_CLASSES.map((s) => ({
    apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: s.name },
    value: s.value, description: s.description, preemptionPolicy: 'PreemptLowerPriority',
  }) as PriorityClass);
}

export const priorityClassKind: KindInfo = {
  kind: 'PriorityClass', group: 'scheduling.k8s.io', apiVersions: ['scheduling.k8s.io/v1'], plural: 'priorityclasses', singular: 'priorityclass',
  shortNames: ['pc'], namespaced: false,
  defaults: defaultPriorityClass, validate: validatePriorityClass, decode: (raw) => decodeWith(SCHEMA, raw), admit: admitPriorityClass, admitUpdate: admitPriorityClassUpdate,
};
