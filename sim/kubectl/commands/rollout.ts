import type { Deployment, KubeObject } from '../../api/types';
import { Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { str } from '../flags';
import { RESTARTED_AT, targets, write, type Target } from './rollout-common';
import { rolloutStatus } from './rollout-status';
import { rolloutHistory } from './rollout-history';
import { rolloutUndo } from './rollout-undo';
import { set } from './set';

// kubectl rollout (staging/src/k8s.io/kubectl/pkg/cmd/rollout): status, history, undo, and the
// three patches pause / resume / restart (polymorphichelpers objectpauser.go, objectresumer.go,
// objectrestarter.go), which fail per object as `error: deployments.apps "nginx" is already paused`.

const SELECT_FLAGS = [
  { name: 'filename', short: 'f', kind: 'stringArray' }, { name: 'selector', short: 'l', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' }, { name: 'recursive', short: 'R', kind: 'bool' },
] as const;

type Patch = (obj: KubeObject, ctx: CommandContext) => KubeObject | { error: string };

/** The patch subcommands' shared loop: patch each object of the kinds the helper handles, print `<kind>/<name> <verb>`. */
function patchCommand(name: string, short: string, verb: string, kinds: readonly string[], patch: Patch): Command {
  return {
    name, short, flags: [...SELECT_FLAGS, { name: 'field-manager', kind: 'string' }],
    run: (ctx) => {
      const found = targets(ctx);
      if ('error' in found) return failure(ctx.cluster, found.error);
      const o = new Output();
      for (const e of found.errors) o.fail(e);
      let cluster = ctx.cluster;
      for (const t of found.targets) {
        const next = kinds.includes(t.object.kind) ? patch(t.object, ctx) : { error: unsupported(t, name) };
        if ('error' in next) { o.fail(String(next.error)); continue; }
        const w = write(cluster, [{ verb: 'update', object: next as KubeObject }]);
        if ('error' in w) { o.fail(w.error); continue; }
        cluster = w.cluster;
        o.out(str(ctx.args, 'output') === 'name' ? t.display : `${t.display} ${verb}`); // -o name: the name printer's short output
      }
      return o.result(cluster);
    },
  };
}

function unsupported(t: Target, sub: string): string {
  if (sub === 'pause' || sub === 'resume') return `error: ${t.type.plural}${t.type.group ? `.${t.type.group}` : ''} "${t.object.metadata.name}" ${sub === 'pause' ? 'pausing' : 'resuming'} is not supported`;
  return `error: ${t.type.plural}${t.type.group ? `.${t.type.group}` : ''} "${t.object.metadata.name}" restarting is not supported`;
}

const objectError = (d: Deployment, text: string) => ({ error: `error: deployments.apps "${d.metadata.name}" ${text}` });

// objectpauser / objectresumer handle Deployments only; objectrestarter Deployments, DaemonSets and StatefulSets.
const pause = patchCommand('pause', 'Mark the provided resource as paused', 'paused', ['Deployment'], (obj) => {
  const d = obj as Deployment;
  return d.spec.paused ? objectError(d, 'is already paused') : { ...d, spec: { ...d.spec, paused: true } };
});

const resume = patchCommand('resume', 'Resume a paused resource', 'resumed', ['Deployment'], (obj) => {
  const d = obj as Deployment;
  if (!d.spec.paused) return objectError(d, 'is not paused');
  const spec = { ...d.spec };
  delete (spec as { paused?: boolean }).paused;
  return { ...d, spec };
});

/** objectrestarter: the restartedAt annotation on the Pod template changes it, so a rollout starts (a new revision of a DaemonSet or StatefulSet). */
const restart = patchCommand('restart', 'Restart a resource', 'restarted', ['Deployment', 'DaemonSet', 'StatefulSet'], (obj, ctx) => {
  const d = obj as Deployment;
  if (d.kind === 'Deployment' && d.spec.paused) return objectError(d, "can't restart paused deployment (run rollout resume first)");
  const at = new Date(ctx.nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const t = d.spec.template;
  return { ...d, spec: { ...d.spec, template: { ...t, metadata: { ...(t.metadata ?? {}), annotations: { ...(t.metadata?.annotations ?? {}), [RESTARTED_AT]: at } } } } };
});

export const rollout: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  flags: [],
  subcommands: { status: rolloutStatus, history: rolloutHistory, undo: rolloutUndo, pause, resume, restart },
  run: (ctx: CommandContext): KubectlResult => {
    const word = ctx.args.positional[0];
    if (word !== undefined) return failure(ctx.cluster, `error: unknown command "${word}" for "kubectl rollout"`);
    return { cluster: ctx.cluster, stdout: `Manage the deployment of one or more resources.\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n`, stderr: '', exitCode: 0 };
  },
};

/** The commands issue 3 adds to kubectl: rollout and set (image). */
export const ROLLOUT_COMMANDS: readonly Command[] = [rollout, set];
