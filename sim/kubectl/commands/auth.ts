import { Output, failure, type Command } from '../context';
import { bool, str } from '../flags';
import { resolveTypes, type ResourceType } from '../resources';
import { GET_TABWRITER, tabwrite } from '../tabwriter';

// kubectl auth can-i and whoami (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go, whoami.go) for
// the user of kubeadm's admin.conf: kubernetes-admin in group kubeadm:cluster-admins, which
// kubeadm (v1.29+) binds to the cluster-admin ClusterRole. The simulator does not evaluate RBAC
// objects: every answer is the one the API server's RBAC authorizer gives that user, cluster-admin's
// `*` on every resource and non-resource URL ("yes"), whatever the namespace.

export const ADMIN_USER = 'kubernetes-admin';
export const ADMIN_GROUPS = ['kubeadm:cluster-admins', 'system:authenticated'];

// cani.go resourceVerbs / nonResourceURLVerbs / nonStandardResourceNames.
const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_URL_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
const NON_STANDARD_RESOURCES = new Set(['users', 'groups']);

/**
 * The admin's SelfSubjectRulesReview, as printStatus prints it: the rules of cluster-admin and of the
 * roles bound to system:authenticated (system:basic-user, system:discovery, system:public-info-viewer),
 * broken down and compacted (rbacutil.BreakdownRule, CompactRules: non-resource rules are not
 * merged, so the URLs two roles grant show twice), sorted by the rules' String() (verbs first).
 */
const ADMIN_RULES: readonly (readonly [string, string, string, string])[] = [
  ['*.*', '[]', '[]', '[*]'],
  ['', '[*]', '[]', '[*]'],
  ['selfsubjectreviews.authentication.k8s.io', '[]', '[]', '[create]'],
  ['selfsubjectaccessreviews.authorization.k8s.io', '[]', '[]', '[create]'],
  ['selfsubjectrulesreviews.authorization.k8s.io', '[]', '[]', '[create]'],
  ...['/api/*', '/api', '/apis/*', '/apis', '/healthz', '/healthz', '/livez', '/livez', '/openapi/*', '/openapi', '/readyz', '/readyz', '/version/', '/version/', '/version', '/version']
    .map((url) => ['', `[${url}]`, '[]', '[get]'] as const),
];

/** CanIOptions.resourceFor: the RESTMapper's type, or undefined (with kubectl's warning) for a name it does not know. */
function resourceFor(arg: string, warn: (m: string) => void): ResourceType | '*' | undefined {
  if (arg === '*') return '*';
  const lower = arg.toLowerCase();
  const types = lower === 'all' ? undefined : resolveTypes(lower);
  if (types !== undefined && types.length === 1) return types[0];
  const dot = lower.indexOf('.');
  const resource = dot === -1 ? lower : lower.slice(0, dot);
  const group = dot === -1 ? '' : lower.slice(dot + 1);
  if (!NON_STANDARD_RESOURCES.has(dot === -1 ? lower : `${resource}.${group}`)) {
    warn(group === '' ? `the server doesn't have a resource type '${resource}'\n` : `the server doesn't have a resource type '${resource}' in group '${group}'\n`);
  }
  return undefined;
}

const canI: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'subresource', kind: 'string' },
    { name: 'list', kind: 'bool' },
    { name: 'no-headers', kind: 'bool' },
  ],
  run: (ctx) => {
    const o = new Output();
    // printers.WarningPrinter.Print: "Warning: " + the message (which ends in its own newline) + "\n".
    const warn = (m: string) => o.err(`Warning: ${m}\n`);
    const args = ctx.args.positional;
    const list = bool(ctx.args, 'list'), quiet = bool(ctx.args, 'quiet'), all = bool(ctx.args, 'all-namespaces');
    const subresource = str(ctx.args, 'subresource') ?? '';
    if (list) {
      // Complete, Validate, RunAccessList
      if (args.length !== 0) return failure(ctx.cluster, 'error: list option must be specified with no arguments');
      if (quiet || all || subresource !== '') return failure(ctx.cluster, "error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
      const rows = ADMIN_RULES.map((r) => r.join('\t'));
      if (!bool(ctx.args, 'no-headers')) rows.unshift(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'].join('\t'));
      o.write('stdout', tabwrite(`${rows.join('\n')}\n`, GET_TABWRITER));
      return o.result(ctx.cluster);
    }
    if (args.length !== 2) return failure(ctx.cluster, "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
    const [verb, target] = args;
    if (target.startsWith('/')) {
      if (subresource !== '') return failure(ctx.cluster, 'error: --subresource can not be used with NonResourceURL');
      if (!NON_RESOURCE_URL_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`);
    } else {
      const type = resourceFor(target.split('/')[0], warn);
      // Validate: isNamespaced reads discovery for the type's group/version (an unknown type has none).
      if (type !== undefined && type !== '*' && !all && !type.namespaced) {
        warn(type.group === '' ? `resource '${type.plural}' is not namespace scoped\n` : `resource '${type.plural}' is not namespace scoped in group '${type.group}'\n`);
      }
      if (!RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`);
    }
    if (bool(ctx.args, 'no-headers')) {
      o.fail('error: --no-headers cannot be set without --list specified');
      return o.result(ctx.cluster);
    }
    // RunAccessCheck: the SelfSubjectAccessReview is allowed (cluster-admin); -q prints nothing.
    if (!quiet) o.out('yes');
    return o.result(ctx.cluster);
  },
};

/** whoami.go: the SelfSubjectReview's user info, as a table. */
const whoami: Command = {
  name: 'whoami',
  short: 'Check self subject attributes',
  flags: [{ name: 'output', short: 'o', kind: 'string' }],
  run: (ctx) => {
    const output = str(ctx.args, 'output') ?? '';
    if (output !== '') return failure(ctx.cluster, `error: kubespec: kubectl auth whoami prints its table only, not -o ${output}`);
    const text = tabwrite(`ATTRIBUTE\tVALUE\nUsername\t${ADMIN_USER}\nGroups\t[${ADMIN_GROUPS.join(' ')}]\n`, GET_TABWRITER);
    return { cluster: ctx.cluster, stdout: text, stderr: '', exitCode: 0 };
  },
};

export const auth: Command = {
  name: 'auth',
  short: 'Inspect authorization',
  flags: [],
  subcommands: { 'can-i': canI, whoami },
  // cmdutil.DefaultSubCommandRun: RequireNoArguments' usage error; without arguments the help (here: what is simulated), exit 1.
  run: (ctx) => ctx.args.positional.length > 0
    ? failure(ctx.cluster, `error: unknown command "${ctx.args.positional.join(' ')}"\nSee 'kubectl auth -h' for help and examples`)
    : failure(ctx.cluster, 'error: kubespec simulates "kubectl auth can-i" and "kubectl auth whoami" (for the kubeadm admin user); `kubectl auth reconcile` is not simulated'),
};
