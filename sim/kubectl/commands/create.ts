import { ALPHANUMS, fnv32a } from '../../api/naming';
import { F, Output, failure, resultOf, writesOf, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, int, isSet, list, str } from '../flags';
import { runWrite } from './apply';
import { createObjectFromManifest } from './create-object';
import { createCronJob, createJob } from './create-job';
import { RECORD_DEPRECATED, PRINT_TEMPLATE_FLAGS } from './common';
import { attachToRunPod } from './run-attach';
import { applyOverrides } from './run-overrides';

// kubectl create -f, create deployment, create namespace, and kubectl run: the generators build
// the manifest kubectl would send (staging/src/k8s.io/kubectl/pkg/cmd/create, cmd/run), then it
// goes through sim/api like any manifest. With --dry-run=client -o yaml the manifest is printed.

/** Builds a manifest, then prints it (dry run with -o) or creates it. */
function createFromManifest(ctx: CommandContext, manifest: Record<string, unknown>, ref: string): KubectlResult {
  return createObjectFromManifest(ctx, manifest, ref, 'created');
}

/**
 * create_deployment.go buildPodSpec: the container name is the image's last path part, without
 * tag or digest; sanitizeAndUniquify turns `_` and `.` into `-` and then adds `-` and 5 random
 * characters (utilrand.String; here drawn from a hash of the image, so a run repeats).
 *
 * | image                          | name             |
 * |--------------------------------|------------------|
 * | registry.io/team/httpd:2.4     | httpd            |
 * | my_app.v2                      | my-app-v2-xxxxx  |
 */
export function containerNameFor(image: string): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (!/[_.]/.test(name)) return name;
  let h = fnv32a(image);
  let suffix = '';
  for (let i = 0; i < 5; i++) { suffix += ALPHANUMS[h % ALPHANUMS.length]; h = Math.floor(h / ALPHANUMS.length); }
  return `${name.replace(/[_.]/g, '-')}-${suffix}`;
}

const createDeployment: Command = {
  name: 'deployment',
  short: 'Create a deployment with the specified name',
  flags: [
    F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS,
    { name: 'image', kind: 'stringArray' },
    { name: 'replicas', short: 'r', kind: 'int', default: 1 },
    { name: 'port', kind: 'int', default: -1 },
    { name: 'validate', kind: 'string', default: 'strict', noOptDefVal: 'strict' },
  ],
  run: (ctx) => {
    // cobra checks the required --image before the command runs.
    const images = list(ctx.args, 'image');
    if (images.length === 0) return failure(ctx.cluster, 'error: required flag(s) "image" not set');
    // NameFromCommandArgs: exactly one argument before `--`; what follows it is the command.
    const { positional, argsLenAtDash } = ctx.args;
    const names = argsLenAtDash === -1 ? positional.length : argsLenAtDash;
    if (names !== 1) return failure(ctx.cluster, `error: exactly one NAME is required, got ${names}\nSee 'kubectl create deployment -h' for help and examples`);
    const [name, ...command] = positional;
    if (images.length > 1 && command.length > 0) return failure(ctx.cluster, 'error: cannot specify multiple --image options and command');
    const port = int(ctx.args, 'port') ?? -1;
    if (port >= 0 && images.length > 1) return failure(ctx.cluster, 'error: cannot expose multiple containers');
    const labels = { app: name };
    // No de-duplication: two images with one name are refused by validation (Duplicate value).
    const containers = images.map((image) => {
      const cname = containerNameFor(image);
      return { ...(command.length > 0 ? { command } : {}), image, name: cname, ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}), resources: {} };
    });
    const manifest = {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { creationTimestamp: null, labels, name },
      spec: {
        replicas: int(ctx.args, 'replicas') ?? 1,
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      },
      status: {},
    };
    return createObjectFromManifest(ctx, manifest, `deployment.apps/${name}`, 'created', { what: 'deployment', qualifiedKind: 'Deployment.apps' });
  },
};

/** A generator whose only argument is the object's NAME (create namespace, create serviceaccount). */
function nameOnlyGenerator(name: string, short: string, resource: string, manifestOf: (n: string) => Record<string, unknown>): Command {
  return {
    name,
    short,
    flags: [F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS, { name: 'validate', kind: 'string', default: 'strict', noOptDefVal: 'strict' }],
    run: (ctx) => {
      const [n, ...extra] = ctx.args.positional;
      if (n === undefined || extra.length > 0) return failure(ctx.cluster, `error: exactly one NAME is required, got ${ctx.args.positional.length}\nSee 'kubectl create ${name} -h' for help and examples`);
      return createFromManifest(ctx, manifestOf(n), `${resource}/${n}`);
    },
  };
}

const createNamespace = nameOnlyGenerator('namespace', 'Create a namespace with the specified name', 'namespace',
  (name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name }, spec: {}, status: {} }));

const createServiceAccount = nameOnlyGenerator('serviceaccount', 'Create a service account with the specified name', 'serviceaccount',
  (name) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { creationTimestamp: null, name } }));

export const create: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [
    F.filename, F.output, ...PRINT_TEMPLATE_FLAGS, F.dryRun, F.record, F.recursive,
    { name: 'validate', kind: 'string', default: 'strict', noOptDefVal: 'strict' },
    // cmdutil.AddApplyAnnotationFlags: store last-applied-configuration so a later apply merges from it.
    { name: 'save-config', kind: 'bool' },
  ],
  run: (ctx) => runWrite(ctx, 'create'),
  subcommands: {
    deployment: createDeployment, deploy: createDeployment, namespace: createNamespace, ns: createNamespace, serviceaccount: createServiceAccount, sa: createServiceAccount,
    job: createJob, cronjob: createCronJob, cj: createCronJob,
  },
};

export const run: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS, F.record,
    { name: 'image', kind: 'string' },
    { name: 'port', kind: 'string' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'restart', kind: 'string', default: 'Always' },
    { name: 'command', kind: 'bool' },
    { name: 'env', kind: 'stringArray' },
    { name: 'image-pull-policy', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'rm', kind: 'bool' },
    { name: 'attach', kind: 'bool' },
    { name: 'leave-stdin-open', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'serviceaccount', kind: 'string' },
    { name: 'overrides', kind: 'string', default: '' },
    { name: 'override-type', kind: 'string', default: 'merge' },
  ],
  run: (ctx) => {
    const { args } = ctx;
    const o = new Output();
    if (bool(args, 'record')) o.err(RECORD_DEPRECATED);
    const dash = args.argsLenAtDash;
    const names = dash === -1 ? args.positional : args.positional.slice(0, dash);
    const rest = dash === -1 ? [] : args.positional.slice(dash);
    if (names.length === 0) return failure(ctx.cluster, "error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
    const [name, ...argsBeforeDash] = names;
    const image = str(args, 'image');
    if (image === undefined || image === '') return failure(ctx.cluster, `${o.stderr}error: required flag(s) "image" not set`);
    const stdin = bool(args, 'stdin');
    const tty = bool(args, 'tty');
    // RunOptions.Complete: -i attaches unless --attach=false was given.
    const attach = isSet(args, 'attach') ? bool(args, 'attach') : stdin;
    if (tty && !stdin) return failure(ctx.cluster, `${o.stderr}error: -i/--stdin is required for containers with -t/--tty=true`);
    const restart = str(args, 'restart') ?? 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) return failure(ctx.cluster, `${o.stderr}error: invalid restart policy: ${restart}`);
    if (!attach && bool(args, 'rm')) return failure(ctx.cluster, `${o.stderr}error: --rm should only be used for attached containers`);
    if (attach && (str(args, 'dry-run') ?? 'none') !== 'none') {
      return failure(ctx.cluster, `${o.stderr}error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)`);
    }
    const containerArgs = [...argsBeforeDash, ...rest];
    let labels: Record<string, string> = { run: name };
    if (isSet(args, 'labels')) {
      labels = {};
      for (const pair of (str(args, 'labels') ?? '').split(',').filter(Boolean)) {
        const eq = pair.indexOf('=');
        if (eq === -1) return failure(ctx.cluster, `${o.stderr}error: invalid label spec: ${pair}`);
        labels[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
    }
    const env = list(args, 'env').map((e) => {
      const eq = e.indexOf('=');
      return { name: eq === -1 ? e : e.slice(0, eq), value: eq === -1 ? '' : e.slice(eq + 1) };
    });
    const port = str(args, 'port');
    const container: Record<string, unknown> = {
      ...(containerArgs.length > 0 ? (bool(args, 'command') ? { command: containerArgs } : { args: containerArgs }) : {}),
      ...(env.length > 0 ? { env } : {}),
      image,
      ...(str(args, 'image-pull-policy') ? { imagePullPolicy: str(args, 'image-pull-policy') } : {}),
      name,
      ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
      resources: {},
      // BasicPod: stdin kept open, closed after the first attach unless --leave-stdin-open.
      ...(stdin ? { stdin: true, stdinOnce: !bool(args, 'leave-stdin-open') } : {}),
      ...(tty ? { tty: true } : {}),
    };
    const manifest = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { creationTimestamp: null, labels, name },
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart, ...(str(args, 'serviceaccount') ? { serviceAccountName: str(args, 'serviceaccount') } : {}) },
      status: {},
    };
    // createGeneratedObject: the overrides apply to the generated Pod, which is then created as it is.
    const overridden = applyOverrides(manifest, str(args, 'overrides') ?? '', str(args, 'override-type') ?? 'merge');
    if ('error' in overridden) return failure(ctx.cluster, `${o.stderr}error: ${overridden.error}`);
    const podName = String((overridden.metadata as { name?: unknown } | undefined)?.name ?? name);
    const result = createFromManifest(ctx, overridden, `pod/${podName}`);
    if (attach && result.exitCode === 0) {
      // An attached run prints no `pod/NAME created`: the session (or the Pod's output) follows.
      return attachToRunPod({ ...result, stdout: '', stderr: o.stderr + result.stderr }, {
        namespace: ctx.namespace, name: podName, stdin, tty, remove: bool(args, 'rm'), quiet: bool(args, 'quiet'), restartPolicy: restart,
      });
    }
    return resultOf(result.cluster, [{ stream: 'stderr', text: o.stderr }, ...writesOf(result)], result.exitCode);
  },
};
