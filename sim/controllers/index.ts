import type { Controller } from '../engine/types';
import { deploymentController } from './deployment/deployment-controller';
import { replicaSetController } from './replicaset/replica-set';
import { daemonSetController } from './daemonset/daemon-set';
import { statefulSetController } from './statefulset/stateful-set';
import { garbageCollector } from './garbage-collector/garbage-collector';
import { namespaceController } from './namespace/namespace-controller';
import { jobController } from './job/job-controller';
import { cronJobController } from './cronjob/cronjob-controller';

// kube-controller-manager's workload controllers (node lifecycle lives in ./node-lifecycle).

export const controllers: readonly Controller[] = [
  deploymentController,
  replicaSetController,
  daemonSetController,
  statefulSetController,
  garbageCollector,
  namespaceController,
  jobController,
  cronJobController,
];

export { deploymentController, reconcileDeployment, DEPLOYMENT_CONTROLLER } from './deployment/deployment-controller';
export { replicaSetController, reconcileReplicaSet, REPLICASET_CONTROLLER, BURST_REPLICAS } from './replicaset/replica-set';
export { daemonSetController, reconcileDaemonSet, DAEMONSET_CONTROLLER } from './daemonset/daemon-set';
export { statefulSetController, reconcileStatefulSet, STATEFULSET_CONTROLLER } from './statefulset/stateful-set';
export { garbageCollector, reconcileGarbage, GARBAGE_COLLECTOR } from './garbage-collector/garbage-collector';
export { namespaceController, reconcileNamespace, NAMESPACE_CONTROLLER } from './namespace/namespace-controller';
export { isPodReady, isPodAvailable, isPodActive, isActive, isPodTerminal, availableAtMs } from './util/pod';
export { controllerRef, newControllerRef, isControlledBy } from './util/owner';
export { compareForDeletion, podsToDelete } from './util/active-pods';
export { podFromTemplate } from './util/pod-template';
export { nodeShouldRunDaemonPod, daemonPodPlacement, daemonPodTolerations } from './daemonset/daemonset-util';
export { claimObjects } from './util/claim';
