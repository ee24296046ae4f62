import type { ClusterView } from '../sim/index';
import type { EventRecord } from '../sim/engine/types';
import type { Node, Pod } from '../sim/api/types';
import { readPath, showValue, valueEquals } from './object-path';
import {
  describePods, find, isNamespaced, isRunning, isTerminating, labelled, listOf, nodeIP, nodeReadyCondition, nodeStatus,
  ownedBy, podsOf, podStatus, showName, type ObjectName,
} from './queries';
import type { Check, Probe } from './world';

// Assertions as data: each function builds a Probe (view -> {ok, actual}) that a step hands to
// SimWorld.expect (now) or SimWorld.advanceUntil (within a duration). `actual` says what was there.

const pass = (actual = ''): Check => ({ ok: true, actual });
const fail = (actual: string): Check => ({ ok: false, actual });

function missing(kind: string, ref: ObjectName): Check {
  return fail(`${showName(kind, ref, isNamespaced(kind))} does not exist`);
}

/** status.<field>Replicas of a Deployment/ReplicaSet/StatefulSet (absent counts as 0). */
export function replicaCount(kind: string, ref: ObjectName, field: 'ready' | 'available' | 'updated', want: number): Probe {
  return (view) => {
    const obj = find(view, kind, ref);
    if (obj === undefined) return missing(kind, ref);
    const have = Number((obj.status as Record<string, unknown> | undefined)?.[`${field}Replicas`] ?? 0);
    const pods = podsOf(view, kind, ref);
    return have === want ? pass() : fail(`it has ${have} (pods: ${describePods(pods)})`);
  };
}

export function runningPods(kind: string, ref: ObjectName, want: number): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const pods = podsOf(view, kind, ref);
    const n = pods.filter(isRunning).length;
    return n === want ? pass() : fail(`${n} are running (pods: ${describePods(pods)})`);
  };
}

function runningNodes(view: ClusterView, kind: string, ref: ObjectName): { nodes: Set<string>; pods: Pod[] } {
  const pods = podsOf(view, kind, ref).filter(isRunning);
  return { nodes: new Set(pods.map((p) => p.spec.nodeName ?? '(unscheduled)')), pods };
}

/** The running pods are on exactly these nodes (each listed node has at least one). */
export function runsOnNodes(kind: string, ref: ObjectName, nodes: readonly string[]): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const { nodes: have, pods } = runningNodes(view, kind, ref);
    const same = have.size === new Set(nodes).size && nodes.every((n) => have.has(n));
    return same ? pass() : fail(`its running pods are on ${listOf([...have].sort())} (pods: ${describePods(podsOf(view, kind, ref))})${pods.length === 0 ? '' : ''}`);
  };
}

export function spreadOver(kind: string, ref: ObjectName, count: number): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const { nodes } = runningNodes(view, kind, ref);
    return nodes.size === count ? pass() : fail(`its running pods are on ${nodes.size} node(s): ${listOf([...nodes].sort())}`);
  };
}

/** Each listed node runs exactly `n` running pods of the workload. */
export function podsPerNode(kind: string, ref: ObjectName, nodes: readonly string[], n: number): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const count = new Map<string, number>();
    for (const p of podsOf(view, kind, ref).filter(isRunning)) count.set(p.spec.nodeName ?? '(unscheduled)', (count.get(p.spec.nodeName ?? '(unscheduled)') ?? 0) + 1);
    return nodes.every((node) => (count.get(node) ?? 0) === n) ? pass() : fail(`it runs ${listOf([...count].sort().map(([node, c]) => `${c} on ${node}`))}`);
  };
}

/** No pod (in any state) of the workload is bound to the node. */
export function noneOnNode(kind: string, ref: ObjectName, node: string): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const there = podsOf(view, kind, ref).filter((p) => p.spec.nodeName === node);
    return there.length === 0 ? pass() : fail(`${there.map((p) => p.metadata.name).join(', ')} ${there.length === 1 ? 'is' : 'are'} on ${node}`);
  };
}

/** Each non-terminating pod is on its own node. */
export function onePerNode(kind: string, ref: ObjectName): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const pods = podsOf(view, kind, ref).filter((p) => !isTerminating(p));
    const byNode = new Map<string, string[]>();
    for (const p of pods) byNode.set(p.spec.nodeName ?? '(unscheduled)', [...(byNode.get(p.spec.nodeName ?? '(unscheduled)') ?? []), p.metadata.name]);
    const shared = [...byNode].filter(([, names]) => names.length > 1);
    return shared.length === 0 ? pass() : fail(shared.map(([n, names]) => `${names.join(' and ')} share ${n}`).join('; '));
  };
}

/** Exactly one non-terminating pod on each listed node and none elsewhere. */
export function onePodOnEach(kind: string, ref: ObjectName, nodes: readonly string[]): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const pods = podsOf(view, kind, ref).filter((p) => !isTerminating(p));
    const count = new Map<string, number>();
    for (const p of pods) count.set(p.spec.nodeName ?? '(unscheduled)', (count.get(p.spec.nodeName ?? '(unscheduled)') ?? 0) + 1);
    const ok = nodes.every((n) => count.get(n) === 1) && [...count.keys()].every((n) => nodes.includes(n));
    const have = [...count].sort().map(([n, c]) => `${c} on ${n}`);
    return ok ? pass() : fail(`it has ${listOf(have)}`);
  };
}

export function podPhase(ref: ObjectName, phase: string): Probe {
  return (view) => {
    const pod = find(view, 'Pod', ref) as Pod | undefined;
    if (pod === undefined) return missing('Pod', ref);
    const status = podStatus(pod);
    return status === phase || (pod.status?.phase === phase && !isTerminating(pod)) ? pass() : fail(`it is ${status}`);
  };
}

/** Every non-terminating pod of the workload shows `status` (Running, Pending...). */
export function allPodsAre(kind: string, ref: ObjectName, status: string): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const pods = podsOf(view, kind, ref).filter((p) => !isTerminating(p));
    const ok = pods.length > 0 && pods.every((p) => podStatus(p) === status || p.status?.phase === status);
    return ok ? pass() : fail(`pods: ${describePods(pods)}`);
  };
}

export function nodeIs(name: string, status: string): Probe {
  return (view) => {
    const node = view.get<Node>('Node', '', name);
    if (node === undefined) return fail(`node ${name} does not exist`);
    const s = nodeStatus(node);
    const cond = nodeReadyCondition(node);
    return s === status || s.split(',')[0] === status ? pass() : fail(`it is ${s} (Ready condition ${cond})`);
  };
}

export function nodeHasTaint(name: string, taint: string, present = true): Probe {
  return (view) => {
    const node = view.get<Node>('Node', '', name);
    if (node === undefined) return fail(`node ${name} does not exist`);
    const taints = (node.spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
    const has = taints.includes(taint) || taints.some((t) => t.replace(/=[^:]*:/, ':') === taint);
    return has === present ? pass() : fail(`its taints are ${listOf(taints)}`);
  };
}

export function exists(kind: string, ref: ObjectName, want: boolean): Probe {
  return (view) => {
    const obj = find(view, kind, ref);
    if (want) return obj !== undefined ? pass() : missing(kind, ref);
    return obj === undefined ? pass() : fail(`it still exists${isTerminating(obj) ? ' (terminating)' : ''}`);
  };
}

/** How many objects of a kind carry the labels (terminating ones included). */
export function labelledCount(kind: string, labels: Readonly<Record<string, string>>, want: number, namespace?: string): Probe {
  return (view) => {
    const objs = labelled(view, kind, labels, namespace);
    return objs.length === want ? pass() : fail(`there ${objs.length === 1 ? 'is' : 'are'} ${objs.length}: ${listOf(objs.map((o) => `${o.metadata.name}${isTerminating(o) ? ' (terminating)' : ''}`))}`);
  };
}

export function fieldEquals(kind: string, ref: ObjectName, path: string, expected: string): Probe {
  return (view) => {
    const obj = find(view, kind, ref);
    if (obj === undefined) return missing(kind, ref);
    const v = readPath(obj, path);
    return valueEquals(v, expected) ? pass() : fail(`${path} is ${showValue(v)}`);
  };
}

export function fieldMatches(kind: string, ref: ObjectName, path: string, pattern: string): Probe {
  const re = new RegExp(pattern);
  return (view) => {
    const obj = find(view, kind, ref);
    if (obj === undefined) return missing(kind, ref);
    const v = readPath(obj, path);
    return v !== undefined && re.test(typeof v === 'string' ? v : JSON.stringify(v)) ? pass() : fail(`${path} is ${showValue(v)}`);
  };
}

export function fieldAbsent(kind: string, ref: ObjectName, path: string): Probe {
  return (view) => {
    const obj = find(view, kind, ref);
    if (obj === undefined) return missing(kind, ref);
    const v = readPath(obj, path);
    return v === undefined ? pass() : fail(`${path} is ${showValue(v)}`);
  };
}

/** Every (non-terminating) object of `kind` controlled by the owner satisfies the field test; there is at least one. */
export function everyOwned(kind: string, ownerKind: string, owner: ObjectName, path: string, test: (v: unknown) => boolean): Probe {
  return (view) => {
    const o = find(view, ownerKind, owner);
    if (o === undefined) return missing(ownerKind, owner);
    const objs = ownedBy(view, o, kind).filter((x) => !isTerminating(x));
    if (objs.length === 0) return fail(`it has no ${kind.toLowerCase()}s`);
    const bad = objs.filter((x) => !test(readPath(x, path)));
    return bad.length === 0 ? pass() : fail(bad.map((x) => `${x.metadata.name} has ${path} ${showValue(readPath(x, path))}`).join('; '));
  };
}

export function ownedCount(kind: string, ownerKind: string, owner: ObjectName, want: number): Probe {
  return (view) => {
    const o = find(view, ownerKind, owner);
    if (o === undefined) return missing(ownerKind, owner);
    const objs = ownedBy(view, o, kind).filter((x) => !isTerminating(x));
    return objs.length === want ? pass() : fail(`it has ${objs.length}: ${listOf(objs.map((x) => x.metadata.name))}`);
  };
}

/** Every pod of the workload uses its node's IP as its own (hostNetwork). */
export function podsUseNodeIP(kind: string, ref: ObjectName): Probe {
  return (view) => {
    if (find(view, kind, ref) === undefined) return missing(kind, ref);
    const pods = podsOf(view, kind, ref).filter((p) => !isTerminating(p));
    if (pods.length === 0) return fail('it has no pods');
    const bad = pods.filter((p) => {
      const node = p.spec.nodeName ? view.get<Node>('Node', '', p.spec.nodeName) : undefined;
      return node === undefined || p.status?.podIP === undefined || p.status.podIP !== nodeIP(node);
    });
    return bad.length === 0 ? pass() : fail(bad.map((p) => `${p.metadata.name} has IP ${p.status?.podIP ?? '<none>'} on ${p.spec.nodeName ?? '(unscheduled)'}${p.spec.nodeName ? ` (node IP ${nodeIP(view.get<Node>('Node', '', p.spec.nodeName)!) ?? '?'})` : ''}`).join('; '));
  };
}

/** Events recorded for an object (or for any pod of a workload), from the whole run. */
export function eventsFor(events: Iterable<EventRecord>, match: (e: EventRecord) => boolean): EventRecord[] {
  const out: EventRecord[] = [];
  for (const e of events) if (match(e)) out.push(e);
  return out;
}

export function showEvents(events: readonly EventRecord[]): string {
  return events.length === 0 ? 'no events' : events.slice(-12).map((e) => `${e.reason}: ${e.message}`).join('; ');
}
