import { F, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { int, isSet, list, str } from '../flags';
import { createObjectFromManifest } from './create-object';
import { PRINT_TEMPLATE_FLAGS } from './common';

// kubectl create service clusterip|nodeport|loadbalancer|externalname
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go): a Service labelled and
// selecting app=<name>, one TCP port per --tcp=<port>[:<targetPort>] named after it.

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** utilsnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16). */
function parsePort(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  return n > 65535 ? `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range` : n;
}

/** validation.IsValidPortName's messages. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (!PORT_NAME.test(name) && /^[-a-z0-9]+$/.test(name)) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** parsePorts: `5678:8080` -> 5678 and targetPort 8080; a name as the target is a named port. */
function parsePorts(spec: string): { port: number; targetPort: number | string } | { error: string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (typeof port === 'string') return { error: port };
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (/^[+-]?\d+$/.test(target)) {
    const n = Number(target);
    if (n < 1 || n > 65535) return { error: 'must be between 1 and 65535, inclusive' };
    return { port, targetPort: n };
  }
  const errs = portNameErrors(target);
  if (errs.length > 0) return { error: errs.join(',') };
  return { port, targetPort: target };
}

/** validation.IsDNS1123Subdomain, as ServiceOptions.Validate checks --external-name. */
const isDns1123Subdomain = (s: string): boolean => s.length > 0 && s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);

function createService(ctx: CommandContext, type: ServiceType, usage: string): KubectlResult {
  const [name, ...extra] = ctx.args.positional;
  if (name === undefined || extra.length > 0) return failure(ctx.cluster, `error: exactly one NAME is required, got ${ctx.args.positional.length}\nSee '${usage} -h' for help and examples`);
  const tcp = list(ctx.args, 'tcp').flatMap((v) => v.split(','));
  const clusterIP = str(ctx.args, 'clusterip') ?? '';
  const externalName = str(ctx.args, 'external-name') ?? '';
  if (type === 'ExternalName' && externalName === '') return failure(ctx.cluster, 'error: required flag(s) "external-name" not set');
  // ServiceOptions.Validate.
  if (clusterIP === 'None' && type !== 'ClusterIP') return failure(ctx.cluster, 'error: ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') return failure(ctx.cluster, 'error: at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && !isDns1123Subdomain(externalName)) return failure(ctx.cluster, `error: invalid service external name ${externalName}`);
  const nodePort = int(ctx.args, 'node-port') ?? 0;
  const ports: Record<string, unknown>[] = [];
  for (const spec of tcp) {
    const p = parsePorts(spec);
    if ('error' in p) return failure(ctx.cluster, `error: ${p.error}`);
    ports.push({ name: spec.replace(/:/g, '-'), port: p.port, protocol: 'TCP', targetPort: p.targetPort, ...(nodePort !== 0 ? { nodePort } : {}) });
  }
  const labels = { app: name };
  const manifest: Record<string, unknown> = {
    apiVersion: 'v1', kind: 'Service',
    metadata: { creationTimestamp: null, labels, name },
    spec: {
      ...(clusterIP !== '' ? { clusterIP } : {}),
      ...(type === 'ExternalName' ? { externalName } : {}),
      ...(ports.length > 0 ? { ports } : {}),
      selector: labels,
      type,
    },
    status: { loadBalancer: {} },
  };
  return createObjectFromManifest(ctx, manifest, `service/${name}`, 'created', { what: `${type} service`, qualifiedKind: 'Service' });
}

const COMMON_FLAGS = [
  F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS,
  { name: 'tcp', kind: 'stringArray' as const },
  { name: 'validate', kind: 'string' as const, default: 'strict', noOptDefVal: 'strict' },
];

const SUBCOMMANDS: Readonly<Record<string, { type: ServiceType; flags: Command['flags'] }>> = {
  clusterip: { type: 'ClusterIP', flags: [...COMMON_FLAGS, { name: 'clusterip', kind: 'string' }] },
  nodeport: { type: 'NodePort', flags: [...COMMON_FLAGS, { name: 'node-port', kind: 'int' }] },
  loadbalancer: { type: 'LoadBalancer', flags: COMMON_FLAGS },
  externalname: { type: 'ExternalName', flags: [...COMMON_FLAGS, { name: 'external-name', kind: 'string' }] },
};

// The kubectl registry resolves one subcommand level, so `create service` reads its own type word.
export const createServiceCommand: Command = {
  name: 'service',
  short: 'Create a service using a specified subcommand',
  flags: [...COMMON_FLAGS, { name: 'clusterip', kind: 'string' }, { name: 'node-port', kind: 'int' }, { name: 'external-name', kind: 'string' }],
  run: (ctx) => {
    const [sub, ...rest] = ctx.args.positional;
    const known = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (known === undefined) {
      return failure(ctx.cluster, "error: kubespec: `kubectl create service` needs one of clusterip, nodeport, loadbalancer, externalname\nSee 'kubectl create service -h' for help and examples");
    }
    // A flag of another type's subcommand is unknown to this one, as cobra says.
    const allowed = new Set(known.flags.map((f) => f.name));
    for (const f of ['clusterip', 'node-port', 'external-name']) {
      if (!allowed.has(f) && isSet(ctx.args, f)) return failure(ctx.cluster, `error: unknown flag: --${f}\nSee 'kubectl create service ${sub} --help' for usage.`);
    }
    return createService({ ...ctx, args: { ...ctx.args, positional: rest } }, known.type, `kubectl create service ${sub}`);
  },
};
