import type { KubeObject, Pod } from '../api/types';
import type { ClusterView } from '../engine/types';

// kube-state-metrics v2's /metrics: the state of API objects in the Prometheus text exposition
// format, as its stores write it (internal/store/deployment.go, node.go, pod.go, statefulset.go;
// pkg/metrics_store writer): per store, per family, "# HELP name help" and "# TYPE name type",
// then one line per object: name{default labels...,family labels...} value. The default labels
// come first (wrapDeploymentFunc: namespace, deployment; wrapPodFunc: namespace, pod, uid;
// wrapNodeFunc: node). Objects print in namespace/name order here (the real store's order is its
// cache's). Only the families below are modelled.

type Labels = readonly (readonly [string, string])[];
interface Sample { readonly labels: Labels; readonly value: number }
interface Family<T> {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge' | 'counter';
  readonly samples: (obj: T) => readonly Sample[];
}

/** Go's strconv.FormatFloat(v, 'g', -1, 64), which Prometheus' text writer uses: 3, 0.5, 1.5e+09. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return '0';
  const [mantissa, expText] = v.toExponential().split('e');
  const exp = Number(expText);
  // %e when the exponent is < -4 or >= 6 (shortest formatting's precision), else %f.
  if (exp >= -4 && exp < 6) return String(v);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Label values escaped as the text format wants: backslash, double quote, newline. */
function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const bool = (b: boolean): number => (b ? 1 : 0);
const int = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** addConditionMetrics: one sample per status "true", "false", "unknown", 1 for the condition's. */
function conditionSamples(prefix: Labels, status: string | undefined, key = 'status'): Sample[] {
  return (['true', 'false', 'unknown'] as const).map((s) => ({ labels: [...prefix, [key, s]], value: bool((status ?? '').toLowerCase() === s) }));
}

type Status = Record<string, unknown>;
const statusOf = (o: KubeObject): Status => (o.status ?? {}) as Status;
const specOf = (o: KubeObject): Status => (o.spec ?? {}) as Status;

const deploymentFamilies: readonly Family<KubeObject>[] = [
  { name: 'kube_deployment_status_replicas', help: '[STABLE] The number of replicas per deployment.', type: 'gauge', samples: (d) => [{ labels: [], value: int(statusOf(d).replicas) }] },
  { name: 'kube_deployment_status_replicas_ready', help: '[STABLE] The number of ready replicas per deployment.', type: 'gauge', samples: (d) => [{ labels: [], value: int(statusOf(d).readyReplicas) }] },
  { name: 'kube_deployment_status_replicas_available', help: '[STABLE] The number of available replicas per deployment.', type: 'gauge', samples: (d) => [{ labels: [], value: int(statusOf(d).availableReplicas) }] },
  { name: 'kube_deployment_status_replicas_unavailable', help: '[STABLE] The number of unavailable replicas per deployment.', type: 'gauge', samples: (d) => [{ labels: [], value: int(statusOf(d).unavailableReplicas) }] },
  { name: 'kube_deployment_status_replicas_updated', help: '[STABLE] The number of updated replicas per deployment.', type: 'gauge', samples: (d) => [{ labels: [], value: int(statusOf(d).updatedReplicas) }] },
  { name: 'kube_deployment_status_observed_generation', help: '[STABLE] The generation observed by the deployment controller.', type: 'gauge', samples: (d) => [{ labels: [], value: int(statusOf(d).observedGeneration) }] },
  { name: 'kube_deployment_spec_replicas', help: '[STABLE] Number of desired pods for a deployment.', type: 'gauge', samples: (d) => (typeof specOf(d).replicas === 'number' ? [{ labels: [], value: specOf(d).replicas as number }] : []) },
  { name: 'kube_deployment_spec_paused', help: '[STABLE] Whether the deployment is paused and will not be processed by the deployment controller.', type: 'gauge', samples: (d) => [{ labels: [], value: bool(specOf(d).paused === true) }] },
  { name: 'kube_deployment_metadata_generation', help: '[STABLE] Sequence number representing a specific generation of the desired state.', type: 'gauge', samples: (d) => [{ labels: [], value: int(d.metadata.generation) }] },
];

const nodeFamilies: readonly Family<KubeObject>[] = [
  { name: 'kube_node_spec_unschedulable', help: '[STABLE] Whether a node can schedule new pods.', type: 'gauge', samples: (n) => [{ labels: [], value: bool(specOf(n).unschedulable === true) }] },
  {
    name: 'kube_node_status_condition', help: '[STABLE] The condition of a cluster node.', type: 'gauge',
    samples: (n) => ((statusOf(n).conditions ?? []) as { type: string; status: string }[]).flatMap((c) => conditionSamples([['condition', c.type]], c.status)),
  },
];

/** pod.go createPodStatusPhaseFamilyGenerator: the phases in this order, 1 for the Pod's; nothing without a phase. */
const PHASES = ['Pending', 'Succeeded', 'Failed', 'Unknown', 'Running'] as const;

const podFamilies: readonly Family<Pod>[] = [
  {
    name: 'kube_pod_status_phase', help: '[STABLE] The pods current phase.', type: 'gauge',
    samples: (p) => (p.status?.phase ? PHASES.map((ph) => ({ labels: [['phase', ph]], value: bool(p.status?.phase === ph) })) : []),
  },
  {
    name: 'kube_pod_status_ready', help: '[STABLE] Describes whether the pod is ready to serve requests.', type: 'gauge',
    samples: (p) => (p.status?.conditions ?? []).filter((c) => c.type === 'Ready').flatMap((c) => conditionSamples([], c.status, 'condition')),
  },
  {
    name: 'kube_pod_container_status_restarts_total', help: '[STABLE] The number of container restarts per container.', type: 'counter',
    samples: (p) => (p.status?.containerStatuses ?? []).map((cs) => ({ labels: [['container', cs.name]], value: cs.restartCount })),
  },
];

const statefulSetFamilies: readonly Family<KubeObject>[] = [
  { name: 'kube_statefulset_status_replicas', help: '[STABLE] The number of replicas per StatefulSet.', type: 'gauge', samples: (s) => [{ labels: [], value: int(statusOf(s).replicas) }] },
  { name: 'kube_statefulset_status_replicas_ready', help: '[STABLE] The number of ready replicas per StatefulSet.', type: 'gauge', samples: (s) => [{ labels: [], value: int(statusOf(s).readyReplicas) }] },
  { name: 'kube_statefulset_replicas', help: '[STABLE] Number of desired pods for a StatefulSet.', type: 'gauge', samples: (s) => (typeof specOf(s).replicas === 'number' ? [{ labels: [], value: specOf(s).replicas as number }] : []) },
];

function byNamespaceName(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function writeStore<T extends KubeObject>(out: string[], objects: readonly T[], families: readonly Family<T>[], defaults: (o: T) => Labels): void {
  const sorted = [...objects].sort(byNamespaceName);
  for (const f of families) {
    out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (const obj of sorted) {
      for (const s of f.samples(obj)) {
        const labels = [...defaults(obj), ...s.labels].map(([k, v]) => `${k}="${escape(v)}"`).join(',');
        out.push(`${f.name}{${labels}} ${formatValue(s.value)}`);
      }
    }
  }
}

function all<T extends KubeObject>(view: ClusterView, kind: string): T[] {
  return view.namespacesOf(kind).flatMap((ns) => view.list<T>(kind, ns));
}

/** The exposition kube-state-metrics serves on :8080/metrics for the cluster as it is now. */
export function renderKubeStateMetrics(view: ClusterView): string {
  const out: string[] = [];
  writeStore(out, all(view, 'Deployment'), deploymentFamilies, (d) => [['namespace', d.metadata.namespace ?? ''], ['deployment', d.metadata.name]]);
  writeStore(out, view.list('Node'), nodeFamilies, (n) => [['node', n.metadata.name]]);
  writeStore(out, all<Pod>(view, 'Pod'), podFamilies, (p) => [['namespace', p.metadata.namespace ?? ''], ['pod', p.metadata.name], ['uid', p.metadata.uid]]);
  writeStore(out, all(view, 'StatefulSet'), statefulSetFamilies, (s) => [['namespace', s.metadata.namespace ?? ''], ['statefulset', s.metadata.name]]);
  return `${out.join('\n')}\n`;
}

/**
 * GET http://<service>.<namespace>:8080/metrics answered by a ready kube-state-metrics Pod behind
 * the Service (its selector, Ready, not terminating, running a kube-state-metrics image), or why not.
 */
export function scrapeKubeStateMetrics(view: ClusterView, namespace = 'kube-system', service = 'kube-state-metrics'): { readonly body: string } | { readonly error: string } {
  const svc = view.get('Service', namespace, service);
  if (svc === undefined) return { error: `services "${service}" not found in namespace ${namespace}` };
  const selector = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
  if (selector === undefined) return { error: `Service ${namespace}/${service} has no selector, so no endpoints` };
  const ready = view.select<Pod>('Pod', namespace, { matchLabels: selector }).some((p) => p.metadata.deletionTimestamp === undefined
    && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
    && p.spec.containers.some((c) => /(^|\/)kube-state-metrics(:|@|$)/.test(c.image)));
  if (!ready) return { error: `Service ${namespace}/${service} has no ready kube-state-metrics endpoint (connection refused)` };
  return { body: renderKubeStateMetrics(view) };
}
