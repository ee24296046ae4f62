import { viewOver } from '../engine/view';
import type {
  Condition, DaemonSet, Deployment, KubeObject, Labels, Namespace, Node, Pod, PodSpec, PodTemplateSpec, ReplicaSet, StatefulSet,
} from '../api/types';
import { Store } from '../store/store';
import { DEFAULT_CONFIG } from '../engine/loop';
import { isoAt } from '../engine/transaction';
import { rngFrom, seedState } from '../engine/rng';
import type { Change, ClusterConfig, ClusterView, ReconcileContext, RuntimeTables } from '../engine/types';

// Builders for controller unit tests: defaulted-looking objects, a view over them, a context at an
// instant. Objects are shaped as the API server stores them (uid, creationTimestamp filled in).

export const CONFIG: ClusterConfig = { ...DEFAULT_CONFIG, seed: 1 };

export const iso = (ms: number): string => isoAt(CONFIG.epochMs, ms);

let uidCounter = 0;
function meta(name: string, namespace: string | undefined, extra: Partial<KubeObject['metadata']> = {}): KubeObject['metadata'] {
  uidCounter += 1;
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    uid: `uid-${name}-${uidCounter}`,
    resourceVersion: '1',
    creationTimestamp: iso(0),
    ...extra,
  };
}

export function podSpec(extra: Partial<PodSpec> = {}): PodSpec {
  return {
    containers: [{ name: 'nginx', image: 'nginx:1.7.9', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
    restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler',
    ...extra,
  };
}

export function template(labels: Labels, spec: Partial<PodSpec> = {}): PodTemplateSpec {
  return { metadata: { labels }, spec: podSpec(spec) };
}

export function replicaSet(name: string, replicas: number, opts: { labels?: Labels; minReadySeconds?: number; namespace?: string; meta?: Partial<KubeObject['metadata']> } = {}): ReplicaSet {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: meta(name, opts.namespace ?? 'default', { generation: 1, labels, ...opts.meta }),
    spec: { replicas, minReadySeconds: opts.minReadySeconds ?? 0, selector: { matchLabels: labels }, template: template(labels) },
    status: { replicas: 0 },
  };
}

export function deployment(name: string, replicas: number, opts: { labels?: Labels; strategy?: Deployment['spec']['strategy']; minReadySeconds?: number; image?: string; meta?: Partial<KubeObject['metadata']> } = {}): Deployment {
  const labels = opts.labels ?? { app: name };
  const t = template(labels);
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: meta(name, 'default', { generation: 1, labels, ...opts.meta }),
    spec: {
      replicas, selector: { matchLabels: labels },
      template: opts.image ? { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: opts.image }] } } : t,
      strategy: opts.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      minReadySeconds: opts.minReadySeconds ?? 0, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

export function daemonSet(name: string, opts: { labels?: Labels; spec?: Partial<PodSpec>; namespace?: string } = {}): DaemonSet {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: meta(name, opts.namespace ?? 'default', { generation: 1, labels }),
    spec: {
      selector: { matchLabels: labels }, template: template(labels, opts.spec),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, minReadySeconds: 0, revisionHistoryLimit: 10,
    },
    status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  };
}

export function statefulSet(name: string, replicas: number, opts: { labels?: Labels; policy?: 'OrderedReady' | 'Parallel'; serviceName?: string; volumeClaimTemplates?: KubeObject[] } = {}): StatefulSet {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet',
    metadata: meta(name, 'default', { generation: 1, labels }),
    spec: {
      replicas, selector: { matchLabels: labels }, template: template(labels), serviceName: opts.serviceName ?? name,
      podManagementPolicy: opts.policy ?? 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10, ...(opts.volumeClaimTemplates ? { volumeClaimTemplates: opts.volumeClaimTemplates } : {}),
    },
    status: { replicas: 0 },
  };
}

export function node(name: string, opts: { labels?: Labels; taints?: Node['spec']['taints']; unschedulable?: boolean } = {}): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: meta(name, undefined, { labels: { 'kubernetes.io/hostname': name, ...opts.labels } }),
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: { cpu: '2', memory: '4Gi', pods: '110' }, allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True' }], addresses: [], nodeInfo: {},
    },
  };
}

export function namespace(name: string, extra: Partial<KubeObject['metadata']> = {}): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined, extra), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

export function readyCondition(sinceMs: number): Condition {
  return { type: 'Ready', status: 'True', lastTransitionTime: iso(sinceMs) };
}

/** A Pod owned by `owner` (controller ref), optionally bound, Running and Ready since `readySinceMs`. */
export function pod(name: string, owner: KubeObject | undefined, opts: { labels?: Labels; node?: string; readySinceMs?: number; phase?: Pod['status']['phase']; createdMs?: number; meta?: Partial<KubeObject['metadata']>; spec?: Partial<PodSpec> } = {}): Pod {
  const labels = opts.labels ?? (owner?.spec as { template?: PodTemplateSpec } | undefined)?.template?.metadata.labels ?? {};
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: meta(name, owner?.metadata.namespace ?? 'default', {
      labels, creationTimestamp: iso(opts.createdMs ?? 0),
      ...(owner ? { ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }] } : {}),
      ...opts.meta,
    }),
    spec: podSpec({ ...(opts.node ? { nodeName: opts.node } : {}), ...opts.spec }),
    status: {
      phase: opts.phase ?? (opts.readySinceMs !== undefined ? 'Running' : 'Pending'),
      ...(opts.readySinceMs !== undefined ? { conditions: [readyCondition(opts.readySinceMs)] } : {}),
    },
  };
}

/** A read-only ClusterView over the given objects at virtual time `nowMs`. */
export function viewWith(objects: readonly KubeObject[], nowMs = 0): ClusterView {
  const draft = Store.empty().edit();
  for (const o of objects) draft.put(o);
  const store = draft.seal();
  const tables: RuntimeTables = { nodes: new Map(), pods: new Map(), images: new Map(), proxy: new Map(), taintEvictions: new Map(), access: new Map() };
  return viewOver(store, nowMs, CONFIG, tables);
}

export function ctxAt(nowMs: number, seed = 1): ReconcileContext {
  return { nowMs, rng: rngFrom(seedState(seed)), config: CONFIG, firedThroughMs: nowMs, iso: (ms = nowMs) => iso(ms) };
}

/** One line per change, for compact assertions: `create Pod web-`, `status ReplicaSet web`, `event SuccessfulCreate ...`. */
export function describeChanges(changes: readonly Change[]): string[] {
  return changes.map((c) => {
    switch (c.verb) {
      case 'create': return `create ${c.object.kind} ${c.object.metadata.name || c.object.metadata.generateName}`;
      case 'update': case 'status': return `${c.verb} ${c.object.kind} ${c.object.metadata.name}`;
      case 'delete': case 'purge': return `${c.verb} ${c.ref.kind} ${c.ref.name}`;
      case 'event': return `event ${c.reason} ${c.message}`;
      case 'runtime': return `runtime ${c.table} ${c.key}`;
      case 'enqueue': return `enqueue ${c.controller} ${c.key}`;
    }
  });
}
