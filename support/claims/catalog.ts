// The product's claims catalog (claims/book-claims.yaml): loaded and validated once at start, so a
// malformed file or an unknown claim id is one clear error instead of a silent miss in the reports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';

export const CLAIM_STATUSES = ['holds', 'nuance', 'obsolete', 'context'] as const;
export type ClaimBookStatus = (typeof CLAIM_STATUSES)[number];

export interface Claim {
  readonly id: string;
  readonly ch: string;               // the book's chapter.section, e.g. "5.1" or "11, 11.1"
  readonly says: string;             // the claim, as the book makes it
  readonly status: ClaimBookStatus;
  readonly truth?: string;           // what current Kubernetes does, where it matters
  readonly line: number;             // 1-based line of the entry in the catalog file
}

export interface ClaimCatalog {
  readonly path: string;
  readonly claims: readonly Claim[];
  readonly byId: ReadonlyMap<string, Claim>;
}

export const DEFAULT_CLAIMS_PATH = resolve(__dirname, '../../claims/book-claims.yaml');

// Lower-case words joined by '.' or '-': "deploy.runs-app", "svc.nodeport-access".
export const CLAIM_ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

const KNOWN_FIELDS = new Set(['id', 'ch', 'says', 'status', 'truth']);

export class ClaimsFileError extends Error {
  constructor(readonly path: string, readonly problems: readonly string[]) {
    super(`claims catalog ${path} is malformed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map((p) => `  ${p}`).join('\n') +
      '\n  Each entry needs: id (lower-case words joined by "." or "-", unique), ch, says, ' +
      `status (${CLAIM_STATUSES.join('|')}), and optionally truth.`);
    this.name = 'ClaimsFileError';
  }
}

/** Reads and validates the catalog; throws ClaimsFileError naming the file and every bad entry. */
export function loadClaims(path: string = DEFAULT_CLAIMS_PATH): ClaimCatalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ClaimsFileError(path, [`cannot read the file: ${(e as Error).message}`]);
  }
  return parseClaims(text, path);
}

/** Validates catalog text; `path` only names the file in messages. */
export function parseClaims(text: string, path: string): ClaimCatalog {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 0 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    throw new ClaimsFileError(path, doc.errors.map((e) => `${path}:${lineOf(e.pos[0])}: YAML syntax: ${firstLine(e.message)}`));
  }
  const root = doc.contents;
  const seq = isMap(root) ? root.get('claims', true) : undefined;
  if (!isSeq(seq)) {
    throw new ClaimsFileError(path, [`${path}:${lineOf(root?.range?.[0]) || 1}: expected a top-level "claims:" list`]);
  }
  const problems: string[] = [];
  const claims: Claim[] = [];
  const firstLineById = new Map<string, number>();
  seq.items.forEach((item, index) => {
    const line = lineOf((item as { range?: [number, number, number] } | null)?.range?.[0]);
    const where = (id: unknown): string =>
      `${path}:${line}: entry #${index + 1}${typeof id === 'string' && id !== '' ? ` (id "${id}")` : ''}`;
    if (!isMap(item)) {
      problems.push(`${where(undefined)}: expected a mapping with id, ch, says, status`);
      return;
    }
    const raw = item.toJSON() as Record<string, unknown>;
    const entryProblems: string[] = [];
    const { id, ch, says, status, truth } = raw;
    if (typeof id !== 'string' || id === '') entryProblems.push('id is missing');
    else if (!CLAIM_ID_PATTERN.test(id)) entryProblems.push(`id "${id}" is not lower-case words joined by "." or "-"`);
    else if (firstLineById.has(id)) entryProblems.push(`id "${id}" is already used by the entry at line ${firstLineById.get(id)}`);
    if (typeof ch !== 'string' && typeof ch !== 'number') entryProblems.push('ch (chapter) is missing');
    if (typeof says !== 'string' || says.trim() === '') entryProblems.push('says is missing');
    if (typeof status !== 'string') entryProblems.push(`status is missing (one of ${CLAIM_STATUSES.join('|')})`);
    else if (!(CLAIM_STATUSES as readonly string[]).includes(status)) {
      entryProblems.push(`status "${status}" is not one of ${CLAIM_STATUSES.join('|')}`);
    }
    if (truth !== undefined && typeof truth !== 'string') entryProblems.push('truth must be text');
    const unknown = Object.keys(raw).filter((k) => !KNOWN_FIELDS.has(k));
    if (unknown.length > 0) entryProblems.push(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
    if (entryProblems.length > 0) {
      problems.push(`${where(id)}: ${entryProblems.join('; ')}`);
      return;
    }
    firstLineById.set(id as string, line);
    claims.push({
      id: id as string, ch: String(ch), says: (says as string).trim(), status: status as ClaimBookStatus,
      ...(typeof truth === 'string' ? { truth: truth.trim() } : {}), line,
    });
  });
  if (problems.length > 0) throw new ClaimsFileError(path, problems);
  if (claims.length === 0) throw new ClaimsFileError(path, [`${path}: the "claims:" list is empty`]);
  return { path, claims, byId: new Map(claims.map((c) => [c.id, c])) };
}

/** The book chapter a claim belongs to: "11, 11.1" -> "11", "5.3" -> "5", "2" -> "2". */
export function chapterOf(ch: string): string {
  const first = ch.split(',')[0]!.trim();
  return first.split('.')[0]!.trim();
}

/** The closest known id to a misspelt one (Levenshtein), or undefined when nothing is close. */
export function closestClaimId(catalog: ClaimCatalog, id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const known of catalog.byId.keys()) {
    const d = editDistance(id, known, bestDistance);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length]!;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!;
}
