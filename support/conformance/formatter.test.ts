// End to end: a real cucumber-js run, in a temporary project with its own features and steps, with
// support/conformance/formatter.js as a format. Checks the files it writes and the exit status.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConformanceReport } from './model';

const REPO = resolve(__dirname, '../..');
const CUCUMBER_BIN = join(REPO, 'node_modules/@cucumber/cucumber/bin/cucumber.js');
const FORMATTER = join(REPO, 'support/conformance/formatter.js');

const STEPS = `
const { Given, Then, Before, After } = require(${JSON.stringify(require.resolve('@cucumber/cucumber'))});
Before({ tags: '@wip' }, function () { return 'skipped'; });
After({ tags: '@guard' }, function () { throw new Error('1 invariant violation no step checked'); });
Given('a cluster', function () {});
Given('I apply:', function (_yaml) {});
Then('{int} pods run', function (n) {
  if (n !== 2) {
    this.attach('seed=42\\nt=0s pod web-1 Pending\\nt=3s pod web-1 Running, env PASSWORD=123456');
    throw new Error('expected ' + n + ' pods, 2 run; the secret was 123456 / MTIzNDU2');
  }
});
`;

const SECRET = `
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        username: YWRtaW4=
        password: MTIzNDU2
      """`;

const tempDirs: string[] = [];
after(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  readonly stdout: string;
  readonly dir: string;
  readonly out: string;
}

function runCucumber(features: Record<string, string>, opts: { env?: Record<string, string>; args?: string[]; before?: (out: string) => void } = {}): Run {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-conformance-'));
  tempDirs.push(dir);
  mkdirSync(join(dir, 'features'));
  mkdirSync(join(dir, 'steps'));
  const out = join(dir, 'out');
  mkdirSync(out);
  for (const [name, text] of Object.entries(features)) writeFileSync(join(dir, 'features', name), text);
  writeFileSync(join(dir, 'steps', 'steps.js'), STEPS);
  opts.before?.(out);
  const r = spawnSync(process.execPath, [CUCUMBER_BIN, 'features', '--require', 'steps/steps.js', '--format', 'summary',
    '--format', `${FORMATTER}:out/conformance.json`, ...(opts.args ?? [])], {
    cwd: dir, encoding: 'utf8', env: { ...withoutSimSeed(process.env), ...opts.env }, timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, dir, out };
}

function withoutSimSeed(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { SIM_SEED: _ignored, ...rest } = env;
  return rest;
}

const readReport = (r: Run): ConformanceReport => JSON.parse(readFileSync(join(r.out, 'conformance.json'), 'utf8')) as ConformanceReport;

test('a run writes conformance.json/.md/.html beside the formatter target, with claim results and no Secret values', () => {
  const r = runCucumber({
    'web.feature': `Feature: web
  @claim:deploy.runs-app
  Scenario: two pods run
    Given a cluster
    Then 2 pods run

  @claim:deploy.runs-app @claim:secret.volume-files
  Scenario: three pods run
    Given I apply:${SECRET}
    Then 3 pods run

  @claim:pod.scheduled-together
  Scenario Outline: pods run <n>
    Then <n> pods run
    Examples:
      | n |
      | 2 |

  @wip @claim:rollout.undo
  Scenario: not yet
    Then 2 pods run

  @guard @claim:svc.nodeport-access
  Scenario: the After guard fails it
    Then 2 pods run
`,
  }, {
    before: (out) => writeFileSync(join(out, 'properties.json'), JSON.stringify([{ name: 'rs never overshoots', claims: ['deploy.runs-app'], runs: 100, seed: 9, status: 'passed' }])),
  });
  assert.equal(r.status, 1, `a failing scenario fails the run\n${r.stderr}`);
  const report = readReport(r);
  assert.deepEqual(report.tool, { name: 'kubespec', version: JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version });
  assert.equal(report.kubernetesVersion, 'v1.34.0');
  assert.equal(report.seed, 'per-scenario');
  assert.ok(!Number.isNaN(Date.parse(report.startedAt)) && typeof report.durationMs === 'number');
  assert.deepEqual(report.summary, {
    scenarios: { passed: 2, failed: 2, skipped: 1, total: 5 },
    claims: { total: 157, passed: 1, failed: 3, uncovered: 153 },
  });
  const claim = (id: string) => report.claims.find((c) => c.id === id)!;
  assert.equal(claim('deploy.runs-app').status, 'failed');
  assert.deepEqual(claim('deploy.runs-app').scenarios.map((s) => [s.name, s.uri, s.line, s.status]), [
    ['two pods run', 'features/web.feature', 3, 'passed'], ['three pods run', 'features/web.feature', 8, 'failed'],
  ]);
  assert.equal(claim('deploy.runs-app').chapter, '1');
  assert.equal(claim('deploy.runs-app').bookStatus, 'holds');
  assert.equal(claim('pod.scheduled-together').status, 'passed');
  assert.equal(claim('pod.scheduled-together').scenarios[0]!.line, 26, 'an outline row reports its own line (not the outline at 22)');
  assert.equal(claim('rollout.undo').status, 'uncovered', 'a skipped scenario checks nothing');
  assert.match(claim('rollout.undo').truth!, /previous revision/);
  assert.deepEqual(report.failures.map((f) => [f.name, f.failedStep, f.error?.split('\n')[0]]), [
    ['three pods run', 'Then 3 pods run', 'expected 3 pods, 2 run; the secret was [REDACTED] / [REDACTED]'],
    ['the After guard fails it', 'After hook', '1 invariant violation no step checked'],
  ]);
  assert.match(report.failures[0]!.attachments[0]!, /t=0s pod web-1 Pending/);
  assert.deepEqual(report.properties, [{ name: 'rs never overshoots', claims: ['deploy.runs-app'], runs: 100, seed: 9, status: 'passed' }]);
  assert.deepEqual(report.errors, []);
  for (const file of ['conformance.json', 'conformance.md', 'conformance.html']) {
    const text = readFileSync(join(r.out, file), 'utf8');
    assert.doesNotMatch(text, /123456|MTIzNDU2|YWRtaW4=/, `${file} leaks a Secret value`);
  }
  assert.match(readFileSync(join(r.out, 'conformance.md'), 'utf8'), /## Failed scenarios \(2\)[\s\S]*### three pods run/);
  assert.match(readFileSync(join(r.out, 'conformance.html'), 'utf8'), /<pre>seed=42\nt=0s pod web-1 Pending/);
});

test('an all-passing run exits 0 and records SIM_SEED', () => {
  const r = runCucumber({ 'ok.feature': 'Feature: ok\n  @claim:deploy.runs-app\n  Scenario: fine\n    Then 2 pods run\n' }, { env: { SIM_SEED: '7' } });
  assert.equal(r.status, 0, r.stderr);
  const report = readReport(r);
  assert.equal(report.seed, '7');
  assert.equal(report.success, true);
  assert.equal(report.claims.find((c) => c.id === 'deploy.runs-app')!.status, 'passed');
});

test('a scenario tagged with an unknown claim id fails the run, even with --exit, and is listed in the report', () => {
  const feature = 'Feature: typo\n  @claim:deploy.run-app\n  Scenario: fine but mistagged\n    Then 2 pods run\n';
  for (const args of [[], ['--exit']]) {
    const r = runCucumber({ 'typo.feature': feature }, { args });
    assert.notEqual(r.status, 0, `exit status with ${args.join(' ') || 'no flags'}`);
    assert.match(r.stderr, /features\/typo\.feature:3: scenario "fine but mistagged" is tagged @claim:deploy\.run-app, but \S*claims\/book-claims\.yaml has no claim "deploy\.run-app"; did you mean @claim:deploy\.runs-app\?/);
    const report = readReport(r);
    assert.equal(report.summary.scenarios.passed, 1);
    assert.equal(report.success, false);
    assert.deepEqual(report.errors.map((e) => [e.kind, e.claimId, e.line]), [['unknown-claim', 'deploy.run-app', 3]]);
    assert.ok(existsSync(join(r.out, 'conformance.md')));
  }
});

test('a malformed claims file stops the run with one message naming the file and the entry', () => {
  const r = runCucumber({ 'ok.feature': 'Feature: ok\n  Scenario: fine\n    Then 2 pods run\n' }, {
    args: ['--format-options', JSON.stringify({ conformance: { claimsFile: 'bad-claims.yaml' } })],
    before: (out) => writeFileSync(join(out, '..', 'bad-claims.yaml'), 'claims:\n- id: a.b\n  ch: "1"\n  says: x\n  status: maybe\n'),
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /claims catalog bad-claims\.yaml is malformed \(1 problem\):\n\s+bad-claims\.yaml:2: entry #1 \(id "a\.b"\): status "maybe" is not one of holds\|nuance\|obsolete\|context/);
});
