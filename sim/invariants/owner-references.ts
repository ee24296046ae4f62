import { allKinds } from '../api/kinds';
import type { Invariant } from './types';

/** Once quiet, no live object has an ownerReference to an owner that no longer exists (the GC removed it). */
export const ownerReferences: Invariant = {
  name: 'owner-references',
  whenQuiet: true,
  check(view) {
    const out: string[] = [];
    for (const info of allKinds()) {
      for (const obj of view.list(info.kind)) {
        if (obj.metadata.deletionTimestamp !== undefined) continue;
        for (const ref of obj.metadata.ownerReferences ?? []) {
          const ns = obj.metadata.namespace ?? '';
          const owner = view.get(ref.kind, ns, ref.name) ?? (ns !== '' ? view.get(ref.kind, '', ref.name) : undefined);
          if (owner === undefined || owner.metadata.uid !== ref.uid) {
            out.push(`${info.kind} ${ns ? `${ns}/` : ''}${obj.metadata.name} is owned by ${ref.kind} ${ref.name} (uid ${ref.uid}), which no longer exists`);
          }
        }
      }
    }
    return out;
  },
};
