import { defaultVolume } from './pod-spec';
import { isObj, sameExcept, type Json } from './util';

// Recognising a defaulted spec as it comes back after admission and binding, without defaulting it
// again: the ServiceAccount plugin copies the containers to add the token volumeMount and appends
// the token volume, the plugin may add imagePullSecrets, the scheduler sets nodeName. Defaulting
// never reads volumeMounts, imagePullSecrets or nodeName, and a volume that is already defaulted
// stays as it is: such a spec is a fixed point of defaulting, like the spec it was made from.

/** Fields checked one by one below, or never read by defaulting. */
const PER_POD = new Set(['containers', 'initContainers', 'volumes', 'imagePullSecrets', 'nodeName']);

/**
 * Whether `spec` is the defaulted `base` with only what admission and binding add.
 *
 * | spec, compared with base                                   | admitted from base |
 * |------------------------------------------------------------|--------------------|
 * | base plus nodeName                                         | yes                |
 * | containers copied with a volumeMount more, a token volume  | yes                |
 * | a volume appended without a source (would get emptyDir)     | no                 |
 * | a container with another image, or any other field changed | no                 |
 */
export function isAdmittedFrom(spec: Json, base: Json): boolean {
  let n = 0;
  for (const k in spec) {
    if (PER_POD.has(k)) continue;
    if (spec[k] !== base[k]) return false;
    n++;
  }
  for (const k in base) if (!PER_POD.has(k)) n--;
  return n === 0 && sameButMounts(spec.containers, base.containers) && sameButMounts(spec.initContainers, base.initContainers)
    && appendsDefaultedVolumes(spec.volumes, base.volumes);
}

/** The same containers, each the same object or a copy that differs in volumeMounts only. */
function sameButMounts(list: unknown, baseList: unknown): boolean {
  if (list === baseList) return true;
  if (!Array.isArray(list) || !Array.isArray(baseList) || list.length !== baseList.length) return false;
  for (let i = 0; i < list.length; i++) {
    const c: unknown = list[i];
    const b: unknown = baseList[i];
    if (c === b) continue;
    if (!isObj(c) || !isObj(b) || !sameExcept(c, b, 'volumeMounts')) return false;
  }
  return true;
}

/** The base's volumes (the same objects), then any number of volumes that defaulting leaves as they are. */
function appendsDefaultedVolumes(list: unknown, baseList: unknown): boolean {
  if (list === baseList) return true;
  const known = baseList === undefined ? [] : baseList;
  if (!Array.isArray(list) || !Array.isArray(known) || list.length < known.length) return false;
  for (let i = 0; i < known.length; i++) if (list[i] !== known[i]) return false;
  for (let i = known.length; i < list.length; i++) if (!isDefaultedVolume(list[i])) return false;
  return true;
}

/**
 * defaultVolume keeps every field it does not change (the same objects): a volume it changes nothing
 * in is defaulted. (One without a source gets a new emptyDir: not defaulted.)
 */
function isDefaultedVolume(v: unknown): boolean {
  if (!isObj(v)) return false;
  const d = defaultVolume(v);
  for (const k in d) if (d[k] !== v[k]) return false;
  return true;
}
