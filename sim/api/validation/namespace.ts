import type { KubeObject } from '../types';
import { invalid, type FieldError } from '../field-errors';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { isLabelKey, nameIsDNSLabel } from './names';

// ValidateNamespace / ValidateNamespaceUpdate: the name is a DNS-1123 label; finalizers are qualified names.

export function validateNamespace(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errs = old === undefined ? validateObjectMeta(obj, false, nameIsDNSLabel) : validateObjectMetaUpdate(obj, old);
  const finalizers = (obj.spec as { finalizers?: unknown } | undefined)?.finalizers;
  if (Array.isArray(finalizers)) {
    finalizers.forEach((f, i) => {
      for (const msg of isLabelKey(String(f))) errs.push(invalid(`spec.finalizers[${i}]`, f, msg));
    });
  }
  return errs;
}
