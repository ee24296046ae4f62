import { parseDocument, parseAllDocuments } from 'yaml';
import { goYamlV2Tags } from '../api/yaml-1.1';
import { formatFloat } from './template/fmt';
import { fromJson, type GoValue } from './template/values';

// YAML as Helm reads and writes it: sigs.k8s.io/yaml over go-yaml v2. Reading follows YAML 1.1
// (yes/no/on/off are booleans) and numbers arrive as float64 (through JSON). Writing sorts map keys
// (JSON order), does not indent sequences under their key, and quotes strings that would read back
// as something else ("true", "1", "") with double quotes, other awkward ones with single quotes.

export class YamlError extends Error {}

/** yaml.Unmarshal into interface{}, as sigs.k8s.io/yaml does; throws YamlError naming the line. */
export function parseYaml(text: string): GoValue {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true, merge: true, customTags: goYamlV2Tags });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new YamlError(`error converting YAML to JSON: yaml: ${line !== undefined ? `line ${line}: ` : ''}${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  return fromJson(doc.toJSON());
}

/** All documents of a multi-document text (empty ones dropped). */
export function parseYamlAll(text: string): GoValue[] {
  return parseAllDocuments(text, { version: '1.1', customTags: goYamlV2Tags } as never).map((d) => {
    if ('errors' in d && d.errors.length > 0) throw new YamlError(d.errors[0].message.split('\n')[0]);
    return fromJson(d.toJSON());
  }).filter((v) => v !== null && v !== undefined);
}

/** yaml.Marshal (sigs.k8s.io/yaml): the text ends with a newline. */
export function toGoYaml(v: unknown, sortKeys = true): string {
  const plain = sortKeys ? normalize(v) : v;
  if (plain === null) return 'null\n';
  if (isObj(plain) && Object.keys(plain).length === 0) return '{}\n';
  if (Array.isArray(plain) && plain.length === 0) return '[]\n';
  if (!isObj(plain) && !Array.isArray(plain)) return `${scalar(plain, 0)}\n`;
  return lines(plain, 0).join('\n') + '\n';
}

function normalize(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (typeof x !== 'function') out[k] = normalize(x);
    }
    return out;
  }
  return v;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
}

function lines(v: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      const key = scalar(k, indent);
      if (isObj(x) && !isEmptyCollection(x)) {
        out.push(`${pad}${key}:`);
        out.push(...lines(x, indent + 2));
      } else if (Array.isArray(x) && x.length > 0) {
        out.push(`${pad}${key}:`);
        out.push(...lines(x, indent)); // go-yaml v2 does not indent a sequence under its key
      } else {
        out.push(`${pad}${key}: ${scalar(x, indent + 2)}`);
      }
    }
  } else if (Array.isArray(v)) {
    for (const x of v) {
      if ((isObj(x) || Array.isArray(x)) && !isEmptyCollection(x)) {
        const inner = lines(x, indent + 2);
        out.push(`${pad}- ${inner[0].slice(indent + 2)}`);
        out.push(...inner.slice(1));
      } else {
        out.push(`${pad}- ${scalar(x, indent + 2)}`);
      }
    }
  }
  return out;
}

/** What go-yaml v2 would read back as something other than this string (resolve.go). */
function resolvesToNonString(s: string): boolean {
  if (s === '' || s === '~' || /^(null|Null|NULL)$/.test(s)) return true;
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s)) return true;
  if (/^[-+]?(\.inf|\.Inf|\.INF)$/.test(s) || /^(\.nan|\.NaN|\.NAN)$/.test(s)) return true;
  if (/^[-+]?(0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true; // yamlStyleFloat
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true; // base 60
  if (/^\d{4}-\d\d?-\d\d?([Tt ].*)?$/.test(s)) return true; // timestamps
  if (s === '<<' || s === '=') return true;
  return false;
}

/** libyaml's analyze_scalar, for block context: can this string be written plain? */
function plainAllowed(s: string): boolean {
  if (/^[\s]|[\s]$/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) {
    if (!(/^[-?:][^\s]/.test(s) && !/^[-?:][,[\]{}]/.test(s))) return false;
    if (s === '-' || s === '?' || s === ':') return false;
  }
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (/^(---|\.\.\.)/.test(s)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  if (s.includes('\t')) return false;
  return true;
}

function scalar(v: unknown, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : formatFloat(v);
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  const s = String(v);
  if (s.includes('\n')) {
    // go-yaml v2.3+ writes multi-line strings as literal blocks
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
    const body = s.endsWith('\n') && chomp === '' ? s.slice(0, -1) : chomp === '+' ? s.slice(0, -1) : s;
    const pad = ' '.repeat(indent);
    const lead = /^\s/.test(s) ? String(indent > 0 ? 2 : 2) : '';
    return `|${lead}${chomp}\n${body.split('\n').map((l) => (l === '' ? '' : pad + l)).join('\n')}`;
  }
  if (resolvesToNonString(s)) return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (plainAllowed(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}
