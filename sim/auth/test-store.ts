import type { KubeObject } from '../api/types';
import { Store } from '../store/store';

/** A store snapshot holding these objects as given (the unit tests' fixture). */
export function storeOf(objects: readonly KubeObject[]): Store {
  const d = Store.empty().edit();
  for (const o of objects) d.put(o);
  return d.seal();
}
