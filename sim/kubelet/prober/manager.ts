import type { Container } from '../../api/types';
import type { ContainerRt, ProbeKind, ProbeWorker } from '../types';
import { newWorker, probeTiming } from './worker';

// pkg/kubelet/prober/prober_manager.go AddPod: kubelet.go SyncPod calls it at every sync once the
// Pod's volumes are mounted (WaitForAttachAndMount), before containerRuntime.SyncPod creates the
// sandbox and pulls images; the first call starts one worker per probe per container, in the
// order startup, readiness, liveness, and later calls find them there. Each worker's run() probes
// at once and then on its ticker; when the kubelet started less than one period before (the
// manager's start), it first sleeps rand.Float64() * period, so a restarted kubelet's probes do
// not all come at once.

const KINDS_IN_ADD_ORDER: readonly ProbeKind[] = ['startup', 'readiness', 'liveness'];

/**
 * The containers with their probe workers started at `nowMs` (the Pod's first SyncPod that got
 * past the volumes). `kubeletStartMs`: when the node's kubelet started (undefined: long before);
 * `rand`: the cluster's seeded draws in [0, 1), one per worker that sleeps.
 */
export function addPodWorkers(specs: readonly Container[], containers: readonly ContainerRt[], nowMs: number, kubeletStartMs: number | undefined, rand: () => number): readonly ContainerRt[] {
  let out: ContainerRt[] | undefined;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    if (spec.livenessProbe === undefined && spec.readinessProbe === undefined && spec.startupProbe === undefined) continue;
    const workers: { -readonly [K in ProbeKind]?: ProbeWorker } = {};
    for (const kind of KINDS_IN_ADD_ORDER) {
      const probe = kind === 'startup' ? spec.startupProbe : kind === 'readiness' ? spec.readinessProbe : spec.livenessProbe;
      if (probe === undefined || containers[i][kind] !== undefined) continue;
      const { periodMs } = probeTiming(probe);
      const sleepMs = kubeletStartMs !== undefined && nowMs - kubeletStartMs < periodMs ? Math.floor(rand() * periodMs) : 0;
      workers[kind] = newWorker(kind, nowMs + sleepMs);
    }
    out ??= containers.slice();
    out[i] = { ...containers[i], ...workers };
  }
  return out ?? containers;
}
