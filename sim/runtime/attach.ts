import type { Cluster } from '../engine/types';
import { submit } from '../engine/loop';
import { CONTROLLERS } from '../cluster/controllers';
import type { PodRt } from '../kubelet/types';
import { resolveContainer, withContainerRt } from './pod-containers';

// The end of an attach session (kubectl run -i): with stdinOnce the runtime closes the container's
// stdin, and a shell reading from it exits with the status of its last command (or `exit N`).
// The kubelet sees the exit at this instant and restarts the container per restartPolicy; a
// restarted container has a fresh, open stdin again.

export function closeStdin(cluster: Cluster, namespace: string, podName: string, container: string, exitCode: number): Cluster {
  const r = resolveContainer(cluster, namespace, podName, container);
  if ('stderr' in r || r.rt === undefined || r.crt === undefined || r.crt.phase !== 'running') return cluster;
  const { rt, crt } = r;
  const row: PodRt = withContainerRt(rt, crt, { ...crt, exitAtMs: cluster.nowMs, exitCode });
  return submit(cluster, [{ verb: 'runtime', table: 'pods', key: rt.uid, value: row }], CONTROLLERS, 'kubectl-attach').cluster;
}
