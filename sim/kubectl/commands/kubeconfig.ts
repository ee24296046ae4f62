import type { Node } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { rootCaPem } from '../../serviceaccount/root-ca';

// The kubeconfig kubectl reads here: the /etc/kubernetes/admin.conf kubeadm writes for the cluster
// the simulator bootstraps (cmd/kubeadm/app/phases/kubeconfig: cluster "kubernetes", user
// "kubernetes-admin", context "kubernetes-admin@kubernetes", certificates embedded as *-data).

export const CLUSTER_NAME = 'kubernetes';
export const USER_NAME = 'kubernetes-admin';
export const CONTEXT_NAME = `${USER_NAME}@${CLUSTER_NAME}`;

/** A clusters[] entry (clientcmdapi.Cluster): the fields `kubectl config set-cluster` sets. */
export interface KubeconfigCluster {
  readonly name: string;
  readonly server?: string;
  readonly tlsServerName?: string;
  readonly insecureSkipTlsVerify?: boolean;
  /** certificate-authority: a file path. */
  readonly caFile?: string;
  /** certificate-authority-data, base64 (as the file holds it). */
  readonly caData?: string;
  readonly proxyUrl?: string;
}

/** A users[] entry (clientcmdapi.AuthInfo): the fields `kubectl config set-credentials` sets. */
export interface KubeconfigUser {
  readonly name: string;
  /** client-certificate / client-key: file paths. */
  readonly certFile?: string;
  readonly keyFile?: string;
  /** client-certificate-data / client-key-data, base64. */
  readonly certData?: string;
  readonly keyData?: string;
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
}

/** A contexts[] entry (clientcmdapi.Context); an empty field is left out, as omitempty does. */
export interface KubeconfigContext {
  readonly name: string;
  readonly cluster?: string;
  readonly user?: string;
  readonly namespace?: string;
}

/**
 * The kubeconfig kubectl reads: kubeadm's admin.conf until a `kubectl config set-*` / `delete-*`
 * rewrites the shell session's copy (sim/kubectl/commands/config-write.ts). Names are unique in
 * each list (clientcmdapi keeps maps; the v1 file lists them sorted by name).
 */
export interface Kubeconfig {
  readonly clusters: readonly KubeconfigCluster[];
  readonly users: readonly KubeconfigUser[];
  readonly contexts: readonly KubeconfigContext[];
  /** "" when unset (kubectl config unset current-context). */
  readonly currentContext: string;
}

/**
 * The file kubectl names in `deleted context X from FILE` (ConfigAccess.GetDefaultFilename, or
 * the explicit --kubeconfig): the root user's copy of admin.conf, as kubeadm init tells one to make.
 */
export const DEFAULT_KUBECONFIG_PATH = '/root/.kube/config';

/** The API server's address, as kubeadm's controlPlaneEndpoint: the control-plane node's InternalIP, port 6443. */
export function apiServerUrl(cluster: Cluster): string {
  const nodes = cluster.store.list<Node>('Node', '');
  const master = nodes.find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})) ?? nodes[0];
  const ip = master?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '192.168.56.100';
  return `https://${ip}:6443`;
}

/** admin.conf: the certificates are stable PEM-shaped bodies per cluster seed (no real keys). */
export function adminKubeconfig(cluster: Cluster): Kubeconfig {
  const seed = cluster.config.seed;
  const b64 = (pem: string) => Buffer.from(pem, 'utf8').toString('base64');
  return {
    clusters: [{ name: CLUSTER_NAME, server: apiServerUrl(cluster), caData: b64(rootCaPem(seed)) }],
    users: [{
      name: USER_NAME,
      // An RSA 2048 client certificate the CA signed (O=kubeadm:cluster-admins) and its PKCS#1 key.
      certData: b64(pem('CERTIFICATE', 'MIIDKTCCAhGgAwIBAgII', 1556, seed ^ 0x51ed27)),
      keyData: b64(pem('RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA', 1588, seed ^ 0x2545f491)),
    }],
    contexts: [{ name: CONTEXT_NAME, cluster: CLUSTER_NAME, user: USER_NAME }],
    currentContext: CONTEXT_NAME,
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A PEM block of `length` base64 characters starting with `prefix` (the DER's fixed header), 64 a line. */
function pem(type: string, prefix: string, length: number, seed: number): string {
  let h = (0x9e3779b9 ^ seed) >>> 0;
  const chars: string[] = [prefix];
  for (let n = prefix.length; n < length; n++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    chars.push(B64[h & 63]);
  }
  const body = chars.join('');
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

/**
 * The kubeconfig as clientcmd/api/v1.Config encodes it, fields in struct order (kubectl's JSON
 * printer keeps it; its YAML printer sorts keys). `shorten` is clientcmdapi.ShortenConfig: certificate
 * data print as DATA+OMITTED (and a token as REDACTED), unless --raw or --flatten.
 */
export function kubeconfigV1(config: Kubeconfig, shorten: boolean): Record<string, unknown> {
  const data = (d: string | undefined) => (d === undefined || d === '' ? undefined : shorten ? 'DATA+OMITTED' : d);
  const secret = (d: string | undefined) => (d === undefined || d === '' ? undefined : shorten ? 'REDACTED' : d);
  const byName = <T extends { readonly name: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: byName(config.clusters).map((c) => ({
      name: c.name,
      cluster: omitEmpty({
        server: c.server ?? '', 'tls-server-name': c.tlsServerName, 'insecure-skip-tls-verify': c.insecureSkipTlsVerify || undefined,
        'certificate-authority': c.caFile, 'certificate-authority-data': data(c.caData), 'proxy-url': c.proxyUrl,
      }),
    })),
    users: byName(config.users).map((u) => ({
      name: u.name,
      user: omitEmpty({
        'client-certificate': u.certFile, 'client-certificate-data': data(u.certData), 'client-key': u.keyFile, 'client-key-data': data(u.keyData), token: secret(u.token),
        username: u.username, password: u.password,
      }),
    })),
    contexts: byName(config.contexts).map((c) => ({ name: c.name, context: omitEmpty({ cluster: c.cluster ?? '', user: c.user ?? '', namespace: c.namespace }) })),
    'current-context': config.currentContext,
  };
}

/** The fields of a v1 kubeconfig struct that `omitempty` keeps (a cluster's server, a context's cluster and user have no omitempty). */
function omitEmpty(fields: Record<string, string | boolean | undefined>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && (v !== '' || k === 'server' || k === 'cluster' || k === 'user')) out[k] = v;
  return out;
}

/**
 * clientcmdapi.MinifyConfig: only the current context, its cluster and its user.
 * `context` (--context) replaces the current context first.
 */
export function minifyConfig(config: Kubeconfig, context: string | undefined): Kubeconfig | { error: string } {
  const current = context !== undefined && context !== '' ? context : config.currentContext;
  if (current === '') return { error: 'current-context must exist in order to minify' };
  const ctx = config.contexts.find((c) => c.name === current);
  if (ctx === undefined) return { error: `cannot locate context ${current}` };
  // A context without a cluster (or user) keeps none; one it names must exist.
  const cluster = ctx.cluster ? config.clusters.find((c) => c.name === ctx.cluster) : undefined;
  if (ctx.cluster && cluster === undefined) return { error: `cannot locate cluster ${ctx.cluster}` };
  const user = ctx.user ? config.users.find((u) => u.name === ctx.user) : undefined;
  if (ctx.user && user === undefined) return { error: `cannot locate user ${ctx.user}` };
  return { clusters: cluster ? [cluster] : [], users: user ? [user] : [], contexts: [ctx], currentContext: current };
}
