import { kindInfo, registerKind, type KindInfo } from '../kinds';
import type { KubeObject, Service } from '../types';
import { allocateServiceAddresses } from '../../network/service-alloc';
import { networkKinds } from '../../network/kinds';
import { batchKinds } from '../../controllers/job/kinds';
import { configKinds } from '../../config';
import { storageKinds } from '../../storage/kinds';
import { admitPod, serviceAccountKind } from '../../serviceaccount/kinds';
import { priorityClassKind } from '../../scheduling/priority-class';
import { leaseKind } from '../../coordination/lease';
import { admitPodPriority } from '../../scheduling/pod-priority';
import type { FieldError } from '../field-errors';
import type { StoreView } from '../../store/store';
import { defaultNamespace } from '../defaults/namespace';
import { defaultNode } from '../defaults/node';
import { defaultPod } from '../defaults/pod';
import { defaultService } from '../defaults/service';
import { prepareServiceUpdate } from '../defaults/service-update';
import { defaultReplicaSet } from '../defaults/replicaset';
import { defaultDeployment } from '../defaults/deployment';
import { defaultDaemonSet } from '../defaults/daemonset';
import { defaultStatefulSet } from '../defaults/statefulset';
import { storedForm } from '../defaults/meta';
import { validateNamespace } from '../validation/namespace';
import { validateNode } from '../validation/node';
import { validatePod } from '../validation/pod';
import { validateService } from '../validation/service';
import { validateReplicaSet } from '../validation/replicaset';
import { validateDeployment } from '../validation/deployment';
import { validateDaemonSet } from '../validation/daemonset';
import { validateStatefulSet } from '../validation/statefulset';
import { validateObjectMeta } from '../validation/meta';
import { nameIsDNSSubdomain } from '../validation/names';
import { decoderFor } from '../schema/decode';

// Registers every kind the simulator serves, with its defaulting (sim/api/defaults/) and
// validation (sim/api/validation/), one file per kind, and its strict decoder (sim/api/schema/).

type Validate = (obj: KubeObject, old: KubeObject | undefined, view: StoreView) => readonly FieldError[];

function kind(k: string, group: string, versions: string[], plural: string, shortNames: string[], namespaced: boolean,
  defaults: (o: KubeObject) => KubeObject, validate: Validate): KindInfo {
  return { kind: k, group, apiVersions: versions, plural, singular: k.toLowerCase(), shortNames, namespaced, defaults, validate, decode: decoderFor(k) };
}

const identity = (o: KubeObject): KubeObject => o;
const metaOnly = (namespaced: boolean): Validate => (o, old) => (old === undefined ? validateObjectMeta(o, namespaced, nameIsDNSSubdomain) : []);

registerKind(kind('Namespace', '', ['v1'], 'namespaces', ['ns'], false, defaultNamespace, validateNamespace));
registerKind(kind('Node', '', ['v1'], 'nodes', ['no'], false, defaultNode, validateNode));
// The ServiceAccount then the Priority admission plugins mutate Pods on create (sim/serviceaccount/admission.ts, sim/scheduling/pod-priority.ts).
registerKind({
  ...kind('Pod', '', ['v1'], 'pods', ['po'], true, defaultPod, validatePod),
  admit: (obj, view) => { const sa = admitPod(obj, view); return sa.obj === undefined ? sa : admitPodPriority(sa.obj, view); },
});
registerKind({
  ...kind('Service', '', ['v1'], 'services', ['svc'], true, defaultService, validateService),
  prepareForUpdate: prepareServiceUpdate,
  // The service REST allocates the cluster IP and node ports (sim/network/service-alloc.ts).
  allocate: (obj, old, view, rng) => {
    const r = allocateServiceAddresses(view, obj as Service, rng, { old: old as Service | undefined });
    return r.errors !== undefined ? { errors: r.errors } : { obj: r.service };
  },
});
// Endpoints, EndpointSlice and NetworkPolicy come from sim/network/kinds.ts.
for (const info of networkKinds) registerKind(info);
for (const info of batchKinds) registerKind(info); // Job (jobs), CronJob (cronjobs, cj): batch/v1
for (const info of configKinds) registerKind(info); // Secret (secrets), ConfigMap (configmaps, cm): sim/config/
registerKind(serviceAccountKind); // ServiceAccount (serviceaccounts, sa): sim/serviceaccount/
registerKind(priorityClassKind); // PriorityClass (priorityclasses, pc): sim/scheduling/
registerKind(leaseKind); // Lease (leases): sim/coordination/
for (const info of storageKinds) registerKind(info); // PersistentVolume (pv), PersistentVolumeClaim (pvc), StorageClass (sc): sim/storage/
registerKind(kind('ReplicaSet', 'apps', ['apps/v1'], 'replicasets', ['rs'], true, defaultReplicaSet, validateReplicaSet));
registerKind(kind('Deployment', 'apps', ['apps/v1'], 'deployments', ['deploy'], true, defaultDeployment, validateDeployment));
registerKind(kind('DaemonSet', 'apps', ['apps/v1'], 'daemonsets', ['ds'], true, defaultDaemonSet, validateDaemonSet));
registerKind(kind('StatefulSet', 'apps', ['apps/v1'], 'statefulsets', ['sts'], true, defaultStatefulSet, validateStatefulSet));
registerKind(kind('ControllerRevision', 'apps', ['apps/v1'], 'controllerrevisions', [], true, identity, metaOnly(true)));
// Events live in the cluster's event log, not the store; the kind is registered so that `kubectl get events` / `ev` resolve.
registerKind(kind('Event', '', ['v1'], 'events', ['ev'], true, identity, metaOnly(true)));

/**
 * The kind's defaults (SetDefaults_* and the defaulting admission), for objects built in code
 * (controllers, bootstrap) and every write the engine stores, in their stored form (empty
 * omitempty metadata dropped: meta.ts storedForm).
 */
export function applyDefaults<T extends KubeObject = KubeObject>(obj: KubeObject): T {
  const info = kindInfo(obj.kind);
  return storedForm(info === undefined ? obj : info.defaults(obj)) as T;
}

export { defaultPod, defaultNamespace, defaultNode, defaultService, defaultReplicaSet, defaultDeployment, defaultDaemonSet, defaultStatefulSet };
