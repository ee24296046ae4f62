import { After, Before, BeforeStep, Status, setWorldConstructor } from '@cucumber/cucumber';
import type { ITestCaseHookParameter, ITestStepHookParameter } from '@cucumber/cucumber';
import { fnv32a } from '../sim/api/naming';
import { invariantViolations } from './invariants';
import { formatDuration } from './durations';
import { SimWorld, type StepType } from './world';

// Scenario hooks: a reproducible seed per scenario, the running step's kind, and an After guard
// that reports what a failing scenario's cluster went through and fails a passing one whose
// cluster breaks an invariant or that left a failed command unchecked.

const TRACE_TAIL = 60;

setWorldConstructor(SimWorld);

Before(function (this: SimWorld, { pickle, gherkinDocument }: ITestCaseHookParameter) {
  const line = scenarioLine(gherkinDocument, pickle.astNodeIds) ?? 0;
  this.location = `${pickle.uri}:${line}`;
  const fromEnv = process.env.SIM_SEED;
  this.seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) >>> 0 : fnv32a(this.location);
});

BeforeStep(function (this: SimWorld, { pickleStep }: ITestStepHookParameter) {
  this.stepType = ((pickleStep as { type?: string }).type ?? 'Unknown') as StepType;
  this.stepTraceStart = this.hasCluster ? this.cluster.trace.length : 0;
});

After(function (this: SimWorld, { result, pickle }: ITestCaseHookParameter) {
  if (result?.status !== Status.PASSED) {
    this.attach(failureReport(this), 'text/plain');
    return;
  }
  if (this.unverifiedFailure !== undefined) {
    throw new Error(`the scenario ended with a failure no step checked: ${this.unverifiedFailure}\n${this.replayHint()}`);
  }
  if (!this.hasCluster || pickle.tags.some((t) => t.name === '@no-invariants')) return;
  const { violations, atMs, quiet } = invariantViolations(this.cluster);
  if (violations.length > 0) {
    this.attach(failureReport(this), 'text/plain');
    throw new Error(`the cluster breaks ${violations.length} invariant(s) at the end of the scenario (checked at t=${formatDuration(atMs)}${quiet ? '' : ', not quiet: quiet-only invariants skipped'}):\n  ${violations.join('\n  ')}\n${this.replayHint()}`);
  }
});

function failureReport(world: SimWorld): string {
  const lines = [`seed: ${world.seed}`, world.replayHint().trim()];
  if (!world.hasCluster) return lines.join('\n');
  const c = world.cluster;
  lines.push(`virtual time: t=${formatDuration(c.nowMs)}`);
  if (world.lastCommand) {
    lines.push(`last command: ${world.lastCommand.line} (exit ${world.lastCommand.exitCode})`);
    if (world.lastCommand.stdout) lines.push(world.lastCommand.stdout.trimEnd());
    if (world.lastCommand.stderr) lines.push(world.lastCommand.stderr.trimEnd());
  }
  // Lease renewals (every 10 s per node) would drown the tail, so they are left out. Shown: what the
  // failing step caused, or at least the last TRACE_TAIL entries before it failed.
  const entries = c.trace.slice().map((e, i) => ({ e, i })).filter(({ e }) => e.kind !== 'Lease');
  const sinceStep = entries.filter(({ i }) => i >= world.stepTraceStart).length;
  const shown = entries.slice(-Math.max(TRACE_TAIL, Math.min(sinceStep, 4 * TRACE_TAIL)));
  lines.push(`trace (entry #, Lease renewals left out; the failing step began at #${world.stepTraceStart}):`);
  for (const { e, i } of shown) {
    lines.push(`  #${i} t=${formatDuration(e.timeMs)} ${e.verb} ${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}: ${e.summary} (${e.cause})`);
  }
  return lines.join('\n');
}

interface AstNode { id?: string; location?: { line: number }; scenario?: AstNode; rule?: { children?: AstNode[] }; examples?: { tableBody?: AstNode[] }[]; children?: AstNode[] }

/** The line of the scenario (or of its Examples row) a pickle came from. */
function scenarioLine(doc: { feature?: { children?: readonly unknown[] } }, ids: readonly string[]): number | undefined {
  const children = (doc.feature?.children ?? []) as AstNode[];
  const scenarios: AstNode[] = [];
  for (const child of children) {
    if (child.scenario) scenarios.push(child.scenario);
    for (const inner of child.rule?.children ?? []) if (inner.scenario) scenarios.push(inner.scenario);
  }
  const scenario = scenarios.find((s) => s.id === ids[0]);
  if (scenario === undefined) return undefined;
  if (ids.length > 1) {
    for (const ex of scenario.examples ?? []) {
      const row = (ex.tableBody ?? []).find((r) => r.id === ids[1]);
      if (row?.location) return row.location.line;
    }
  }
  return scenario.location?.line;
}
