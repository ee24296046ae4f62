import type { KubeObject } from '../../api/types';
import { F, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { str } from '../flags';
import { selectObjects } from '../resources';
import { createObjectFromManifest } from './create-object';
import { PRINT_TEMPLATE_FLAGS } from './common';

// kubectl create job and kubectl create cronjob (staging/src/k8s.io/kubectl/pkg/cmd/create/
// create_job.go, create_cronjob.go): NAME, then `-- COMMAND [args...]` for the container.
// `create job NAME --from=cronjob/X` copies the CronJob's jobTemplate, as the CronJob
// controller would, but marked `cronjob.kubernetes.io/instantiate: manual`.

/** NameFromCommandArgs: exactly one argument before `--`; what follows it is the command. */
function nameAndCommand(ctx: CommandContext, sub: string): { name: string; command: string[] } | KubectlResult {
  const { positional, argsLenAtDash } = ctx.args;
  const names = argsLenAtDash === -1 ? positional.length : argsLenAtDash;
  if (names !== 1) return failure(ctx.cluster, `error: exactly one NAME is required, got ${names}\nSee 'kubectl create ${sub} -h' for help and examples`);
  const [name, ...command] = positional;
  return { name, command };
}

/** cobra's required-flag check, before the command runs: `required flag(s) "image", "schedule" not set`. */
function missingRequired(ctx: CommandContext, flags: readonly string[]): KubectlResult | undefined {
  const missing = flags.filter((f) => !ctx.args.given.some((g) => g.name === f));
  return missing.length === 0 ? undefined : failure(ctx.cluster, `error: required flag(s) ${missing.map((f) => `"${f}"`).join(', ')} not set`);
}

const CREATE_FLAGS = [F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS, { name: 'validate', kind: 'string', default: 'strict', noOptDefVal: 'strict' }] as const;

export const createJob: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  flags: [...CREATE_FLAGS, { name: 'image', kind: 'string' }, { name: 'from', kind: 'string' }],
  run: (ctx) => {
    const parsed = nameAndCommand(ctx, 'job');
    if (!('name' in parsed)) return parsed;
    const { name, command } = parsed;
    const image = str(ctx.args, 'image') ?? '';
    const from = str(ctx.args, 'from') ?? '';
    // CreateJobOptions.Validate.
    if ((image === '') === (from === '')) return failure(ctx.cluster, 'error: either --image or --from must be specified');
    if (command.length > 0 && from !== '') return failure(ctx.cluster, 'error: cannot specify --from and command');
    const wrapped = { what: 'job', qualifiedKind: 'Job.batch' };
    if (image !== '') {
      // createJob: one container named after the Job, restartPolicy Never, no labels.
      const manifest = {
        apiVersion: 'batch/v1', kind: 'Job',
        metadata: { creationTimestamp: null, name },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ ...(command.length > 0 ? { command } : {}), image, name, resources: {} }], restartPolicy: 'Never' } } },
        status: {},
      };
      return createObjectFromManifest(ctx, manifest, `job.batch/${name}`, 'created', wrapped);
    }
    const sel = selectObjects(ctx.cluster, [from], { namespace: ctx.namespace, allNamespaces: false }, { filenames: [], readFile: () => undefined });
    if (typeof sel === 'string') return failure(ctx.cluster, sel);
    if (sel.errors.length > 0) return failure(ctx.cluster, sel.errors.join('\n'));
    const objects = sel.found.flatMap((f) => f.objects);
    if (objects.length !== 1) return failure(ctx.cluster, 'error: from must be an existing cronjob');
    const source = objects[0];
    if (source.kind !== 'CronJob') return failure(ctx.cluster, `error: unknown object type *v1.${source.kind}`);
    return createObjectFromManifest(ctx, jobFromCronJob(source, name), `job.batch/${name}`, 'created', wrapped);
  },
};

/** createJobFromCronJob: the jobTemplate's spec and labels, its annotations plus instantiate=manual, owned by the CronJob. */
export function jobFromCronJob(cronJob: KubeObject, name: string): Record<string, unknown> {
  const template = ((cronJob.spec ?? {}) as { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } }).jobTemplate ?? {};
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      annotations,
      creationTimestamp: null,
      ...(template.metadata?.labels !== undefined ? { labels: template.metadata.labels } : {}),
      name,
      // Not metav1.NewControllerRef: no blockOwnerDeletion.
      ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid }],
    },
    spec: template.spec ?? {},
    status: {},
  };
}

export const createCronJob: Command = {
  name: 'cronjob',
  short: 'Create a cron job with the specified name',
  flags: [...CREATE_FLAGS, { name: 'image', kind: 'string' }, { name: 'schedule', kind: 'string' }, { name: 'restart', kind: 'string' }],
  run: (ctx) => {
    const refused = missingRequired(ctx, ['image', 'schedule']);
    if (refused !== undefined) return refused;
    const parsed = nameAndCommand(ctx, 'cronjob');
    if (!('name' in parsed)) return parsed;
    const { name, command } = parsed;
    const restartPolicy = str(ctx.args, 'restart') || 'OnFailure';
    // createCronJob: the jobTemplate is named after the CronJob; its one container too.
    const manifest = {
      apiVersion: 'batch/v1', kind: 'CronJob',
      metadata: { creationTimestamp: null, name },
      spec: {
        jobTemplate: {
          metadata: { creationTimestamp: null, name },
          spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ ...(command.length > 0 ? { command } : {}), image: str(ctx.args, 'image'), name, resources: {} }], restartPolicy } } },
        },
        schedule: str(ctx.args, 'schedule'),
      },
      status: {},
    };
    return createObjectFromManifest(ctx, manifest, `cronjob.batch/${name}`, 'created', { what: 'cronjob', qualifiedKind: 'CronJob.batch' });
  },
};
