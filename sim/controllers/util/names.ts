import { generateName } from '../../api/naming';
import type { ClusterView, ReconcileContext } from '../../engine/types';

// The API server generates names for generateName; a controller that wants to name the Pod in its
// event ("Created pod: web-7d9f-abcde") draws the name itself from the same seeded generator.

/** A free generated name `<base><5 chars>` in `namespace`, not in `taken`. */
export function freshName(view: ClusterView, ctx: ReconcileContext, kind: string, namespace: string, base: string, taken: Set<string>): string {
  for (;;) {
    const name = generateName(base, ctx.rng);
    if (!taken.has(name) && view.get(kind, namespace, name) === undefined) {
      taken.add(name);
      return name;
    }
  }
}
