import { parseYaml } from './goyaml';
import { isMap, type GoMap } from './template/values';
import { INSTALL_ORDER, sortByKind } from './kind-order';
import type { Hook } from './release';

// releaseutil.SplitManifests and SortManifests: the rendered files become documents, hooks
// (annotated helm.sh/hook) are set apart, the rest sorted by InstallOrder; the release's manifest is
// "---\n# Source: <file>\n<document>\n" for each (action.renderResources).

export interface Manifest {
  readonly path: string;
  readonly content: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export class ManifestError extends Error {}

const SEP = /(?:^|\s*\n)---\s*/;

export function splitManifests(text: string): string[] {
  return text.trim().split(SEP).filter((d) => d !== '').map((d) => d.trim());
}

export interface Sorted {
  readonly manifests: readonly Manifest[];
  readonly hooks: readonly Hook[];
}

/** Sorts the rendered templates (NOTES.txt excluded by the caller). */
export function sortManifests(rendered: ReadonlyMap<string, string>): Sorted {
  const generic: Manifest[] = [];
  const hooks: Hook[] = [];
  for (const path of [...rendered.keys()].sort()) {
    const text = rendered.get(path)!;
    if (text.trim() === '') continue;
    for (const doc of splitManifests(text)) {
      let head: unknown;
      try {
        head = parseYaml(doc);
      } catch (e) {
        throw new ManifestError(`YAML parse error on ${path}: ${(e as Error).message}`);
      }
      if (head === null) continue; // a document of comments only
      if (!isMap(head)) throw new ManifestError(`YAML parse error on ${path}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(head) ? 'array' : 'string'} into Go value of type releaseutil.SimpleHead`);
      const meta = (isMap(head.metadata) ? head.metadata : {}) as GoMap;
      const annotations = (isMap(meta.annotations) ? meta.annotations : {}) as GoMap;
      const kind = typeof head.kind === 'string' ? head.kind : '';
      const name = typeof meta.name === 'string' ? meta.name : '';
      const hook = annotations['helm.sh/hook'];
      if (typeof hook === 'string' && hook !== '') {
        hooks.push({ name, kind, path, manifest: doc, events: hook.split(',').map((e) => e.trim()) });
        continue;
      }
      generic.push({ path, content: doc, kind, name, ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}) });
    }
  }
  return { manifests: sortByKind(generic, (m) => m.kind, INSTALL_ORDER), hooks: sortByKind(hooks, (h) => h.kind, INSTALL_ORDER) };
}

/** The release's manifest text. */
export function manifestText(manifests: readonly Manifest[]): string {
  return manifests.map((m) => `---\n# Source: ${m.path}\n${m.content}\n`).join('');
}

/** Manifest documents back from a stored manifest text (for upgrade's diff and uninstall). */
export function parseManifestText(text: string): Manifest[] {
  const out: Manifest[] = [];
  for (const doc of splitManifests(text)) {
    const m = /^# Source: (.*)\n([\s\S]*)$/.exec(doc);
    const path = m?.[1] ?? '';
    const content = m?.[2] ?? doc;
    const head = parseYaml(content);
    if (!isMap(head)) continue;
    const meta = (isMap(head.metadata) ? head.metadata : {}) as GoMap;
    out.push({ path, content, kind: String(head.kind ?? ''), name: String(meta.name ?? ''), ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}) });
  }
  return out;
}
