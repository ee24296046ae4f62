import type { Deployment, KubeObject, ReplicaSet } from '../../api/types';
import type { Change, Cluster } from '../../engine/types';
import { answerOf, submit } from '../../index';
import type { Answer } from './common';
import type { CommandContext } from '../context';
import { bool, list, str } from '../flags';
import { kindPrefix, selectObjects, type ResourceType } from '../resources';
import { replicaSetsOf } from '../describe/describers';

// What the rollout and set commands share: resolving TYPE/NAME arguments to objects, the
// Deployment's ReplicaSets by revision (deploymentutil.GetAllReplicaSets + Revision), and
// submitting one client write.

export const REVISION = 'deployment.kubernetes.io/revision';
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export interface Target {
  readonly type: ResourceType;
  readonly object: KubeObject;
  /** `deployment.apps/nginx`, as kubectl's name printer spells it. */
  readonly display: string;
}

/** resource.Builder over the positional words or -f: the objects named, or a fatal error text; NotFound lines go to `errors`. */
export function targets(ctx: CommandContext): { targets: Target[]; errors: string[] } | { error: string } {
  const sel = selectObjects(ctx.cluster, ctx.args.positional, { namespace: ctx.namespace, allNamespaces: false }, {
    selector: str(ctx.args, 'selector'), all: bool(ctx.args, 'all'), filenames: list(ctx.args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return { error: sel };
  const out: Target[] = [];
  for (const f of sel.found) for (const o of f.objects) out.push({ type: f.type, object: o, display: `${kindPrefix(f.type)}/${o.metadata.name}` });
  return { targets: out, errors: sel.errors };
}

/** deploymentutil.Revision: the revision annotation as a number, undefined when absent or malformed. */
export function revisionOf(o: KubeObject): number | undefined {
  const v = o.metadata.annotations?.[REVISION];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** GetAllReplicaSets: the Deployment's ReplicaSets (old and new) that carry a revision. */
export function revisionedReplicaSets(cluster: Cluster, d: Deployment): ReplicaSet[] {
  const { newRS, oldRSs } = replicaSetsOf(cluster, d);
  return [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => revisionOf(rs) !== undefined);
}

/** Submits client writes; the API server's refusals come back as kubectl prints them. */
export function write(cluster: Cluster, changes: readonly Change[]): { cluster: Cluster; answer?: Answer } | { error: string } {
  if (changes.length === 0) return { cluster };
  const result = submit(cluster, changes, 'kubectl');
  if (result.errors.length > 0) return { error: result.errors.map((e) => (e.startsWith('error') || e.startsWith('The ') ? e : `Error from server: ${e}`)).join('\n') };
  return { cluster: result.cluster, answer: answerOf(result) };
}

/** kubectl's error for a kind a rollout subcommand does not handle. */
export function notImplemented(what: 'rollbacker' | 'history viewer' | 'status viewer', kind: string): string {
  const group = kind === 'Deployment' || kind === 'DaemonSet' || kind === 'StatefulSet' || kind === 'ReplicaSet' ? `${kind}.apps` : kind;
  if (what === 'status viewer') return `error: no status viewer has been implemented for ${kind === 'Pod' ? '/, Kind=Pod' : `apps, Kind=${kind}`}`;
  return `error: no ${what} has been implemented for "${group}"`;
}
