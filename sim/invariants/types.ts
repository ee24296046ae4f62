import type { ClusterView } from '../engine/types';

/** An invariant checker: the violations it finds in a state, one readable line each. */
export interface Invariant {
  readonly name: string;
  /** True when it only holds at a quiet instant (controllers caught up, no Pod mid-termination). */
  readonly whenQuiet: boolean;
  check(view: ClusterView): readonly string[];
}
