import type { KubeObject } from '../../../api/types';
import { AUTOUPDATE, BOOTSTRAP_LABELS, type PolicyRule } from './rule';
import { CLUSTER_ROLES } from './cluster-roles';
import { CONTROLLER_ROLES } from './controller-roles';
import { NAMESPACE_ROLE_BINDINGS, NAMESPACE_ROLES, type RoleBindingData, type RoleData, type Subject } from './namespace-roles';
import { CLUSTER_ROLE_BINDINGS } from './cluster-role-bindings';
import { aggregateRules } from './aggregate';
import { KUBEADM_CLUSTER_ROLE_BINDINGS, KUBEADM_CLUSTER_ROLES, KUBEADM_ROLE_BINDINGS, KUBEADM_ROLES } from './kubeadm-rbac';

// The RBAC data of this folder as API objects, built once per process and shared by every cluster
// (they are never mutated: the store keeps them and writes replace them).

const API_VERSION = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

interface Meta { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> }
const BOOTSTRAP_META: Meta = { labels: BOOTSTRAP_LABELS, annotations: AUTOUPDATE };

function subject(s: Subject): Record<string, string> {
  return s.kind === 'ServiceAccount' ? { kind: s.kind, name: s.name, namespace: s.namespace ?? '' } : { kind: s.kind, apiGroup: RBAC_GROUP, name: s.name };
}

function metadata(name: string, namespace: string | undefined, meta: Meta): Record<string, unknown> {
  return { name, ...(namespace !== undefined ? { namespace } : {}), ...(meta.labels ? { labels: meta.labels } : {}), ...(meta.annotations ? { annotations: meta.annotations } : {}) };
}

function clusterRole(name: string, rules: readonly PolicyRule[], meta: Meta, aggregateFrom?: string): KubeObject {
  return {
    apiVersion: API_VERSION, kind: 'ClusterRole', metadata: metadata(name, undefined, meta), rules,
    ...(aggregateFrom !== undefined ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggregateFrom]: 'true' } }] } } : {}),
  } as unknown as KubeObject;
}

function role(r: RoleData, meta: Meta): KubeObject {
  return { apiVersion: API_VERSION, kind: 'Role', metadata: metadata(r.name, r.namespace, meta), rules: r.rules } as unknown as KubeObject;
}

function binding(b: RoleBindingData, meta: Meta): KubeObject {
  return {
    apiVersion: API_VERSION, kind: b.namespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding', metadata: metadata(b.name, b.namespace, meta),
    roleRef: { apiGroup: RBAC_GROUP, kind: b.roleKind, name: b.role },
    ...(b.subjects.length > 0 ? { subjects: b.subjects.map(subject) } : {}),
  } as unknown as KubeObject;
}

const CONTROLLER_PREFIX = 'system:controller:';

function build(): { apiServer: readonly KubeObject[]; kubeadm: readonly KubeObject[] } {
  const aggregated = aggregateRules(CLUSTER_ROLES);
  const apiServer: KubeObject[] = [
    ...CLUSTER_ROLES.map((r) => clusterRole(r.name, aggregated.get(r.name)!, { labels: { ...BOOTSTRAP_LABELS, ...r.labels }, annotations: AUTOUPDATE }, r.aggregateFrom)),
    ...CLUSTER_ROLE_BINDINGS.map((b) => binding(b, BOOTSTRAP_META)),
    // controller_policy.go: each controller's role, and its binding to the ServiceAccount kube-system/<name>.
    ...CONTROLLER_ROLES.map((r) => clusterRole(CONTROLLER_PREFIX + r.name, r.rules, BOOTSTRAP_META)),
    ...CONTROLLER_ROLES.map((r) => binding({ name: CONTROLLER_PREFIX + r.name, roleKind: 'ClusterRole', role: CONTROLLER_PREFIX + r.name, subjects: [{ kind: 'ServiceAccount', name: r.name, namespace: 'kube-system' }] }, BOOTSTRAP_META)),
    ...NAMESPACE_ROLES.map((r) => role(r, BOOTSTRAP_META)),
    ...NAMESPACE_ROLE_BINDINGS.map((b) => binding(b, BOOTSTRAP_META)),
  ];
  const kubeadm: KubeObject[] = [
    ...KUBEADM_CLUSTER_ROLES.map((r) => clusterRole(r.name, r.rules, {})),
    ...KUBEADM_CLUSTER_ROLE_BINDINGS.map((b) => binding(b, {})),
    ...KUBEADM_ROLES.map((r) => role(r, {})),
    ...KUBEADM_ROLE_BINDINGS.map((b) => binding(b, {})),
  ];
  return { apiServer, kubeadm };
}

let built: ReturnType<typeof build> | undefined;

/** What the API server's RBAC bootstrap (PostStartHook rbac/bootstrap-roles) creates at its first start. */
export function apiServerRbacObjects(): readonly KubeObject[] {
  return (built ??= build()).apiServer;
}

/** What `kubeadm init` creates (its bootstrap-token, upload-config and addon phases). */
export function kubeadmRbacObjects(): readonly KubeObject[] {
  return (built ??= build()).kubeadm;
}
