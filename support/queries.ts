import type { ClusterView } from '../sim/index';
import type { KubeObject, Node, Pod } from '../sim/api/types';
import { kindInfo, resolveResource } from '../sim/api/kinds';
import '../sim/api/kinds/index';

// Read-only questions steps ask of a cluster snapshot, answered through the store's indexes
// (get, dependents, podsOnNode, select) the way kubectl and the controllers read it.

/** An object as a step names it: `web` (namespace default) or `kube-system/coredns`. */
export interface ObjectName {
  readonly namespace?: string;
  readonly name: string;
}

export function showName(kind: string, ref: ObjectName, namespaced = isNamespaced(kind)): string {
  return `${kind.toLowerCase()} ${namespaced ? `${ref.namespace ?? 'default'}/` : ''}${ref.name}`;
}

/** A kind word of the step vocabulary (deployment, pods, rs, daemonset...) -> the API kind. */
export function kindOf(word: string): string {
  const info = resolveResource(word);
  if (info !== undefined) return info.kind;
  const known: Record<string, string> = { job: 'Job', jobs: 'Job', cronjob: 'CronJob', cronjobs: 'CronJob' };
  const kind = known[word.toLowerCase()];
  if (kind === undefined) throw new Error(`"${word}" is not a kind kubespec knows (try deployment, replicaset, daemonset, statefulset, pod, node, service, namespace)`);
  return kind;
}

export function isNamespaced(kind: string): boolean {
  return kindInfo(kind)?.namespaced ?? true;
}

export function find(view: ClusterView, kind: string, ref: ObjectName): KubeObject | undefined {
  return view.get(kind, isNamespaced(kind) ? ref.namespace ?? 'default' : '', ref.name);
}

/** The object, or an error that says what exists instead. */
export function mustFind(view: ClusterView, kind: string, ref: ObjectName): KubeObject {
  const obj = find(view, kind, ref);
  if (obj !== undefined) return obj;
  const ns = isNamespaced(kind) ? ref.namespace ?? 'default' : undefined;
  const others = view.list(kind, ns).map((o) => o.metadata.name).slice(0, 10);
  throw new Error(`${showName(kind, ref, isNamespaced(kind))} does not exist; ${kind.toLowerCase()}s${ns ? ` in ${ns}` : ''}: ${others.length ? others.join(', ') : 'none'}`);
}

/** Objects of `kind` controlled by `owner`; for Pods of a Deployment, through its ReplicaSets. */
export function ownedBy(view: ClusterView, owner: KubeObject, kind: string): KubeObject[] {
  const direct = view.dependents(owner.metadata.uid).filter((o) => o.kind === kind && isControlledBy(o, owner.metadata.uid));
  if (direct.length > 0 || kind !== 'Pod' || owner.kind !== 'Deployment') return sortByName(direct);
  const pods: KubeObject[] = [];
  for (const rs of view.dependents(owner.metadata.uid)) {
    if (rs.kind === 'ReplicaSet' && isControlledBy(rs, owner.metadata.uid)) pods.push(...ownedBy(view, rs, 'Pod'));
  }
  return sortByName(pods);
}

export function podsOf(view: ClusterView, kind: string, ref: ObjectName): Pod[] {
  return ownedBy(view, mustFind(view, kind, ref), 'Pod') as Pod[];
}

function isControlledBy(obj: KubeObject, uid: string): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.controller === true);
}

function sortByName<T extends KubeObject>(objs: T[]): T[] {
  return [...objs].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

export const isTerminating = (o: KubeObject): boolean => o.metadata.deletionTimestamp !== undefined;

/** Running as kubectl shows it: phase Running and not being deleted. */
export const isRunning = (p: Pod): boolean => p.status?.phase === 'Running' && !isTerminating(p);

export const isReady = (p: Pod): boolean => p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';

/** The STATUS column of `kubectl get pods` (approximately: phase, waiting reason, Terminating). */
export function podStatus(p: Pod): string {
  if (isTerminating(p)) return 'Terminating';
  for (const c of p.status?.containerStatuses ?? []) {
    if (c.state.waiting?.reason && c.state.waiting.reason !== 'ContainerCreating') return c.state.waiting.reason;
    if (c.state.terminated?.reason && p.status.phase === 'Running') return c.state.terminated.reason;
  }
  return p.status?.reason ?? p.status?.phase ?? 'Pending';
}

/** One line per pod for failure messages: `web-7d9f-abcde Running/Ready on k8s-node1`. */
export function describePods(pods: readonly Pod[]): string {
  if (pods.length === 0) return 'no pods';
  return pods.map((p) => `${p.metadata.name} ${podStatus(p)}${isReady(p) ? '/Ready' : ''} ${p.spec.nodeName ? `on ${p.spec.nodeName}` : '(unscheduled)'}`).join('; ');
}

/** The Ready column of `kubectl get nodes`: Ready, NotReady (Ready False or Unknown), plus SchedulingDisabled. */
export function nodeStatus(n: Node): string {
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return `${ready === 'True' ? 'Ready' : 'NotReady'}${n.spec?.unschedulable ? ',SchedulingDisabled' : ''}`;
}

export function nodeReadyCondition(n: Node): string {
  return n.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'absent';
}

/** The node's InternalIP. */
export function nodeIP(n: Node): string | undefined {
  return n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** `k8s-node1, k8s-node2` or `k8s-node1 and k8s-node2` -> the names. */
export function nameList(text: string): string[] {
  return text.split(/\s*,\s*|\s+and\s+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** `a, b, c` for messages; `none` for an empty list. */
export function listOf(items: Iterable<string>): string {
  const all = [...items];
  return all.length ? all.join(', ') : 'none';
}

/** Objects of `kind` whose labels include `labels`, in a namespace (or cluster-wide kinds). */
export function labelled(view: ClusterView, kind: string, labels: Readonly<Record<string, string>>, namespace = 'default'): KubeObject[] {
  return [...view.select(kind, isNamespaced(kind) ? namespace : '', { matchLabels: labels })];
}
