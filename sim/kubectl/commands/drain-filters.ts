import type { Pod } from '../../api/types';

// staging/src/k8s.io/kubectl/pkg/drain/filters.go: which Pods on a node drain deletes, which it
// skips with a warning, and which stop it with an error. The filters run in order and stop at
// the first that keeps the Pod; the last status is the Pod's.

const DAEMON_SET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMON_SET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export interface DrainOptions {
  readonly force: boolean;
  readonly ignoreAllDaemonSets: boolean;
  readonly deleteEmptyDirData: boolean;
}

/** PodDeleteStatus: delete it or not, and why (Okay, Skip, Warning, Error). */
export interface PodDeleteStatus {
  readonly delete: boolean;
  readonly reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  readonly message?: string;
}

const OKAY: PodDeleteStatus = { delete: true, reason: 'Okay' };
const SKIP: PodDeleteStatus = { delete: false, reason: 'Skip' };
const warning = (del: boolean, message: string): PodDeleteStatus => ({ delete: del, reason: 'Warning', message });
const fatal = (message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message });

type PodFilter = (pod: Pod) => PodDeleteStatus;

const finished = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata.ownerReferences?.find((r) => r.controller === true);

/**
 * makeFilters: skipDeletedFilter (only with --skip-wait-for-delete-timeout, not simulated),
 * daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter. `daemonSetExists`
 * answers the filter's GET of the controlling DaemonSet.
 */
export function makeFilters(o: DrainOptions, daemonSetExists: (namespace: string, name: string) => boolean): PodFilter[] {
  const daemonSetFilter: PodFilter = (pod) => {
    const ref = controllerOf(pod);
    if (ref === undefined || ref.kind !== 'DaemonSet') return OKAY;
    if (finished(pod)) return OKAY;
    if (!daemonSetExists(pod.metadata.namespace ?? '', ref.name)) {
      const err = `daemonsets.apps "${ref.name}" not found`;
      return o.force ? warning(true, err) : fatal(err);
    }
    return o.ignoreAllDaemonSets ? warning(false, DAEMON_SET_WARNING) : fatal(DAEMON_SET_FATAL);
  };
  const mirrorPodFilter: PodFilter = (pod) => (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? SKIP : OKAY);
  const localStorageFilter: PodFilter = (pod) => {
    if (!(pod.spec.volumes ?? []).some((v) => (v as { emptyDir?: unknown }).emptyDir !== undefined)) return OKAY;
    if (finished(pod)) return OKAY;
    return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : fatal(LOCAL_STORAGE_FATAL);
  };
  const unreplicatedFilter: PodFilter = (pod) => {
    if (finished(pod)) return OKAY;
    if (controllerOf(pod) !== undefined) return OKAY;
    return o.force ? warning(true, UNMANAGED_WARNING) : fatal(UNMANAGED_FATAL);
  };
  return [daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter];
}

export interface PodDelete {
  readonly pod: Pod;
  readonly status: PodDeleteStatus;
}

/** filterPods: every Pod with the status of the filter that stopped it (or the last one). */
export function filterPods(pods: readonly Pod[], filters: readonly PodFilter[]): PodDelete[] {
  return pods.map((pod) => {
    let status = OKAY;
    for (const f of filters) {
      status = f(pod);
      if (!status.delete) break;
    }
    return { pod, status };
  });
}

const nsName = (p: Pod): string => `${p.metadata.namespace ?? ''}/${p.metadata.name}`;

/** Messages with their Pods, in the order the messages first occur (Go ranges over a map: any order). */
function grouped(list: readonly PodDelete[], reason: PodDeleteStatus['reason']): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const { pod, status } of list) {
    if (status.reason !== reason) continue;
    const msg = status.message || 'unexpected error';
    by.set(msg, [...(by.get(msg) ?? []), nsName(pod)]);
  }
  return [...by];
}

/** PodDeleteList.Pods: the ones to evict. */
export const podsToDelete = (list: readonly PodDelete[]): Pod[] => list.filter((i) => i.status.delete).map((i) => i.pod);

/** PodDeleteList.Warnings: `msg: ns/a, ns/b` joined by "; ". */
export function deleteWarnings(list: readonly PodDelete[]): string {
  return grouped(list, 'Warning').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
}

/** PodDeleteList.errors: `cannot delete <msg>: ns/a, ns/b` (no second "cannot delete" when the message has it). */
export function deleteErrors(list: readonly PodDelete[]): string[] {
  return grouped(list, 'Error').map(([msg, pods]) => `${msg.toLowerCase().startsWith('cannot delete') ? '' : 'cannot delete '}${msg}: ${pods.join(', ')}`);
}
