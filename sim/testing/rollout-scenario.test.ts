import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { KUBESPEC_ROOT, loadStepDefinitions, type LoadedStepDefinition } from '../../support/step-catalog';
import { rolloutScenario, type RolloutCase } from './rollout-scenario';

// The counterexample must paste into a feature file and run: every line a step kubespec defines
// (exactly one definition), the manifest valid YAML with the case's numbers.

let defs: LoadedStepDefinition[];
before(async () => { defs = await loadStepDefinitions(KUBESPEC_ROOT); });

const completes: RolloutCase = { replicas: 7, maxSurge: '25%', maxUnavailable: 1, newPodsReadyAfterMs: 12_000, surge: 2, unavailable: 1, clusterSeed: 7, claims: ['rollout.max-surge', 'rollout.zero-downtime'] };
const stalls: RolloutCase = { replicas: 10, maxSurge: 3, maxUnavailable: '20%', newPodsReadyAfterMs: 'never', surge: 3, unavailable: 2 };

function steps(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => /^(Given|When|Then|And|But) /.test(l)).map((l) => l.replace(/^\S+ /, ''));
}

function docString(text: string): string {
  const m = /"""\n([\s\S]*?)\n\s*"""/.exec(text);
  assert.ok(m, 'a docstring');
  return m[1]!.split('\n').map((l) => l.replace(/^ {6}/, '')).join('\n');
}

test('a completing rollout: the Given/When/Then a reader would write, with the case numbers', () => {
  const text = rolloutScenario(completes);
  assert.match(text, /^ {2}# Counterexample .* run it with SIM_SEED=7\.\n {2}@claim:rollout\.max-surge @claim:rollout\.zero-downtime\n {2}Scenario: A rolling update of 7 replicas with maxSurge 25% and maxUnavailable 1, new Pods ready after 12 seconds\n/);
  assert.deepEqual(steps(text), [
    'a cluster with 4 nodes',
    'image "web:v1" takes 0 seconds to start',
    'image "web:v2" takes 12 seconds to start',
    'I apply:',
    'the rollout of deployment "web" completes within 5 minutes',
    'I run "kubectl set image deployment/web web=web:v2"',
    'the rollout of deployment "web" completes within 30 minutes',
    'at all times during the rollout of deployment "web" at least 6 replicas are available',
  ]);
  assert.match(text, /# The property also requires that the ReplicaSets never total more than 9 replicas \(replicas \+ maxSurge\);/);
  const d = parseYaml(docString(text)) as { spec: { replicas: number; strategy: { rollingUpdate: Record<string, unknown> } } };
  assert.equal(d.spec.replicas, 7);
  assert.deepEqual(d.spec.strategy.rollingUpdate, { maxSurge: '25%', maxUnavailable: 1 });
});

test('a stalled rollout: never-ready new Pods, and the state the controller stops at', () => {
  const text = rolloutScenario(stalls);
  assert.doesNotMatch(text, /SIM_SEED/);
  assert.deepEqual(steps(text).slice(1, 3), ['image "web:v1" takes 0 seconds to start', 'image "web:v2" answers 500 on "/"']);
  assert.deepEqual(steps(text).slice(6), [
    '30 minutes pass',
    'for 1 minute at least 8 replicas of deployment "web" are available throughout',
    'deployment "web" has "status.updatedReplicas" equal to "5"',
    'deployment "web" has "status.replicas" equal to "13"',
  ]);
  assert.match(text, /never total more than 13 replicas/);
  assert.deepEqual((parseYaml(docString(text)) as { spec: { strategy: unknown } }).spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: '20%' } });
});

test('every line of both scenarios is a step kubespec defines, matched by exactly one definition', () => {
  for (const c of [completes, stalls, { ...completes, newPodsReadyAfterMs: 1000 }, { ...completes, newPodsReadyAfterMs: 1500 }]) {
    for (const s of steps(rolloutScenario(c))) {
      const matches = defs.filter((d) => d.matchesStepName(s));
      assert.equal(matches.length, 1, `"${s}" matches ${matches.length} step definitions`);
    }
  }
});
