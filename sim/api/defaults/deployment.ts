import type { KubeObject, Deployment } from '../types';
import { defaultPodTemplate } from './pod-spec';
import { objOr, unset, orDefault, omitEmpty } from './util';

// pkg/apis/apps/v1/defaults.go SetDefaults_Deployment, the Pod template defaulted as every PodSpec is,
// and the empty status a new Deployment starts with.

/** DeploymentSpec's omitempty scalars (apps/v1 types.go). */
const DEPLOYMENT_SPEC_OMITEMPTY = ['minReadySeconds', 'paused'];

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function defaultDeployment(obj: KubeObject): Deployment {
  const spec = objOr(obj.spec);
  const strategy = objOr(spec.strategy);
  const type = unset(strategy.type) ? 'RollingUpdate' : strategy.type;
  let nextStrategy: Record<string, unknown> = { ...strategy, type };
  if (type === 'RollingUpdate') {
    const ru = objOr(strategy.rollingUpdate);
    nextStrategy = { ...nextStrategy, rollingUpdate: { ...ru, maxUnavailable: orDefault(ru.maxUnavailable, '25%'), maxSurge: orDefault(ru.maxSurge, '25%') } };
  }
  return {
    ...obj,
    // minReadySeconds and paused are omitempty non-pointers in DeploymentSpec: 0 and false are not stored.
    spec: omitEmpty({
      ...spec,
      replicas: orDefault(spec.replicas, 1),
      template: defaultPodTemplate(spec.template), // a struct in Go: defaulted even when absent
      strategy: nextStrategy,
      revisionHistoryLimit: orDefault(spec.revisionHistoryLimit, 10),
      progressDeadlineSeconds: orDefault(spec.progressDeadlineSeconds, 600),
    }, DEPLOYMENT_SPEC_OMITEMPTY),
    status: objOr(obj.status),
  } as unknown as Deployment;
}
