import type { KubeObject, Pod, PodTemplateSpec } from '../../api/types';
import { newControllerRef } from './owner';

// controller_utils.go GetPodFromTemplate: a Pod to create from a workload's template.

/**
 * The Pod a controller creates: labels, annotations and spec from the template, the owner as
 * controller (controller and blockOwnerDeletion true). `name` '' lets the API server generate one
 * from `generateName`.
 */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, generateName: string, namespace: string, name = ''): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(generateName !== '' ? { generateName } : {}),
      namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      ...(template.metadata?.labels !== undefined ? { labels: { ...template.metadata.labels } } : {}),
      ...(template.metadata?.annotations !== undefined ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(owner)],
    },
    spec: template.spec,
    status: { phase: 'Pending' },
  };
}
