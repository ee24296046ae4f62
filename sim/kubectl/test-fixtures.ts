import type { KubeObject } from '../api/types';
import type { Cluster, Change } from '../engine/types';
import { emptyCluster, submit, advance } from '../engine/loop';
import { isoAt } from '../engine/transaction';

// Objects with hand-written status for kubectl's tests: printing needs no controllers, so the
// fixtures are stored through the engine with an empty controller list and never reconciled.

const EPOCH = Date.UTC(2025, 0, 1);
export const at = (seconds: number): string => isoAt(EPOCH, seconds * 1000);

export function clusterWith(objects: readonly KubeObject[], nowSeconds: number): Cluster {
  const changes: Change[] = objects.map((object) => ({ verb: 'create', object }));
  const r = submit(emptyCluster({ seed: 1 }), changes, []);
  if (r.errors.length > 0) throw new Error(`fixture refused: ${r.errors.join('; ')}`);
  return advance(r.cluster, nowSeconds * 1000, []);
}

export function meta(name: string, namespace: string | undefined, createdAt: number, extra: Record<string, unknown> = {}) {
  return { name, ...(namespace !== undefined ? { namespace } : {}), uid: '', resourceVersion: '', creationTimestamp: at(createdAt), ...extra };
}

export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined, 0, { labels: { 'kubernetes.io/metadata.name': name } }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

export function node(name: string, ready: boolean, opts: { labels?: Record<string, string>; ip?: string; unschedulable?: boolean; taints?: unknown[] } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: meta(name, undefined, 0, { labels: { 'kubernetes.io/hostname': name, ...(opts.labels ?? {}) } }),
    spec: { podCIDR: '10.244.1.0/24', ...(opts.unschedulable ? { unschedulable: true } : {}), ...(opts.taints ? { taints: opts.taints } : {}) },
    status: {
      capacity: { cpu: '2', memory: '4030792Ki', pods: '110' },
      allocatable: { cpu: '2', memory: '3928392Ki', pods: '110' },
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', reason: ready ? 'KubeletReady' : 'KubeletNotReady', message: ready ? 'kubelet is posting ready status' : 'container runtime network not ready', lastHeartbeatTime: at(0), lastTransitionTime: at(0) }],
      addresses: [{ type: 'InternalIP', address: opts.ip ?? '192.168.56.101' }, { type: 'Hostname', address: name }],
      nodeInfo: { kubeletVersion: 'v1.34.0', osImage: 'Ubuntu 24.04.2 LTS', kernelVersion: '6.8.0-60-generic', containerRuntimeVersion: 'containerd://1.7.27' },
    },
  };
}

export interface PodOpts {
  readonly node?: string;
  readonly ip?: string;
  readonly labels?: Record<string, string>;
  readonly phase?: string;
  readonly ready?: boolean;
  readonly state?: Record<string, unknown>;
  readonly lastState?: Record<string, unknown>;
  readonly restartCount?: number;
  readonly owner?: { kind: string; name: string; uid: string };
  readonly deletionTimestamp?: string;
  readonly noStatus?: boolean;
}

export function pod(name: string, createdAt: number, o: PodOpts = {}): KubeObject {
  const ready = o.ready ?? true;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: meta(name, 'default', createdAt, {
      labels: o.labels ?? { app: 'nginx' },
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid, controller: true, blockOwnerDeletion: true }] } : {}),
      ...(o.deletionTimestamp ? { deletionTimestamp: o.deletionTimestamp, deletionGracePeriodSeconds: 30 } : {}),
    }),
    spec: {
      containers: [{ name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', priority: 0,
      serviceAccountName: 'default',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      ...(o.node ? { nodeName: o.node } : {}),
    },
    status: o.noStatus ? { phase: 'Pending', qosClass: 'BestEffort' } : {
      phase: o.phase ?? 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at(createdAt + 2) },
        { type: 'Initialized', status: 'True', lastTransitionTime: at(createdAt) },
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at(createdAt + 5) },
        { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: at(createdAt + 5) },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: at(createdAt) },
      ],
      hostIP: '192.168.56.101',
      podIP: o.ip ?? '10.244.1.2',
      podIPs: [{ ip: o.ip ?? '10.244.1.2' }],
      startTime: at(createdAt),
      qosClass: 'BestEffort',
      containerStatuses: [{
        name: 'nginx', image: 'nginx:1.7.9', imageID: 'docker.io/library/nginx@sha256:abc', containerID: 'containerd://123',
        ready, started: true, restartCount: o.restartCount ?? 0,
        state: o.state ?? { running: { startedAt: at(createdAt + 4) } },
        lastState: o.lastState ?? {},
      }],
    },
  };
}

export function deployment(name: string, createdAt: number, replicas: number, status: Record<string, unknown>, uid = 'dep-uid'): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: meta(name, 'default', createdAt, { uid, labels: { app: name }, annotations: { 'deployment.kubernetes.io/revision': '1' } }),
    spec: {
      replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80, protocol: 'TCP' }] }], restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      minReadySeconds: 0, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    },
    status,
  };
}

export function replicaSet(name: string, createdAt: number, replicas: number, ready: number, owner: { name: string; uid: string }, template: unknown): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: meta(name, 'default', createdAt, {
      uid: `${name}-uid`, labels: { app: owner.name, 'pod-template-hash': name.split('-').pop() },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }],
    }),
    spec: { replicas, minReadySeconds: 0, selector: { matchLabels: { app: owner.name, 'pod-template-hash': name.split('-').pop() } }, template },
    status: { replicas, readyReplicas: ready, availableReplicas: ready, fullyLabeledReplicas: replicas, observedGeneration: 1 },
  };
}

/** An engine event record, as controllers emit them. */
export function eventChange(obj: KubeObject & { metadata: { uid: string } }, reason: string, message: string, source: string, type: 'Normal' | 'Warning' = 'Normal'): Change {
  return { verb: 'event', ref: { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name, uid: obj.metadata.uid }, type, reason, message, source };
}
