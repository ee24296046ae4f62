import type { KubeObject, Service } from '../../api/types';
import { F, failure, type Command, type KubectlResult } from '../context';
import { bool, str } from '../flags';
import { toJson, toYaml } from '../printers/objects';
import { allTypes } from '../resources';
import { GET_TABWRITER, tabwrite } from '../tabwriter';
import { apiServerUrl } from './kubeconfig';

// kubectl cluster-info, version, api-resources and api-versions.

/** kubectl version -> kustomize version bundled with it. */
const KUSTOMIZE: Readonly<Record<string, string>> = { 'v1.31': 'v5.4.2', 'v1.32': 'v5.5.0', 'v1.33': 'v5.6.0', 'v1.34': 'v5.7.1', 'v1.35': 'v5.7.1' };

export const version: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [{ name: 'client', kind: 'bool' }, F.output],
  run: (ctx) => {
    const v = ctx.cluster.config.kubernetesVersion;
    const kustomize = KUSTOMIZE[v.split('.').slice(0, 2).join('.')] ?? 'v5.7.1';
    // version.go Run: the client's version always; the server's when it answered, else its error after.
    const unreachable = ctx.serverUnreachable;
    const client = bool(ctx.args, 'client') || unreachable !== undefined;
    const ended = (stdout: string) => ({ cluster: ctx.cluster, stdout, stderr: unreachable !== undefined ? `${unreachable}\n` : '', exitCode: unreachable !== undefined ? 1 : 0 });
    const o = str(ctx.args, 'output');
    if (o === 'yaml' || o === 'json') {
      const info = (ver: string) => ({ buildDate: '2025-08-27T00:00:00Z', compiler: 'gc', gitCommit: '0000000000000000000000000000000000000000', gitTreeState: 'clean', gitVersion: ver, goVersion: 'go1.24.6', major: '1', minor: ver.split('.')[1], platform: 'linux/amd64' });
      const value = { clientVersion: info(v), kustomizeVersion: kustomize, ...(client ? {} : { serverVersion: info(v) }) };
      return ended(o === 'yaml' ? toYaml(value) : toJson(value));
    }
    if (o !== undefined && o !== '') return failure(ctx.cluster, "error: --output must be 'yaml' or 'json'");
    const lines = [`Client Version: ${v}`, `Kustomize Version: ${kustomize}`, ...(client ? [] : [`Server Version: ${v}`])];
    return ended(`${lines.join('\n')}\n`);
  },
};

export const clusterInfo: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  flags: [],
  run: (ctx): KubectlResult => {
    if (ctx.args.positional[0] === 'dump') return failure(ctx.cluster, 'error: kubespec: cluster-info dump is not supported; use kubectl get ... -o yaml');
    const server = apiServerUrl(ctx.cluster);
    const lines = [`Kubernetes control plane is running at ${server}`];
    // Services in kube-system labelled kubernetes.io/cluster-service=true, named by kubernetes.io/name.
    for (const svc of ctx.cluster.store.list<Service>('Service', 'kube-system')) {
      const labels = svc.metadata.labels ?? {};
      if (labels['kubernetes.io/cluster-service'] !== 'true') continue;
      const name = labels['kubernetes.io/name'] ?? svc.metadata.name;
      const port = svc.spec.ports?.[0];
      const portPart = port?.name ? `:${port.name}` : port ? `:${port.port}` : '';
      lines.push(`${name} is running at ${server}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${portPart}/proxy`);
    }
    return { cluster: ctx.cluster, stdout: `${lines.join('\n')}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`, stderr: '', exitCode: 0 };
  },
};

export const apiResources: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [{ name: 'namespaced', kind: 'bool', default: true }, { name: 'no-headers', kind: 'bool' }, F.output, { name: 'api-group', kind: 'string' }],
  run: (ctx) => {
    const { args } = ctx;
    const onlyNamespaced = ctx.args.given.some((g) => g.name === 'namespaced') ? bool(args, 'namespaced') : undefined;
    const group = str(args, 'api-group');
    const types = allTypes()
      .filter((t) => onlyNamespaced === undefined || t.namespaced === onlyNamespaced)
      .filter((t) => group === undefined || t.group === group)
      .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.plural < b.plural ? -1 : 1));
    const o = str(args, 'output');
    if (o === 'name') return { cluster: ctx.cluster, stdout: types.map((t) => (t.group ? `${t.plural}.${t.group}` : t.plural)).join('\n') + '\n', stderr: '', exitCode: 0 };
    const lines = bool(args, 'no-headers') ? [] : ['NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND'];
    for (const t of types) lines.push([t.plural, t.shortNames.join(','), t.apiVersion, String(t.namespaced), t.kind].join('\t'));
    return { cluster: ctx.cluster, stdout: tabwrite(`${lines.join('\n')}\n`, GET_TABWRITER), stderr: '', exitCode: 0 };
  },
};

/**
 * The group versions a kubeadm API server serves by default: controlplane's
 * stableAPIGroupVersionsEnabledByDefault (betas are off by default since v1.24), plus the
 * apiextensions and aggregator groups; resource.k8s.io/v1 joined the list in v1.34.
 */
function builtinGroupVersions(kubernetesVersion: string): string[] {
  const minor = Number(kubernetesVersion.split('.')[1] ?? '34');
  return [
    'admissionregistration.k8s.io/v1', 'apiextensions.k8s.io/v1', 'apiregistration.k8s.io/v1', 'apps/v1',
    'authentication.k8s.io/v1', 'authorization.k8s.io/v1', 'autoscaling/v1', 'autoscaling/v2', 'batch/v1',
    'certificates.k8s.io/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'events.k8s.io/v1',
    'flowcontrol.apiserver.k8s.io/v1', 'networking.k8s.io/v1', 'node.k8s.io/v1', 'policy/v1',
    'rbac.authorization.k8s.io/v1', ...(minor >= 34 ? ['resource.k8s.io/v1'] : []), 'scheduling.k8s.io/v1', 'storage.k8s.io/v1', 'v1',
  ];
}

/** kubectl api-versions (cmd/apiresources/apiversions.go RunAPIVersions): every served group version, sorted. */
export const apiVersions: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  flags: [],
  run: (ctx) => {
    if (ctx.args.positional.length > 0) return failure(ctx.cluster, `error: unexpected arguments: [${ctx.args.positional.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples`);
    const versions = new Set(builtinGroupVersions(ctx.cluster.config.kubernetesVersion));
    // Aggregated APIs (metrics-server's v1beta1.metrics.k8s.io) are discovered through their APIService.
    for (const a of ctx.cluster.store.list<KubeObject>('APIService', '')) {
      const spec = (a as { spec?: { group?: string; version?: string } }).spec;
      if (spec?.group && spec.version) versions.add(`${spec.group}/${spec.version}`);
    }
    // metav1.ExtractGroupVersions, then sort.Strings: byte order puts the core "v1" last.
    const sorted = [...versions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { cluster: ctx.cluster, stdout: sorted.map((v) => `${v}\n`).join(''), stderr: '', exitCode: 0 };
  },
};
