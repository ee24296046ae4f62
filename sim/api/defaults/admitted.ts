import { volumeSourcesOf } from './pod-spec';
import { storedVolumeSources } from './pod-spec-omitempty';
import { isObj, sameExcept, unset, type Json } from './util';

// Recognising a defaulted spec as it comes back after admission and binding, without defaulting it
// again: the ServiceAccount plugin copies the containers to add the token volumeMount and appends
// the token volume, the plugin may add imagePullSecrets, the scheduler sets nodeName. Defaulting
// never reads volumeMounts, imagePullSecrets or nodeName, and a volume that is already defaulted
// stays as it is: such a spec is a fixed point of defaulting, like the spec it was made from.

/** Fields checked one by one below, or never read by defaulting (compared as keys: no hash look-up a field). */
const isPerPod = (k: string): boolean => k === 'containers' || k === 'volumes' || k === 'nodeName' || k === 'initContainers' || k === 'imagePullSecrets';

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
    if (isPerPod(k)) continue;
    if (spec[k] !== base[k]) return false;
    n++;
  }
  for (const k in base) if (!isPerPod(k)) n--;
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

/** The sources defaultVolume gives a defaultMode when they have none. */
const MODE_SOURCES = ['secret', 'configMap', 'downwardAPI', 'projected'] as const;

/**
 * Whether defaultVolume (pod-spec.ts) would change nothing in `v`, read without making its copy: it
 * adds an emptyDir to a volume without a source, a defaultMode to a mode source without one, a type
 * to a hostPath without one, drops an emptyDir's medium "" and a source's empty items or name
 * (storedVolumeSources), and keeps every other field (the same objects).
 */
export function isDefaultedVolume(v: unknown): boolean {
  if (!isObj(v) || volumeSourcesOf(v).length === 0) return false;
  for (const src of MODE_SOURCES) {
    const source = v[src];
    if (isObj(source) && unset(source.defaultMode)) return false;
  }
  const hostPath = v.hostPath;
  if (isObj(hostPath) && hostPath.type === undefined) return false;
  const emptyDir = v.emptyDir;
  return !(isObj(emptyDir) && emptyDir.medium === '') && storedVolumeSources(v) === v;
}
