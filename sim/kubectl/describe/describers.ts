import type {
  DaemonSet, Deployment, KubeObject, LabelSelector, Namespace, Node, Pod, ReplicaSet, Service, StatefulSet,
} from '../../api/types';
import type { Cluster } from '../../engine/types';
import { canonicalJson } from '../../api/naming';
import { cpuMillis, bytes, formatQuantity } from '../../api/quantity';
import { eventsFor } from '../events';
import { lastRenewalMs } from '../../controllers/node-lifecycle/heartbeat';
import { rfc1123z, humanDuration } from '../duration';
import { formatLabels, formatLabelSelector, nodeRoles, age } from '../printers/columns';
import {
  PrefixWriter, LEVEL_0, LEVEL_1, describeContainers, podFieldResolver, describeEvents, describePodTemplate, describeVolumes,
  printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, printTolerationsMultiline,
} from './writer';
import { describeGeneric } from './generic';

// The describers kubectl has for the kinds the simulator serves (describe.go describePod,
// describeDeployment, describeReplicaSet, describeDaemonSet, describeStatefulSet, describeNode,
// describeService, describeNamespace). Each returns the text kubectl prints for one object.

export type Describer = (cluster: Cluster, obj: KubeObject, nowMs: number) => string;

const controlledBy = (obj: KubeObject): string | undefined => {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref === undefined ? undefined : `${ref.kind}/${ref.name}`;
};

/** describePod. */
const describePod: Describer = (cluster, obj, nowMs) => {
  const pod = obj as Pod;
  const spec = pod.spec;
  const status = pod.status ?? { phase: 'Pending' };
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  const priorityClassName = (spec as { priorityClassName?: string }).priorityClassName;
  if (priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(nowMs - Date.parse(pod.metadata.deletionTimestamp))})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const owner = controlledBy(pod);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  const nominated = (status as { nominatedNodeName?: string }).nominatedNodeName;
  if (nominated) w.write(LEVEL_0, `NominatedNodeName:\t${nominated}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers!, status.initContainerStatuses ?? [], '', podFieldResolver(pod));
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses ?? [], '', podFieldResolver(pod));
  // describePod: kubectl debug's ephemeral containers, described as containers (EphemeralContainerCommon).
  const ephemeral = (spec as { ephemeralContainers?: typeof spec.containers }).ephemeralContainers ?? [];
  if (ephemeral.length > 0) describeContainers(w, 'Ephemeral Containers', ephemeral, (status as { ephemeralContainerStatuses?: typeof status.containerStatuses }).ephemeralContainerStatuses ?? [], '', podFieldResolver(pod));
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass ?? qosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeEvents(w, eventsFor(cluster, pod.metadata.uid), nowMs);
  return w.toString();
};

/** qos.GetPodQOS, for Pods the API defaulting did not give a status.qosClass. */
function qosClass(pod: Pod): string {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** getPodStatusForController: Pods the object controls, counted by phase. */
function podsStatus(cluster: Cluster, owner: KubeObject): string {
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const d of cluster.store.dependents(owner.metadata.uid)) {
    if (d.kind !== 'Pod') continue;
    if (!d.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid)) continue;
    const phase = (d as Pod).status?.phase ?? 'Pending';
    if (phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** deploymentutil.FindNewReplicaSet / FindOldReplicaSets over the Deployment's ReplicaSets. */
export function replicaSetsOf(cluster: Cluster, d: Deployment): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
  const owned = cluster.store.dependents(d.metadata.uid)
    .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid))
    .sort((a, b) => cmp(a.metadata.creationTimestamp, b.metadata.creationTimestamp) || cmp(a.metadata.name, b.metadata.name));
  const want = templateIgnoringHash(d.spec.template);
  const newRS = owned.find((rs) => templateIgnoringHash(rs.spec.template) === want);
  const oldRSs = owned.filter((rs) => rs !== newRS).sort((a, b) => cmp(a.metadata.name, b.metadata.name));
  return { newRS, oldRSs };
}

/** EqualIgnoreHash: templates compared without the pod-template-hash label. */
function templateIgnoringHash(t: Deployment['spec']['template']): string {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return canonicalJson({ ...t, metadata: { ...(t?.metadata ?? {}), labels } });
}

const rsLine = (list: readonly ReplicaSet[]) => list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>';

/** describeDeployment. */
const describeDeployment: Describer = (cluster, obj, nowMs) => {
  const d = obj as Deployment;
  const st = d.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${d.spec.replicas} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru !== undefined) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
  describePodTemplate(w, d.spec.template);
  if ((st.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of st.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const { newRS, oldRSs } = replicaSetsOf(cluster, d);
  if (oldRSs.length > 0 || newRS !== undefined) {
    w.write(LEVEL_0, `OldReplicaSets:\t${rsLine(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${rsLine(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, eventsFor(cluster, d.metadata.uid), nowMs);
  return w.toString();
};

/** describeReplicaSet. */
const describeReplicaSet: Describer = (cluster, obj, nowMs) => {
  const rs = obj as ReplicaSet;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controlledBy(rs);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(cluster, rs)}\n`);
  describePodTemplate(w, rs.spec.template);
  if ((rs.status?.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of rs.status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, eventsFor(cluster, rs.metadata.uid), nowMs);
  return w.toString();
};

/** describeDaemonSet. */
const describeDaemonSet: Describer = (cluster, obj, nowMs) => {
  const ds = obj as DaemonSet;
  const st = (ds.status ?? {}) as Partial<DaemonSet['status']>;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(cluster, ds)}\n`);
  describePodTemplate(w, ds.spec.template);
  describeEvents(w, eventsFor(cluster, ds.metadata.uid), nowMs);
  return w.toString();
};

/** describeStatefulSet. */
const describeStatefulSet: Describer = (cluster, obj, nowMs) => {
  const s = obj as StatefulSet;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(s.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(s.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${s.spec.replicas} desired | ${s.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${s.spec.updateStrategy?.type ?? 'RollingUpdate'}\n`);
  const partition = s.spec.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined) w.write(LEVEL_1, `Partition:\t${partition}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(cluster, s)}\n`);
  describePodTemplate(w, s.spec.template);
  w.write(LEVEL_0, (s.spec.volumeClaimTemplates ?? []).length === 0 ? 'Volume Claims:\t<none>\n' : 'Volume Claims:\n');
  for (const pvc of s.spec.volumeClaimTemplates ?? []) {
    const spec = (pvc as { spec?: { storageClassName?: string; resources?: { requests?: { storage?: string } }; accessModes?: string[] } }).spec ?? {};
    w.write(LEVEL_1, `Name:\t${pvc.metadata.name}\n`);
    w.write(LEVEL_1, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata.annotations, '  ');
    w.write(LEVEL_1, `Capacity:\t${spec.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(spec.accessModes ?? []).join(' ')}]\n`);
  }
  describeEvents(w, eventsFor(cluster, s.metadata.uid), nowMs);
  return w.toString();
};

/** describeNode (the Lease section comes from the node's heartbeat in the runtime table). */
const describeNode: Describer = (cluster, obj, nowMs) => {
  const n = obj as Node;
  const st = n.status ?? ({} as Node['status']);
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${n.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(n).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', n.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', n.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', n.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${n.spec?.unschedulable === true}\n`);
  const runtime = cluster.tables.nodes.get(n.metadata.name);
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${runtime ? n.metadata.name : '<unset>'}\n`);
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  // A live kubelet renews its Lease every 10 s from its start; a dead one's last renewal is kept.
  const renewedMs = runtime === undefined ? undefined : runtime.alive ? lastRenewalMs(runtime.lastHeartbeatMs, cluster.nowMs) : runtime.lastHeartbeatMs;
  w.write(LEVEL_1, `RenewTime:\t${renewedMs !== undefined ? rfc1123z(new Date(cluster.config.epochMs + renewedMs).toISOString()) : '<unset>'}\n`);
  if ((st.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${time(c.lastHeartbeatTime)} \t${time(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  const resources = (title: string, list: Record<string, string | undefined> | undefined) => {
    const keys = Object.keys(list ?? {}).filter((k) => list![k] !== undefined).sort();
    if (keys.length === 0) return;
    w.write(LEVEL_0, `${title}:\n`);
    for (const k of keys) w.write(LEVEL_0, `  ${k}:\t${list![k]}\n`);
  };
  resources('Capacity', st.capacity);
  resources('Allocatable', st.allocatable);
  const info = st.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
  ]) w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (n.spec?.podCIDR) {
    w.write(LEVEL_0, `PodCIDR:\t${n.spec.podCIDR}\n`);
    w.write(LEVEL_0, `PodCIDRs:\t${((n.spec as { podCIDRs?: string[] }).podCIDRs ?? [n.spec.podCIDR]).join(',')}\n`);
  }
  describeNodeResource(w, cluster, n, nowMs);
  // NodeDescriber searches twice: the controllers' events carry the node's uid, the kubelet's its name.
  const name = n.metadata.name;
  describeEvents(w, eventsFor(cluster, n.metadata.uid, (e) => e.involved.kind === 'Node' && e.involved.name === name && (e.involved.uid === n.metadata.uid || e.involved.uid === name)), nowMs);
  return w.toString();
};

const time = (iso: string | undefined) => (iso ? rfc1123z(iso) : 'Mon, 01 Jan 0001 00:00:00 +0000');

/** describeNodeResource: non-terminated Pods on the node and what they request of allocatable. */
function describeNodeResource(w: PrefixWriter, cluster: Cluster, n: Node, nowMs: number): void {
  const pods = cluster.store.podsOnNode(n.metadata.name)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
  const alloc = n.status?.allocatable ?? n.status?.capacity ?? {};
  const cpuAlloc = cpuMillis(alloc.cpu) ?? 0;
  const memAlloc = bytes(alloc.memory) ?? 0;
  const pct = (v: number, total: number) => (total === 0 ? 0 : Math.trunc((v / total) * 100));
  const cpu = (m: number) => formatQuantity(m / 1000, 'DecimalSI');
  const mem = (b: number) => formatQuantity(b, 'BinarySI');
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    let cpuReq = 0, cpuLim = 0, memReq = 0, memLim = 0;
    for (const c of p.spec.containers) {
      cpuReq += cpuMillis(c.resources?.requests?.cpu) ?? 0;
      cpuLim += cpuMillis(c.resources?.limits?.cpu) ?? 0;
      memReq += bytes(c.resources?.requests?.memory) ?? 0;
      memLim += bytes(c.resources?.limits?.memory) ?? 0;
    }
    total.cpuReq += cpuReq; total.cpuLim += cpuLim; total.memReq += memReq; total.memLim += memLim;
    w.write(LEVEL_1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cpu(cpuReq)} (${pct(cpuReq, cpuAlloc)}%)\t${cpu(cpuLim)} (${pct(cpuLim, cpuAlloc)}%)\t${mem(memReq)} (${pct(memReq, memAlloc)}%)\t${mem(memLim)} (${pct(memLim, memAlloc)}%)\t${age(p.metadata.creationTimestamp, nowMs)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  w.write(LEVEL_1, `cpu\t${cpu(total.cpuReq)} (${pct(total.cpuReq, cpuAlloc)}%)\t${cpu(total.cpuLim)} (${pct(total.cpuLim, cpuAlloc)}%)\n`);
  w.write(LEVEL_1, `memory\t${mem(total.memReq)} (${pct(total.memReq, memAlloc)}%)\t${mem(total.memLim)} (${pct(total.memLim, memAlloc)}%)\n`);
  w.write(LEVEL_1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  for (const k of Object.keys(alloc).filter((r) => r.startsWith('hugepages-')).sort()) w.write(LEVEL_1, `${k}\t0 (0%)\t0 (0%)\n`);
}

/** describeService; the endpoints of each port come from the Service's EndpointSlices (kubectl v1.33+). */
const describeService: Describer = (cluster, obj, nowMs) => {
  const s = obj as Service;
  const spec = s.spec;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families = (spec.ipFamilies as string[] | undefined) ?? [];
  w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
  const more = spec as typeof spec & { externalIPs?: string[]; loadBalancerIP?: string; healthCheckNodePort?: number; loadBalancerSourceRanges?: string[]; trafficDistribution?: string };
  if ((more.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${more.externalIPs!.join(',')}\n`);
  if (more.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${more.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  // buildIngressString: IP (with its ipMode) or hostname, comma-separated.
  const ingress = ((s.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } } | undefined)?.loadBalancer?.ingress) ?? [];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ')}\n`);
  // ServiceDescriber.Describe: the slices labelled kubernetes.io/service-name=<name>, in the API's (name) order.
  const slices = [...cluster.store.select<SliceForDescribe>('EndpointSlice', s.metadata.namespace ?? '', { matchLabels: { 'kubernetes.io/service-name': s.metadata.name } })]
    .sort((a, b) => cmp(a.metadata.name, b.metadata.name));
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort}/${p.protocol}\n`);
    const appProtocol = (p as { appProtocol?: string }).appProtocol;
    if (appProtocol !== undefined) w.write(LEVEL_0, `AppProtocol:\t${appProtocol}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (more.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${more.healthCheckNodePort}\n`);
  if ((more.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${more.loadBalancerSourceRanges!.join(',')}\n`);
  if (more.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${more.trafficDistribution}\n`);
  describeEvents(w, eventsFor(cluster, s.metadata.uid), nowMs);
  return w.toString();
};

interface SliceForDescribe extends KubeObject {
  readonly endpoints?: readonly { readonly addresses: readonly string[]; readonly conditions?: { readonly ready?: boolean } }[] | null;
  readonly ports?: readonly { readonly name?: string; readonly port?: number }[] | null;
}

/**
 * describe.go formatEndpointSlices for one port name: the ready endpoints' ip:port of the slices'
 * ports of that name (a slice without ports lists bare IPs), at most three then "+ N more...";
 * `<none>` without slices, empty when they hold no ready endpoint. Its quirk is kept: the count
 * passes three at the fourth endpoint looked at, ready or not.
 */
export function formatEndpointSlices(slices: readonly SliceForDescribe[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const take = (e: NonNullable<SliceForDescribe['endpoints']>[number], text: (addr: string) => string): void => {
    if (list.length === max) more = true;
    if (e.conditions?.ready === false) return;
    if (!more) list.push(text(e.addresses[0]));
    count++;
  };
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const e of slice.endpoints ?? []) take(e, (a) => a);
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) take(e, (a) => (a.includes(':') ? `[${a}]:${port.port}` : `${a}:${port.port}`));
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** describeNamespace (no ResourceQuota or LimitRange kinds in the simulator yet). */
const describeNamespace: Describer = (_cluster, obj) => {
  const ns = obj as Namespace;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.toString();
};

const DESCRIBERS: Readonly<Record<string, Describer>> = {
  Pod: describePod, Deployment: describeDeployment, ReplicaSet: describeReplicaSet, DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet, Node: describeNode, Service: describeService, Namespace: describeNamespace,
  ...require('./batch').BATCH_DESCRIBERS as Record<string, Describer>, // Job, CronJob (describe/batch.ts)
  ...require('./config').CONFIG_DESCRIBERS as Record<string, Describer>, // Secret, ConfigMap (describe/config.ts)
  ...require('./serviceaccount').SERVICE_ACCOUNT_DESCRIBERS as Record<string, Describer>, // ServiceAccount (describe/serviceaccount.ts)
  ...require('./network').NETWORK_DESCRIBERS as Record<string, Describer>, // Endpoints, NetworkPolicy (describe/network.ts)
  ...require('./storage').STORAGE_DESCRIBERS as Record<string, Describer>, // PersistentVolume, PersistentVolumeClaim, StorageClass (describe/storage.ts)
  ...require('./rbac').RBAC_DESCRIBERS as Record<string, Describer>, // Role, ClusterRole, RoleBinding, ClusterRoleBinding (describe/rbac.ts)
};

export function describerFor(kind: string): Describer {
  return DESCRIBERS[kind] ?? describeGeneric; // genericDescriber (./generic.ts)
}

/** labels.Selector.String() of a LabelSelector. */
function selectorString(selector: LabelSelector | undefined): string {
  const s = formatLabelSelector(selector);
  return s === '<none>' ? '' : s;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
