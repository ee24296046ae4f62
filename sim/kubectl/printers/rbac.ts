import type { KubeObject } from '../../api/types';
import { age, type TableDef } from './columns';
import { subjectsStrings, type Subject } from './rbac-subjects';

// `kubectl get` of the RBAC kinds (pkg/printers/internalversion/printers.go printRole /
// printClusterRole: NAME and CREATED AT, the creation time in RFC 3339 UTC, not an age;
// printRoleBinding / printClusterRoleBinding: ROLE as <kind>/<name>, and with -o wide the subjects
// as rbac.SubjectsStrings splits them: USERS, GROUPS, SERVICEACCOUNTS (namespace/name), ", "-joined).

interface Binding extends KubeObject { readonly roleRef: { readonly kind: string; readonly name: string }; readonly subjects?: readonly Subject[] }

/** metav1.Time.UTC().Format(time.RFC3339). */
function createdAt(timestamp: string | undefined): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? '<unknown>' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const role: TableDef = {
  columns: ['NAME', 'CREATED AT'],
  wideColumns: [],
  row: (obj) => [obj.metadata.name, createdAt(obj.metadata.creationTimestamp)],
};

const binding: TableDef = {
  columns: ['NAME', 'ROLE', 'AGE'],
  wideColumns: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row: (obj, opts) => {
    const b = obj as Binding;
    const cells = [b.metadata.name, `${b.roleRef.kind}/${b.roleRef.name}`, age(b.metadata.creationTimestamp, opts.nowMs)];
    if (!opts.wide) return cells;
    return [...cells, ...subjectsStrings(b.subjects).map((l) => l.join(', '))];
  },
};

export const RBAC_TABLES: Readonly<Record<string, TableDef>> = { Role: role, ClusterRole: role, RoleBinding: binding, ClusterRoleBinding: binding };
