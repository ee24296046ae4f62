import { F, failure, type Command } from '../context';
import { bool, int, str } from '../flags';
import { createObjectFromManifest } from './create-object';
import { PRINT_TEMPLATE_FLAGS } from './common';

// kubectl create priorityclass NAME --value=N [--global-default] [--description] [--preemption-policy]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_priorityclass.go).

/**
 * PriorityClassOptions.createPriorityClass: a typed schedulingv1.PriorityClass, so `value` is always
 * there (int32, no omitempty), globalDefault and description only when set, and preemptionPolicy
 * the flag's value (default PreemptLowerPriority); the server validates it.
 */
export function priorityClassManifest(name: string, value: number, globalDefault: boolean, description: string, preemptionPolicy: string): Record<string, unknown> {
  return {
    apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass',
    ...(description !== '' ? { description } : {}),
    ...(globalDefault ? { globalDefault } : {}),
    metadata: { creationTimestamp: null, name },
    preemptionPolicy,
    value,
  };
}

export const createPriorityClass: Command = {
  name: 'priorityclass',
  short: 'Create a priority class with the specified name',
  flags: [
    F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS,
    { name: 'validate', kind: 'string', default: 'strict', noOptDefVal: 'strict' },
    { name: 'value', kind: 'int', default: 0 },
    { name: 'global-default', kind: 'bool' },
    { name: 'description', kind: 'string', default: '' },
    { name: 'preemption-policy', kind: 'string', default: 'PreemptLowerPriority' },
  ],
  run: (ctx) => {
    // NameFromCommandArgs: exactly one NAME.
    const [name, ...extra] = ctx.args.positional;
    if (name === undefined || extra.length > 0) return failure(ctx.cluster, `error: exactly one NAME is required, got ${ctx.args.positional.length}\nSee 'kubectl create priorityclass -h' for help and examples`);
    const manifest = priorityClassManifest(name, int(ctx.args, 'value') ?? 0, bool(ctx.args, 'global-default'), str(ctx.args, 'description') ?? '', str(ctx.args, 'preemption-policy') ?? 'PreemptLowerPriority');
    // Run: `fmt.Errorf("failed to create priorityclass: %v", err)`.
    return createObjectFromManifest(ctx, manifest, `priorityclass.scheduling.k8s.io/${name}`, 'created', { what: 'priorityclass', qualifiedKind: 'PriorityClass.scheduling.k8s.io' });
  },
};
