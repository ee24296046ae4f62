import type { KubeObject, Labels, ObjectMeta, OwnerReference, Pod, PodTemplateSpec } from '../../api/types';
import { newControllerRef } from './owner';

// controller_utils.go GetPodFromTemplate: a Pod to create from a workload's template.

/**
 * The Pod a controller creates: labels, annotations and spec from the template, the owner as
 * controller (controller and blockOwnerDeletion true). `name` '' lets the API server generate one
 * from `generateName`. The metadata every Pod of one template and owner has in common (labels,
 * annotations, ownerReferences, generateName) is shared between them, never copied per Pod.
 */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, generateName: string, namespace: string, name = ''): Pod {
  const shared = sharedMetaOf(template, owner, generateName);
  return { apiVersion: 'v1', kind: 'Pod', metadata: metadataOf(shared, name, namespace), spec: template.spec, status: { phase: 'Pending' } };
}

/** ObjectMeta in the API's field order, the optional fields only when set (built field by field: no spread of temporaries). */
function metadataOf(shared: SharedMeta, name: string, namespace: string): ObjectMeta {
  const m: Record<string, unknown> = { name };
  if (shared.generateName !== '') m.generateName = shared.generateName;
  m.namespace = namespace;
  m.uid = '';
  m.resourceVersion = '';
  m.creationTimestamp = '';
  if (shared.labels !== undefined) m.labels = shared.labels;
  if (shared.annotations !== undefined) m.annotations = shared.annotations;
  m.ownerReferences = shared.ownerReferences;
  return m as unknown as ObjectMeta;
}

interface SharedMeta {
  readonly generateName: string;
  readonly labels: Labels | undefined;
  readonly annotations: Labels | undefined;
  readonly ownerReferences: readonly OwnerReference[];
}

// Shared by the Pods of one template: 150,000 Pods of 1,500 ReplicaSets would otherwise hold
// 150,000 copies of each (and the store's label index keys, memoised by labels object). Keyed
// weakly by the template (immutable, like everything read from the store); an entry serves only
// the owner (apiVersion, kind, name, uid) and generateName it was made for. Nothing mutates these.
const sharedByTemplate = new WeakMap<PodTemplateSpec, SharedMeta>();

function sharedMetaOf(template: PodTemplateSpec, owner: KubeObject, generateName: string): SharedMeta {
  const hit = sharedByTemplate.get(template);
  if (hit !== undefined && hit.generateName === generateName && sameOwner(hit.ownerReferences[0], owner)) return hit;
  const labels = template.metadata?.labels;
  const annotations = template.metadata?.annotations;
  const meta: SharedMeta = {
    generateName,
    labels: labels !== undefined ? { ...labels } : undefined, // a copy: not the owner's own labels object (often the same)
    annotations: annotations !== undefined ? { ...annotations } : undefined,
    ownerReferences: [newControllerRef(owner)],
  };
  sharedByTemplate.set(template, meta);
  return meta;
}

function sameOwner(ref: OwnerReference, owner: KubeObject): boolean {
  return ref.uid === owner.metadata.uid && ref.name === owner.metadata.name && ref.kind === owner.kind && ref.apiVersion === owner.apiVersion;
}
