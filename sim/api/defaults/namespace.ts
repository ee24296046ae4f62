import type { KubeObject, Namespace } from '../types';
import { objOr, unset } from './util';

// SetDefaults_Namespace (label kubernetes.io/metadata.name), SetDefaults_NamespaceStatus (phase
// Active) and the namespace strategy's PrepareForCreate (spec.finalizers ["kubernetes"]).

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(obj: KubeObject): Namespace {
  const name = obj.metadata.name;
  const spec = objOr(obj.spec);
  const status = objOr(obj.status);
  return {
    ...obj,
    metadata: name ? { ...obj.metadata, labels: { ...(obj.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name } } : obj.metadata,
    spec: { ...spec, finalizers: spec.finalizers === undefined || spec.finalizers === null ? ['kubernetes'] : spec.finalizers },
    status: { ...status, phase: unset(status.phase) ? 'Active' : status.phase },
  } as unknown as Namespace;
}
