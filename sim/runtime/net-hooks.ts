import type { Pod } from '../api/types';
import type { Change, ClusterView } from '../engine/types';
import type { NetCommand } from './sh/interp';

// The seam through which sim/network gives containers their network commands (wget, curl,
// nslookup, ping). Until a factory is registered, the shell's stubs answer ("wget: bad address").
// Registered once at module load, so runs stay deterministic.

/** A runtime-table row a network command changed (kube-proxy's rr cursors and affinity entries). */
export type NetChange = Extract<Change, { verb: 'runtime' }>;

/**
 * The network commands of one run in a container (one `kubectl exec`, one probe): they share the
 * state they change, so `wget; wget` goes on where the first left off; changes() lists what the
 * caller applies to the cluster afterwards.
 */
export interface NetSession {
  readonly commands: Readonly<Record<string, NetCommand>>;
  changes(): readonly NetChange[];
}

export type NetCommandsFactory = (view: ClusterView, pod: Pod) => NetSession;

let factory: NetCommandsFactory | undefined;

export function registerNetCommands(f: NetCommandsFactory | undefined): void {
  factory = f;
}

export function netSessionFor(view: ClusterView, pod: Pod): NetSession | undefined {
  return factory?.(view, pod);
}

/** The Service variables a container created at `atMs` gets (sim/network/service-env.ts registers it). */
export type ServiceEnvFactory = (view: ClusterView, pod: Pod, atMs: number) => Readonly<Record<string, string>>;

let serviceEnv: ServiceEnvFactory | undefined;

export function registerServiceEnv(f: ServiceEnvFactory | undefined): void {
  serviceEnv = f;
}

export function serviceEnvFor(view: ClusterView, pod: Pod, atMs: number): Readonly<Record<string, string>> {
  return serviceEnv?.(view, pod, atMs) ?? {};
}
