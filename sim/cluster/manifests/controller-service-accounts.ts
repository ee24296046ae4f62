import type { KubeObject } from '../../api/types';

// The ServiceAccounts the kube-controller-manager creates in kube-system when it starts its
// controllers: kubeadm runs it with --use-service-account-credentials=true, so each controller's
// client (ControllerContext.ClientBuilder.ClientOrDie(name), SAControllerClientBuilder) gets its own
// ServiceAccount, created on first use. These are the clients of the controllers a v1.34
// kubeadm cluster runs (kubeadm adds bootstrapsigner and tokencleaner to the defaults; the cloud
// controllers, selinux-warning-controller and the alpha ones do not run). nodeipam, nodelifecycle
// and taint-eviction-controller share node-controller; the three CSR controllers share
// certificate-controller; the ServiceAccount-token controller uses the controller-manager's own
// credentials.

export const CONTROLLER_SERVICE_ACCOUNTS: readonly string[] = [
  'attachdetach-controller', 'bootstrap-signer', 'certificate-controller', 'clusterrole-aggregation-controller',
  'cronjob-controller', 'daemon-set-controller', 'deployment-controller', 'disruption-controller', 'endpoint-controller',
  'endpointslice-controller', 'endpointslicemirroring-controller', 'ephemeral-volume-controller', 'expand-controller',
  'generic-garbage-collector', 'horizontal-pod-autoscaler', 'job-controller', 'legacy-service-account-token-cleaner',
  'namespace-controller', 'node-controller', 'persistent-volume-binder', 'pod-garbage-collector', 'pv-protection-controller',
  'pvc-protection-controller', 'replicaset-controller', 'replication-controller', 'resource-claim-controller',
  'resourcequota-controller', 'root-ca-cert-publisher', 'service-account-controller', 'service-cidrs-controller',
  'statefulset-controller', 'token-cleaner', 'ttl-after-finished-controller', 'ttl-controller',
  'validatingadmissionpolicy-status-controller', 'volumeattributesclass-protection-controller',
];

let objects: readonly KubeObject[] | undefined;

export function controllerServiceAccountObjects(): readonly KubeObject[] {
  return (objects ??= CONTROLLER_SERVICE_ACCOUNTS.map((name) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } }) as unknown as KubeObject));
}
