import type { KubeObject } from '../types';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors';
import { isObj, type Json } from './shape';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum, nameIsDNS1035Label } from './names';
import { validatePortNumOrName } from './intstr';

// pkg/apis/core/validation ValidateService / ValidateServiceUpdate (the name is a DNS-1035 label),
// and the node-port allocator's range check (--service-node-port-range 30000-32767).

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

export function validateService(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = old === undefined ? validateObjectMeta(obj, true, nameIsDNS1035Label) : validateObjectMetaUpdate(obj, old);
  const type = String(spec.type ?? '');
  const headless = spec.clusterIP === 'None';
  const ports: Json[] = Array.isArray(spec.ports) ? spec.ports.map((p) => (isObj(p) ? p : {})) : [];
  if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ExternalName') {
    const name = typeof spec.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : '';
    if (name === '') errs.push(required('spec.externalName', ''));
    else for (const msg of isDNS1123Subdomain(name)) errs.push(invalid('spec.externalName', spec.externalName, msg));
  }
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports', ''));
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    const name = typeof port.name === 'string' ? port.name : '';
    if (ports.length > 1 && name === '') errs.push(required(`${p}.name`, ''));
    else if (name !== '') {
      for (const msg of isDNS1123Label(name)) errs.push(invalid(`${p}.name`, name, msg));
      if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      names.add(name);
    }
    if (typeof port.port === 'number' || port.port === undefined) {
      for (const msg of isValidPortNum(Number(port.port ?? 0))) errs.push(invalid(`${p}.port`, port.port ?? 0, msg));
    }
    const protocol = String(port.protocol ?? '');
    if (protocol === '') errs.push(required(`${p}.protocol`, ''));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${p}.protocol`, protocol, PROTOCOLS));
    errs.push(...validatePortNumOrName(port.targetPort, `${p}.targetPort`));
    const nodePort = port.nodePort;
    if (typeof nodePort === 'number' && nodePort !== 0) {
      if (type === 'ClusterIP') errs.push(forbidden(`${p}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
      else if (type === 'NodePort' || type === 'LoadBalancer') {
        if (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max) {
          errs.push(invalid(`${p}.nodePort`, nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`));
        }
      }
    }
  });
  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  // ValidateService: duplicate (protocol, port) pairs; the key prints as Go's %#v of core.ServicePort.
  const seenPorts = new Set<string>();
  ports.forEach((port, i) => {
    const key = `core.ServicePort{Name:"", Protocol:${JSON.stringify(String(port.protocol ?? ''))}, AppProtocol:(*string)(nil), Port:${Number(port.port ?? 0)}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
    if (seenPorts.has(key)) errs.push({ ...duplicate(`spec.ports[${i}]`, key), printed: key });
    seenPorts.add(key);
  });
  const affinity = String(spec.sessionAffinity ?? '');
  if (affinity === '') errs.push(required('spec.sessionAffinity', ''));
  else if (!['ClientIP', 'None'].includes(affinity)) errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  if (old !== undefined) {
    const prev = isObj(old.spec) ? old.spec : {};
    // validateUpgradeDowngradeClusterIPs: the primary cluster IP may not change (except to/from ExternalName).
    if (typeof prev.clusterIP === 'string' && prev.clusterIP !== '' && typeof spec.clusterIP === 'string' && spec.clusterIP !== '' &&
      spec.clusterIP !== prev.clusterIP && type !== 'ExternalName' && prev.type !== 'ExternalName') {
      errs.push(invalid('spec.clusterIPs[0]', [spec.clusterIP], 'may not change once set'));
    }
  }
  return errs;
}
