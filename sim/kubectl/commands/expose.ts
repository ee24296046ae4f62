import type { KubeObject, LabelSelector, Pod } from '../../api/types';
import { F, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { list, str } from '../flags';
import { selectObjects } from '../resources';
import { createObjectFromManifest } from './create-object';
import { PRINT_TEMPLATE_FLAGS } from './common';

// kubectl expose (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go RunExpose, with the
// ServiceGeneratorV2 of generate/versioned/service.go): a Service whose selector is the exposed
// object's (polymorphichelpers.mapBasedSelectorForObject), whose ports come from --port or the
// object's container ports (portsForObject), and whose labels are the object's.

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

export const expose: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: [
    F.filename, F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS, F.recursive,
    { name: 'port', kind: 'string' },
    { name: 'target-port', kind: 'string' },
    { name: 'protocol', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'name', kind: 'string' },
    { name: 'selector', kind: 'string' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'external-ip', kind: 'string' },
    { name: 'cluster-ip', kind: 'string' },
    { name: 'session-affinity', kind: 'string' },
    { name: 'load-balancer-ip', kind: 'string' },
    { name: 'container-port', kind: 'string' },
    { name: 'overrides', kind: 'string' },
    { name: 'save-config', kind: 'bool' },
  ],
  run: runExpose,
};

/** mapBasedSelectorForObject: the selector a Service needs to pick the object's Pods, or an error text. */
export function selectorFor(obj: KubeObject): Record<string, string> | string {
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) return `the pod has no labels and cannot be exposed`;
      return { ...labels };
    }
    case 'Service': {
      const sel = (obj.spec as { selector?: Record<string, string> }).selector;
      if (sel === undefined || Object.keys(sel).length === 0) return `the service has no pod selector set`;
      return { ...sel };
    }
    case 'ReplicationController':
      return { ...((obj.spec as { selector?: Record<string, string> }).selector ?? {}) };
    default: {
      const sel = (obj.spec as { selector?: LabelSelector }).selector;
      if (sel?.matchExpressions !== undefined && sel.matchExpressions.length > 0) {
        return `couldn't convert expressions - "${sel.matchExpressions.map((e) => `${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`).join(',')}" to map-based selector format`;
      }
      return { ...(sel?.matchLabels ?? {}) };
    }
  }
}

interface PortGuess { readonly port: number; readonly protocol: string }

/** portsForObject / protocolsForObject: the container ports of the object's Pod template (a Service: its ports). */
export function portsFor(obj: KubeObject): PortGuess[] {
  if (obj.kind === 'Service') {
    return ((obj.spec as { ports?: { port: number; protocol?: string }[] }).ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  }
  const podSpec = obj.kind === 'Pod' ? (obj as Pod).spec : (obj.spec as { template?: { spec?: Pod['spec'] } }).template?.spec;
  const out: PortGuess[] = [];
  for (const c of podSpec?.containers ?? []) for (const p of c.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP' });
  return out;
}

/** Parses `k=v,k2=v2` (--selector, --labels). */
function parseMap(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

/** ServiceGeneratorV2.generate: the manifest kubectl sends. */
export function exposeManifest(ctx: CommandContext, obj: KubeObject): Record<string, unknown> | string {
  const a = ctx.args;
  const selectorFlag = str(a, 'selector');
  const selector = selectorFlag !== undefined ? parseMap(selectorFlag) : selectorFor(obj);
  if (selector === undefined) return `error: invalid selector "${selectorFlag}"`;
  if (typeof selector === 'string') return `error: couldn't retrieve selectors via --selector flag or introspection: ${selector}`;
  const name = str(a, 'name') ?? obj.metadata.name;
  const labelsFlag = str(a, 'labels');
  const labels = labelsFlag !== undefined ? parseMap(labelsFlag) : obj.metadata.labels;
  if (labelsFlag !== undefined && labels === undefined) return `error: invalid label "${labelsFlag}"`;
  const protocol = str(a, 'protocol');
  const targetPort = str(a, 'target-port') ?? str(a, 'container-port');
  const portText = str(a, 'port');
  let ports: PortGuess[];
  if (portText !== undefined) {
    ports = [];
    for (const p of portText.split(',')) {
      const n = Number(p);
      if (!/^\d+$/.test(p) || n < 1 || n > 65535) return `error: invalid port "${p}": must be an integer between 1 and 65535`;
      ports.push({ port: n, protocol: protocol ?? 'TCP' });
    }
  } else {
    ports = portsFor(obj).map((p) => ({ port: p.port, protocol: protocol ?? p.protocol }));
    if (ports.length === 0) return "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples";
  }
  const servicePorts = ports.map((p, i) => ({
    ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
    port: p.port,
    protocol: p.protocol,
    targetPort: targetPort === undefined ? p.port : /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort,
  }));
  const type = str(a, 'type');
  const externalIP = str(a, 'external-ip');
  const clusterIP = str(a, 'cluster-ip');
  const affinity = str(a, 'session-affinity');
  if (affinity !== undefined && affinity !== 'None' && affinity !== 'ClientIP') return `error: unknown session affinity: ${affinity}`;
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, ...(labels && Object.keys(labels).length ? { labels } : {}) },
    spec: {
      ports: servicePorts,
      selector,
      ...(type !== undefined ? { type } : {}),
      ...(externalIP !== undefined ? { externalIPs: externalIP.split(',') } : {}),
      ...(clusterIP !== undefined && clusterIP !== '' ? { clusterIP } : {}),
      ...(affinity !== undefined ? { sessionAffinity: affinity } : {}),
    },
  };
}

function runExpose(ctx: CommandContext): KubectlResult {
  const sel = selectObjects(ctx.cluster, ctx.args.positional, { namespace: ctx.namespace, allNamespaces: false }, {
    filenames: list(ctx.args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(ctx.cluster, sel);
  if (sel.errors.length > 0) return failure(ctx.cluster, sel.errors.join('\n'));
  const objects = sel.found.flatMap((f) => f.objects);
  if (objects.length === 0) return failure(ctx.cluster, 'error: no objects passed to expose');
  let cluster = ctx.cluster;
  let stdout = '';
  let stderr = '';
  for (const obj of objects) {
    if (!EXPOSABLE.has(obj.kind)) { stderr += `error: cannot expose a ${obj.kind}\n`; continue; }
    const manifest = exposeManifest({ ...ctx, cluster }, obj);
    if (typeof manifest === 'string') { stderr += `${manifest}\n`; continue; }
    const r = createObjectFromManifest({ ...ctx, cluster }, manifest, `service/${String((manifest.metadata as { name: string }).name)}`, 'exposed');
    cluster = r.cluster;
    stdout += r.stdout;
    stderr += r.stderr;
  }
  return { cluster, stdout, stderr, exitCode: stderr.includes('error') || stderr.includes('Error') ? 1 : 0 };
}
