import { kindInfo, registerKind, type KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { validateObjectMeta } from '../api/validation/meta';
import { nameIsDNSSubdomain } from '../api/validation/names';
import { defaultRoleBinding } from '../api/defaults/rbac';

// The kinds the add-on manifests (metrics-server's components.yaml, the fluentd-elasticsearch
// add-on) create besides workloads, so that they apply unchanged: APIService
// (apiregistration.k8s.io/v1), ServiceAccount, and the RBAC kinds. They are stored and listed;
// RBAC is not enforced (every request is allowed, as for cluster-admin). A kind sim/api already
// registers is left alone.

const identity = (o: KubeObject): KubeObject => o;

function simpleKind(k: string, group: string, version: string, plural: string, shortNames: string[], namespaced: boolean,
  defaults: (o: KubeObject) => KubeObject = identity): KindInfo {
  return {
    kind: k, group, apiVersions: [group === '' ? version : `${group}/${version}`], plural, singular: k.toLowerCase(), shortNames, namespaced,
    defaults,
    // RBAC names may hold ':' (system:metrics-server), so only emptiness and length are checked for them.
    validate: (o, old) => (old === undefined ? validateObjectMeta(o, namespaced, group === 'rbac.authorization.k8s.io' ? rbacName : nameIsDNSSubdomain) : []),
  };
}

/** rbac's ValidateRBACName (path.IsValidPathSegmentName): not "." or "..", no "/" or "%". */
function rbacName(name: string, prefix: boolean): string[] {
  const errs: string[] = [];
  if (!prefix && (name === '.' || name === '..')) errs.push(`may not be '${name}'`);
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

export const ADDON_KINDS: readonly KindInfo[] = [
  simpleKind('APIService', 'apiregistration.k8s.io', 'v1', 'apiservices', [], false),
  simpleKind('ServiceAccount', '', 'v1', 'serviceaccounts', ['sa'], true),
  simpleKind('ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', [], false),
  simpleKind('ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', [], false, defaultRoleBinding),
  simpleKind('Role', 'rbac.authorization.k8s.io', 'v1', 'roles', [], true),
  simpleKind('RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', [], true, defaultRoleBinding),
];

for (const info of ADDON_KINDS) if (kindInfo(info.kind) === undefined) registerKind(info);
