// The PolicyRule builders of the bootstrap RBAC data (pkg/apis/rbac/v1 helpers NewRule(...).Groups(...)
// .Resources(...).Names(...) / .URLs(...)), written compactly: comma-separated lists, '' is the core
// group. Fields in Go struct order (verbs, apiGroups, resources, resourceNames, nonResourceURLs), as
// `-o json` prints them.

import type { PolicyRule } from '../../../auth/policy-rule';

export type { PolicyRule };

const list = (s: string): string[] => s.split(',');

/** A resource rule: `rule('get,list', ',events.k8s.io', 'events')` (the groups list may hold ''). */
export function rule(verbs: string, groups: string, resources: string, names?: string): PolicyRule {
  return { verbs: list(verbs), apiGroups: list(groups), resources: list(resources), ...(names !== undefined ? { resourceNames: list(names) } : {}) };
}

/** A non-resource rule: `urls('get', '/healthz,/livez')`. */
export function urls(verbs: string, paths: string): PolicyRule {
  return { verbs: list(verbs), nonResourceURLs: list(paths) };
}

export const READ = 'get,list,watch';
/** The eventsRule() every controller role ends with: create/update/patch events in '' and events.k8s.io. */
export const EVENTS = rule('create,patch,update', ',events.k8s.io', 'events');

export const BOOTSTRAP_LABELS: Readonly<Record<string, string>> = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
export const AUTOUPDATE: Readonly<Record<string, string>> = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
