import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// "Use it in your repo", end to end: npm pack kubespec, install the tarball into a fresh project
// outside this repository, scaffold with `npx kubespec init`, write a feature against the project's
// own manifest, `npx kubespec run`, and read the reports. Needs npm's registry (or its cache) for
// kubespec's dependencies; pinned to the versions of kubespec's package-lock.json. About 30 s;
// KUBESPEC_SKIP_E2E=1 skips it (say, on a machine without the registry or its npm cache).

const ROOT = resolve(__dirname, '..');
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|network|ENETUNREACH/i;

/** Files an installed kubespec cannot work without; `files` in package.json must ship them. */
const NEEDED = [
  'bin/kubespec.js', 'bin/register.js', 'bin/cli.ts', 'bin/run.ts', 'sim/index.ts', 'support/world.ts', 'support/hooks.ts',
  'support/conformance/formatter.js', 'support/claims/catalog.ts', 'steps/cluster.steps.ts', 'claims/book-claims.yaml',
  'templates/init/features/example.feature', 'templates/init/features/steps/repository-files.steps.ts', 'tsconfig.json', 'package.json',
];

function sh(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env }, maxBuffer: 64 * 1024 * 1024 });
}
const output = (r: SpawnSyncReturns<string>): string => `exit ${r.status}\n${r.stdout}\n${r.stderr}`;

/** `overrides` pinning every package that has one version in kubespec's lock to that version. */
function lockOverrides(): Record<string, string> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean }> };
  const versions = new Map<string, Set<string>>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.version === undefined) continue;
    const name = path.replace(/^.*node_modules\//, '');
    versions.set(name, (versions.get(name) ?? new Set()).add(entry.version));
  }
  return Object.fromEntries([...versions].filter(([, v]) => v.size === 1).map(([name, v]) => [name, [...v][0]!]));
}

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 3
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

const FEATURE = `Feature: The shop's Deployment
  @claim:deploy.runs-app
  Scenario: The shop runs three replicas spread over the workers
    Given a cluster with 3 nodes
    And the repository file "k8s/shop.yml"
    When I run "kubectl apply -f k8s/shop.yml"
    Then within 2 minutes deployment "shop" has 3 available replicas
    And no pod of deployment "shop" runs on node "k8s-master"
`;

test('npm pack, install into a fresh project, init, write a spec for its manifest, kubespec run, reports', { timeout: 240_000 }, (t) => {
  if (process.env.KUBESPEC_SKIP_E2E === '1') {
    t.skip('KUBESPEC_SKIP_E2E=1');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'kubespec-e2e-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));

  // 1. pack, and check the tarball ships what an installed kubespec needs
  const pack = sh('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  assert.equal(pack.status, 0, output(pack));
  const packed = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
  const shipped = new Set(packed.files.map((f) => f.path));
  assert.deepEqual(NEEDED.filter((f) => !shipped.has(f)), [], 'package.json "files" leaves out files kubespec needs when installed');
  const tarball = join(work, packed.filename);

  // 2. a fresh project outside this repository, kubespec installed from the tarball
  const project = join(work, 'my-platform');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-platform', version: '1.0.0', private: true, overrides: lockOverrides() }, null, 2));
  const installArgs = ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  let install = sh('npm', installArgs, project);
  if (install.status !== 0 && NETWORK_ERROR.test(install.stderr)) install = sh('npm', installArgs, project);   // one retry for a flaky network
  if (install.status !== 0 && NETWORK_ERROR.test(install.stderr)) {
    t.skip(`npm cannot reach the registry to install kubespec's dependencies: ${install.stderr.split('\n')[0]}`);
    return;
  }
  assert.equal(install.status, 0, output(install));

  // 3. scaffold; then the project's own manifest and a spec about it, using the scaffolded custom step
  const init = sh('npx', ['--no', 'kubespec', 'init'], project);
  assert.equal(init.status, 0, output(init));
  assert.ok(existsSync(join(project, 'features', 'example.feature')));
  assert.equal(sh('npx', ['--no', 'kubespec', 'init'], project).status, 1, 'a second init must refuse to overwrite');
  mkdirSync(join(project, 'k8s'));
  writeFileSync(join(project, 'k8s', 'shop.yml'), MANIFEST);
  writeFileSync(join(project, 'features', 'shop.feature'), FEATURE);

  // 4. run, and read the reports
  const run = sh('npx', ['--no', 'kubespec', 'run', '--seed', '11'], project);
  assert.equal(run.status, 0, output(run));
  const reports = join(project, 'reports');
  for (const f of ['junit.xml', 'cucumber.html', 'cucumber.ndjson', 'conformance.json', 'conformance.md', 'conformance.html']) {
    assert.ok(existsSync(join(reports, f)), `reports/${f} missing:\n${output(run)}`);
  }
  const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
  assert.match(junit, /<testcase[^>]*name="The shop runs three replicas spread over the workers"/);
  assert.doesNotMatch(junit, /<failure/);
  const report = JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as {
    seed: string; summary: { scenarios: { passed: number; failed: number } }; claims: { id: string; status: string; scenarios: { uri: string }[] }[];
  };
  assert.equal(report.seed, '11');
  assert.deepEqual([report.summary.scenarios.passed, report.summary.scenarios.failed], [2, 0]);
  const claim = report.claims.find((c) => c.id === 'deploy.runs-app');
  assert.equal(claim?.status, 'passed');
  assert.deepEqual(claim?.scenarios.map((s) => s.uri), ['features/shop.feature']);

  // 5. the catalog lists the project's own step next to kubespec's; the claims table reads the report
  const steps = sh('npx', ['--no', 'kubespec', 'steps', '--markdown'], project);
  assert.equal(steps.status, 0, output(steps));
  assert.match(steps.stdout, /## features\/steps\/repository-files\.steps\.ts\n[^#]*`Given the repository file \{string\}` \| \{string\} \| Given the repository file "k8s\/web\.yml" \| `deploy\.runs-app`/);
  assert.match(steps.stdout, /## kubespec\/steps\/cluster\.steps\.ts/);
  // 6. ts-node registered first from the project (ignoring node_modules) must not stop kubespec compiling
  const early = sh(process.execPath, ['-r', 'ts-node/register', join('node_modules', 'kubespec', 'bin', 'kubespec.js'), 'steps', '--json'], project);
  assert.equal(early.status, 0, output(early));
  const claims = sh('npx', ['--no', 'kubespec', 'claims'], project);
  assert.equal(claims.status, 0, output(claims));
  assert.match(claims.stdout, /^claims: 1\/\d+ passed, 0 failed/);
});
