// Folds cucumber's message stream (envelopes) into per-scenario results. Never throws: cucumber
// turns an exception in a message handler into a crash of the whole run.
import type * as messages from '@cucumber/messages';
import { claimIdsOf, type TaggedScenario } from './build-report';
import type { ScenarioRun, ScenarioStatus } from './model';
import { collectSecretValues, SecretValues } from './redact';
import { decodeRollouts, ROLLOUT_MEDIA_TYPE, type RolloutSeries } from './rollout-series';

const MAX_ATTACHMENT_CHARS = 64 * 1024;

// cucumber's getWorstTestStepResult order: the later, the worse.
const STATUS_RANK = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

interface PickleInfo {
  readonly name: string;
  readonly uri: string;
  readonly line: number;
  readonly tags: readonly string[];
  readonly claimIds: readonly string[];
  readonly stepText: ReadonlyMap<string, string>;   // pickle step id -> "Given ..."
}

interface Attempt {
  readonly pickleId: string;
  readonly testCaseId: string;
  readonly startedMs: number;
  worst: string;                                    // TestStepResultStatus
  sawStep: boolean;
  error?: string;
  failedStep?: string;
  readonly attachments: string[];
  readonly rollouts: RolloutSeries[];
}

export class RunCollector {
  readonly secrets = new SecretValues();
  readonly internalErrors: string[] = [];
  startedMs: number | undefined;
  finishedMs: number | undefined;
  runSuccess: boolean | undefined;

  private readonly astLines = new Map<string, number>();          // ast node id -> line
  private readonly astKeywords = new Map<string, string>();       // step ast node id -> "Given "
  private readonly pickles = new Map<string, PickleInfo>();
  private readonly testCases = new Map<string, { pickleId: string; steps: Map<string, { pickleStepId?: string; hook?: 'Before' | 'After' }> }>();
  private readonly attempts = new Map<string, Attempt>();         // testCaseStarted id -> attempt
  private readonly results = new Map<string, ScenarioRun>();      // pickle id -> last attempt

  update(envelope: messages.Envelope): void {
    try {
      this.dispatch(envelope);
    } catch (e) {
      this.internalErrors.push(`conformance formatter: cannot read a message (${Object.keys(envelope).join(',')}): ${(e as Error).message}`);
    }
  }

  /** Every parsed scenario, run or not (for the unknown-claim check). */
  written(): TaggedScenario[] {
    return [...this.pickles.values()].map((p) => ({ name: p.name, uri: p.uri, line: p.line, claimIds: p.claimIds }));
  }

  /** The executed scenarios, each pickle's final attempt. */
  scenarios(): ScenarioRun[] {
    return [...this.results.values()];
  }

  private dispatch(e: messages.Envelope): void {
    if (e.gherkinDocument !== undefined) this.onGherkinDocument(e.gherkinDocument);
    else if (e.pickle !== undefined) this.onPickle(e.pickle);
    else if (e.testCase !== undefined) this.onTestCase(e.testCase);
    else if (e.testCaseStarted !== undefined) this.onTestCaseStarted(e.testCaseStarted);
    else if (e.testStepFinished !== undefined) this.onTestStepFinished(e.testStepFinished);
    else if (e.attachment !== undefined) this.onAttachment(e.attachment);
    else if (e.testCaseFinished !== undefined) this.onTestCaseFinished(e.testCaseFinished);
    else if (e.testRunStarted !== undefined) this.startedMs = toMs(e.testRunStarted.timestamp);
    else if (e.testRunFinished !== undefined) {
      this.finishedMs = toMs(e.testRunFinished.timestamp);
      this.runSuccess = e.testRunFinished.success;
    }
  }

  private onGherkinDocument(doc: messages.GherkinDocument): void {
    const visitSteps = (steps: readonly messages.Step[]): void => {
      for (const s of steps) {
        this.astLines.set(s.id, s.location.line);
        this.astKeywords.set(s.id, s.keyword);
      }
    };
    const visitChildren = (children: readonly (messages.FeatureChild | messages.RuleChild)[]): void => {
      for (const child of children) {
        if (child.background !== undefined) visitSteps(child.background.steps);
        if (child.scenario !== undefined) {
          this.astLines.set(child.scenario.id, child.scenario.location.line);
          visitSteps(child.scenario.steps);
          for (const ex of child.scenario.examples) for (const row of ex.tableBody) this.astLines.set(row.id, row.location.line);
        }
        if ('rule' in child && child.rule !== undefined) visitChildren(child.rule.children);
      }
    };
    if (doc.feature !== undefined) visitChildren(doc.feature.children);
  }

  private onPickle(p: messages.Pickle): void {
    const lastAst = p.astNodeIds[p.astNodeIds.length - 1];
    const line = (lastAst !== undefined ? this.astLines.get(lastAst) : undefined) ?? this.astLines.get(p.astNodeIds[0] ?? '') ?? 0;
    const tags = p.tags.map((t) => t.name);
    const stepText = new Map<string, string>();
    for (const s of p.steps) {
      const keyword = this.astKeywords.get(s.astNodeIds[0] ?? '') ?? '';
      stepText.set(s.id, `${keyword}${s.text}`.trim());
      const doc = s.argument?.docString?.content;
      if (doc !== undefined) collectSecretValues(doc, this.secrets);
    }
    this.pickles.set(p.id, { name: p.name, uri: p.uri, line, tags, claimIds: claimIdsOf(tags), stepText });
  }

  private onTestCase(tc: messages.TestCase): void {
    const steps = new Map<string, { pickleStepId?: string; hook?: 'Before' | 'After' }>();
    let sawPickleStep = false;
    for (const s of tc.testSteps) {
      if (s.pickleStepId !== undefined) sawPickleStep = true;
      steps.set(s.id, s.hookId !== undefined ? { hook: sawPickleStep ? 'After' : 'Before' } : { ...(s.pickleStepId !== undefined ? { pickleStepId: s.pickleStepId } : {}) });
    }
    this.testCases.set(tc.id, { pickleId: tc.pickleId, steps });
  }

  private onTestCaseStarted(s: messages.TestCaseStarted): void {
    const tc = this.testCases.get(s.testCaseId);
    if (tc === undefined) return;
    this.attempts.set(s.id, { pickleId: tc.pickleId, testCaseId: s.testCaseId, startedMs: toMs(s.timestamp), worst: 'UNKNOWN', sawStep: false, attachments: [], rollouts: [] });
  }

  private onTestStepFinished(f: messages.TestStepFinished): void {
    const a = this.attempts.get(f.testCaseStartedId);
    if (a === undefined) return;
    a.sawStep = true;
    const status = f.testStepResult.status as string;
    if (STATUS_RANK.indexOf(status) > STATUS_RANK.indexOf(a.worst)) {
      a.worst = status;
      if (status !== 'PASSED' && status !== 'SKIPPED') {
        const msg = f.testStepResult.exception?.message ?? f.testStepResult.message;
        if (msg !== undefined) a.error = msg;
        else delete a.error;
        a.failedStep = this.stepLabel(a, f.testStepId);
      }
    }
  }

  private onAttachment(att: messages.Attachment): void {
    if (att.testCaseStartedId === undefined) return;
    const a = this.attempts.get(att.testCaseStartedId);
    if (a === undefined) return;
    if (att.mediaType === ROLLOUT_MEDIA_TYPE) {
      a.rollouts.push(...decodeRollouts(attachmentBody(att)));
      return;
    }
    a.attachments.push(attachmentText(att));
  }

  private onTestCaseFinished(f: messages.TestCaseFinished): void {
    const a = this.attempts.get(f.testCaseStartedId);
    this.attempts.delete(f.testCaseStartedId);
    if (a === undefined || f.willBeRetried) return;
    const p = this.pickles.get(a.pickleId);
    if (p === undefined) return;
    const cucumberStatus = a.sawStep ? a.worst.toLowerCase() : 'passed';
    const status: ScenarioStatus = cucumberStatus === 'passed' ? 'passed' : cucumberStatus === 'skipped' ? 'skipped' : 'failed';
    this.results.set(a.pickleId, {
      name: p.name, uri: p.uri, line: p.line, status, cucumberStatus,
      durationMs: Math.max(0, toMs(f.timestamp) - a.startedMs), claimIds: p.claimIds, tags: p.tags,
      ...(status === 'failed' && a.error !== undefined ? { error: a.error } : {}),
      ...(status === 'failed' && a.failedStep !== undefined ? { failedStep: a.failedStep } : {}),
      attachments: status === 'failed' ? a.attachments : [],
      ...(a.rollouts.length > 0 && status !== 'skipped' ? { rollouts: a.rollouts } : {}),
    });
  }

  private stepLabel(a: Attempt, testStepId: string): string | undefined {
    const step = this.testCases.get(a.testCaseId)?.steps.get(testStepId);
    if (step === undefined) return undefined;
    if (step.hook !== undefined) return `${step.hook} hook`;
    return this.pickles.get(a.pickleId)?.stepText.get(step.pickleStepId ?? '');
  }
}

function attachmentText(att: messages.Attachment): string {
  const media = att.mediaType;
  const textual = media.startsWith('text/') || media.includes('json') || media.includes('yaml') || media.includes('xml');
  if (!textual) return `[${media} attachment${att.fileName !== undefined ? ` ${att.fileName}` : ''} not shown]`;
  const text = attachmentBody(att);
  return text.length > MAX_ATTACHMENT_CHARS
    ? `${text.slice(0, MAX_ATTACHMENT_CHARS)}\n... (${text.length - MAX_ATTACHMENT_CHARS} more characters in cucumber.ndjson)`
    : text;
}

function attachmentBody(att: messages.Attachment): string {
  return (att.contentEncoding as string) === 'BASE64' ? Buffer.from(att.body, 'base64').toString('utf8') : att.body;
}

function toMs(t: messages.Timestamp | undefined): number {
  return t === undefined ? 0 : t.seconds * 1000 + Math.floor(t.nanos / 1e6);
}
