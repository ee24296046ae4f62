import type { KubeObject, Namespace } from '../api/types';
import type { ConfigMap } from '../config/types';
import { NO_CHANGES, type ClusterView, type Controller, type ReconcileResult } from '../engine/types';
import { rootCaPem } from './root-ca';
import { DEFAULT_SERVICE_ACCOUNT, ROOT_CA_CONFIGMAP, type ServiceAccount } from './types';

// Two kube-controller-manager loops that give every namespace what its Pods need:
// pkg/controller/serviceaccount/serviceaccounts_controller.go (syncNamespace: the "default"
// ServiceAccount, recreated if deleted) and pkg/controller/certificates/rootcacertpublisher
// (syncNamespace: the kube-root-ca.crt ConfigMap with the cluster CA, restored if deleted or edited).

export const SERVICE_ACCOUNT_CONTROLLER = 'serviceaccount-controller';
export const ROOT_CA_PUBLISHER = 'root-ca-cert-publisher';
const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** A namespace that is there and not terminating (both controllers skip the others). */
function activeNamespace(view: ClusterView, name: string): boolean {
  const ns = view.get<Namespace>('Namespace', '', name);
  return ns !== undefined && ns.metadata.deletionTimestamp === undefined && ns.status?.phase !== 'Terminating';
}

function syncServiceAccounts(view: ClusterView, ns: string): ReconcileResult {
  if (!activeNamespace(view, ns) || view.get('ServiceAccount', ns, DEFAULT_SERVICE_ACCOUNT) !== undefined) return NO_CHANGES;
  const sa: ServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '' } };
  return { changes: [{ verb: 'create', object: sa }] };
}

function syncRootCa(view: ClusterView, ns: string): ReconcileResult {
  if (!activeNamespace(view, ns)) return NO_CHANGES;
  const data = { 'ca.crt': rootCaPem(view.config.seed) };
  const cm = view.get<ConfigMap>('ConfigMap', ns, ROOT_CA_CONFIGMAP);
  if (cm === undefined) {
    const fresh: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '', annotations: { 'kubernetes.io/description': DESCRIPTION } }, data };
    return { changes: [{ verb: 'create', object: fresh }] };
  }
  // syncNamespace: an edited bundle or description is put back.
  if (cm.data?.['ca.crt'] === data['ca.crt'] && Object.keys(cm.data ?? {}).length === 1 && cm.metadata.annotations?.['kubernetes.io/description'] === DESCRIPTION) return NO_CHANGES;
  const restored: ConfigMap = { ...cm, metadata: { ...cm.metadata, annotations: { ...cm.metadata.annotations, 'kubernetes.io/description': DESCRIPTION } }, data };
  return { changes: [{ verb: 'update', object: restored }] };
}

/** A namespace appearing, or the watched object of `name` in it changing or going, asks for its sync. */
function watchNamed(name: string) {
  return (_view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] => {
    const obj = (after ?? before)!;
    if (obj.metadata.name !== name) return NONE;
    if (after !== undefined && before !== undefined && after.metadata.resourceVersion === before.metadata.resourceVersion) return NONE;
    return [obj.metadata.namespace ?? ''];
  };
}

function watchNamespace(_view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  return after !== undefined && before === undefined ? [after.metadata.name] : NONE;
}

const NONE: readonly string[] = Object.freeze([]);

export const serviceAccountController: Controller = {
  name: SERVICE_ACCOUNT_CONTROLLER,
  reconcile: (view, ns) => syncServiceAccounts(view, ns),
  watches: { Namespace: watchNamespace, ServiceAccount: watchNamed(DEFAULT_SERVICE_ACCOUNT) },
};

export const rootCaPublisher: Controller = {
  name: ROOT_CA_PUBLISHER,
  reconcile: (view, ns) => syncRootCa(view, ns),
  watches: { Namespace: watchNamespace, ConfigMap: watchNamed(ROOT_CA_CONFIGMAP) },
};

export const controllers: readonly Controller[] = [serviceAccountController, rootCaPublisher];
