import type { Pod } from '../api/types';
import type { ClusterView } from '../engine/types';
import type { NetCommand } from './sh/interp';

// The seam through which sim/network gives containers their network commands (wget, curl,
// nslookup, ping). Until a factory is registered, the shell's stubs answer ("wget: bad address").
// Registered once at module load, so runs stay deterministic.

export type NetCommandsFactory = (view: ClusterView, pod: Pod) => Readonly<Record<string, NetCommand>>;

let factory: NetCommandsFactory | undefined;

export function registerNetCommands(f: NetCommandsFactory | undefined): void {
  factory = f;
}

export function netCommandsFor(view: ClusterView, pod: Pod): Readonly<Record<string, NetCommand>> | undefined {
  return factory?.(view, pod);
}
