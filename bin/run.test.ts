import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { planRun } from './run';

// `kubespec run` in a small project of its own. The project sits inside the repository (.tmp/, git-
// ignored) so that its step file's `import ... from '@cucumber/cucumber'` resolves, as it does in a
// project that installed kubespec.
const ROOT = resolve(__dirname, '..');
const LAUNCHER = join(ROOT, 'bin', 'kubespec.js');
let project: string;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

const SCENARIO = (name: string, tags: string, replicas: number): string => `
  ${tags}
  Scenario: ${name}
    Given a cluster with 3 nodes
    And the manifest "k8s/shop.yml" of this project
    When I run "kubectl apply -f k8s/shop.yml"
    Then within 2 minutes deployment "shop" has ${replicas} available replicas
`;

before(() => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  project = mkdtempSync(join(ROOT, '.tmp', 'run-test-'));
  mkdirSync(join(project, 'k8s'));
  mkdirSync(join(project, 'features', 'steps'), { recursive: true });
  writeFileSync(join(project, 'k8s', 'shop.yml'), MANIFEST);
  writeFileSync(join(project, 'features', 'steps', 'project.steps.ts'), `import { readFileSync } from 'node:fs';
import { Given } from '@cucumber/cucumber';
Given('the manifest {string} of this project', function (this: { declareFile(p: string, t: string): void }, path: string) {
  this.declareFile(path, readFileSync(path, 'utf8'));
});
`);
  writeFileSync(join(project, 'features', 'shop.feature'), `Feature: shop\n${SCENARIO('shop runs', '@claim:deploy.runs-app', 2)}`);
  writeFileSync(join(project, 'features', 'mixed.feature'),
    `Feature: mixed\n${SCENARIO('shop runs again', '@claim:deploy.scale', 2)}${SCENARIO('shop has too many', '@claim:deploy.scale', 5)}`);
  writeFileSync(join(project, 'features', 'unknown-claim.feature'), `Feature: unknown claim\n${SCENARIO('tagged wrong', '@claim:deploy.runz-app', 2)}`);
  writeFileSync(join(project, 'features', 'typo.feature'), 'Feature: typo\n  Scenario: misspelt\n    Given a cluster with 3 nodes\n    Then deployment "shop" has 3 redy replicas\n');
});

after(() => rmSync(project, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; out: string; reports: string } {
  const reports = mkdtempSync(join(project, 'reports-'));
  const res = spawnSync(process.execPath, [LAUNCHER, 'run', '--report-dir', reports, ...args], {
    cwd: project, encoding: 'utf8', env: { ...process.env, CI: 'true' },
  });
  return { status: res.status, out: `${res.stdout}\n${res.stderr}`, reports };
}
const json = (dir: string): { seed: string; summary: { scenarios: Record<string, number> }; claims: { id: string; status: string }[] } =>
  JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8'));

test('a passing run: the project\'s own step and manifest, every report, the seed, exit 0', () => {
  const r = run('features/shop.feature', '--seed', '7');
  assert.equal(r.status, 0, r.out);
  for (const f of ['junit.xml', 'cucumber.html', 'cucumber.ndjson', 'conformance.json', 'conformance.md', 'conformance.html']) {
    assert.ok(existsSync(join(r.reports, f)), `${f} missing`);
  }
  assert.match(readFileSync(join(r.reports, 'junit.xml'), 'utf8'), /<testcase[^>]*name="shop runs"/);
  const report = json(r.reports);
  assert.equal(report.seed, '7');
  assert.equal(report.claims.find((c) => c.id === 'deploy.runs-app')?.status, 'passed');
});

test('a failing scenario fails the run, and the other scenario still reaches every report', () => {
  const r = run('features/mixed.feature');
  assert.equal(r.status, 1, r.out);
  assert.deepEqual({ ...json(r.reports).summary.scenarios }, { passed: 1, failed: 1, skipped: 0, total: 2 });
  assert.equal((readFileSync(join(r.reports, 'junit.xml'), 'utf8').match(/<testcase /g) ?? []).length, 2);
  assert.match(readFileSync(join(r.reports, 'conformance.md'), 'utf8'), /shop has too many/);
});

test('--tags selects scenarios', () => {
  const r = run('features/shop.feature', 'features/mixed.feature', '--tags', '@claim:deploy.runs-app');
  assert.equal(r.status, 0, r.out);
  assert.equal(json(r.reports).summary.scenarios.total, 1);
});

test('an unknown claim id fails the run and names the claim', () => {
  const r = run('features/unknown-claim.feature');
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /deploy\.runz-app/);
});

test('an undefined step fails the run and lists the closest existing steps', () => {
  const r = run('features/typo.feature');
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /Closest existing steps:\n\s+\{kind\} \{name\} has \{int\} ready replica\(s\)/);
});

test('bad input: one clear message each, exit 2', () => {
  const tags = run('--tags', '@a and (');
  assert.equal(tags.status, 2);
  assert.match(tags.out, /kubespec run: --tags "@a and \(" is not a tag expression/);
  const path = run('features/nope.feature');
  assert.equal(path.status, 2);
  assert.match(path.out, /kubespec run: no such feature file or folder: features\/nope\.feature/);
  writeFileSync(join(project, 'a-file'), '');
  const dir = spawnSync(process.execPath, [LAUNCHER, 'run', '--report-dir', 'a-file/reports', 'features/shop.feature'], { cwd: project, encoding: 'utf8' });
  assert.equal(dir.status, 2);
  assert.match(dir.stderr, /kubespec run: cannot write reports to ".*a-file\/reports": ".*a-file" exists and is not a directory/);
  writeFileSync(join(project, 'claims.yaml'), 'claims:\n  - id: Bad Id\n');
  const claims = run('--claims', 'claims.yaml', 'features/shop.feature');
  assert.equal(claims.status, 2);
  assert.match(claims.out, /claims catalog .*claims\.yaml is malformed/);
  assert.match(run('--parallel', 'two').out, /--parallel must be a whole number/);
});

test('no features/ folder: the message says to pass paths or run kubespec init', () => {
  const empty = mkdtempSync(join(project, 'empty-'));
  assert.throws(() => planRun([], empty, {}, false), /there is no features\/ folder in .*empty-.*; pass the feature files to run, or create one with "kubespec init"/);
  assert.doesNotThrow(() => planRun(['features/shop.feature:3'], project, {}, false));
});

test('progress: a bar on a terminal, the summary only in CI or into a pipe', () => {
  assert.equal(planRun(['features/shop.feature'], project, {}, true).progress, 'progress-bar');
  assert.equal(planRun(['features/shop.feature'], project, { CI: 'true' }, true).progress, 'summary');
  assert.equal(planRun(['features/shop.feature'], project, {}, false).progress, 'summary');
});
