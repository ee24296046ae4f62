import type { KubeObject, Pod } from '../api/types';
import type { ClusterView, Change } from '../engine/types';
import { viewOver } from '../engine/view';
import { clusterWith, meta, node } from '../kubectl/test-fixtures';
import { submit } from '../engine/loop';
import './kinds';

// Fixtures for sim/metrics' tests: objects stored without controllers, plus the kubelet's runtime
// rows (running containers and their start instants) written by hand, and a view at any instant.

export interface RunningPod { readonly pod: Pod; readonly startedMs: Readonly<Record<string, number>> }

export function pod(name: string, namespace: string, nodeName: string, containers: readonly { name: string; image: string; cpuLimit?: string }[], opts: { ready?: boolean; labels?: Record<string, string>; args?: string[] } = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: meta(name, namespace, 0, { labels: opts.labels ?? {} }),
    spec: {
      nodeName,
      containers: containers.map((c) => ({ name: c.name, image: c.image, ...(opts.args ? { args: opts.args } : {}), ...(c.cpuLimit ? { resources: { limits: { cpu: c.cpuLimit } } } : {}), imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' })),
    } as unknown as Pod['spec'],
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] } as Pod['status'],
  };
}

export const METRICS_API: KubeObject = {
  apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: meta('v1beta1.metrics.k8s.io', undefined, 0),
  spec: { group: 'metrics.k8s.io', version: 'v1beta1', service: { name: 'metrics-server', namespace: 'kube-system' } },
};

export const METRICS_SERVICE: KubeObject = {
  apiVersion: 'v1', kind: 'Service', metadata: meta('metrics-server', 'kube-system', 0),
  spec: { type: 'ClusterIP', selector: { 'k8s-app': 'metrics-server' }, ports: [{ port: 443, targetPort: 'https', protocol: 'TCP' }] },
};

export function metricsServerPod(ready = true): Pod {
  return pod('metrics-server-abc', 'kube-system', 'n1', [{ name: 'metrics-server', image: 'registry.k8s.io/metrics-server/metrics-server:v0.8.0' }], { ready, labels: { 'k8s-app': 'metrics-server' }, args: ['--metric-resolution=15s'] });
}

/** Stores the objects; `started` gives each Pod's containers' start instants (ms) by pod name; nodes listed are alive unless in `dead`. */
export function viewAt(objects: readonly KubeObject[], started: Readonly<Record<string, Readonly<Record<string, number>>>>, opts: { dead?: readonly string[]; images?: Readonly<Record<string, unknown>> } = {}): (nowMs: number) => ClusterView {
  // Each namespace's "default" ServiceAccount, which the ServiceAccount admission plugin looks up for Pods.
  const accounts = [...new Set(objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata.namespace ?? 'default'))]
    .map((ns): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', ns, 0) }));
  let cluster = clusterWith([...accounts, ...objects], 0);
  const changes: Change[] = [];
  for (const n of cluster.store.list('Node')) {
    changes.push({ verb: 'runtime', table: 'nodes', key: n.metadata.name, value: { alive: !(opts.dead ?? []).includes(n.metadata.name), lastHeartbeatMs: 0, images: new Set() } });
  }
  for (const ns of cluster.store.namespacesOf('Pod')) {
    for (const p of cluster.store.list<Pod>('Pod', ns)) {
      const starts = started[p.metadata.name] ?? {};
      const containers = p.spec.containers.map((c) => (starts[c.name] === undefined
        ? { name: c.name, init: false, phase: 'new' }
        : { name: c.name, init: false, phase: 'running', startedMs: starts[c.name] }));
      changes.push({ verb: 'runtime', table: 'pods', key: p.metadata.uid, value: { ref: `${ns}/${p.metadata.name}`, uid: p.metadata.uid, node: p.spec.nodeName, ip: '', hostIP: '', startMs: 0, volumes: {}, containers } });
    }
  }
  for (const [image, value] of Object.entries(opts.images ?? {})) changes.push({ verb: 'runtime', table: 'images', key: image, value });
  const r = submit(cluster, changes, []);
  if (r.errors.length > 0) throw new Error(`metrics fixture refused: ${r.errors.join('; ')}`);
  cluster = r.cluster;
  return (nowMs) => viewOver(cluster.store, nowMs, cluster.config, cluster.tables);
}

export { node };
