import type { KubeObject } from '../api/types';

// `--field-selector` as the API server reads it: apimachinery's fields.ParseSelector (terms split on
// unescaped commas, `!=`, `==` or `=`, values unescaped), each kind's field label conversion
// (pkg/apis/core/v1/conversion.go and friends: which fields a kind lets you select on), and the
// registry's ToSelectableFields (the values those fields have on an object).

export interface FieldTerm {
  readonly field: string;
  readonly equal: boolean;
  readonly value: string;
}

/** Fields each kind's conversion function accepts; kinds not listed take the default. */
const SELECTABLE: Readonly<Record<string, readonly string[]>> = {
  Pod: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  Node: ['metadata.name', 'spec.unschedulable'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name'],
  Namespace: ['status.phase', 'metadata.name'],
  Secret: ['type', 'metadata.namespace', 'metadata.name'],
  Service: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
  ReplicaSet: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  Job: ['metadata.name', 'metadata.namespace', 'status.successful'],
};

/** fields.ParseSelector: the terms as written (sorted), or its error text; no field is checked yet. */
export function parseFieldTerms(text: string): { readonly terms: readonly FieldTerm[] } | { readonly error: string } {
  const terms: FieldTerm[] = [];
  for (const part of splitTerms(text).sort()) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (split === undefined) return { error: `invalid selector: '${text}'; can't understand '${part}'` };
    const value = unescapeValue(split.rhs);
    if (typeof value !== 'string') return value;
    terms.push({ field: split.lhs, equal: split.op !== '!=', value });
  }
  return { terms };
}

/** fields.ParseSelector then Transform with the kind's conversion: the terms, or the API server's error text. */
export function parseFieldSelector(text: string, kind: string): { readonly terms: readonly FieldTerm[] } | { readonly error: string } {
  const parsed = parseFieldTerms(text);
  if ('error' in parsed) return parsed;
  const allowed = SELECTABLE[kind];
  const terms: FieldTerm[] = [];
  for (const t of parsed.terms) {
    // Pod's conversion keeps old v1 clients' spec.host working.
    const field = kind === 'Pod' && t.field === 'spec.host' ? 'spec.nodeName' : t.field;
    if (allowed === undefined) {
      if (field !== 'metadata.name' && field !== 'metadata.namespace') {
        return { error: `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"` };
      }
    } else if (!allowed.includes(field)) {
      return { error: `field label not supported: ${field}` };
    }
    terms.push(field === t.field ? t : { ...t, field });
  }
  return { terms };
}

/** hasTerm / notHasTerm against the object's selectable fields (a field it lacks reads as ""). */
export function matchesFields(obj: KubeObject, terms: readonly FieldTerm[]): boolean {
  for (const t of terms) {
    if ((fieldValue(obj, t.field) === t.value) !== t.equal) return false;
  }
  return true;
}

/** ToSelectableFields of each registry strategy (pod, node, event, ...), plus ObjectMeta's two. */
function fieldValue(obj: KubeObject, field: string): string {
  const o = obj as unknown as Record<string, Record<string, unknown> | undefined>;
  const spec = o.spec ?? {};
  const status = o.status ?? {};
  switch (field) {
    case 'metadata.name': return obj.metadata.name;
    case 'metadata.namespace': return obj.metadata.namespace ?? '';
    case 'spec.nodeName': case 'spec.restartPolicy': case 'spec.schedulerName': case 'spec.serviceAccountName': case 'spec.clusterIP': case 'spec.type':
      return String(spec[field.slice(5)] ?? '');
    case 'spec.hostNetwork': case 'spec.unschedulable': return String(spec[field.slice(5)] === true);
    case 'status.phase': case 'status.nominatedNodeName': return String(status[field.slice(7)] ?? '');
    case 'status.podIP': return String((status.podIPs as { ip: string }[] | undefined)?.[0]?.ip ?? status.podIP ?? '');
    case 'status.replicas': return String(status.replicas ?? 0);
    case 'status.successful': return String(status.succeeded ?? 0);
    case 'type': return String(o.type ?? '');
  }
  if (obj.kind === 'Event') return eventField(o, field);
  return '';
}

function eventField(e: Record<string, Record<string, unknown> | undefined>, field: string): string {
  const involved = e.involvedObject ?? {};
  if (field.startsWith('involvedObject.')) return String(involved[field.slice('involvedObject.'.length)] ?? '');
  const own = e as unknown as Record<string, unknown>;
  switch (field) {
    case 'reason': return String(own.reason ?? '');
    case 'reportingComponent': return String(own.reportingComponent ?? '');
    case 'source': return String(e.source?.component ?? own.reportingComponent ?? '');
  }
  return '';
}

/** splitTerms: commas not escaped by a backslash separate terms. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    if (escaped) { escaped = false; continue; }
    if (text[i] === '\\') escaped = true;
    else if (text[i] === ',') { out.push(text.slice(start, i)); start = i + 1; }
  }
  out.push(text.slice(start));
  return out;
}

/** splitTerm: the first position where `!=`, `==` or `=` begins splits the term. */
function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** UnescapeValue: `\\`, `\,`, `\=` only; a bare `,` or `=` is refused (Go prints the rune's number). */
function unescapeValue(s: string): string | { readonly error: string } {
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') return { error: `invalid field selector: invalid escape sequence: \\${c}` };
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      return { error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    } else {
      out += c;
    }
  }
  if (inSlash) return { error: 'invalid field selector: invalid escape sequence: \\' };
  return out;
}
