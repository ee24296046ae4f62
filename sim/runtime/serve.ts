import type { Pod } from '../api/types';
import type { ClusterView } from '../engine/types';
import { isPodRt } from '../kubelet/types';
import { behaviourOf } from './image-behaviours';
import { containerVfs, httpAnswer, listensOn, type Answer, type ServingContainer } from './process';
import type { Tree } from './fs';

// What a Pod answers on its IP, for sim/network (Service traffic, wget/curl from other Pods) and
// for the kubelet's probes: the containers share one network namespace, so the first running
// container listening on the port answers.

function servingContainers(view: ClusterView, pod: Pod): ServingContainer[] {
  const row = view.table('pods').get(pod.metadata.uid);
  if (!isPodRt(row)) return [];
  const specs = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  const hostFiles = view.table('nodes').get(row.node)?.hostFiles as Tree | undefined;
  return row.containers.map((c, i) => ({
    running: c.phase === 'running' && c.killing === undefined,
    startedMs: c.startedMs ?? 0,
    isShell: c.sh !== undefined && c.sh.server !== true,
    behaviour: behaviourOf(view.table('images'), specs[i].image),
    container: specs[i],
    read: (path: string) => containerVfs(pod, specs[i], c.rootfs, row.volumes, hostFiles).read(path),
  }));
}

/** HTTP GET http://<podIP>:<port><path> at view.nowMs: a status and body, or connection refused. */
export function podHttpAnswer(view: ClusterView, pod: Pod, port: number, path: string): Answer {
  return podHttpServe(view, pod, port, path).answer;
}

/** podHttpAnswer, and which container answered: its index (init containers first) and instance, for its access log. */
export function podHttpServe(view: ClusterView, pod: Pod, port: number, path: string): { answer: Answer; container?: number; instance?: number } {
  const row = view.table('pods').get(pod.metadata.uid);
  const serving = servingContainers(view, pod);
  for (let i = 0; i < serving.length; i++) {
    const s = serving[i];
    if (listensOn(s, port, view.nowMs)) return { answer: httpAnswer(s, port, path, view.nowMs), container: i, instance: isPodRt(row) ? row.containers[i].id : 0 };
  }
  return { answer: { refused: true } };
}

/** Whether a TCP connect to <podIP>:<port> succeeds at view.nowMs. */
export function podAcceptsTcp(view: ClusterView, pod: Pod, port: number): boolean {
  return servingContainers(view, pod).some((s) => listensOn(s, port, view.nowMs));
}
