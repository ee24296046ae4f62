import { LineCounter, parseAllDocuments } from 'yaml';
import { goYamlV2Tags } from './yaml-1.1';

// Multi-document YAML (or JSON) -> plain objects, each with the line it starts on, or one error
// that names the file and line, the way kubectl reports a manifest it cannot read.

export interface ParsedDocument {
  readonly value: Record<string, unknown>;
  /** 1-based line of the document's first line in the file. */
  readonly line: number;
  /** 0-based index among the file's non-empty documents. */
  readonly index: number;
}

export type ParseResult = { readonly ok: true; readonly docs: readonly ParsedDocument[] } | { readonly ok: false; readonly error: string };

// kubectl reads manifests with sigs.k8s.io/yaml over go-yaml v2: YAML 1.1 (see yaml-1.1.ts).
export function parseManifests(text: string, source: string): ParseResult {
  const lineCounter = new LineCounter();
  let documents;
  try {
    documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.1', customTags: goYamlV2Tags });
  } catch (e) {
    return { ok: false, error: `error: error parsing ${source}: ${(e as Error).message}` };
  }
  const list = Array.isArray(documents) ? documents : [documents];
  const docs: ParsedDocument[] = [];
  for (const doc of list) {
    const problem = doc.errors[0];
    if (problem !== undefined) {
      const line = lineCounter.linePos(problem.pos[0]).line;
      if (problem.code === 'DUPLICATE_KEY') {
        // go-yaml (sigs.k8s.io/yaml) reports a repeated key as an unmarshal error naming the key.
        const key = /^\s*["']?([^"':\n]*)/.exec(text.slice(problem.pos[0]))?.[1]?.trim() ?? '';
        return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(key)} already set in map` };
      }
      const reason = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${reason}` };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // An alias to an anchor that does not exist (go-yaml: "unknown anchor 'a' referenced"), or an alias bomb.
      const line = lineCounter.linePos(doc.contents?.range?.[0] ?? 0).line;
      const alias = /alias[^:]*: (.*)$/.exec((e as Error).message)?.[1];
      const reason = alias !== undefined ? `unknown anchor '${alias}' referenced` : (e as Error).message;
      return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${reason}` };
    }
    if (value === null || value === undefined) continue; // an empty document between --- separators
    const line = lineCounter.linePos(doc.contents?.range?.[0] ?? 0).line;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, error: `error: error parsing ${source}: line ${line}: a manifest must be a mapping with apiVersion, kind and metadata, not ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}` };
    }
    docs.push({ value: value as Record<string, unknown>, line, index: docs.length });
  }
  // A `kind: List` (kubectl get -o yaml output) unpacks into its items.
  const flat: ParsedDocument[] = [];
  for (const d of docs) {
    if (d.value.kind === 'List' && Array.isArray(d.value.items)) {
      for (const item of d.value.items as Record<string, unknown>[]) flat.push({ value: item, line: d.line, index: flat.length });
    } else {
      flat.push({ ...d, index: flat.length });
    }
  }
  return { ok: true, docs: flat };
}
