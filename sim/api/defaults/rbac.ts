import type { KubeObject } from '../types';
import { isObj, mapList, objOr, omitEmpty, unset, type Json } from './util';

// pkg/apis/rbac/v1/defaults.go SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding /
// SetDefaults_Subject, then the Go round trip: RoleRef.apiGroup has no omitempty (it is always
// written), Subject.apiGroup and Subject.namespace are omitempty strings.

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * A RoleBinding or ClusterRoleBinding as stored: roleRef.apiGroup defaults to the RBAC group; a
 * User or Group subject without apiGroup gets it too; a ServiceAccount subject's "" is not stored.
 *
 * | given                                   | stored                                   |
 * |-----------------------------------------|------------------------------------------|
 * | roleRef {kind: ClusterRole, apiGroup: ""} | roleRef {..., apiGroup: rbac.authorization.k8s.io} |
 * | subject {kind: ServiceAccount, apiGroup: ""} | subject {kind: ServiceAccount}        |
 * | subject {kind: User, name: jane}        | subject {..., apiGroup: rbac.authorization.k8s.io} |
 */
export function defaultRoleBinding(obj: KubeObject): KubeObject {
  const o = obj as unknown as Json;
  const out: Json = { ...o };
  if (isObj(o.roleRef) && unset(o.roleRef.apiGroup)) out.roleRef = { ...objOr(o.roleRef), apiGroup: RBAC_GROUP };
  if (Array.isArray(o.subjects)) out.subjects = mapList(o.subjects, defaultSubject);
  return out as unknown as KubeObject;
}

function defaultSubject(s: Json): Json {
  if (unset(s.apiGroup) && (s.kind === 'User' || s.kind === 'Group')) return { ...s, apiGroup: RBAC_GROUP };
  return omitEmpty(s, ['apiGroup', 'namespace']);
}
