import type { KubeObject } from '../types';
import { invalid, notSupported, required, type FieldError } from '../field-errors';
import { isObj } from './shape';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { isLabelKey, isLabelValue, nameIsDNSSubdomain } from './names';

// ValidateNode: the name is a DNS-1123 subdomain; taints have a qualified key, a label value, a known effect,
// and are unique by key and effect (validateNodeTaints).

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNode(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errs = old === undefined ? validateObjectMeta(obj, false, nameIsDNSSubdomain) : validateObjectMetaUpdate(obj, old);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const taints = Array.isArray(spec.taints) ? spec.taints : [];
  const seen = new Set<string>();
  taints.forEach((raw, i) => {
    const t = isObj(raw) ? raw : {};
    const p = `spec.taints[${i}]`;
    const key = typeof t.key === 'string' ? t.key : '';
    for (const msg of isLabelKey(key)) errs.push(invalid(`${p}.key`, key, msg));
    if (typeof t.value === 'string') for (const msg of isLabelValue(t.value)) errs.push(invalid(`${p}.value`, t.value, msg));
    const effect = typeof t.effect === 'string' ? t.effect : '';
    if (effect === '') errs.push(required(`${p}.effect`, ''));
    else if (!TAINT_EFFECTS.includes(effect)) errs.push(notSupported(`${p}.effect`, effect, TAINT_EFFECTS));
    const id = `${key}\u0000${effect}`;
    if (seen.has(id)) errs.push(invalid(p, raw, 'taints must be unique by key and effect pair'));
    seen.add(id);
  });
  return errs;
}
