import type { Node } from '../../api/types';
import type { Change, Cluster } from '../../engine/types';
import { submit } from '../../index';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { isSet, str } from '../flags';
import { getObject, listObjects, notFound, resolveTypes, SelectorError, typeOfKind } from '../resources';
import { dryRunOf, dryRunSuffix, type DryRun } from './common';

// kubectl cordon / uncordon (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go, RunCordonOrUncordon,
// and pkg/drain/cordon.go CordonHelper): set or clear spec.unschedulable, printing
// `node/k8s-node1 cordoned`, `already cordoned`, `uncordoned` or `already uncordoned`. The node
// lifecycle controller then adds (or removes) the node.kubernetes.io/unschedulable:NoSchedule taint.

export const cordon: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  flags: [F.selector, F.dryRun],
  run: (ctx) => runCordonCommand(ctx, true),
};

export const uncordon: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  flags: [F.selector, F.dryRun],
  run: (ctx) => runCordonCommand(ctx, false),
};

function runCordonCommand(ctx: CommandContext, desired: boolean): KubectlResult {
  const completed = completeNodes(ctx, desired ? 'cordon' : 'uncordon');
  if ('error' in completed) return failure(ctx.cluster, completed.error);
  const o = new Output();
  if (completed.warning) o.err(completed.warning);
  const cluster = cordonOrUncordon(ctx.cluster, completed.nodes, desired, completed.dryRun, o);
  return o.result(cluster);
}

export interface CompletedNodes {
  readonly nodes: readonly Node[];
  readonly dryRun: DryRun;
  readonly warning?: string;
}

/**
 * DrainCmdOptions.Complete: node names or -l (not both), the dry-run strategy, and the nodes the
 * builder finds (ResourceNames("nodes", args...)); a missing node stops the command.
 */
export function completeNodes(ctx: CommandContext, use: 'cordon' | 'uncordon' | 'drain'): CompletedNodes | { error: string } {
  const names = ctx.args.positional;
  const selector = str(ctx.args, 'selector') ?? '';
  const help = `\nSee 'kubectl ${use} -h' for help and examples`;
  if (names.length === 0 && !isSet(ctx.args, 'selector')) return { error: `error: USAGE: ${use} NODE [flags]${help}` };
  if (names.length > 0 && selector !== '') return { error: `error: cannot specify both a node name and a --selector option${help}` };
  const dry = dryRunOf(ctx.args);
  if ('error' in dry) return dry;
  const nodeType = typeOfKind('Node')!;
  const nodes: Node[] = [];
  if (selector !== '') {
    try {
      nodes.push(...(listObjects(ctx.cluster, nodeType, { namespace: '', allNamespaces: true }, selector) as Node[]));
    } catch (e) {
      if (e instanceof SelectorError) return { error: e.message };
      throw e;
    }
  }
  for (const arg of names) {
    // The builder also takes `node/name` (resource/name form).
    const slash = arg.indexOf('/');
    if (slash !== -1 && resolveTypes(arg.slice(0, slash))?.[0]?.kind !== 'Node') {
      return { error: `error: expected resource of type node, got "${arg.slice(0, slash)}"` };
    }
    const name = slash === -1 ? arg : arg.slice(slash + 1);
    const node = getObject(ctx.cluster, nodeType, '', name) as Node | undefined;
    if (node === undefined) return { error: notFound(nodeType, name) };
    nodes.push(node);
  }
  return { nodes, dryRun: dry.dryRun, ...(dry.warning ? { warning: dry.warning } : {}) };
}

/**
 * RunCordonOrUncordon: each node whose spec.unschedulable differs from `desired` is patched
 * (CordonHelper.PatchOrReplace; uncordon removes the field, as the two-way merge patch does);
 * every node gets its line. Returns the cluster after the patches.
 */
export function cordonOrUncordon(cluster: Cluster, nodes: readonly Node[], desired: boolean, dryRun: DryRun, o: Output): Cluster {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const current = cluster.store.get<Node>('Node', '', node.metadata.name) ?? node;
    if ((current.spec?.unschedulable === true) === desired) {
      o.out(`node/${node.metadata.name} already ${verb}ed${dryRunSuffix(dryRun)}`);
      continue;
    }
    if (dryRun === 'none') {
      const spec = { ...current.spec, unschedulable: true };
      if (!desired) delete (spec as { unschedulable?: boolean }).unschedulable;
      const change: Change = { verb: 'update', object: { ...current, spec } as Node };
      const result = submit(cluster, [change], 'kubectl');
      if (result.errors.length > 0) {
        for (const e of result.errors) o.err(`error: unable to ${verb} node "${node.metadata.name}": ${e}`);
        continue;
      }
      cluster = result.cluster;
    }
    o.out(`node/${node.metadata.name} ${verb}ed${dryRunSuffix(dryRun)}`);
  }
  return cluster;
}
