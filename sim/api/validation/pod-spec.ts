import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError } from '../field-errors';
import { parseQuantity, formatQuantity } from '../quantity';
import { isObj, volumeSourcesOfSafe, type Json } from './shape';
import { validateAnnotations, validateLabels, validateNonnegative } from './meta';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names';
import { validatePortNumOrName } from './intstr';

// pkg/apis/core/validation/validation.go: ValidatePodSpec, validateContainers, validateProbe,
// validateContainerPorts, validateVolumes, validateTolerations, ValidatePodTemplateSpec. Works on the
// defaulted object; `path` is where the spec sits ("spec" in a Pod, "spec.template.spec" in workloads).

const MAX_INT32 = 2147483647;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const OVERCOMMIT_FORBIDDEN = (name: string) => name.startsWith('hugepages-') || (name.includes('/') && !name.startsWith('kubernetes.io/'));

const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** ValidatePodTemplateSpec: labels, annotations, then the spec. */
export function validatePodTemplateSpec(raw: unknown, path: string): FieldError[] {
  const template: Json = isObj(raw) ? raw : {};
  const meta = isObj(template.metadata) ? template.metadata : {};
  return [
    ...validateLabels(meta.labels as Json | undefined, `${path}.labels`),
    ...validateAnnotations(meta.annotations as Json | undefined, `${path}.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`),
  ];
}

/** ValidatePodSpec. */
export function validatePodSpec(rawSpec: unknown, path: string): FieldError[] {
  const spec = isObj(rawSpec) ? rawSpec : {};
  const errs: FieldError[] = [];
  const volumeNames = validateVolumes(spec.volumes, `${path}.volumes`, errs);
  const containers = list(spec.containers);
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  if (containers.length === 0) errs.push(required(`${path}.containers`, ''));
  const names = new Set<string>();
  containers.forEach((c, i) => validateContainer(c, `${path}.containers[${i}]`, names, volumeNames, false, grace, errs));
  list(spec.initContainers).forEach((c, i) => validateContainer(c, `${path}.initContainers[${i}]`, names, volumeNames, true, grace, errs));

  const restartPolicy = str(spec.restartPolicy);
  if (restartPolicy === '') errs.push(required(`${path}.restartPolicy`, ''));
  else if (!RESTART_POLICIES.includes(restartPolicy)) errs.push(notSupported(`${path}.restartPolicy`, restartPolicy, RESTART_POLICIES));
  const dnsPolicy = str(spec.dnsPolicy);
  if (dnsPolicy === '') errs.push(required(`${path}.dnsPolicy`, ''));
  else if (!DNS_POLICIES.includes(dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, dnsPolicy, DNS_POLICIES));
  if (isObj(spec.nodeSelector)) errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (!isEmpty(spec.serviceAccountName)) {
    for (const msg of isDNS1123Subdomain(str(spec.serviceAccountName))) errs.push(invalid(`${path}.serviceAccountName`, spec.serviceAccountName, msg));
  }
  if (!isEmpty(spec.nodeName)) {
    for (const msg of isDNS1123Subdomain(str(spec.nodeName))) errs.push(invalid(`${path}.nodeName`, spec.nodeName, msg));
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    const v = spec.activeDeadlineSeconds;
    if (typeof v === 'number' && (v < 1 || v > MAX_INT32)) errs.push(invalid(`${path}.activeDeadlineSeconds`, v, inclusiveRangeError(1, MAX_INT32)));
  }
  if (!isEmpty(spec.hostname)) for (const msg of isDNS1123Label(str(spec.hostname))) errs.push(invalid(`${path}.hostname`, spec.hostname, msg));
  if (!isEmpty(spec.subdomain)) for (const msg of isDNS1123Label(str(spec.subdomain))) errs.push(invalid(`${path}.subdomain`, spec.subdomain, msg));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  return errs;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** validateVolumes: names are DNS labels and unique; exactly one source; required source fields. Returns the names. */
function validateVolumes(raw: unknown, path: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  list(raw).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const name = str(v.name);
    if (name === '') errs.push(required(`${p}.name`, ''));
    else for (const msg of isDNS1123Label(name)) errs.push(invalid(`${p}.name`, name, msg));
    if (name !== '' && names.has(name)) errs.push(duplicate(`${p}.name`, name));
    names.add(name);
    const sources = volumeSourcesOfSafe(v);
    if (sources.length === 0) errs.push(required(p, 'must specify a volume type'));
    for (const extra of sources.slice(1)) errs.push(forbidden(`${p}.${extra}`, 'may not specify more than 1 volume type'));
    const src = sources[0];
    const body = src !== undefined && isObj(v[src]) ? (v[src] as Json) : {};
    if (src === 'hostPath' && isEmpty(body.path)) errs.push(required(`${p}.hostPath.path`, ''));
    if (src === 'secret' && isEmpty(body.secretName)) errs.push(required(`${p}.secret.secretName`, ''));
    if (src === 'persistentVolumeClaim' && isEmpty(body.claimName)) errs.push(required(`${p}.persistentVolumeClaim.claimName`, ''));
    if (src === 'configMap' && isEmpty(body.name)) errs.push(required(`${p}.configMap.name`, ''));
    if (src === 'nfs') {
      if (isEmpty(body.server)) errs.push(required(`${p}.nfs.server`, ''));
      if (isEmpty(body.path)) errs.push(required(`${p}.nfs.path`, ''));
    }
  });
  return names;
}

/** validateContainers / validateInitContainers / validateContainerCommon for one container. */
function validateContainer(c: Json, p: string, names: Set<string>, volumes: Set<string>, init: boolean, grace: number | undefined, errs: FieldError[]): void {
  const name = str(c.name);
  if (name === '') errs.push(required(`${p}.name`, ''));
  else for (const msg of isDNS1123Label(name)) errs.push(invalid(`${p}.name`, name, msg));
  if (name !== '' && names.has(name)) errs.push(duplicate(`${p}.name`, name));
  else if (name !== '') names.add(name);
  if (str(c.image).length === 0) errs.push(required(`${p}.image`, ''));
  else if (str(c.image) !== str(c.image).trim()) errs.push(invalid(`${p}.image`, c.image, 'must not have leading or trailing whitespace'));

  const pull = str(c.imagePullPolicy);
  if (pull === '') errs.push(required(`${p}.imagePullPolicy`, ''));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(`${p}.imagePullPolicy`, pull, PULL_POLICIES));
  const tmp = str(c.terminationMessagePolicy);
  if (tmp === '') errs.push(required(`${p}.terminationMessagePolicy`, ''));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(notSupported(`${p}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES));

  errs.push(...validateContainerPorts(c.ports, `${p}.ports`));
  list(c.env).forEach((e, i) => {
    const en = str(e.name);
    if (en === '') errs.push(required(`${p}.env[${i}].name`, ''));
    else for (const msg of isRelaxedEnvVarName(en)) errs.push(invalid(`${p}.env[${i}].name`, en, msg));
    if (e.value !== undefined && e.value !== '' && e.valueFrom !== undefined && e.valueFrom !== null) {
      errs.push(invalid(`${p}.env[${i}].valueFrom`, '', 'may not be specified when `value` is not empty'));
    }
  });
  const mountPaths = new Set<string>();
  list(c.volumeMounts).forEach((m, i) => {
    const mp = `${p}.volumeMounts[${i}]`;
    const mn = str(m.name);
    if (mn === '') errs.push(required(`${mp}.name`, ''));
    else if (!volumes.has(mn)) errs.push(notFound(`${mp}.name`, mn));
    const path = str(m.mountPath);
    if (path === '') errs.push(required(`${mp}.mountPath`, ''));
    else if (mountPaths.has(path)) errs.push(invalid(`${mp}.mountPath`, path, 'must be unique'));
    mountPaths.add(path);
  });

  const restartAlways = init && c.restartPolicy === 'Always';
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (!isObj(c[kind])) continue;
    if (init && !restartAlways) {
      errs.push(forbidden(`${p}.${kind}`, 'may not be set for init containers without restartPolicy=Always'));
      continue;
    }
    errs.push(...validateProbe(c[kind] as Json, `${p}.${kind}`, grace));
    const success = (c[kind] as Json).successThreshold;
    if (kind !== 'readinessProbe' && typeof success === 'number' && success !== 1) errs.push(invalid(`${p}.${kind}.successThreshold`, success, 'must be 1'));
  }
  errs.push(...validateResources(c.resources, `${p}.resources`));
}

/** validateContainerPorts. */
function validateContainerPorts(raw: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(raw).forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = str(port.name);
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) msgs.forEach((m) => errs.push(invalid(`${p}.name`, name, m)));
      else if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      else names.add(name);
    }
    if (port.containerPort === undefined || port.containerPort === null || port.containerPort === 0) errs.push(required(`${p}.containerPort`, ''));
    else if (typeof port.containerPort === 'number') isValidPortNum(port.containerPort).forEach((m) => errs.push(invalid(`${p}.containerPort`, port.containerPort, m)));
    if (typeof port.hostPort === 'number' && port.hostPort !== 0) isValidPortNum(port.hostPort).forEach((m) => errs.push(invalid(`${p}.hostPort`, port.hostPort, m)));
    const protocol = str(port.protocol);
    if (protocol === '') errs.push(required(`${p}.protocol`, ''));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${p}.protocol`, protocol, PROTOCOLS));
  });
  return errs;
}

/** validateProbe + validateHandler: exactly one handler, non-negative numbers. */
export function validateProbe(probe: Json, path: string, _grace: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  for (const h of ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const) {
    if (!isObj(probe[h])) continue;
    if (handlers > 0) { errs.push(forbidden(`${path}.${h}`, 'may not specify more than 1 handler type')); continue; }
    handlers++;
    const body = probe[h] as Json;
    if (h === 'exec' && (!Array.isArray(body.command) || body.command.length === 0)) errs.push(required(`${path}.exec.command`, ''));
    if (h === 'httpGet') {
      if (isEmpty(body.path)) errs.push(required(`${path}.httpGet.path`, ''));
      errs.push(...validatePortNumOrName(body.port, `${path}.httpGet.port`));
      if (body.port === undefined) errs.push(...isValidPortNum(0).map((m) => invalid(`${path}.httpGet.port`, 0, m)));
      const scheme = str(body.scheme);
      if (!['HTTP', 'HTTPS'].includes(scheme)) errs.push(notSupported(`${path}.httpGet.scheme`, scheme, ['HTTP', 'HTTPS']));
    }
    if (h === 'tcpSocket') {
      errs.push(...validatePortNumOrName(body.port, `${path}.tcpSocket.port`));
      if (body.port === undefined) errs.push(...isValidPortNum(0).map((m) => invalid(`${path}.tcpSocket.port`, 0, m)));
    }
    if (h === 'grpc' && typeof body.port === 'number') errs.push(...isValidPortNum(body.port).map((m) => invalid(`${path}.grpc.port`, body.port, m)));
  }
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...validateNonnegative(probe[f], `${path}.${f}`));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'));
  return errs;
}

/** ValidateResourceRequirements: non-negative quantities; requests <= limits (equal for non-overcommittable resources). */
function validateResources(raw: unknown, path: string): FieldError[] {
  if (!isObj(raw)) return [];
  const errs: FieldError[] = [];
  const limits = isObj(raw.limits) ? raw.limits : {};
  const requests = isObj(raw.requests) ? raw.requests : {};
  for (const [name, q] of Object.entries(limits)) {
    errs.push(...validateResourceName(name, `${path}.limits[${name}]`));
    const v = parseQuantity(q as string);
    if (v !== undefined && v < 0) errs.push(invalid(`${path}.limits[${name}]`, quantityText(name, q), 'must be greater than or equal to 0'));
  }
  for (const [name, q] of Object.entries(requests)) {
    errs.push(...validateResourceName(name, `${path}.requests[${name}]`));
    const v = parseQuantity(q as string);
    if (v === undefined) continue;
    if (v < 0) errs.push(invalid(`${path}.requests[${name}]`, quantityText(name, q), 'must be greater than or equal to 0'));
    const limit = name in limits ? parseQuantity(limits[name] as string) : undefined;
    if (limit === undefined) continue;
    const limitText = quantityText(name, limits[name]);
    if (v !== limit && OVERCOMMIT_FORBIDDEN(name)) errs.push(invalid(`${path}.requests`, quantityText(name, q), `must be equal to ${name} limit of ${limitText}`));
    else if (v > limit) errs.push(invalid(`${path}.requests`, quantityText(name, q), `must be less than or equal to ${name} limit of ${limitText}`));
  }
  return errs;
}

/** validateContainerResourceName: a qualified name; an unprefixed name must be a standard container resource. */
function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isLabelKey(name).map((m) => invalid(path, name, m));
  if (!name.includes('/') && !['cpu', 'memory', 'ephemeral-storage'].includes(name) && !name.startsWith('hugepages-')) {
    errs.push(invalid(path, name, 'must be a standard resource for containers'));
  }
  return errs;
}

/** Quantity.String(): the canonical form, keeping the binary/decimal format it was written in ("500m", "128Mi"). */
function quantityText(_name: string, q: unknown): string {
  const v = parseQuantity(q as string);
  if (v === undefined) return String(q);
  return formatQuantity(v, typeof q === 'string' && q.endsWith('i') ? 'BinarySI' : 'DecimalSI');
}

/** validateTolerations. */
export function validateTolerations(raw: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(raw).forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (key !== '') for (const m of isLabelKey(key)) errs.push(invalid(`${p}.key`, key, m));
    if (key === '' && op !== 'Exists') errs.push(invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isLabelValue(str(t.value));
      if (msgs.length > 0) errs.push(invalid(`${p}.operator`, str(t.value), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(t.value) !== '') errs.push(invalid(`${p}.operator`, t, "value must be empty when `operator` is 'Exists'", goToleration(t)));
    } else {
      errs.push(notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
    }
    if (effect !== '' && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(`${p}.effect`, effect, TAINT_EFFECTS));
  });
  return errs;
}

/** %#v of a core.Toleration. */
function goToleration(t: Json): string {
  const secs = t.tolerationSeconds === undefined || t.tolerationSeconds === null ? '(*int64)(nil)' : `&${t.tolerationSeconds}`;
  return `core.Toleration{Key:${JSON.stringify(str(t.key))}, Operator:${JSON.stringify(str(t.operator))}, Value:${JSON.stringify(str(t.value))}, Effect:${JSON.stringify(str(t.effect))}, TolerationSeconds:${secs}}`;
}
