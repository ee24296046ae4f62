import type { KubeObject, ReplicaSet } from '../types';
import { defaultPodTemplate } from './pod-spec';
import { objOr, orDefault, omitEmpty } from './util';

// pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet, the Pod template defaults, and status {replicas: 0}.

/** SetDefaults_ReplicaSet: replicas 1. Status starts at replicas 0. */
export function defaultReplicaSet(obj: KubeObject): ReplicaSet {
  const spec = objOr(obj.spec);
  const status = objOr(obj.status);
  return {
    ...obj,
    // ReplicaSetSpec.minReadySeconds is an omitempty int32: 0 is not stored.
    spec: omitEmpty({
      ...spec,
      replicas: orDefault(spec.replicas, 1),
      template: defaultPodTemplate(spec.template), // a struct in Go: defaulted even when absent
    }, ['minReadySeconds']),
    status: { ...status, replicas: orDefault(status.replicas, 0) },
  } as unknown as ReplicaSet;
}
