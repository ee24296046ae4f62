// kubectl apply's three-way merge, simplified to what manifests use: fields the new manifest sets
// win; fields the previous apply set but the new one dropped are removed; fields neither set
// (written by others: `kubectl scale`, controllers, defaults) are kept. Lists are replaced whole.

type Json = Record<string, unknown>;

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function threeWayMerge(live: Json, lastApplied: Json | undefined, manifest: Json): Json {
  const out: Json = { ...live };
  for (const key of Object.keys(manifest)) {
    const m = manifest[key];
    const l = live[key];
    out[key] = isMap(m) && isMap(l) ? threeWayMerge(l, isMap(lastApplied?.[key]) ? (lastApplied![key] as Json) : undefined, m) : m;
  }
  for (const key of Object.keys(lastApplied ?? {})) {
    if (!(key in manifest)) delete out[key];
  }
  return out;
}
