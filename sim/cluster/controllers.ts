import type { Controller } from '../engine/types';
import { controllers as workloads } from '../controllers/index';
import { controllers as nodeLifecycle } from '../controllers/node-lifecycle/index';
import { controllers as scheduler } from '../scheduler/index';
import { controllers as kubelet } from '../kubelet/index';
import { controllers as network } from '../network/index';
import { controllers as storage } from '../storage/index';
import { controllers as serviceAccounts } from '../serviceaccount/index';
import { nodeLeaseController } from '../coordination/node-lease';
import { clusterRoleAggregationController } from '../controllers/clusterrole-aggregation/clusterrole-aggregation';
import '../network/shell-commands'; // gives containers wget, curl and nslookup through sim/network
import '../network/service-env'; // gives containers the Services' environment variables

/** Every control loop of the simulated cluster, in the order the work queue first visits them. */
export const CONTROLLERS: readonly Controller[] = [...workloads, ...nodeLifecycle, ...scheduler, ...kubelet, ...network, ...storage, ...serviceAccounts, nodeLeaseController, clusterRoleAggregationController];
