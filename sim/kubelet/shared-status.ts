import type { Condition, ContainerState } from '../api/types';

// Parts of Pod statuses shared across Pods (interned). At one instant most Pods show the same
// conditions and running state, and every Pod of a node its node's address: one object each instead
// of one per Pod (at 150,000 Pods each per-Pod copy costs 5-10 MB). Bounded memos of pure
// functions; the objects are frozen, since other Pods hold them too: nothing may mutate them.

const MAX_ENTRIES = 10_000;
/** Every object handed out here (to recognise a status part this module made). */
const shared = new WeakSet<object>();

function share<T extends object>(v: T): T {
  shared.add(Object.freeze(v));
  return v;
}

/** Whether v was made here (frozen, and of the shape its builder gives). */
export function isShared(v: object): boolean {
  return shared.has(v);
}

export const EMPTY_STATE: ContainerState = share({});

// Nested maps by observedGeneration, lastTransitionTime, type, status, reason, message (undefined is a
// key too): no key string to build at each of the ~5 lookups a status sync makes. Almost every Pod is
// at generation 1: one more level, not more objects.
type Level = Map<string | number | undefined, unknown>;
let conditions: Level = new Map();
let conditionCount = 0;
/** A number per shared condition, for keying lists of them. */
const conditionIds = new WeakMap<Condition, number>();
let nextConditionId = 0;

/**
 * `{type[, observedGeneration], status, lastProbeTime: null, lastTransitionTime[, reason][, message]}`,
 * the shape generate.go gives (PodCondition's Go field order; observedGeneration is the Pod's
 * generation the kubelet synced, podutil.CalculatePodConditionObservedGeneration, none for a mirror Pod).
 */
export function sharedCondition(type: string, status: Condition['status'], lastTransitionTime: string, reason?: string, message?: string, observedGeneration?: number): Condition {
  if (conditionCount >= MAX_ENTRIES) { conditions = new Map(); conditionCount = 0; }
  const leaf = child(child(child(child(child(conditions, observedGeneration), lastTransitionTime), type), status), reason);
  let c = leaf.get(message) as Condition | undefined;
  if (c === undefined) {
    const built: Condition = observedGeneration === undefined
      ? { type, status, lastProbeTime: null, lastTransitionTime, ...(reason !== undefined ? { reason } : {}), ...(message !== undefined ? { message } : {}) }
      : { type, observedGeneration, status, lastProbeTime: null, lastTransitionTime, ...(reason !== undefined ? { reason } : {}), ...(message !== undefined ? { message } : {}) };
    c = share(built);
    conditionIds.set(c, nextConditionId++);
    leaf.set(message, c);
    conditionCount++;
  }
  return c;
}

function child(level: Level, key: string | number | undefined): Level {
  let next = level.get(key) as Level | undefined;
  if (next === undefined) level.set(key, (next = new Map()));
  return next;
}

const conditionLists = new Map<string, readonly Condition[]>();

/** The shared list of these conditions when all are shared ones; else the list itself. */
export function sharedConditions(list: readonly Condition[]): readonly Condition[] {
  let key = '';
  for (const c of list) {
    const id = conditionIds.get(c);
    if (id === undefined) return list;
    key += `${id},`;
  }
  let hit = conditionLists.get(key);
  if (hit === undefined) {
    if (conditionLists.size >= MAX_ENTRIES) conditionLists.clear();
    hit = share([...list]);
    conditionLists.set(key, hit);
  }
  return hit;
}

const runningStates = new Map<string, ContainerState>();

/** `{running: {startedAt}}`. */
export function runningState(startedAt: string): ContainerState {
  let s = runningStates.get(startedAt);
  if (s === undefined) {
    if (runningStates.size >= MAX_ENTRIES) runningStates.clear();
    s = share({ running: share({ startedAt }) });
    runningStates.set(startedAt, s);
  }
  return s;
}

type IpList = readonly { readonly ip: string }[];
const ipLists = new Map<string, IpList>();

/** `[{ip}]`, shared by every Pod that shows this address (a node's: hostIPs). */
export function sharedIpList(ip: string): IpList {
  let l = ipLists.get(ip);
  if (l === undefined) {
    if (ipLists.size >= MAX_ENTRIES) ipLists.clear();
    l = share([share({ ip })]);
    ipLists.set(ip, l);
  }
  return l;
}

/**
 * `[{ip}]` for an address of one Pod (podIPs): the previous list when it is the same JSON, so each
 * sync does not copy it. (Not shared across Pods, so neither frozen nor kept in the WeakSet: a weak
 * collection of one entry a Pod would slow every garbage collection.)
 */
export function ipList(ip: string, previous: IpList | undefined): IpList {
  if (previous !== undefined && previous.length === 1 && previous[0].ip === ip && onlyKey(previous[0], 'ip')) return previous;
  return [{ ip }];
}

function onlyKey(o: object, key: string): boolean {
  let n = 0;
  for (const k in o) if (k !== key || ++n > 1) return false;
  return n === 1;
}
