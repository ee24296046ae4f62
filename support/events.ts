import { find, isNamespaced, ownedBy, showName, type ObjectName } from './queries';
import { eventsFor, showEvents } from './probes';
import type { SimWorld } from './world';

// Event assertions read the cluster's event log (every event of the run, as `kubectl describe`
// and `kubectl get events` show them), for one object or for the pods a workload owns.

export function expectEvent(world: SimWorld, reason: string, kind: string, ref: ObjectName, opts: { of: 'object' | 'pods'; message?: string }): void {
  const view = world.view();
  const obj = find(view, kind, ref);
  if (obj === undefined) throw new Error(`${showName(kind, ref, isNamespaced(kind))} does not exist, so it has no events\n${world.replayHint()}`);
  const uids = new Set(opts.of === 'object' ? [obj.metadata.uid] : ownedBy(view, obj, 'Pod').map((p) => p.metadata.uid));
  const about = eventsFor(world.cluster.events, (e) => uids.has(e.involved.uid));
  const re = opts.message !== undefined ? new RegExp(opts.message) : undefined;
  if (about.some((e) => e.reason === reason && (re === undefined || re.test(e.message)))) return;
  const whose = opts.of === 'object' ? showName(kind, ref, isNamespaced(kind)) : `the pods of ${showName(kind, ref)}`;
  throw new Error(`Expected an event ${reason}${re ? ` with a message matching /${opts.message}/` : ''} for ${whose}, but there are ${showEvents(about)}\n${world.replayHint()}`);
}
