import type { Container, ContainerState, ContainerStatus, Labels, PodTemplateSpec, Probe, Taint, Toleration, Volume } from '../../api/types';
import { DESCRIBE_TABWRITER, tabwrite } from '../tabwriter';
import { rfc1123z, humanDuration } from '../duration';
import { bytes, cpuMillis } from '../../api/quantity';
import type { EventObject } from '../events';

// kubectl describe's building blocks (staging/src/k8s.io/kubectl/pkg/describe/describe.go):
// a PrefixWriter (two spaces per level) over one tabwriter, and the shared printers for labels,
// annotations, taints, tolerations, containers, volumes, pod templates and events.

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  private text = '';
  write(level: number, s: string): void { this.text += '  '.repeat(level) + s; }
  line(s: string): void { this.text += `${s}\n`; }
  /** tabbedString: the whole output through tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
  toString(): string { return tabwrite(this.text, DESCRIBE_TABWRITER); }
}

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Labels | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) { w.line('<none>'); return; }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: last-applied-configuration is skipped; long values wrap. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Labels | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) { w.line('<none>'); return; }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s}\n`);
    } else {
      w.write(LEVEL_0, `${k}: ${value}\n`);
    }
  });
}

/** Taint.ToString: key=value:effect. */
export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => cmp(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  if (list.length === 0) { w.line('<none>'); return; }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => cmp(a.key ?? '', b.key ?? ''));
  if (list.length === 0) { w.line('<none>'); return; }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** DescribeEvents; ages are HumanDuration, repeated events read "(x3 over 40s)". */
export function describeEvents(w: PrefixWriter, events: readonly EventObject[], nowMs: number): void {
  if (events.length === 0) { w.write(LEVEL_0, 'Events:\t<none>\n'); return; }
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = humanDuration(nowMs - Date.parse(e.firstTimestamp));
    const interval = e.count > 1 ? `${humanDuration(nowMs - Date.parse(e.lastTimestamp))} (x${e.count} over ${first})` : first;
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`);
  }
}

/**
 * EnvValueRetriever(pod): a fieldRef's value as kubectl works it out, through its scheme's default
 * field-label conversion (metadata.name and metadata.namespace only; anything else is "").
 */
export type EnvFieldResolver = (fieldPath: string) => string;
export function podFieldResolver(pod: { readonly metadata: { readonly name: string; readonly namespace?: string } }): EnvFieldResolver {
  return (fieldPath) => (fieldPath === 'metadata.name' ? pod.metadata.name : fieldPath === 'metadata.namespace' ? pod.metadata.namespace ?? '' : '');
}

/** kubectl's resource helper ExtractContainerResourceValue: ceil(value / divisor) of the container's own requests or limits. */
function containerResourceValue(c: Container, resource: string, divisor: string | number | undefined): string {
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  const q = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[name];
  if (name === 'cpu') {
    const d = cpuMillis(divisor === undefined || divisor === '0' ? '1' : divisor) ?? 1000;
    return String(Math.ceil((cpuMillis(q) ?? 0) / d));
  }
  const d = bytes(divisor === undefined || divisor === '0' ? '1' : divisor) ?? 1;
  return String(Math.ceil((bytes(q) ?? 0) / d));
}

/** describeContainerEnvFrom. */
function describeEnvFrom(w: PrefixWriter, c: Container): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of (c.envFrom ?? []) as { configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean }; prefix?: string }[]) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
    const optional = ref?.optional === true;
    w.write(LEVEL_3, e.prefix ? `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n` : `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
  }
}

/** describeContainers (template containers have no status and no field resolver: pass none). */
export function describeContainers(w: PrefixWriter, label: string, containers: readonly Container[], statuses: readonly ContainerStatus[] | undefined, space: string, resolveField?: EnvFieldResolver): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses === undefined ? undefined : byName.get(c.name);
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${c.name}:\n`);
    if (status !== undefined) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image}\n`);
    if (status !== undefined) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    // describeContainerPorts / describeContainerHostPorts: a named port shows its name.
    const named = (s: string, name: string | undefined) => (name ? `${s} (${name})` : s);
    const ports = (c.ports ?? []).map((p) => named(`${p.containerPort}/${p.protocol ?? 'TCP'}`, p.name)).join(', ');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => named(`${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`, p.name)).join(', ');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    const seccomp = (c.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp !== undefined) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, 'Command:\n');
      for (const part of c.command!) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, 'Args:\n');
      for (const part of c.args!) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if (status !== undefined) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated !== undefined) describeState(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(w, c);
    const env = c.env ?? [];
    w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      if (e.valueFrom === undefined) {
        (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
        continue;
      }
      const from = e.valueFrom as {
        secretKeyRef?: { key: string; name: string; optional?: boolean }; configMapKeyRef?: { key: string; name: string; optional?: boolean };
        fieldRef?: { apiVersion?: string; fieldPath: string }; resourceFieldRef?: { resource: string; divisor?: string | number };
      };
      if (from.fieldRef) w.write(LEVEL_3, `${e.name}:\t${resolveField?.(from.fieldRef.fieldPath) ?? ''} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
      else if (from.resourceFieldRef) {
        const resource = from.resourceFieldRef.resource;
        let value = containerResourceValue(c, resource, from.resourceFieldRef.divisor);
        if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
        w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
      } else if (from.secretKeyRef) w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
      else if (from.configMapKeyRef) w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => cmp(a.mountPath, b.mountPath));
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])];
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

function describeResources(w: PrefixWriter, c: Container): void {
  const limits = c.resources?.limits ?? {};
  const requests = c.resources?.requests ?? {};
  const lk = Object.keys(limits).filter((k) => limits[k] !== undefined).sort();
  const rk = Object.keys(requests).filter((k) => requests[k] !== undefined).sort();
  if (lk.length > 0) w.write(LEVEL_2, 'Limits:\n');
  for (const k of lk) w.write(LEVEL_3, `${k}:\t${limits[k]}\n`);
  if (rk.length > 0) w.write(LEVEL_2, 'Requests:\n');
  for (const k of rk) w.write(LEVEL_3, `${k}:\t${requests[k]}\n`);
}

/** describeStatus. */
function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    w.write(LEVEL_3, `Started:\t${t.startedAt ? rfc1123z(t.startedAt) : 'Mon, 01 Jan 0001 00:00:00 +0000'}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** DescribeProbe. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet as { path?: string; port: number | string; scheme?: string; host?: string };
    return `http-get ${(g.scheme ?? 'HTTP').toLowerCase()}://${g.host ?? ''}:${g.port}${g.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${(p.tcpSocket as { host?: string }).host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeVolumes for the volume sources the simulator models. */
export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[] | undefined, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) { w.write(LEVEL_0, `${space}Volumes:\t<none>\n`); return; }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${v.name}:\n`);
    const src = v as Record<string, any>;
    if (v.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    } else if (v.emptyDir) {
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
    } else if (src.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${src.secret.secretName}\n    Optional:\t${src.secret.optional === true}\n`);
    } else if (src.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${src.configMap.name}\n    Optional:\t${src.configMap.optional === true}\n`);
    } else if (src.persistentVolumeClaim) {
      w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${src.persistentVolumeClaim.claimName}\n    ReadOnly:\t${src.persistentVolumeClaim.readOnly === true}\n`);
    } else if (src.nfs) {
      // printNFSVolumeSource
      w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${src.nfs.server}\n    Path:\t${src.nfs.path}\n    ReadOnly:\t${src.nfs.readOnly === true}\n`);
    } else if (src.downwardAPI) {
      // printDownwardAPIVolumeSource: each item as "<fieldPath> -> <path>"
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of src.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        else if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    } else if (src.projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of src.projected.sources ?? []) {
        if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
        else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name}\n    Optional:\t${s.configMap.optional === true}\n`);
        else if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name}\n    Optional:\t${s.secret.optional === true}\n`);
        else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      }
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
  }
}

/** DescribePodTemplate. */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (template === undefined) { w.write(LEVEL_1, '<unset>'); return; }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers!, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  const priorityClassName = (spec as { priorityClassName?: string }).priorityClassName;
  if (priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
