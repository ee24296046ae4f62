// kubectl's printers use rbac.SubjectsStrings (pkg/apis/rbac/helpers.go) to split a binding's
// subjects into the USERS, GROUPS and SERVICEACCOUNTS columns of the wide binding tables.

export interface Subject { readonly kind: string; readonly name: string; readonly namespace?: string }

/** rbac.SubjectsStrings: users, groups and service accounts (namespace/name when namespaced). */
export function subjectsStrings(subjects: readonly Subject[] | undefined): [string[], string[], string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(s.namespace ? `${s.namespace}/${s.name}` : s.name);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users, groups, sas];
}
