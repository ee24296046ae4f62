// Pure: scenario results + the claims catalog -> the conformance report object.
import { chapterOf, closestClaimId, type ClaimCatalog } from '../claims/catalog';
import type {
  ChapterSummary, ClaimEntry, ClaimResult, ConformanceReport, Failure, ReportError, RolloutEntry, ScenarioRef, ScenarioRun, ScenarioStatus,
} from './model';

export const CLAIM_TAG_PREFIX = '@claim:';

/** A scenario as written (ran or not), for the unknown-claim check. */
export interface TaggedScenario {
  readonly name: string;
  readonly uri: string;
  readonly line: number;
  readonly claimIds: readonly string[];
}

export interface ReportInput {
  readonly catalog: ClaimCatalog;
  readonly scenarios: readonly ScenarioRun[];          // the executed ones
  readonly written?: readonly TaggedScenario[];        // every parsed scenario; defaults to `scenarios`
  readonly tool: { readonly name: string; readonly version: string };
  readonly kubernetesVersion: string;
  readonly seed: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly properties?: readonly unknown[];
  readonly extraErrors?: readonly ReportError[];
}

/**
 * A claim passes when at least one scenario checks it and all that check it passed.
 * Skipped scenarios check nothing.
 *   []                      -> uncovered
 *   [skipped]               -> uncovered
 *   [passed, skipped]       -> passed
 *   [passed, failed]        -> failed
 */
export function claimStatus(statuses: readonly ScenarioStatus[]): ClaimResult {
  if (statuses.includes('failed')) return 'failed';
  return statuses.includes('passed') ? 'passed' : 'uncovered';
}

/** The claim ids of a scenario's tags: "@claim:deploy.runs-app" -> "deploy.runs-app". */
export function claimIdsOf(tags: readonly string[]): string[] {
  const ids = tags.filter((t) => t.startsWith(CLAIM_TAG_PREFIX)).map((t) => t.slice(CLAIM_TAG_PREFIX.length));
  return [...new Set(ids)];
}

/** One error per (scenario, unknown claim id), with a did-you-mean when an id is close. */
export function unknownClaimErrors(catalog: ClaimCatalog, written: readonly TaggedScenario[]): ReportError[] {
  const errors: ReportError[] = [];
  for (const s of written) {
    for (const id of s.claimIds) {
      if (catalog.byId.has(id)) continue;
      const near = closestClaimId(catalog, id);
      errors.push({
        kind: 'unknown-claim', claimId: id, uri: s.uri, line: s.line, scenario: s.name,
        message: `${s.uri}:${s.line}: scenario "${s.name}" is tagged @claim:${id}, but ${catalog.path} has no claim "${id}"` +
          (near !== undefined ? `; did you mean @claim:${near}?` : '; add it to the catalog or fix the tag'),
      });
    }
  }
  return errors;
}

export function buildReport(input: ReportInput): ConformanceReport {
  const { catalog } = input;
  const byClaim = new Map<string, ScenarioRef[]>();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures: Failure[] = [];
  const rollouts: RolloutEntry[] = [];
  const ordered = [...input.scenarios].sort(byLocation);
  for (const s of ordered) {
    if (s.status === 'passed') passed++;
    else if (s.status === 'failed') failed++;
    else skipped++;
    const ref: ScenarioRef = { name: s.name, uri: s.uri, line: s.line, status: s.status, cucumberStatus: s.cucumberStatus };
    for (const id of s.claimIds) {
      let refs = byClaim.get(id);
      if (refs === undefined) byClaim.set(id, (refs = []));
      refs.push(ref);
    }
    if (s.status === 'failed') {
      failures.push({
        name: s.name, uri: s.uri, line: s.line, cucumberStatus: s.cucumberStatus, claimIds: s.claimIds,
        ...(s.failedStep !== undefined ? { failedStep: s.failedStep } : {}),
        ...(s.error !== undefined ? { error: s.error } : {}),
        attachments: s.attachments,
        ...(s.rollouts !== undefined && s.rollouts.length > 0 ? { rollouts: s.rollouts } : {}),
      });
    }
    if (s.rollouts !== undefined && s.rollouts.length > 0) {
      rollouts.push({ name: s.name, uri: s.uri, line: s.line, status: s.status, deployments: s.rollouts });
    }
  }

  const claims: ClaimEntry[] = catalog.claims.map((c) => {
    const scenarios = byClaim.get(c.id) ?? [];
    return {
      id: c.id, chapter: chapterOf(c.ch), ch: c.ch, bookStatus: c.status, says: c.says,
      ...(c.truth !== undefined ? { truth: c.truth } : {}),
      status: claimStatus(scenarios.map((s) => s.status)), scenarios,
    };
  });

  const chapters = new Map<string, { total: number; passed: number; failed: number; uncovered: number }>();
  const claimTotals = { total: claims.length, passed: 0, failed: 0, uncovered: 0 };
  for (const c of claims) {
    let ch = chapters.get(c.chapter);
    if (ch === undefined) chapters.set(c.chapter, (ch = { total: 0, passed: 0, failed: 0, uncovered: 0 }));
    ch.total++;
    ch[c.status]++;
    claimTotals[c.status]++;
  }
  const chapterList: ChapterSummary[] = [...chapters.entries()]
    .sort(([a], [b]) => compareChapters(a, b))
    .map(([chapter, t]) => ({ chapter, ...t }));

  const errors = [...unknownClaimErrors(catalog, input.written ?? input.scenarios), ...(input.extraErrors ?? [])];
  const unknownClaims = errors.some((e) => e.kind === 'unknown-claim');
  return {
    tool: input.tool,
    kubernetesVersion: input.kubernetesVersion,
    seed: input.seed,
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    success: failed === 0 && !unknownClaims,
    summary: {
      scenarios: { passed, failed, skipped, total: passed + failed + skipped },
      claims: claimTotals,
    },
    chapters: chapterList,
    claims,
    failures,
    errors,
    properties: input.properties ?? [],
    rollouts,
  };
}

function byLocation(a: { uri: string; line: number }, b: { uri: string; line: number }): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line;
}

/** Numeric chapter order: "2" < "10"; non-numeric chapters last, by name. */
export function compareChapters(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  if (Number.isFinite(na)) return -1;
  if (Number.isFinite(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
