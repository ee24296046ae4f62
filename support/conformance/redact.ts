// Secret values never appear in any report (DESIGN.md "Reports"). Everything the conformance
// reports write passes through redact(): known Secret values (gathered from the Secret manifests in
// the run's feature files) are replaced wherever they occur, plain or base64-encoded, and text that
// looks like Secret data (data:/stringData: of a kind: Secret object, password=..., bootstrap
// tokens) is masked structurally.
// TODO(reports): let the World hand over the values of Secrets created from files or
// `kubectl create secret --from-literal` (not visible in the Gherkin) via secretValuesOf(cluster).
import { parseAllDocuments } from 'yaml';

export const REDACTED = '[REDACTED]';

// Plain values shorter than this are too likely to be ordinary words or numbers to mask everywhere;
// their base64 form is still masked.
const MIN_PLAIN_LENGTH = 4;

export class SecretValues {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined | null = null;

  add(value: string): void {
    if (value.length === 0) return;
    const before = this.values.size;
    if (value.length >= MIN_PLAIN_LENGTH) this.values.add(value);
    this.values.add(Buffer.from(value, 'utf8').toString('base64'));
    if (this.values.size !== before) this.pattern = null;
  }

  get size(): number {
    return this.values.size;
  }

  /** One alternation, longest first, so "secret123" wins over "secret". */
  regex(): RegExp | undefined {
    if (this.pattern === null) {
      const sorted = [...this.values].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = sorted.length === 0 ? undefined : new RegExp(sorted.join('|'), 'g');
    }
    return this.pattern;
  }
}

/** Collects the values of every Secret manifest (data: base64, stringData: plain) in a text. */
export function collectSecretValues(text: string, into: SecretValues = new SecretValues()): SecretValues {
  if (!/kind:\s*["']?Secret\b/.test(text)) return into;
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return into;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    let obj: unknown;
    try {
      obj = doc.toJS();
    } catch {
      continue;
    }
    visitSecrets(obj, (data, stringData) => {
      for (const v of Object.values(data)) {
        if (typeof v !== 'string') continue;
        into.add(v.trim());
        const decoded = decodeBase64(v);
        if (decoded !== undefined) into.add(decoded);
      }
      for (const v of Object.values(stringData)) if (typeof v === 'string') into.add(v);
    });
  }
  return into;
}

function visitSecrets(obj: unknown, onSecret: (data: Record<string, unknown>, stringData: Record<string, unknown>) => void): void {
  if (obj === null || typeof obj !== 'object') return;
  if (Array.isArray(obj)) {
    obj.forEach((o) => visitSecrets(o, onSecret));
    return;
  }
  const o = obj as Record<string, unknown>;
  if (o.kind === 'Secret') onSecret(asRecord(o.data), asRecord(o.stringData));
  if (Array.isArray(o.items)) visitSecrets(o.items, onSecret);
}

/** Masks Secret values in a text. Applied to every string a conformance report contains. */
export function redact(text: string, known?: SecretValues): string {
  let out = text;
  const re = known?.regex();
  if (re !== undefined) out = out.replace(re, REDACTED);
  if (/kind:\s*["']?Secret\b/.test(out)) out = redactSecretYaml(out);
  if (/"kind"\s*:\s*"Secret"/.test(out)) out = redactSecretJson(out);
  out = out.replace(SENSITIVE_ASSIGNMENT, (_m, key: string, sep: string, quote: string) => `${key}${sep}${quote}${REDACTED}${quote}`);
  out = out.replace(BOOTSTRAP_TOKEN, REDACTED);
  return out;
}

/** Applies redact() to every string in a JSON-like value (object keys included). */
export function redactDeep<T>(value: T, known?: SecretValues): T {
  if (typeof value === 'string') return redact(value, known) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, known)) as unknown as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redact(k, known)] = redactDeep(v, known);
    return out as T;
  }
  return value;
}

// password: x, db_password=x, apiKey: "x", token=x. Names of things (secretName, secretKeyRef,
// secretRef) are not values; "password: 6 bytes" is kubectl describe's safe size summary.
const SENSITIVE_ASSIGNMENT =
  /\b((?:[A-Za-z0-9_-]*[-_])?(?:password|passwd|passphrase|token|api[-_]?key|access[-_]?key|secret[-_]?key|client[-_]?secret|private[-_]?key)s?)(\s*[:=]\s*)(["']?)(?!\d+ bytes\b)(?!\[REDACTED\])(?=[^\s"'|>])[^\s"',;}]+\3/gi;

// kubeadm bootstrap tokens ("abcdef.0123456789abcdef") are Secrets in kube-system.
const BOOTSTRAP_TOKEN = /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g;

// In a YAML text that holds a kind: Secret, mask every value under data: and stringData:.
function redactSecretYaml(text: string): string {
  const lines = text.split('\n');
  let blockIndent = -1;      // indent of the data:/stringData: key we are inside, or -1
  let scalarIndent = -1;     // indent of a block scalar (key: |) value we are inside, or -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '';
    if (scalarIndent >= 0) {
      if (blank || indent > scalarIndent) {
        if (!blank) lines[i] = `${' '.repeat(indent)}${REDACTED}`;
        continue;
      }
      scalarIndent = -1;
    }
    if (blockIndent >= 0) {
      if (blank) continue;
      if (indent > blockIndent) {
        const m = /^(\s*(?:-\s+)?["']?[^:"']+["']?:)(\s*)(.*)$/.exec(line);
        if (m !== null) {
          const value = m[3]!;
          if (/^[|>][-+0-9]*\s*$/.test(value)) scalarIndent = indent;
          else if (value !== '') lines[i] = `${m[1]} ${REDACTED}`;
        } else {
          lines[i] = `${' '.repeat(indent)}${REDACTED}`;
        }
        continue;
      }
      blockIndent = -1;
    }
    const key = /^(\s*(?:-\s+)?)(data|stringData):(\s*)(.*)$/.exec(line);
    if (key !== null) {
      const rest = key[4]!;
      if (rest === '' || rest.startsWith('#')) blockIndent = indent + (key[1]!.includes('-') ? key[1]!.length - indent : 0);
      else if (!/^\{\s*\}$/.test(rest)) lines[i] = `${key[1]}${key[2]}: ${REDACTED}`;
    }
  }
  return lines.join('\n');
}

// In a JSON text that holds a "kind": "Secret", mask the values of "data"/"stringData" objects.
function redactSecretJson(text: string): string {
  return text.replace(/("(?:data|stringData)"\s*:\s*\{)([^{}]*)(\})/g, (_m, open: string, body: string, close: string) =>
    open + body.replace(/("(?:[^"\\]|\\.)*"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${REDACTED}"`) + close);
}

function decodeBase64(v: string): string | undefined {
  const s = v.replace(/\s+/g, '');
  if (s.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(s, 'base64').toString('utf8');
  return decoded.includes('\uFFFD') ? undefined : decoded;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
