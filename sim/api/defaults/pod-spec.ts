import { isObj, mapList, objOr, omitEmpty, unset, type Json } from './util';
import { storedContainerParts, storedPodSpecParts, storedVolumeSources } from './pod-spec-omitempty';

// pkg/apis/core/v1/defaults.go and zz_generated.defaults.go: the defaults every PodSpec gets,
// in a Pod and in a workload's Pod template alike (SetDefaults_PodSpec, _Container, _Probe,
// _Volume, _HTTPGetAction, _ObjectFieldSelector, ContainerPort protocol, volume source modes).

/** v1.SecretVolumeSourceDefaultMode / ConfigMapVolumeSourceDefaultMode / ...: 0644. */
export const DEFAULT_VOLUME_MODE = 0o644;

/**
 * PodSpec's omitempty lists, maps and scalars (core/v1 types.go) that the Go round trip drops when
 * empty (`containers` has no omitempty). Pointers (terminationGracePeriodSeconds,
 * activeDeadlineSeconds, automountServiceAccountToken...) keep their 0 or false.
 */
const POD_SPEC_OMITEMPTY = [
  'volumes', 'initContainers', 'ephemeralContainers', 'imagePullSecrets', 'tolerations', 'hostAliases',
  'topologySpreadConstraints', 'readinessGates', 'schedulingGates', 'resourceClaims', 'nodeSelector', 'overhead',
  'hostNetwork', 'hostPID', 'hostIPC', 'hostname', 'subdomain', 'priorityClassName',
  'nodeName', 'serviceAccountName', 'serviceAccount',
];

/** Container's omitempty lists and scalars (core/v1 types.go); `resources` is a struct, kept as {}. */
const CONTAINER_OMITEMPTY = [
  'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resizePolicy', 'volumeMounts', 'volumeDevices',
  'stdin', 'stdinOnce', 'tty',
];

/** ContainerPort's omitempty fields (containerPort has none; protocol is defaulted to TCP). */
const CONTAINER_PORT_OMITEMPTY = ['name', 'hostPort', 'hostIP'];

/** VolumeMount's omitempty fields (mountPropagation and recursiveReadOnly are pointers). */
const VOLUME_MOUNT_OMITEMPTY = ['readOnly', 'subPath', 'subPathExpr'];

/** Probe's omitempty int32 initialDelaySeconds (the others are defaulted when 0); HTTPGetAction's host and httpHeaders. */
const PROBE_OMITEMPTY = ['initialDelaySeconds'];
const HTTP_GET_OMITEMPTY = ['host', 'httpHeaders'];

/** SetDefaults_PodSpec and the nested defaulters, applied to a raw spec. Pure; idempotent. */
export function defaultPodSpec(raw: unknown): Json {
  const spec = storedPodSpecParts(omitEmpty(objOr(raw), POD_SPEC_OMITEMPTY));
  return {
    ...spec,
    ...serviceAccountAlias(spec),
    ...(spec.containers !== undefined ? { containers: mapList(spec.containers, defaultContainer) } : {}),
    ...(spec.initContainers !== undefined ? { initContainers: mapList(spec.initContainers, defaultContainer) } : {}),
    ...(spec.volumes !== undefined ? { volumes: mapList(spec.volumes, defaultVolume) } : {}),
    ...(hasEmptyTolerationField(spec.tolerations) ? { tolerations: mapList(spec.tolerations, (t) => omitEmpty(t, TOLERATION_OMITEMPTY)) } : {}),
    restartPolicy: unset(spec.restartPolicy) ? 'Always' : spec.restartPolicy,
    terminationGracePeriodSeconds: unset(spec.terminationGracePeriodSeconds) ? 30 : spec.terminationGracePeriodSeconds,
    dnsPolicy: unset(spec.dnsPolicy) ? 'ClusterFirst' : spec.dnsPolicy,
    securityContext: spec.securityContext === undefined || spec.securityContext === null ? {} : spec.securityContext,
    schedulerName: unset(spec.schedulerName) ? 'default-scheduler' : spec.schedulerName,
  };
}

/** Toleration's omitempty strings (tolerationSeconds is a pointer). */
const TOLERATION_OMITEMPTY = ['key', 'operator', 'value', 'effect'];

/** Whether a toleration has an empty string field to drop (the list is kept as it is otherwise: memos key on it). */
function hasEmptyTolerationField(list: unknown): list is Json[] {
  return Array.isArray(list) && list.some((t) => isObj(t) && omitEmpty(t, TOLERATION_OMITEMPTY) !== t);
}

/**
 * pkg/apis/core/v1/conversion.go: Convert_v1_PodSpec_To_core_PodSpec takes the deprecated
 * serviceAccount when serviceAccountName is empty; Convert_core_PodSpec_To_v1_PodSpec always writes
 * serviceAccountName back into serviceAccount, so a stored spec (a template too) shows both.
 *
 * | serviceAccountName | serviceAccount | -> both   |
 * |--------------------|----------------|-----------|
 * | web                | -              | web       |
 * | -                  | old            | old       |
 * | web                | old            | web       |
 * | -                  | -              | (neither) |
 */
function serviceAccountAlias(spec: Json): Json {
  const name = !unset(spec.serviceAccountName) ? spec.serviceAccountName : spec.serviceAccount;
  return typeof name === 'string' && name !== '' ? { serviceAccountName: name, serviceAccount: name } : {};
}

/** SetDefaults_Container: imagePullPolicy from the tag, termination message path and policy; ports, probes, env. */
export function defaultContainer(raw: Json): Json {
  const c = storedContainerParts(omitEmpty(raw, CONTAINER_OMITEMPTY));
  const out: Json = { ...c };
  // Container.Resources is a struct, not a pointer: encoding/json writes it even when empty.
  if (c.resources === undefined || c.resources === null) out.resources = {};
  // ResourceRequirements' limits, requests and claims are omitempty: `limits: {}` is not stored.
  else if (isObj(c.resources)) out.resources = omitEmpty(c.resources, ['limits', 'requests', 'claims']);
  if (unset(c.imagePullPolicy)) out.imagePullPolicy = imageTag(typeof c.image === 'string' ? c.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (unset(c.terminationMessagePath)) out.terminationMessagePath = '/dev/termination-log';
  if (unset(c.terminationMessagePolicy)) out.terminationMessagePolicy = 'File';
  if (c.ports !== undefined) out.ports = mapList(c.ports, defaultContainerPort);
  if (c.volumeMounts !== undefined) out.volumeMounts = mapList(c.volumeMounts, (m) => omitEmpty(m, VOLUME_MOUNT_OMITEMPTY));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (isObj(c[probe])) out[probe] = defaultProbe(c[probe] as Json);
  }
  for (const hook of ['postStart', 'preStop'] as const) {
    const lifecycle = c.lifecycle;
    if (isObj(lifecycle) && isObj(lifecycle[hook]) && isObj((lifecycle[hook] as Json).httpGet)) {
      out.lifecycle = { ...(out.lifecycle as Json), [hook]: { ...(lifecycle[hook] as Json), httpGet: defaultHttpGet((lifecycle[hook] as Json).httpGet as Json) } };
    }
  }
  if (c.env !== undefined) out.env = mapList(c.env, defaultEnvVar);
  return out;
}

/** ContainerPort: empty name, hostPort 0 and hostIP "" are not stored; protocol defaults to TCP. */
function defaultContainerPort(raw: Json): Json {
  const p = omitEmpty(raw, CONTAINER_PORT_OMITEMPTY);
  return unset(p.protocol) ? { ...p, protocol: 'TCP' } : p;
}

/**
 * The tag parsers.ParseImageName finds: an untagged name means "latest", a digest reference has none.
 *
 * | image                    | tag      | imagePullPolicy |
 * |--------------------------|----------|-----------------|
 * | nginx                    | latest   | Always          |
 * | nginx:latest             | latest   | Always          |
 * | nginx:1.7.9              | 1.7.9    | IfNotPresent    |
 * | localhost:5000/app       | latest   | Always          |
 * | nginx@sha256:abc...      | (digest) | IfNotPresent    |
 */
export function imageTag(image: string): string {
  if (image.includes('@')) return ''; // a digest reference has no tag; ParseImageName returns tag ""
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  // docker reference.ParseNormalizedNamed then TagNameOnly: an untagged name becomes :latest.
  return lastColon > lastSlash ? image.slice(lastColon + 1) : 'latest';
}

/**
 * SetDefaults_Probe (+ HTTPGetAction): timeout 1, period 10, success 1, failure 3. initialDelaySeconds
 * has no default and is an omitempty int32: 0 (or unset) is not stored (readers take it as 0).
 */
export function defaultProbe(raw: Json): Json {
  const p = omitEmpty(raw, PROBE_OMITEMPTY);
  return {
    ...p,
    ...(isObj(p.httpGet) ? { httpGet: defaultHttpGet(p.httpGet) } : {}),
    timeoutSeconds: unset(p.timeoutSeconds) || p.timeoutSeconds === 0 ? 1 : p.timeoutSeconds,
    periodSeconds: unset(p.periodSeconds) || p.periodSeconds === 0 ? 10 : p.periodSeconds,
    successThreshold: unset(p.successThreshold) || p.successThreshold === 0 ? 1 : p.successThreshold,
    failureThreshold: unset(p.failureThreshold) || p.failureThreshold === 0 ? 3 : p.failureThreshold,
  };
}

/** SetDefaults_HTTPGetAction: path "/", scheme HTTP. */
function defaultHttpGet(raw: Json): Json {
  const h = omitEmpty(raw, HTTP_GET_OMITEMPTY);
  return { ...h, path: unset(h.path) ? '/' : h.path, scheme: unset(h.scheme) ? 'HTTP' : h.scheme };
}

/** EnvVar: an empty value is not stored (omitempty); SetDefaults_ObjectFieldSelector: fieldRef.apiVersion "v1". */
function defaultEnvVar(raw: Json): Json {
  const e = omitEmpty(raw, ['value']);
  const vf = e.valueFrom;
  if (!isObj(vf) || !isObj(vf.fieldRef) || !unset((vf.fieldRef as Json).apiVersion)) return e;
  return { ...e, valueFrom: { ...vf, fieldRef: { apiVersion: 'v1', ...(vf.fieldRef as Json) } } };
}

const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'secret', 'configMap', 'persistentVolumeClaim', 'projected', 'downwardAPI', 'nfs', 'ephemeral',
  'csi', 'image', 'iscsi', 'glusterfs', 'rbd', 'cephfs', 'fc', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk',
  'azureFile', 'vsphereVolume', 'quobyte', 'flexVolume', 'flocker', 'gitRepo', 'portworxVolume', 'scaleIO', 'storageos', 'photonPersistentDisk',
];

const SOURCE_RANK = new Map(VOLUME_SOURCES.map((k, i) => [k, i]));

/** The volume source keys a volume may carry (exactly one), in VOLUME_SOURCES order. Reads the volume's own few keys. */
export function volumeSourcesOf(v: Json): string[] {
  const out: string[] = [];
  for (const k in v) if (SOURCE_RANK.has(k) && v[k] !== undefined && v[k] !== null) out.push(k);
  return out.length > 1 ? out.sort((a, b) => SOURCE_RANK.get(a)! - SOURCE_RANK.get(b)!) : out;
}

/** SetDefaults_Volume (emptyDir when no source) and the sources' defaultMode / hostPath type. */
export function defaultVolume(raw: Json): Json {
  const v = storedVolumeSources(raw);
  if (volumeSourcesOf(v).length === 0) return { ...v, emptyDir: {} };
  const out: Json = { ...v };
  for (const src of ['secret', 'configMap', 'downwardAPI', 'projected'] as const) {
    if (isObj(v[src]) && unset((v[src] as Json).defaultMode)) out[src] = { ...(v[src] as Json), defaultMode: DEFAULT_VOLUME_MODE };
  }
  if (isObj(v.hostPath) && (v.hostPath as Json).type === undefined) out.hostPath = { ...(v.hostPath as Json), type: '' };
  // EmptyDirVolumeSource.medium is an omitempty string: medium "" (the node's default) is not stored.
  if (isObj(v.emptyDir) && 'medium' in v.emptyDir) out.emptyDir = omitEmpty(v.emptyDir, ['medium']);
  return out;
}

// Templates this module returned: defaulting is idempotent (same content, same key order), so a
// workload written back with its stored template (a ReplicaSet scaled) keeps that very object,
// and every memo keyed by the template (its hash text, its Pods' shared parts) still hits.
const defaultedTemplates = new WeakSet<object>();

/** A PodTemplateSpec: metadata kept (its empty fields go after validation: meta.ts storedForm), spec defaulted. */
export function defaultPodTemplate(raw: unknown): Json {
  if (isObj(raw) && defaultedTemplates.has(raw)) return raw;
  const t = objOr(raw);
  const out = { ...t, metadata: objOr(t.metadata), spec: defaultPodSpec(t.spec) };
  defaultedTemplates.add(out);
  return out;
}

/** Records a template as defaulted (a defaulted one whose empty metadata fields were dropped), so that memos keep hitting. */
export function rememberDefaultedTemplate(t: Json): void {
  defaultedTemplates.add(t);
}
