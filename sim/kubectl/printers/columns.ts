import type {
  Container, DaemonSet, Deployment, KubeObject, LabelSelector, Labels, Namespace, Node, Pod, ReplicaSet, Service, StatefulSet,
} from '../../api/types';
import { humanDuration } from '../duration';
import { podSummary } from './pod-status';

// The columns of `kubectl get`, per kind: pkg/printers/internalversion/printers.go AddHandlers and
// the print<Kind> functions. Wide columns (Priority 1) show with -o wide.

export interface PrintOptions {
  /** Absolute Unix milliseconds of "now" (cluster epoch + virtual time). */
  readonly nowMs: number;
  readonly wide: boolean;
}

export interface TableDef {
  readonly columns: readonly string[];
  readonly wideColumns: readonly string[];
  readonly row: (obj: KubeObject, opts: PrintOptions) => readonly string[];
}

export function age(timestamp: string | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(nowMs - t);
}

/** labels.FormatLabels: sorted `k=v,k2=v2`, `<none>` when empty. */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** metav1.FormatLabelSelector / LabelSelectorAsSelector(...).String(): requirements sorted by key. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  if (selector === undefined) return '<none>';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const r of selector.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(',');
    const text = r.operator === 'In' ? `${r.key} in (${values})` : r.operator === 'NotIn' ? `${r.key} notin (${values})`
      : r.operator === 'Exists' ? r.key : `!${r.key}`;
    reqs.push({ key: r.key, text });
  }
  if (reqs.length === 0) return '<none>';
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.text).join(',');
}

/** layoutContainerCells. */
function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

const num = (n: number | undefined) => String(n ?? 0);

const pod: TableDef = {
  columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (obj, opts) => {
    const p = obj as Pod;
    const s = podSummary(p, opts.nowMs);
    const cells = [p.metadata.name, s.ready, s.status, s.restarts, age(p.metadata.creationTimestamp, opts.nowMs)];
    if (!opts.wide) return cells;
    const ip = p.status?.podIPs?.[0]?.ip || '<none>';
    const nominated = (p.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName || '<none>';
    const gates = (p.spec as { readinessGates?: { conditionType: string }[] }).readinessGates ?? [];
    let readiness = '<none>';
    if (gates.length > 0) {
      const trueCount = gates.filter((g) => p.status?.conditions?.find((c) => c.type === g.conditionType)?.status === 'True').length;
      readiness = `${trueCount}/${gates.length}`;
    }
    return [...cells, ip, p.spec.nodeName || '<none>', nominated, readiness];
  },
};

const deployment: TableDef = {
  columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj, opts) => {
    const d = obj as Deployment;
    const st = d.status ?? {};
    const cells = [d.metadata.name, `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`, num(st.updatedReplicas), num(st.availableReplicas), age(d.metadata.creationTimestamp, opts.nowMs)];
    if (!opts.wide) return cells;
    return [...cells, ...containerCells(d.spec.template?.spec?.containers), formatLabelSelector(d.spec.selector)];
  },
};

const replicaSet: TableDef = {
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj, opts) => {
    const rs = obj as ReplicaSet;
    const st = rs.status ?? { replicas: 0 };
    const cells = [rs.metadata.name, num(rs.spec.replicas), num(st.replicas), num(st.readyReplicas), age(rs.metadata.creationTimestamp, opts.nowMs)];
    if (!opts.wide) return cells;
    return [...cells, ...containerCells(rs.spec.template?.spec?.containers), formatLabelSelector(rs.spec.selector)];
  },
};

const daemonSet: TableDef = {
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj, opts) => {
    const ds = obj as DaemonSet;
    const st = (ds.status ?? {}) as Partial<DaemonSet['status']>;
    const cells = [
      ds.metadata.name, num(st.desiredNumberScheduled), num(st.currentNumberScheduled), num(st.numberReady),
      num(st.updatedNumberScheduled), num(st.numberAvailable), formatLabels(ds.spec.template?.spec?.nodeSelector),
      age(ds.metadata.creationTimestamp, opts.nowMs),
    ];
    if (!opts.wide) return cells;
    return [...cells, ...containerCells(ds.spec.template?.spec?.containers), formatLabelSelector(ds.spec.selector)];
  },
};

const statefulSet: TableDef = {
  columns: ['NAME', 'READY', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES'],
  row: (obj, opts) => {
    const s = obj as StatefulSet;
    const cells = [s.metadata.name, `${s.status?.readyReplicas ?? 0}/${s.spec.replicas ?? 0}`, age(s.metadata.creationTimestamp, opts.nowMs)];
    return opts.wide ? [...cells, ...containerCells(s.spec.template?.spec?.containers)] : cells;
  },
};

/**
 * printControllerRevision: the controller as `<kind>.<group>/<name>` (formatResourceName of the
 * controllerRef's GroupKind, lower-cased), `<none>` without one.
 */
const controllerRevision: TableDef = {
  columns: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller === true);
    let controller = '<none>';
    if (ref !== undefined) {
      const slash = ref.apiVersion.indexOf('/');
      const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
      controller = `${(group === '' ? ref.kind : `${ref.kind}.${group}`).toLowerCase()}/${ref.name}`;
    }
    return [obj.metadata.name, controller, String((obj as { revision?: number }).revision ?? 0), age(obj.metadata.creationTimestamp, opts.nowMs)];
  },
};

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

const node: TableDef = {
  columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (obj, opts) => {
    const n = obj as Node;
    const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
    const status = ready === undefined ? ['Unknown'] : [ready.status === 'True' ? 'Ready' : 'NotReady'];
    if (n.spec?.unschedulable) status.push('SchedulingDisabled');
    const roles = nodeRoles(n).join(',') || '<none>';
    const info = n.status?.nodeInfo ?? {};
    const cells = [n.metadata.name, status.join(','), roles, age(n.metadata.creationTimestamp, opts.nowMs), info.kubeletVersion ?? ''];
    if (!opts.wide) return cells;
    const address = (type: string) => n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    return [...cells, address('InternalIP'), address('ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>'];
  },
};

const service: TableDef = {
  columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideColumns: ['SELECTOR'],
  row: (obj, opts) => {
    const s = obj as Service;
    const spec = s.spec;
    const clusterIP = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>';
    const ports = (spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',') || '<none>';
    const cells = [s.metadata.name, spec.type, clusterIP || '<none>', externalIP(s, opts.wide), ports, age(s.metadata.creationTimestamp, opts.nowMs)];
    return opts.wide ? [...cells, formatLabels(spec.selector)] : cells;
  },
};

/** getServiceExternalIP. */
function externalIP(s: Service, wide: boolean): string {
  const external = (s.spec.externalIPs as string[] | undefined) ?? [];
  switch (s.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = [...new Set((s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
      let lb = ingress.join(',');
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return s.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

const namespace: TableDef = {
  columns: ['NAME', 'STATUS', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => [obj.metadata.name, (obj as Namespace).status?.phase ?? '', age(obj.metadata.creationTimestamp, opts.nowMs)],
};

/** printEvent; events are core/v1 Event objects built by ../events.ts. */
const event: TableDef = {
  columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const e = obj as KubeObject & { type: string; reason: string; message: string; count: number; firstTimestamp: string; lastTimestamp: string; involvedObject: { kind: string; name: string }; source: { component: string; host?: string } };
    const last = age(e.lastTimestamp, opts.nowMs);
    const target = e.involvedObject.name ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}` : e.involvedObject.kind.toLowerCase();
    if (!opts.wide) return [last, e.type, e.reason, target, e.message.trim()];
    const source = e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
    return [last, e.type, e.reason, target, '', source, e.message.trim(), age(e.firstTimestamp, opts.nowMs), String(e.count), e.metadata.name];
  },
};
const eventWide = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];

/** printComponentStatus: the Healthy condition as Healthy/Unhealthy (Unknown without one), its message and error. */
const componentStatus: TableDef = {
  columns: ['NAME', 'STATUS', 'MESSAGE', 'ERROR'],
  wideColumns: [],
  row: (obj) => {
    const c = (obj as unknown as { conditions?: { type: string; status: string; message?: string; error?: string }[] }).conditions?.find((x) => x.type === 'Healthy');
    const status = c === undefined ? 'Unknown' : c.status === 'True' ? 'Healthy' : 'Unhealthy';
    return [obj.metadata.name, status, c?.message ?? '', c?.error ?? ''];
  },
};

/** The default table for kinds without a printer: NAME and AGE (the server's default table). */
const generic: TableDef = {
  columns: ['NAME', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => [obj.metadata.name, age(obj.metadata.creationTimestamp, opts.nowMs)],
};

const TABLES: Readonly<Record<string, TableDef>> = {
  Pod: pod, Deployment: deployment, ReplicaSet: replicaSet, DaemonSet: daemonSet, StatefulSet: statefulSet,
  ControllerRevision: controllerRevision, Node: node, Service: service, Namespace: namespace, Event: event, ComponentStatus: componentStatus,
  ...require('./network').NETWORK_TABLES as Record<string, TableDef>, // Endpoints, EndpointSlice, NetworkPolicy (printers/network.ts)
  ...require('./batch').BATCH_TABLES as Record<string, TableDef>, // Job, CronJob (printers/batch.ts)
  ...require('./config').CONFIG_TABLES as Record<string, TableDef>, // Secret, ConfigMap (printers/config.ts)
  ...require('./serviceaccount').SERVICE_ACCOUNT_TABLES as Record<string, TableDef>, // ServiceAccount (printers/serviceaccount.ts)
  ...require('./storage').STORAGE_TABLES as Record<string, TableDef>, // PersistentVolume, PersistentVolumeClaim, StorageClass (printers/storage.ts)
  ...require('./rbac').RBAC_TABLES as Record<string, TableDef>, // Role, ClusterRole, RoleBinding, ClusterRoleBinding (printers/rbac.ts)
  ...require('./scheduling').SCHEDULING_TABLES as Record<string, TableDef>, // PriorityClass (printers/scheduling.ts)
  ...require('./coordination').COORDINATION_TABLES as Record<string, TableDef>, // Lease (printers/coordination.ts)
};

export function tableFor(kind: string): TableDef {
  return TABLES[kind] ?? generic;
}

/** Header cells for a kind; events replace, rather than extend, their columns when wide. */
export function headerFor(kind: string, wide: boolean): readonly string[] {
  if (kind === 'Event' && wide) return eventWide;
  const t = tableFor(kind);
  return wide ? [...t.columns, ...t.wideColumns] : t.columns;
}
