// The shape of reports/conformance.json. conformance.md and conformance.html render this object.
import type { ClaimBookStatus } from '../claims/catalog';
import type { RolloutSeries } from './rollout-series';

export type ScenarioStatus = 'passed' | 'failed' | 'skipped';
export type ClaimResult = 'passed' | 'failed' | 'uncovered';

// cucumber's own result, lower-cased: passed failed skipped pending undefined ambiguous unknown.
export type CucumberStatus = string;

/** One executed scenario (a pickle's last attempt), as the collector saw it. */
export interface ScenarioRun {
  readonly name: string;
  readonly uri: string;
  readonly line: number;
  readonly status: ScenarioStatus;
  readonly cucumberStatus: CucumberStatus;
  readonly durationMs: number;
  readonly claimIds: readonly string[];
  readonly tags: readonly string[];
  readonly error?: string;                     // the failing step's message
  readonly failedStep?: string;                // "Then deployment web has 3 ready replicas"
  readonly attachments: readonly string[];     // text attachments (seed, timeline), failures only
  readonly rollouts?: readonly RolloutSeries[]; // the Deployments it rolled out (rollout-series.ts), any status
}

/** A scenario that rolled out Deployments, with their series (drawn as SVG in conformance.html). */
export interface RolloutEntry {
  readonly name: string;
  readonly uri: string;
  readonly line: number;
  readonly status: ScenarioStatus;
  readonly deployments: readonly RolloutSeries[];
}

export interface ScenarioRef {
  readonly name: string;
  readonly uri: string;
  readonly line: number;
  readonly status: ScenarioStatus;
  readonly cucumberStatus: CucumberStatus;
}

export interface ClaimEntry {
  readonly id: string;
  readonly chapter: string;                    // "5" (the chapter the per-chapter tables group by)
  readonly ch: string;                         // the book's section(s), "5.1" or "11, 11.1"
  readonly bookStatus: ClaimBookStatus;
  readonly says: string;
  readonly truth?: string;
  readonly status: ClaimResult;
  readonly scenarios: readonly ScenarioRef[];
}

export interface ReportError {
  readonly kind: 'unknown-claim' | 'properties' | 'internal';
  readonly message: string;
  readonly claimId?: string;
  readonly uri?: string;
  readonly line?: number;
  readonly scenario?: string;
}

export interface Failure {
  readonly name: string;
  readonly uri: string;
  readonly line: number;
  readonly cucumberStatus: CucumberStatus;
  readonly claimIds: readonly string[];
  readonly failedStep?: string;
  readonly error?: string;
  readonly attachments: readonly string[];
  readonly rollouts?: readonly RolloutSeries[];
}

export interface ChapterSummary {
  readonly chapter: string;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly uncovered: number;
}

export interface ConformanceReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly kubernetesVersion: string;
  readonly seed: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly success: boolean;                   // scenarios, claims checked so far and errors all clean
  readonly summary: {
    readonly scenarios: { readonly passed: number; readonly failed: number; readonly skipped: number; readonly total: number };
    readonly claims: { readonly total: number; readonly passed: number; readonly failed: number; readonly uncovered: number };
  };
  readonly chapters: readonly ChapterSummary[];
  readonly claims: readonly ClaimEntry[];
  readonly failures: readonly Failure[];
  readonly errors: readonly ReportError[];
  readonly properties: readonly unknown[];     // reports/properties.json, as the property tests wrote it
  readonly rollouts?: readonly RolloutEntry[]; // scenarios that rolled out a Deployment, by location (buildReport always sets it)
}
