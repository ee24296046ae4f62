import { failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, str, type FlagSpec } from '../flags';
import { rootCaPem } from '../../serviceaccount/root-ca';
import { DEFAULT_KUBECONFIG_PATH, type Kubeconfig, type KubeconfigCluster, type KubeconfigContext, type KubeconfigUser } from './kubeconfig';
import { setProperty } from './config-property';

// The `kubectl config` subcommands that write the kubeconfig (staging/src/k8s.io/kubectl/pkg/cmd/config:
// set_context.go, use_context.go, delete_context.go, rename_context.go, create_cluster.go,
// create_authinfo.go, delete_cluster.go, delete_user.go, set.go, unset.go). They rewrite the
// shell session's kubeconfig (KubectlResult.kubeconfig): nothing in the cluster changes, and the
// next commands read the new current context and its namespace (sim/kubectl/client-config.ts).

/** ConfigAccess.GetDefaultFilename, or the explicit --kubeconfig: the file the messages name. */
export function configFile(ctx: CommandContext): string {
  const explicit = str(ctx.args, 'kubeconfig');
  return explicit !== undefined && explicit !== '' ? explicit : DEFAULT_KUBECONFIG_PATH;
}

/** clientcmd.ModifyConfig: the command's output, and the kubeconfig the session keeps. */
function saved(ctx: CommandContext, kubeconfig: Kubeconfig, stdout: string, stderr = ''): KubectlResult {
  return { cluster: ctx.cluster, stdout, stderr, exitCode: 0, kubeconfig };
}

const fail = (ctx: CommandContext, message: string) => failure(ctx.cluster, `error: ${message}`);

/** helpErrorf (cmd/config/config.go) after the help text kubespec does not print. */
const unexpectedArgs = (ctx: CommandContext) => fail(ctx, `Unexpected args: [${ctx.args.positional.join(' ')}]`);

/** Replaces (or appends) the entry named `name`. */
function upsert<T extends { readonly name: string }>(list: readonly T[], entry: T): T[] {
  return list.some((x) => x.name === entry.name) ? list.map((x) => (x.name === entry.name ? entry : x)) : [...list, entry];
}

/** setContextOptions.run: fields given (even empty) replace the context's; a new name creates it. */
export const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [{ name: 'current', kind: 'bool' }, { name: 'cluster', kind: 'string' }, { name: 'user', kind: 'string' }, { name: 'namespace', kind: 'string' }],
  run: (ctx) => {
    if (ctx.args.positional.length > 1) return unexpectedArgs(ctx);
    const given = ctx.args.positional[0] ?? '';
    const current = bool(ctx.args, 'current');
    if (given === '' && !current) return fail(ctx, 'you must specify a non-empty context name or --current');
    if (given !== '' && current) return fail(ctx, 'you cannot specify both a context name and --current');
    const config = ctx.kubeconfig;
    if (current && config.currentContext === '') return fail(ctx, 'no current context is set');
    const name = current ? config.currentContext : given;
    const existing = config.contexts.find((c) => c.name === name);
    const cluster = str(ctx.args, 'cluster'), user = str(ctx.args, 'user'), namespace = str(ctx.args, 'namespace');
    const context: KubeconfigContext = {
      name,
      cluster: cluster ?? existing?.cluster,
      user: user ?? existing?.user,
      namespace: namespace ?? existing?.namespace,
    };
    return saved(ctx, { ...config, contexts: upsert(config.contexts, context) }, `Context "${name}" ${existing !== undefined ? 'modified' : 'created'}.\n`);
  },
};

/** use_context.go: the context must exist in the file. */
export const useContext: Command = {
  name: 'use-context',
  short: 'Set the current-context in a kubeconfig file',
  flags: [],
  run: (ctx) => {
    const name = ctx.args.positional[0];
    if (ctx.args.positional.length !== 1) return unexpectedArgs(ctx);
    if (!ctx.kubeconfig.contexts.some((c) => c.name === name)) return fail(ctx, `no context exists with the name: "${name}"`);
    return saved(ctx, { ...ctx.kubeconfig, currentContext: name }, `Switched to context "${name}".\n`);
  },
};

/** runDeleteContext: the current context may go (with a warning); current-context keeps its name. */
export const deleteContext: Command = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  flags: [],
  run: (ctx) => {
    if (ctx.args.positional.length !== 1) return { cluster: ctx.cluster, stdout: deleteHelp('delete-context'), stderr: '', exitCode: 0 }; // cmd.Help(); return nil
    const name = ctx.args.positional[0];
    const config = ctx.kubeconfig;
    if (!config.contexts.some((c) => c.name === name)) return fail(ctx, `cannot delete context ${name}, not in ${configFile(ctx)}`);
    const warning = config.currentContext === name ? 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n' : '';
    return {
      ...saved(ctx, { ...config, contexts: config.contexts.filter((c) => c.name !== name) }, `deleted context ${name} from ${configFile(ctx)}\n`, warning),
      ...(warning !== '' ? { written: [{ stream: 'stderr' as const, text: warning }, { stream: 'stdout' as const, text: `deleted context ${name} from ${configFile(ctx)}\n` }] } : {}),
    };
  },
};

function deleteHelp(command: string): string {
  const what = command.replace('delete-', '');
  return `Delete the specified ${what} from the kubeconfig.\n\nUsage:\n  kubectl config ${command} NAME [options]\n`;
}

/** RenameContextOptions.RunRenameContext: current-context follows the rename. */
export const renameContext: Command = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  flags: [],
  run: (ctx) => {
    if (ctx.args.positional.length !== 2) return unexpectedArgs(ctx);
    const [from, to] = ctx.args.positional;
    if (to === '') return fail(ctx, 'You must specify a new non-empty context name');
    const config = ctx.kubeconfig;
    const context = config.contexts.find((c) => c.name === from);
    if (context === undefined) return fail(ctx, `cannot rename the context "${from}", it's not in ${configFile(ctx)}`);
    if (config.contexts.some((c) => c.name === to)) return fail(ctx, `cannot rename the context "${from}", the context "${to}" already exists in ${configFile(ctx)}`);
    const contexts = [...config.contexts.filter((c) => c.name !== from), { ...context, name: to }];
    return saved(ctx, { ...config, contexts, currentContext: config.currentContext === from ? to : config.currentContext }, `Context "${from}" renamed to "${to}".\n`);
  },
};

/** filepath.Abs of a path given to set-cluster / set-credentials: kubectl runs in root's home here. */
const absolute = (path: string) => (path.startsWith('/') ? path : `/root/${path.replace(/^\.\//, '')}`);

/** What `--embed-certs` reads: kubeadm's CA at /etc/kubernetes/pki/ca.crt, else a file of the scenario. */
function readCertFile(ctx: CommandContext, path: string): string | undefined {
  if (path === '/etc/kubernetes/pki/ca.crt') return rootCaPem(ctx.cluster.config.seed);
  return ctx.io.readFile(path);
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** setClusterOptions.modifyCluster (create_cluster.go). */
export const setCluster: Command = {
  name: 'set-cluster',
  short: 'Set a cluster entry in kubeconfig',
  flags: [
    ...['server', 'certificate-authority', 'tls-server-name', 'proxy-url'].map((f): FlagSpec => ({ name: f, kind: 'string' })),
    { name: 'insecure-skip-tls-verify', kind: 'bool' },
    { name: 'embed-certs', kind: 'bool' },
  ],
  run: (ctx) => {
    if (ctx.args.positional.length !== 1) return unexpectedArgs(ctx);
    const name = ctx.args.positional[0];
    if (name === '') return fail(ctx, 'you must specify a non-empty cluster name');
    const insecure = ctx.args.values.get('insecure-skip-tls-verify') as boolean | undefined;
    const ca = str(ctx.args, 'certificate-authority');
    if (insecure === true && ca !== undefined && ca !== '') return fail(ctx, 'you cannot specify a certificate authority and insecure mode at the same time');
    const embed = bool(ctx.args, 'embed-certs');
    let caText: string | undefined;
    if (embed) {
      if (ca === undefined || ca === '') return fail(ctx, 'you must specify a --certificate-authority to embed');
      caText = readCertFile(ctx, ca);
      if (caText === undefined) return fail(ctx, `could not read certificate-authority data from ${ca}: open ${ca}: no such file or directory`);
    }
    const config = ctx.kubeconfig;
    let c: KubeconfigCluster = config.clusters.find((x) => x.name === name) ?? { name };
    const server = str(ctx.args, 'server'), tls = str(ctx.args, 'tls-server-name'), proxy = str(ctx.args, 'proxy-url');
    if (server !== undefined) c = { ...c, server };
    if (tls !== undefined) c = { ...c, tlsServerName: tls };
    if (proxy !== undefined) c = { ...c, proxyUrl: proxy };
    if (insecure !== undefined) c = { ...c, insecureSkipTlsVerify: insecure, ...(insecure ? { caFile: undefined, caData: undefined } : {}) };
    if (ca !== undefined) {
      c = caText !== undefined
        ? { ...c, caData: b64(caText), caFile: undefined, insecureSkipTlsVerify: false }
        : { ...c, caFile: absolute(ca), ...(ca !== '' ? { caData: undefined, insecureSkipTlsVerify: false } : {}) };
    }
    return saved(ctx, { ...config, clusters: upsert(config.clusters, c) }, `Cluster "${name}" set.\n`);
  },
};

/** createAuthInfoOptions.modifyAuthInfo (create_authinfo.go): a token clears basic auth and the other way round. */
export const setCredentials: Command = {
  name: 'set-credentials',
  short: 'Set a user entry in kubeconfig',
  flags: [
    ...['client-certificate', 'client-key', 'token', 'username', 'password'].map((f): FlagSpec => ({ name: f, kind: 'string' })),
    { name: 'embed-certs', kind: 'bool' },
  ],
  run: (ctx) => {
    if (ctx.args.positional.length !== 1) return fail(ctx, `Unexpected args: [${ctx.args.positional.join(' ')}]`);
    const name = ctx.args.positional[0];
    if (name === '') return fail(ctx, 'you must specify a non-empty user name');
    const token = str(ctx.args, 'token'), username = str(ctx.args, 'username'), password = str(ctx.args, 'password');
    const methods = [...(token ? ['--token'] : []), ...(username || password ? ['--username/--password'] : [])];
    if (methods.length > 1) return fail(ctx, `you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
    const cert = str(ctx.args, 'client-certificate'), key = str(ctx.args, 'client-key');
    const embed = bool(ctx.args, 'embed-certs');
    let certText: string | undefined, keyText: string | undefined;
    if (embed) {
      if (!cert && !key) return fail(ctx, 'you must specify a --client-certificate or --client-key to embed');
      if (cert) {
        certText = ctx.io.readFile(cert);
        if (certText === undefined) return fail(ctx, `could not stat client-certificate file ${cert}: stat ${cert}: no such file or directory`);
      }
      if (key) {
        keyText = ctx.io.readFile(key);
        if (keyText === undefined) return fail(ctx, `could not stat client-key file ${key}: stat ${key}: no such file or directory`);
      }
    }
    const config = ctx.kubeconfig;
    let u: KubeconfigUser = config.users.find((x) => x.name === name) ?? { name };
    if (cert !== undefined) u = embed ? { ...u, certData: b64(certText ?? ''), certFile: undefined } : { ...u, certFile: absolute(cert), ...(cert !== '' ? { certData: undefined } : {}) };
    if (key !== undefined) u = embed ? { ...u, keyData: b64(keyText ?? ''), keyFile: undefined } : { ...u, keyFile: absolute(key), ...(key !== '' ? { keyData: undefined } : {}) };
    let setToken = false, setBasic = false;
    if (token !== undefined) { u = { ...u, token }; setToken = token !== ''; }
    if (username !== undefined) { u = { ...u, username }; setBasic = setBasic || username !== ''; }
    if (password !== undefined) { u = { ...u, password }; setBasic = setBasic || password !== ''; }
    if (setToken || setBasic) {
      if (!setToken) u = { ...u, token: undefined };
      if (!setBasic) u = { ...u, username: undefined, password: undefined };
    }
    return saved(ctx, { ...config, users: upsert(config.users, u) }, `User "${name}" set.\n`);
  },
};

/** runDeleteCluster / DeleteUserOptions: the contexts naming them stay (and stop working). */
const deleteEntry = (command: 'delete-cluster' | 'delete-user', what: 'cluster' | 'user'): Command => ({
  name: command,
  short: `Delete the specified ${what} from the kubeconfig`,
  flags: [],
  run: (ctx) => {
    if (ctx.args.positional.length !== 1) {
      return what === 'user'
        ? failure(ctx.cluster, `error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples`) // cmdutil.UsageErrorf
        : { cluster: ctx.cluster, stdout: deleteHelp(command), stderr: '', exitCode: 0 };
    }
    const name = ctx.args.positional[0];
    const config = ctx.kubeconfig;
    const list = what === 'cluster' ? config.clusters : config.users;
    if (!list.some((x) => x.name === name)) return fail(ctx, `cannot delete ${what} ${name}, not in ${configFile(ctx)}`);
    const next = what === 'cluster' ? { ...config, clusters: config.clusters.filter((c) => c.name !== name) } : { ...config, users: config.users.filter((u) => u.name !== name) };
    return saved(ctx, next, `deleted ${what} ${name} from ${configFile(ctx)}\n`);
  },
});

export const deleteCluster = deleteEntry('delete-cluster', 'cluster');
export const deleteUser = deleteEntry('delete-user', 'user');

/** set.go / unset.go over a dotted PROPERTY_NAME (navigation_step_parser.go, modifyConfig). */
const property = (name: 'set' | 'unset'): Command => ({
  name,
  short: `${name === 'set' ? 'Set' : 'Unset'} an individual value in a kubeconfig file`,
  flags: name === 'set' ? [{ name: 'set-raw-bytes', kind: 'bool' }] : [],
  run: (ctx) => {
    const want = name === 'set' ? 2 : 1;
    if (ctx.args.positional.length !== want) return unexpectedArgs(ctx);
    const [path, value] = ctx.args.positional;
    if (name === 'set' && value === '') return fail(ctx, 'you cannot use set to unset a property');
    if (path === '') return fail(ctx, 'you must specify a property');
    const r = setProperty(ctx.kubeconfig, path, name === 'set' ? { value, rawBytes: bool(ctx.args, 'set-raw-bytes') } : undefined);
    if ('error' in r) return fail(ctx, r.error);
    return saved(ctx, r.config, `Property "${path}" ${name}.\n`);
  },
});

export const CONFIG_WRITERS: readonly Command[] = [setContext, useContext, deleteContext, renameContext, setCluster, setCredentials, deleteCluster, deleteUser, property('set'), property('unset')];
