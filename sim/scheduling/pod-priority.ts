import type { KubeObject, Pod } from '../api/types';
import { rememberDefaultedSpec } from '../api/defaults/pod';
import type { Json } from '../api/defaults/util';
import type { StoreView } from '../store/store';
import { defaultPriorityClassOf } from './priority-class';
import { SYSTEM_PRIORITY_CLASSES, type PriorityClass } from './types';

// The Priority admission plugin on Pod create, for what needs the store (plugin/pkg/admission/priority
// admission.go admitPod): a named user class must exist ("no PriorityClass with name foo was found")
// and gives the Pod its value and preemptionPolicy; a Pod without a class gets the globalDefault
// class, if there is one. A priority or preemptionPolicy the Pod sets that differs is refused.
// Built-in classes and "no class, no default" are filled by defaulting (sim/api/defaults/pod.ts),
// which needs no store. Simplification: defaulting has already set priority 0 on a classless Pod,
// so with a globalDefault class a client-set `priority: 0` is replaced rather than refused.

type Admission = { readonly obj: KubeObject; readonly forbidden?: undefined } | { readonly obj?: undefined; readonly forbidden: string };

const SYSTEM = new Map(SYSTEM_PRIORITY_CLASSES.map((s) => [s.name, s.value]));

/** admission.go admitPod (create). Idempotent: an admitted Pod comes back as it is. */
export function admitPodPriority(obj: KubeObject, view: StoreView): Admission {
  if (obj.kind !== 'Pod') return { obj };
  const pod = obj as Pod;
  const spec = pod.spec as Pod['spec'] & { priority?: number; preemptionPolicy?: string };
  const refuse = (why: string): Admission => ({ forbidden: `pods "${pod.metadata.name || pod.metadata.generateName || ''}" is forbidden: ${why}` });
  const name = spec.priorityClassName ?? '';
  let cls: { name: string; value: number; policy: string | undefined };
  if (name === '') {
    const dpc = defaultPriorityClassOf(view);
    if (dpc === undefined) return { obj };
    // Defaulting set priority 0 and PreemptLowerPriority: the default class replaces them (see above).
    cls = { name: dpc.metadata.name, value: dpc.value, policy: dpc.preemptionPolicy };
    const next = { ...spec, priorityClassName: cls.name, priority: cls.value, ...(cls.policy !== undefined ? { preemptionPolicy: cls.policy } : {}) };
    return admitted(pod, next);
  }
  const system = SYSTEM.get(name);
  if (system !== undefined) cls = { name, value: system, policy: 'PreemptLowerPriority' };
  else {
    const pc = view.get<PriorityClass>('PriorityClass', '', name);
    if (pc === undefined) return refuse(`no PriorityClass with name ${name} was found`);
    cls = { name, value: pc.value, policy: pc.preemptionPolicy };
  }
  if (typeof spec.priority === 'number' && spec.priority !== cls.value) {
    return refuse(`the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${cls.value} from the given PriorityClass name`);
  }
  if (cls.policy !== undefined && spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== cls.policy) {
    return refuse(`the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${cls.policy} from the given PriorityClass name`);
  }
  if (spec.priority === cls.value && (cls.policy === undefined || spec.preemptionPolicy === cls.policy)) return { obj };
  return admitted(pod, { ...spec, priority: cls.value, ...(cls.policy !== undefined ? { preemptionPolicy: cls.policy } : {}) });
}

function admitted(pod: Pod, spec: Json): Admission {
  rememberDefaultedSpec(spec, false); // admission adds only defaulted fields
  return { obj: { ...pod, spec } as unknown as KubeObject };
}
