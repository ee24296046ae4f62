import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, str } from '../flags';
import { toYaml } from '../printers/objects';
import { GET_TABWRITER, tabwrite } from '../tabwriter';
import { outputFormat, printStructured } from './common';
import { kubeconfigV1, minifyConfig, type Kubeconfig } from './kubeconfig';
import { CONFIG_WRITERS } from './config-write';
import type { KubeObject } from '../../api/types';

// kubectl config (staging/src/k8s.io/kubectl/pkg/cmd/config): the read-only subcommands over the
// kubeconfig kubectl uses here (view.go, current_context.go, get_contexts.go, get_clusters.go,
// get_users.go): kubeadm's admin.conf, or the shell session's copy once a subcommand in
// config-write.ts (set-context, use-context, delete-context, ...) rewrote it.

/**
 * --kubeconfig: kubeadm's /etc/kubernetes/admin.conf and its usual copy ~/.kube/config are the
 * kubeconfig simulated here; another file is not read, and the refusal says so.
 */
function explicitFileRefused(ctx: CommandContext): KubectlResult | undefined {
  const file = str(ctx.args, 'kubeconfig');
  if (file === undefined || file === '' || /(^|\/)admin\.conf$|(^|\/)\.kube\/config$/.test(file)) return undefined;
  return failure(ctx.cluster, `error: kubespec: kubectl reads the simulated cluster's admin.conf (/etc/kubernetes/admin.conf, ~/.kube/config) only; --kubeconfig=${file} is not read`);
}

function noArgs(ctx: CommandContext): KubectlResult | undefined {
  if (ctx.args.positional.length === 0) return undefined;
  // cmdutil.UsageErrorf
  return failure(ctx.cluster, `error: unexpected arguments: [${ctx.args.positional.join(' ')}]\nSee '${ctx.path} -h' for help and examples`);
}

const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    F.output, { name: 'raw', kind: 'bool' }, { name: 'flatten', kind: 'bool' }, { name: 'minify', kind: 'bool' }, { name: 'merge', kind: 'string', noOptDefVal: 'true' },
    { name: 'template', kind: 'string' }, { name: 'allow-missing-template-keys', kind: 'bool', default: true },
  ],
  run: (ctx) => {
    const refused = explicitFileRefused(ctx) ?? noArgs(ctx);
    if (refused !== undefined) return refused;
    // PrintFlags WithDefaultOutput("yaml"); --template without -o means go-template.
    const defaultOutput = (str(ctx.args, 'template') ?? '') === '' ? 'yaml' : '';
    const format = outputFormat({ ...ctx.args, values: new Map([...ctx.args.values, ['output', str(ctx.args, 'output') || defaultOutput]]) }, ['yaml', 'json', 'jsonpath', 'name', 'go-template'], (p) => ctx.io.readFile(p));
    if ('error' in format) return failure(ctx.cluster, format.error);
    let config = ctx.kubeconfig;
    if (bool(ctx.args, 'minify')) {
      const minified = minifyConfig(config, str(ctx.args, 'context'));
      if ('error' in minified) return failure(ctx.cluster, `error: ${minified.error}`);
      config = minified;
    }
    const value = kubeconfigV1(config, !bool(ctx.args, 'flatten') && !bool(ctx.args, 'raw'));
    const o = new Output();
    if (format.t === 'json') o.write('stdout', `${JSON.stringify(value, null, 4)}\n`); // struct order, as json.MarshalIndent
    else if (format.t === 'yaml') o.write('stdout', toYaml(value));
    else if (format.t === 'name') o.out('config/'); // the name printer: a Config has no name
    else {
      const printed = printStructured(format, [value as unknown as KubeObject], true);
      if ('error' in printed) return { cluster: ctx.cluster, stdout: printed.text ?? '', stderr: `${printed.error}\n`, exitCode: 1 };
      o.write('stdout', printed.text);
    }
    return o.result(ctx.cluster);
  },
};

const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  flags: [],
  run: (ctx) => explicitFileRefused(ctx)
    ?? (ctx.kubeconfig.currentContext === '' ? failure(ctx.cluster, 'error: current-context is not set') // RunCurrentContext
      : { cluster: ctx.cluster, stdout: `${ctx.kubeconfig.currentContext}\n`, stderr: '', exitCode: 0 }),
};

const getContexts: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [{ name: 'no-headers', kind: 'bool' }, F.output],
  run: (ctx) => {
    const refused = explicitFileRefused(ctx);
    if (refused !== undefined) return refused;
    const o = new Output();
    let output = str(ctx.args, 'output') ?? '';
    const valid = ['', 'json', 'yaml', 'wide', 'name', 'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'jsonpath', 'jsonpath-file'];
    if (!valid.includes(output)) return failure(ctx.cluster, `error: output must be one of '' or 'name': ${output}`);
    if (output !== '' && output !== 'name') {
      o.out(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
      output = '';
    }
    const nameOnly = output === 'name';
    const showHeaders = !bool(ctx.args, 'no-headers') && !nameOnly;
    const config = ctx.kubeconfig;
    const errors: string[] = [];
    const names = ctx.args.positional.length === 0 ? config.contexts.map((c) => c.name) : ctx.args.positional.filter((n) => {
      const found = config.contexts.some((c) => c.name === n);
      if (!found) errors.push(`context ${n} not found`);
      return found;
    });
    const lines: string[] = [];
    if (showHeaders) lines.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'].join('\t'));
    for (const name of [...names].sort()) {
      const c = config.contexts.find((x) => x.name === name)!;
      lines.push(nameOnly ? name : [config.currentContext === name ? '*' : ' ', name, c.cluster ?? '', c.user ?? '', c.namespace ?? ''].join('\t'));
    }
    if (lines.length > 0) o.write('stdout', tabwrite(`${lines.join('\n')}\n`, GET_TABWRITER));
    // utilerrors.NewAggregate through CheckErr: one error with "error: ", several one a line.
    if (errors.length === 1) o.fail(`error: ${errors[0]}`);
    else if (errors.length > 1) o.fail(errors.join('\n'));
    return o.result(ctx.cluster);
  },
};

const namesCommand = (name: string, short: string, names: (c: Kubeconfig) => string[]): Command => ({
  name,
  short,
  flags: [],
  run: (ctx) => explicitFileRefused(ctx) ?? { cluster: ctx.cluster, stdout: `NAME\n${names(ctx.kubeconfig).map((n) => `${n}\n`).join('')}`, stderr: '', exitCode: 0 },
});

export const config: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  flags: [],
  subcommands: {
    view,
    'current-context': currentContext,
    'get-contexts': getContexts,
    'get-clusters': namesCommand('get-clusters', 'Display clusters defined in the kubeconfig', (c) => c.clusters.map((x) => x.name).sort()), // a Go map's order: sorted here
    'get-users': namesCommand('get-users', 'Display users defined in the kubeconfig', (c) => c.users.map((x) => x.name).sort()),
    ...Object.fromEntries(CONFIG_WRITERS.map((w): [string, Command] => [w.name, { ...w, run: (ctx) => explicitFileRefused(ctx) ?? w.run(ctx) }])),
  },
  run: (ctx) => ctx.args.positional.length > 0
    ? failure(ctx.cluster, `error: unknown command "${ctx.args.positional.join(' ')}"\nSee 'kubectl config -h' for help and examples`)
    : failure(ctx.cluster, `error: kubespec simulates "kubectl config" ${['view', 'current-context', 'get-contexts', 'get-clusters', 'get-users', ...CONFIG_WRITERS.map((w) => w.name)].join(', ')}; e.g. kubectl config set-context --current --namespace=kube-system`),
};
