import type { Pod } from '../api/types';
import { fieldRefValue } from '../runtime/env-hooks';

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

/** The metadata fields a downwardAPI volume may project (ExtractFieldPathAsString); whole label and annotation maps as FormatMap. */
function fieldValue(pod: Pod, path: string): string | undefined {
  if (path === 'metadata.labels') return formatMap(pod.metadata.labels);
  if (path === 'metadata.annotations') return formatMap(pod.metadata.annotations);
  if (!path.startsWith('metadata.')) return undefined;
  return fieldRefValue(pod, path, '', '');
}

/** fieldpath.FormatMap: `key="value"` per line, keys sorted, values quoted as Go's %q. */
function formatMap(m: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n');
}
