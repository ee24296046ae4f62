import type { KubeObject } from '../api/types';
import type { StoreView } from '../store/store';
import type { PolicyRule } from './policy-rule';
import { splitServiceAccountUsername, type UserInfo } from './user-info';

// pkg/registry/rbac/validation/rule.go DefaultRuleResolver.VisitRulesFor: the rules of every
// ClusterRoleBinding that applies to the user, then of every RoleBinding in the request's namespace
// that does, each binding's roleRef resolved (GetRoleReferenceRules). Instead of testing appliesTo on
// every binding per request, the bindings of a store snapshot are indexed by subject once (built on
// first use, kept while that snapshot lives), so a request looks up only its user's name, groups
// and service account.

interface Subject { readonly kind?: string; readonly name?: string; readonly namespace?: string }
interface RoleRef { readonly kind?: string; readonly name?: string }
export interface Binding extends KubeObject { readonly roleRef?: RoleRef; readonly subjects?: readonly Subject[] }
interface Role extends KubeObject { readonly rules?: readonly PolicyRule[] | null }

/** Where a rule came from (clusterRoleBindingDescriber / roleBindingDescriber). */
export interface RuleSource {
  readonly binding: Binding;
  readonly subject: Subject;
}

/** visitor(source, rule, err): returns false to stop the walk. */
export type RuleVisitor = (source: RuleSource | undefined, rule: PolicyRule | undefined, err: string | undefined) => boolean;

/** Bindings by subject key (`User:jane`, `Group:g`, `ServiceAccount:ns:name`), each with the binding's position and the subject's index. */
type SubjectIndex = Map<string, { readonly pos: number; readonly binding: Binding; readonly subject: number }[]>;

interface SnapshotIndex {
  clusterBindings?: SubjectIndex;
  readonly roleBindings: Map<string, SubjectIndex>;
}

const indexes = new WeakMap<StoreView, SnapshotIndex>();

/**
 * appliesToUser's keys for one subject: a ServiceAccount subject without namespace takes the
 * binding's (RoleBinding) namespace, and applies to nothing at cluster scope.
 */
function subjectKey(s: Subject, bindingNamespace: string): string | undefined {
  switch (s.kind) {
    case 'User': return `User:${s.name ?? ''}`;
    case 'Group': return `Group:${s.name ?? ''}`;
    case 'ServiceAccount': {
      const ns = s.namespace !== undefined && s.namespace !== '' ? s.namespace : bindingNamespace;
      return ns === '' ? undefined : `ServiceAccount:${ns}:${s.name ?? ''}`;
    }
    default: return undefined;
  }
}

function buildIndex(bindings: readonly Binding[], namespace: string): SubjectIndex {
  const index: SubjectIndex = new Map();
  bindings.forEach((binding, pos) => {
    (binding.subjects ?? []).forEach((s, i) => {
      const key = subjectKey(s, namespace);
      if (key === undefined) return;
      let list = index.get(key);
      if (list === undefined) index.set(key, (list = []));
      // appliesTo returns the first subject that applies: one entry per binding and key.
      if (list.length === 0 || list[list.length - 1].binding !== binding) list.push({ pos, binding, subject: i });
    });
  });
  return index;
}

function snapshotIndex(view: StoreView): SnapshotIndex {
  let idx = indexes.get(view);
  if (idx === undefined) indexes.set(view, (idx = { roleBindings: new Map() }));
  return idx;
}

function clusterBindingIndex(view: StoreView): SubjectIndex {
  const idx = snapshotIndex(view);
  return (idx.clusterBindings ??= buildIndex(view.list<Binding>('ClusterRoleBinding', ''), ''));
}

function roleBindingIndex(view: StoreView, namespace: string): SubjectIndex {
  const idx = snapshotIndex(view);
  let ns = idx.roleBindings.get(namespace);
  if (ns === undefined) idx.roleBindings.set(namespace, (ns = buildIndex(view.list<Binding>('RoleBinding', namespace), namespace)));
  return ns;
}

/** The keys under which bindings that apply to this user are indexed. */
function userKeys(user: UserInfo): string[] {
  const keys = [`User:${user.name}`, ...user.groups.map((g) => `Group:${g}`)];
  const sa = splitServiceAccountUsername(user.name);
  if (sa !== undefined) keys.push(`ServiceAccount:${sa.namespace}:${sa.name}`);
  return keys;
}

/** The bindings of an index that apply to the user, in the lister's order, each with the subject that matched first. */
function bindingsFor(index: SubjectIndex, user: UserInfo): RuleSource[] {
  const found = new Map<number, { binding: Binding; subject: number }>();
  for (const key of userKeys(user)) {
    for (const e of index.get(key) ?? []) {
      const had = found.get(e.pos);
      if (had === undefined || e.subject < had.subject) found.set(e.pos, e);
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => ({ binding: e.binding, subject: e.binding.subjects![e.subject] }));
}

/** GetRoleReferenceRules: the referenced Role (in the binding's namespace) or ClusterRole's rules, or the NotFound error's text. */
export function roleReferenceRules(view: StoreView, ref: RoleRef | undefined, bindingNamespace: string): { rules: readonly PolicyRule[] } | { error: string } {
  const name = ref?.name ?? '';
  switch (ref?.kind) {
    case 'Role': {
      const role = view.get<Role>('Role', bindingNamespace, name);
      return role === undefined ? { error: `role.rbac.authorization.k8s.io "${name}" not found` } : { rules: role.rules ?? [] };
    }
    case 'ClusterRole': {
      const role = view.get<Role>('ClusterRole', '', name);
      return role === undefined ? { error: `clusterrole.rbac.authorization.k8s.io "${name}" not found` } : { rules: role.rules ?? [] };
    }
    default: return { error: `unsupported role reference kind: "${ref?.kind ?? ''}"` };
  }
}

/** VisitRulesFor: ClusterRoleBindings first, then (namespace not '') the namespace's RoleBindings. */
export function visitRulesFor(view: StoreView, user: UserInfo, namespace: string, visitor: RuleVisitor): void {
  const walk = (sources: readonly RuleSource[], bindingNamespace: string): boolean => {
    for (const source of sources) {
      const resolved = roleReferenceRules(view, source.binding.roleRef, bindingNamespace);
      if ('error' in resolved) {
        if (!visitor(undefined, undefined, resolved.error)) return false;
        continue;
      }
      for (const rule of resolved.rules) if (!visitor(source, rule, undefined)) return false;
    }
    return true;
  };
  if (!walk(bindingsFor(clusterBindingIndex(view), user), '')) return;
  if (namespace !== '') walk(bindingsFor(roleBindingIndex(view, namespace), user), namespace);
}
