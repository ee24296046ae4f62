import type { Container, KubeObject, PodSpec } from '../../api/types';

// What the `kubectl set` commands share (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
// updatepodspec.go and pkg/cmd/set/helper.go): the Pod spec of an object that has one, and the
// containers a -c/--containers wildcard selects.

/**
 * updatePodSpecForObject: the object with `fn` applied to its Pod spec (a Pod's own, a workload's
 * template, a CronJob's job template), or kubectl's error for a kind without one.
 */
export function updatePodSpec(obj: KubeObject, fn: (spec: PodSpec) => PodSpec): { object: KubeObject } | { error: string } {
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case 'Pod':
      return { object: { ...obj, spec: fn(obj.spec as PodSpec) } as KubeObject };
    case 'ReplicationController': case 'Deployment': case 'DaemonSet': case 'ReplicaSet': case 'StatefulSet': case 'Job': {
      const template = (spec?.template ?? {}) as { spec: PodSpec };
      return { object: { ...obj, spec: { ...spec, template: { ...template, spec: fn(template.spec) } } } as KubeObject };
    }
    case 'CronJob': {
      const jobTemplate = spec!.jobTemplate as { spec: { template: { spec: PodSpec } } };
      const template = jobTemplate.spec.template;
      return { object: { ...obj, spec: { ...spec, jobTemplate: { ...jobTemplate, spec: { ...jobTemplate.spec, template: { ...template, spec: fn(template.spec) } } } } } as KubeObject };
    }
    default: {
      // %T of the typed object: *v1.Service, *v1.ConfigMap.
      const version = obj.apiVersion.slice(obj.apiVersion.lastIndexOf('/') + 1);
      return { error: `the object is not a pod or does not have a pod template: *${version}.${obj.kind}` };
    }
  }
}

/**
 * selectString: does `s` match `spec`, where `*` is a non-greedy wildcard?
 *
 * | s         | spec    | match |
 * |-----------|---------|-------|
 * | nginx     | *       | yes   |
 * | nginx     | nginx   | yes   |
 * | nginx     | ngi*    | yes   |
 * | nginx     | *inx    | yes   |
 * | sidecar   | ngi*    | no    |
 */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    // The Go code's quirks kept: `next` is relative to pos, and the first part is not anchored at 0.
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}

/**
 * Applies `fn` to the containers `selector` selects, main containers first then init containers
 * (selectContainers twice, as set env and set resources call it); `selected` lists their names in
 * that order. Containers `fn` returns unchanged stay the same objects.
 */
export function updateSelectedContainers(spec: PodSpec, selector: string, fn: (c: Container) => Container): { spec: PodSpec; selected: Container[] } {
  const selected: Container[] = [];
  const update = (cs: readonly Container[] | undefined): Container[] | undefined => cs?.map((c) => {
    if (!selectString(c.name, selector)) return c;
    const next = fn(c);
    selected.push(next);
    return next;
  });
  const containers = update(spec.containers) ?? [];
  const initContainers = update(spec.initContainers);
  return { spec: { ...spec, containers, ...(initContainers !== undefined ? { initContainers } : {}) }, selected };
}
