import type { Pod } from '../api/types';

// Downward API volume files (pkg/volume/downwardapi CollectData with fieldpath.ExtractFieldPathAsString):
// metadata fields; labels and annotations as sorted `key="value"` lines (fieldpath.FormatMap).

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The files of a downwardAPI volume or projection, or an error for an unsupported field. */
export function downwardApiFiles(pod: Pod, source: Obj): { files: Record<string, string> } | { error: string } {
  const files: Record<string, string> = {};
  for (const item of Array.isArray(source.items) ? source.items : []) {
    if (!isObj(item) || typeof item.path !== 'string' || !isObj(item.fieldRef)) continue;
    const value = fieldValue(pod, String(item.fieldRef.fieldPath ?? ''));
    if (value === undefined) return { error: `unsupported fieldPath: ${String(item.fieldRef.fieldPath)}` };
    files[item.path] = value;
  }
  return { files };
}

function fieldValue(pod: Pod, path: string): string | undefined {
  const one = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (one) return (one[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[one[2]] ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata.name;
    case 'metadata.namespace': return pod.metadata.namespace ?? 'default';
    case 'metadata.uid': return pod.metadata.uid;
    case 'metadata.labels': return formatMap(pod.metadata.labels);
    case 'metadata.annotations': return formatMap(pod.metadata.annotations);
    default: return undefined;
  }
}

/** fieldpath.FormatMap: `key="value"` per line, keys sorted, values quoted as Go's %q. */
function formatMap(m: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n');
}
