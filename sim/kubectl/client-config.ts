import type { Kubeconfig, KubeconfigCluster, KubeconfigContext, KubeconfigUser } from './commands/kubeconfig';

// How kubectl turns the kubeconfig and the global flags --context, --cluster, --user, --server and
// -n into the namespace and server a command uses, and the errors when they do not fit together:
// client-go's clientcmd DirectClientConfig (client_config.go: Namespace, ConfirmUsable,
// ClientConfig, getContext/getAuthInfo/getCluster) and validation.go, as kubectl's
// cmdutil.checkErr prints them ("Error in configuration: ..." for errConfigurationInvalid).

/** The global flags that override the kubeconfig (clientcmd.ConfigOverrides); '' = not given. */
export interface ConfigOverrides {
  readonly context?: string;
  readonly cluster?: string;
  readonly user?: string;
  readonly server?: string;
  readonly namespace?: string;
}

/** cmdutil.StandardErrorMessage for a refused connection to ClusterDefaults' server. */
export const CONNECTION_REFUSED = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?';

/** clientcmd.ClusterDefaults: getDefaultServer() without KUBERNETES_MASTER. */
const DEFAULT_SERVER = 'http://localhost:8080';

type Found<T> = { readonly value: T } | { readonly error: string };

const given = (s: string | undefined): s is string => s !== undefined && s !== '';

/** DirectClientConfig.getContext: the context merged with the overrides; an error only for an unknown --context. */
function getContext(config: Kubeconfig, o: ConfigOverrides): Found<Omit<KubeconfigContext, 'name'>> {
  const name = given(o.context) ? o.context : config.currentContext;
  const found = config.contexts.find((c) => c.name === name);
  if (found === undefined && given(o.context)) return { error: `context "${name}" does not exist` };
  return {
    value: {
      cluster: given(o.cluster) ? o.cluster : found?.cluster,
      user: given(o.user) ? o.user : found?.user,
      namespace: given(o.namespace) ? o.namespace : found?.namespace,
    },
  };
}

const contextOrEmpty = (config: Kubeconfig, o: ConfigOverrides) => {
  const c = getContext(config, o);
  return 'value' in c ? c.value : {};
};

/** DirectClientConfig.getAuthInfo: an error only for an unknown --user. */
function getAuthInfo(config: Kubeconfig, o: ConfigOverrides): Found<Partial<KubeconfigUser>> {
  const name = given(o.user) ? o.user : contextOrEmpty(config, o).user ?? '';
  const found = config.users.find((u) => u.name === name);
  if (found === undefined && given(o.user)) return { error: `auth info "${name}" does not exist` };
  return { value: found ?? {} };
}

/** DirectClientConfig.getCluster: ClusterDefaults (http://localhost:8080), the cluster, then --server; an error only for an unknown --cluster. */
function getCluster(config: Kubeconfig, o: ConfigOverrides): Found<Partial<KubeconfigCluster>> {
  const name = given(o.cluster) ? o.cluster : contextOrEmpty(config, o).cluster ?? '';
  const found = config.clusters.find((c) => c.name === name);
  if (found === undefined && given(o.cluster)) return { error: `cluster "${name}" does not exist` };
  const server = given(o.server) ? o.server : given(found?.server) ? found!.server : DEFAULT_SERVER;
  return { value: { ...found, server } };
}

/**
 * DirectClientConfig.ConfirmUsable: the named context exists, its user has at most one way to log
 * in (validateAuthInfo), its cluster has a server (validateClusterInfo). The errors as
 * cmdutil.MultilineError("Error in configuration: ", ...) prints them; undefined when usable.
 */
export function confirmUsable(config: Kubeconfig, o: ConfigOverrides): string | undefined {
  const errors: string[] = [];
  const contextName = given(o.context) ? o.context : config.currentContext;
  if (contextName !== '' && !config.contexts.some((c) => c.name === contextName)) errors.push(`context was not found for specified context: ${contextName}`);
  const authInfoName = given(o.user) ? o.user : contextOrEmpty(config, o).user ?? '';
  const authInfo = getAuthInfo(config, o);
  if ('value' in authInfo) {
    const methods = [...(given(authInfo.value.token) ? ['token'] : []), ...(given(authInfo.value.username) || given(authInfo.value.password) ? ['basicAuth'] : [])];
    if (methods.length > 1) errors.push(`more than one authentication method found for ${authInfoName}; found [${methods.join(' ')}], only one is allowed`);
  }
  const clusterName = given(o.cluster) ? o.cluster : contextOrEmpty(config, o).cluster ?? '';
  // getCluster's error leaves a zero Cluster{}: no server (not the NewCluster() that means "empty").
  if ('error' in getCluster(config, o)) errors.push(clusterName === '' ? 'default cluster has no server defined' : `no server found for cluster "${clusterName}"`);
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? `Error in configuration: ${errors[0]}` : `Error in configuration: \n${errors.map((e) => `* ${e}`).join('\n')}`;
}

/**
 * DirectClientConfig.Namespace: -n wins without a look at the kubeconfig; else the config must be
 * usable, and the namespace is the context's, or "default". `explicit` is kubectl's enforceNamespace.
 */
export function clientNamespace(config: Kubeconfig, o: ConfigOverrides): { namespace: string; explicit: boolean } | { error: string } {
  if (given(o.namespace)) return { namespace: o.namespace, explicit: true };
  const unusable = confirmUsable(config, o);
  if (unusable !== undefined) return { error: unusable };
  const context = getContext(config, o);
  if ('error' in context) return { error: `error: ${context.error}` };
  return { namespace: given(context.value.namespace) ? context.value.namespace : 'default', explicit: false };
}

/**
 * DirectClientConfig.ClientConfig, then the first request: user, context and cluster named by the
 * flags must exist, the config must be usable, and the server must be the simulated API server's.
 * A context without a cluster leaves ClusterDefaults' http://localhost:8080, which refuses the
 * connection (cmdutil.StandardErrorMessage's words; kubectl's memcache.go log lines before it are not printed).
 */
export function clientServerError(config: Kubeconfig, o: ConfigOverrides): string | undefined {
  for (const r of [getAuthInfo(config, o), getContext(config, o), getCluster(config, o)]) if ('error' in r) return `error: ${r.error}`;
  const unusable = confirmUsable(config, o);
  if (unusable !== undefined) return unusable;
  const cluster = getCluster(config, o);
  const server = 'value' in cluster ? cluster.value.server ?? DEFAULT_SERVER : DEFAULT_SERVER;
  if (server === DEFAULT_SERVER) return CONNECTION_REFUSED;
  return undefined;
}
