import type { Container, KubeObject, Node, Pod, PodSpec } from '../api/types';
import type { Cluster, ClusterView } from '../engine/types';
import { advance, advanceUntil, emptyCluster, submit } from '../engine/loop';
import { controllers } from './index';
import { SANDBOX_START_MS } from './sync';

// Builders for kubelet tests: a Node and Pods bound to it, driven with the kubelet controller only.

/** When a new Pod's first container starts after a first, 3 s pull: the sandbox (1 s), then the pull. */
export const PULLED_MS = SANDBOX_START_MS + 3000;

export function testNode(name = 'node1', i = 1): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { podCIDR: `10.244.${i}.0/24` },
    status: {
      capacity: {}, allocatable: {}, conditions: [], nodeInfo: {},
      addresses: [{ type: 'InternalIP', address: `192.168.56.${100 + i}` }, { type: 'Hostname', address: name }],
    },
  };
}

/** The namespace to create before Pods: the ServiceAccount admission plugin admits Pods of an existing namespace only. */
export function testNamespace(name = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: '', resourceVersion: '', creationTimestamp: '' } } as KubeObject;
}

export function testContainer(c: Partial<Container> & { name: string; image: string }): Container {
  return { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...c };
}

export function testPod(name: string, spec: Partial<PodSpec> & { containers: readonly Container[] }, node = 'node1'): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    // No service-account token volume: these tests run the kubelet alone (no kube-root-ca.crt publisher).
    spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', nodeName: node, automountServiceAccountToken: false, ...spec } as PodSpec,
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' }] },
  };
}

export function clusterWith(...pods: Pod[]): Cluster {
  const r = submit(emptyCluster({ seed: 1 }), [{ verb: 'create', object: testNamespace() }, { verb: 'create', object: testNode() }, ...pods.map((object) => ({ verb: 'create' as const, object }))], controllers);
  if (r.errors.length > 0) throw new Error(r.errors.join('; '));
  return r.cluster;
}

export function getPod(c: Cluster, name: string): Pod {
  const p = c.store.get<Pod>('Pod', 'default', name);
  if (p === undefined) throw new Error(`pod ${name} not found at t=${c.nowMs}`);
  return p;
}

export function run(c: Cluster, ms: number): Cluster {
  return advance(c, ms, controllers);
}

/** Advances until `done` holds; returns the cluster at that instant. */
export function runUntil(c: Cluster, withinMs: number, done: (v: ClusterView) => boolean): Cluster {
  const r = advanceUntil(c, c.nowMs + withinMs, controllers, done as never);
  if (!r.reached) throw new Error(`condition not reached within ${withinMs}ms (t=${r.cluster.nowMs})`);
  return r.cluster;
}

export function events(c: Cluster, name: string): { t: number; reason: string; message: string }[] {
  return c.events.slice().filter((e) => e.involved.name === name).map((e) => ({ t: e.timeMs, reason: e.reason, message: e.message }));
}

