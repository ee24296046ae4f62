import type { KubeObject, DaemonSet } from '../types';
import { defaultPodTemplate } from './pod-spec';
import { objOr, unset, orDefault } from './util';

// pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet, the Pod template defaults, and the zero counts a
// new DaemonSet's status starts with.

/** SetDefaults_DaemonSet: RollingUpdate maxUnavailable 1 maxSurge 0, revisionHistoryLimit 10. */
export function defaultDaemonSet(obj: KubeObject): DaemonSet {
  const spec = objOr(obj.spec);
  const strategy = objOr(spec.updateStrategy);
  const type = unset(strategy.type) ? 'RollingUpdate' : strategy.type;
  let nextStrategy: Record<string, unknown> = { ...strategy, type };
  if (type === 'RollingUpdate') {
    const ru = objOr(strategy.rollingUpdate);
    nextStrategy = { ...nextStrategy, rollingUpdate: { ...ru, maxUnavailable: orDefault(ru.maxUnavailable, 1), maxSurge: orDefault(ru.maxSurge, 0) } };
  }
  const status = objOr(obj.status);
  return {
    ...obj,
    spec: {
      ...spec,
      template: defaultPodTemplate(spec.template), // a struct in Go: defaulted even when absent
      updateStrategy: nextStrategy,
      minReadySeconds: orDefault(spec.minReadySeconds, 0),
      revisionHistoryLimit: orDefault(spec.revisionHistoryLimit, 10),
    },
    status: {
      ...status,
      currentNumberScheduled: orDefault(status.currentNumberScheduled, 0),
      numberMisscheduled: orDefault(status.numberMisscheduled, 0),
      desiredNumberScheduled: orDefault(status.desiredNumberScheduled, 0),
      numberReady: orDefault(status.numberReady, 0),
    },
  } as unknown as DaemonSet;
}
