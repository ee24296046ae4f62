import { authorize } from '../../auth/rbac-authorizer';
import { forbiddenStatusMessage } from '../../auth/forbidden';
import { subjectRulesReview } from '../../auth/rules-review';
import { ADMIN } from '../../auth/user-info';
import type { Attributes } from '../../auth/attributes';
import { accessRows } from '../access-rules';
import { Output, failure, type Command, type CommandContext } from '../context';
import { bool, str } from '../flags';
import { resolveTypes, type ResourceType } from '../resources';
import { GET_TABWRITER, tabwrite } from '../tabwriter';

// kubectl auth can-i and whoami (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go, whoami.go): a
// SelfSubjectAccessReview / SelfSubjectRulesReview / SelfSubjectReview for the user the command acts
// as (kubeadm's admin.conf user kubernetes-admin, or the --as user), answered by the API server's
// authorizer over the cluster's RBAC objects (sim/auth).

// cani.go resourceVerbs / nonResourceURLVerbs / nonStandardResourceNames.
const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_URL_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
const NON_STANDARD_RESOURCES = new Set(['users', 'groups']);

interface Target { readonly type?: ResourceType; readonly group: string; readonly resource: string }

/** CanIOptions.resourceFor: the RESTMapper's group and resource, or (with kubectl's warning) the argument as given for a name it does not know. */
function resourceFor(arg: string, warn: (m: string) => void): Target {
  if (arg === '*') return { group: '', resource: '*' };
  const lower = arg.toLowerCase();
  const types = lower === 'all' ? undefined : resolveTypes(lower);
  if (types !== undefined && types.length === 1) return { type: types[0], group: types[0].group, resource: types[0].plural };
  const dot = lower.indexOf('.');
  const resource = dot === -1 ? lower : lower.slice(0, dot);
  const group = dot === -1 ? '' : lower.slice(dot + 1);
  if (!NON_STANDARD_RESOURCES.has(dot === -1 ? lower : `${resource}.${group}`)) {
    warn(group === '' ? `the server doesn't have a resource type '${resource}'\n` : `the server doesn't have a resource type '${resource}' in group '${group}'\n`);
  }
  return { group: '', resource: arg };
}

/** The review's own create must be allowed (system:basic-user grants it to every authenticated user). */
function reviewRefused(ctx: CommandContext, group: string, resource: string): string | undefined {
  const attrs = { user: ctx.user ?? ADMIN, verb: 'create', apiGroup: group, resource };
  const d = authorize(ctx.cluster.store, attrs);
  return d.allowed ? undefined : `Error from server (Forbidden): ${forbiddenStatusMessage(attrs, d.reason)}`;
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
      const refused = reviewRefused(ctx, 'authorization.k8s.io', 'selfsubjectrulesreviews');
      if (refused !== undefined) return failure(ctx.cluster, refused);
      const rows = accessRows(subjectRulesReview(ctx.cluster.store, ctx.user ?? ADMIN, ctx.namespace));
      if (!bool(ctx.args, 'no-headers')) rows.unshift(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'].join('\t'));
      o.write('stdout', tabwrite(`${rows.join('\n')}\n`, GET_TABWRITER));
      return o.result(ctx.cluster);
    }
    if (args.length !== 2) return failure(ctx.cluster, "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
    const [verb, target] = args;
    let attrs: Attributes;
    const namespace = all ? '' : ctx.namespace;
    if (target.startsWith('/')) {
      if (subresource !== '') return failure(ctx.cluster, 'error: --subresource can not be used with NonResourceURL');
      if (!NON_RESOURCE_URL_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`);
      attrs = { user: ctx.user ?? ADMIN, verb, path: target };
    } else {
      const slash = target.indexOf('/');
      const t = resourceFor(slash === -1 ? target : target.slice(0, slash), warn);
      // Validate: isNamespaced reads discovery for the type's group/version (an unknown type has none).
      if (t.type !== undefined && !all && !t.type.namespaced) {
        warn(t.group === '' ? `resource '${t.resource}' is not namespace scoped\n` : `resource '${t.resource}' is not namespace scoped in group '${t.group}'\n`);
      }
      if (!RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`);
      attrs = { user: ctx.user ?? ADMIN, verb, apiGroup: t.group, resource: t.resource, namespace, subresource, name: slash === -1 ? '' : target.slice(slash + 1) };
    }
    if (bool(ctx.args, 'no-headers')) {
      o.fail('error: --no-headers cannot be set without --list specified');
      return o.result(ctx.cluster);
    }
    const refused = reviewRefused(ctx, 'authorization.k8s.io', 'selfsubjectaccessreviews');
    if (refused !== undefined) { o.fail(refused); return o.result(ctx.cluster); }
    // RunAccessCheck: "yes", or "no" with the review's reason; -q prints nothing; "no" exits 1.
    const d = authorize(ctx.cluster.store, attrs);
    if (!quiet) o.out(d.allowed ? 'yes' : d.reason === '' ? 'no' : `no - ${d.reason}`);
    if (!d.allowed) o.exitCode = 1;
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
    if (reviewRefused(ctx, 'authentication.k8s.io', 'selfsubjectreviews') !== undefined) {
      return failure(ctx.cluster, 'error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it');
    }
    // printTableSelfSubjectAccessReview: Username, UID, Groups when set.
    const user = ctx.user ?? ADMIN;
    const rows = ['ATTRIBUTE\tVALUE', ...(user.name !== '' ? [`Username\t${user.name}`] : []), ...(user.uid !== undefined ? [`UID\t${user.uid}`] : []), ...(user.groups.length > 0 ? [`Groups\t[${user.groups.join(' ')}]`] : [])];
    const text = tabwrite(`${rows.join('\n')}\n`, GET_TABWRITER);
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
    : failure(ctx.cluster, 'error: kubespec simulates "kubectl auth can-i" and "kubectl auth whoami" (for the kubeadm admin, or the --as user); `kubectl auth reconcile` is not simulated'),
};
