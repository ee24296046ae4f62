import type { KubeObject, StatefulSet } from '../types';
import { defaultPodTemplate } from './pod-spec';
import { isObj, objOr, unset, orDefault, omitEmpty } from './util';

// pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is on by default), the
// Pod template defaults, and status {replicas: 0, availableReplicas: 0}.

/**
 * SetDefaults_StatefulSet: podManagementPolicy OrderedReady, RollingUpdate with partition 0 (only
 * when the type was defaulted or rollingUpdate given), PVC retention Retain/Retain, replicas 1,
 * revisionHistoryLimit 10.
 */
export function defaultStatefulSet(obj: KubeObject): StatefulSet {
  const spec = objOr(obj.spec);
  let strategy: Record<string, unknown> = objOr(spec.updateStrategy);
  if (unset(strategy.type)) strategy = { ...strategy, type: 'RollingUpdate', rollingUpdate: objOr(strategy.rollingUpdate) };
  if (strategy.type === 'RollingUpdate' && isObj(strategy.rollingUpdate) && (strategy.rollingUpdate as Record<string, unknown>).partition === undefined) {
    strategy = { ...strategy, rollingUpdate: { ...(strategy.rollingUpdate as Record<string, unknown>), partition: 0 } };
  }
  const retention = objOr(spec.persistentVolumeClaimRetentionPolicy);
  const status = objOr(obj.status);
  return {
    ...obj,
    // StatefulSetSpec's omitempty non-pointers: a zero minReadySeconds, an empty volumeClaimTemplates are not stored.
    spec: omitEmpty({
      ...spec,
      replicas: orDefault(spec.replicas, 1),
      podManagementPolicy: unset(spec.podManagementPolicy) ? 'OrderedReady' : spec.podManagementPolicy,
      updateStrategy: strategy,
      persistentVolumeClaimRetentionPolicy: {
        ...retention,
        whenDeleted: unset(retention.whenDeleted) ? 'Retain' : retention.whenDeleted,
        whenScaled: unset(retention.whenScaled) ? 'Retain' : retention.whenScaled,
      },
      revisionHistoryLimit: orDefault(spec.revisionHistoryLimit, 10),
      template: defaultPodTemplate(spec.template), // a struct in Go: defaulted even when absent
    }, ['minReadySeconds', 'volumeClaimTemplates']),
    status: { ...status, replicas: orDefault(status.replicas, 0), availableReplicas: orDefault(status.availableReplicas, 0) },
  } as unknown as StatefulSet;
}
