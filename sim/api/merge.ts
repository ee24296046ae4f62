// kubectl apply's three-way merge (strategic merge patch, CreateThreeWayMergePatch), reduced to what
// manifests use: fields the new manifest sets win; fields the previous apply set but the new one
// dropped are removed; fields neither set (written by others: `kubectl scale`, controllers, defaults)
// are kept. Lists with a patch merge key (containers by name, container ports by containerPort,
// Service ports by port, env and volumes by name, volumeMounts by mountPath) merge item by item;
// other lists are replaced whole.

type Json = Record<string, unknown>;

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patchMergeKey of a list field (k8s.io/api struct tags), given the items the manifest holds. */
function mergeKeyOf(field: string, items: readonly unknown[]): string | undefined {
  switch (field) {
    case 'containers': case 'initContainers': case 'ephemeralContainers': case 'env': case 'volumes': case 'imagePullSecrets': return 'name';
    case 'volumeMounts': return 'mountPath';
    case 'volumeDevices': return 'devicePath';
    case 'hostAliases': return 'ip';
    case 'ports': return items.every((i) => isMap(i) && 'containerPort' in i) ? 'containerPort' : 'port';
    default: return undefined;
  }
}

export function threeWayMerge(live: Json, lastApplied: Json | undefined, manifest: Json): Json {
  const out: Json = { ...live };
  for (const key of Object.keys(manifest)) {
    const m = manifest[key];
    const l = live[key];
    const last = lastApplied?.[key];
    if (isMap(m) && isMap(l)) out[key] = threeWayMerge(l, isMap(last) ? last : undefined, m);
    else if (Array.isArray(m) && Array.isArray(l)) out[key] = mergeList(key, l, Array.isArray(last) ? last : undefined, m);
    else out[key] = m;
  }
  for (const key of Object.keys(lastApplied ?? {})) {
    if (!(key in manifest)) delete out[key];
  }
  return out;
}

/**
 * A list with a merge key: the manifest's items in its order, each merged with the live item of the
 * same key; live items the manifest lacks are kept unless the previous apply had them (then deleted).
 * Without a merge key, or with items that lack it, the manifest's list replaces the live one.
 */
function mergeList(field: string, live: readonly unknown[], lastApplied: readonly unknown[] | undefined, manifest: readonly unknown[]): unknown[] {
  const key = mergeKeyOf(field, manifest);
  const keyed = (items: readonly unknown[] | undefined) => key !== undefined && (items ?? []).every((i) => isMap(i) && i[key] !== undefined && i[key] !== null);
  if (key === undefined || !keyed(manifest) || !keyed(live) || !keyed(lastApplied)) return [...manifest];
  const id = (i: unknown) => JSON.stringify((i as Json)[key]);
  const liveById = new Map(live.map((i) => [id(i), i as Json]));
  const lastById = new Map((lastApplied ?? []).map((i) => [id(i), i as Json]));
  const inManifest = new Set(manifest.map(id));
  const merged: unknown[] = manifest.map((m) => {
    const l = liveById.get(id(m));
    return l === undefined ? m : threeWayMerge(l, lastById.get(id(m)), m as Json);
  });
  for (const l of live) {
    if (!inManifest.has(id(l)) && !lastById.has(id(l))) merged.push(l);
  }
  return merged;
}
