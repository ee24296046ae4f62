// A cucumber message stream for n scenarios, made up, for the formatter's benchmark and unit tests.
// Scenario i is tagged with claim i mod catalog size; every `failEvery`-th one fails with a timeline
// attachment; every `rolloutEvery`-th one rolls out a Deployment (a rollout-series attachment).
import type * as messages from '@cucumber/messages';
import { encodeRollouts, ROLLOUT_MEDIA_TYPE, type RolloutPoint, type RolloutSeries } from './rollout-series';

export interface SyntheticScenario {
  readonly name: string;
  readonly claimIds: readonly string[];
  readonly status: 'PASSED' | 'FAILED' | 'SKIPPED' | 'UNDEFINED';
  readonly attachments?: readonly string[];
  readonly retriedFirst?: boolean;   // a first attempt that failed and was retried
  readonly docString?: string;       // the first step's docstring (e.g. a Secret manifest)
  readonly rollouts?: readonly RolloutSeries[];
}

export function syntheticScenarios(n: number, claimIds: readonly string[], failEvery = 50, rolloutEvery = 5): SyntheticScenario[] {
  return Array.from({ length: n }, (_, i) => {
    const failed = failEvery > 0 && i % failEvery === failEvery - 1;
    const rolls = rolloutEvery > 0 && i % rolloutEvery === 0;
    return {
      name: `scenario ${i}`,
      claimIds: [claimIds[i % claimIds.length]!],
      status: failed ? 'FAILED' : 'PASSED',
      ...(failed ? { attachments: [`seed=${i}\n${Array.from({ length: 40 }, (_, t) => `t=${t}s pod web-${t} Running`).join('\n')}`] } : {}),
      ...(rolls ? { rollouts: [syntheticRollout(`default/web-${i}`, 3 + (i % 8), 1 + (i % 2))] } : {}),
    };
  });
}

/**
 * A made-up rolling update (the shape of one, not the controller's rules): every 3 s the new
 * ReplicaSet grows by up to `surge` above the desired count, its Pods become available 3 s later,
 * and the old ReplicaSet shrinks by as many. `surge` must be at least 1.
 */
export function syntheticRollout(deployment: string, replicas: number, surge: number, startMs = 60_000): RolloutSeries {
  const points: RolloutPoint[] = [[startMs, replicas, 0, replicas, replicas]];
  let old = replicas;
  let fresh = 0;
  let ready = 0;
  for (let t = startMs; fresh < replicas || old > 0; t += 3000) {
    fresh = Math.min(replicas, replicas + Math.max(1, surge) - old);
    points.push([t, old, fresh, old + ready, replicas]);
    ready = fresh;
    old = replicas - fresh;
    points.push([t + 3000, old, fresh, old + ready, replicas]);
  }
  const name = deployment.split('/')[1] ?? deployment;
  return { deployment, replicaSets: [`${name}-aaaaaaaaa`, `${name}-bbbbbbbbb`], points, endMs: points[points.length - 1]![0] + 10_000 };
}

/** The envelopes cucumber would emit for these scenarios, one feature file per 100 scenarios. */
export function syntheticEnvelopes(scenarios: readonly SyntheticScenario[], startMs = Date.UTC(2026, 0, 1)): messages.Envelope[] {
  const out: messages.Envelope[] = [];
  const ts = (ms: number): messages.Timestamp => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });
  let clock = startMs;
  out.push({ testRunStarted: { timestamp: ts(clock) } } as messages.Envelope);
  const perFile = 100;
  for (let f = 0; f * perFile < scenarios.length; f++) {
    const uri = `features/synthetic/f${f}.feature`;
    const slice = scenarios.slice(f * perFile, (f + 1) * perFile);
    const children = slice.map((s, k) => ({
      scenario: {
        id: `sc-${f}-${k}`, location: { line: 3 + k * 4, column: 3 }, keyword: 'Scenario', name: s.name, description: '',
        tags: [], examples: [],
        steps: [{ id: `st-${f}-${k}`, location: { line: 4 + k * 4, column: 5 }, keyword: 'Given ', keywordType: 'Context', text: 'a step' }],
      },
    }));
    out.push({ gherkinDocument: { uri, comments: [], feature: { location: { line: 1, column: 1 }, tags: [], language: 'en', keyword: 'Feature', name: `f${f}`, description: '', children } } } as unknown as messages.Envelope);
    slice.forEach((s, k) => {
      out.push({
        pickle: {
          id: `p-${f}-${k}`, uri, name: s.name, language: 'en', astNodeIds: [`sc-${f}-${k}`],
          tags: s.claimIds.map((id) => ({ name: `@claim:${id}`, astNodeId: `tag-${f}-${k}` })),
          steps: [{
            id: `ps-${f}-${k}`, text: 'a step', type: 'Context', astNodeIds: [`st-${f}-${k}`],
            ...(s.docString !== undefined ? { argument: { docString: { content: s.docString } } } : {}),
          }],
        },
      } as unknown as messages.Envelope);
    });
  }
  scenarios.forEach((s, i) => {
    const f = Math.floor(i / perFile);
    const k = i % perFile;
    out.push({ testCase: { id: `tc-${i}`, pickleId: `p-${f}-${k}`, testRunStartedId: 'run', testSteps: [{ id: `ts-${i}`, pickleStepId: `ps-${f}-${k}`, stepDefinitionIds: [], stepMatchArgumentsLists: [] }] } } as unknown as messages.Envelope);
  });
  scenarios.forEach((s, i) => {
    const attempts = s.retriedFirst === true ? ['FAILED', s.status] : [s.status];
    attempts.forEach((status, attempt) => {
      const started = `tcs-${i}-${attempt}`;
      out.push({ testCaseStarted: { id: started, testCaseId: `tc-${i}`, attempt, timestamp: ts(clock) } } as messages.Envelope);
      for (const body of s.attachments ?? []) {
        out.push({ attachment: { testCaseStartedId: started, testStepId: `ts-${i}`, body, mediaType: 'text/plain', contentEncoding: 'IDENTITY' } } as unknown as messages.Envelope);
      }
      if (s.rollouts !== undefined && s.rollouts.length > 0) {
        out.push({ attachment: { testCaseStartedId: started, body: encodeRollouts(s.rollouts), mediaType: ROLLOUT_MEDIA_TYPE, contentEncoding: 'IDENTITY' } } as unknown as messages.Envelope);
      }
      clock += 2;
      out.push({
        testStepFinished: {
          testCaseStartedId: started, testStepId: `ts-${i}`, timestamp: ts(clock),
          testStepResult: { status, duration: { seconds: 0, nanos: 2e6 }, ...(status === 'FAILED' ? { message: `Error: ${s.name} failed` } : {}) },
        },
      } as unknown as messages.Envelope);
      out.push({ testCaseFinished: { testCaseStartedId: started, timestamp: ts(clock), willBeRetried: attempt < attempts.length - 1 } } as messages.Envelope);
    });
  });
  out.push({ testRunFinished: { timestamp: ts(clock + 1), success: scenarios.every((s) => s.status !== 'FAILED') } } as messages.Envelope);
  return out;
}
