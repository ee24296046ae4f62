// conformance.html as a browser renders it: a report built from a synthetic run (a failing claim,
// a Secret, rollouts, property results) is opened in headless Chromium (Debian's chromium package),
// and the test reads the DOM Chromium built: the totals, the failed claim first, the rollout charts
// with their series, and no Secret value anywhere.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseClaims } from '../claims/catalog';
import { RunCollector } from './collector';
import { finishReport, reportPaths, writeReports } from './formatter-impl';
import { syntheticEnvelopes, syntheticRollout } from './synthetic-run';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const CHROMIUM_TIMEOUT_MS = 90_000;
const SECRET = 'opensesame-42';
const SECRET_B64 = Buffer.from(SECRET).toString('base64');

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const catalog = parseClaims(`claims:
- {id: rollout.zero-downtime, ch: "7", says: Some replicas run throughout a rolling update., status: holds}
- {id: secret.base64, ch: "10.1", says: Values in a Secret's data are base64-encoded., status: holds}
- {id: probe.exec, ch: "8.2", says: An exec probe runs a command., status: holds}
`, 'claims/test.yaml');

/** Writes conformance.html for a made-up run into a fresh directory; returns its path. */
function buildReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-chromium-'));
  dirs.push(dir);
  const out = join(dir, 'reports');
  mkdirSync(out);
  writeFileSync(join(out, 'properties.json'), JSON.stringify([
    { name: 'rolling update never exceeds replicas + maxSurge', claims: ['rollout.zero-downtime'], runs: 10, seed: 12345, status: 'passed' },
  ]));
  const secretYaml = `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  password: ${SECRET}\n`;
  const envelopes = syntheticEnvelopes([
    { name: 'a rolling update keeps 3 replicas available', claimIds: ['rollout.zero-downtime'], status: 'PASSED', rollouts: [syntheticRollout('default/web', 3, 1)] },
    {
      name: 'a Secret value reaches the container', claimIds: ['secret.base64'], status: 'FAILED', docString: secretYaml,
      attachments: [`seed=7\nt=3s pod app Running, env PASSWORD=${SECRET} (${SECRET_B64})`],
    },
  ]);
  const collector = new RunCollector();
  for (const e of envelopes) collector.update(e);
  const paths = reportPaths(out);
  const report = finishReport(collector, { catalog, propertiesFile: paths.properties, fallbackStartMs: 0, nowMs: 0 });
  writeReports(report, (chunk) => writeFileSync(paths.json, chunk), paths);
  return paths.html;
}

function dumpDom(htmlPath: string): { dom: string; ms: number } {
  const profile = mkdtempSync(join(tmpdir(), 'kubespec-chromium-profile-'));
  dirs.push(profile);
  const started = Date.now();
  const res = spawnSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(htmlPath).href,
  ], { encoding: 'utf8', timeout: CHROMIUM_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  if (res.error !== undefined) throw new Error(`chromium did not finish within ${CHROMIUM_TIMEOUT_MS / 1000} s: ${res.error.message}`);
  assert.equal(res.status, 0, `chromium exited with ${res.status}:\n${res.stderr.slice(-2000)}`);
  return { dom: res.stdout, ms: Date.now() - started };
}

/** The text a reader sees, in document order: no tags, no CSS, entities decoded, spaces collapsed. */
function visibleText(dom: string): string {
  return dom.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<title[^>]*>[\s\S]*?<\/title>|<desc[^>]*>[\s\S]*?<\/desc>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim();
}

test('conformance.html in headless Chromium: totals, the failed claim first, rollout charts, no Secret value', (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`${CHROMIUM} is not installed; install Debian's chromium package (apt-get install chromium) to run this test`);
    return;
  }
  const html = buildReport();
  const { dom } = dumpDom(html);
  assert.match(dom, /<html lang="en">/, 'chromium returned the page');
  const text = visibleText(dom);

  // the summary totals
  assert.match(text, /FAIL claims: 1 passed · 1 failed · 1 uncovered of 3 \| scenarios: 1 passed · 1 failed · 0 skipped/);
  // the failed claim is the first claim a reader meets, before the scenarios and the chapter tables
  const firstClaim = /\b(rollout\.zero-downtime|secret\.base64|probe\.exec)\b/.exec(text);
  assert.equal(firstClaim?.[1], 'secret.base64', `first claim on the page: ${firstClaim?.[1]}`);
  const failedClaims = text.indexOf('Failed claims (1)');
  assert.ok(failedClaims >= 0 && failedClaims < text.indexOf('Failed scenarios (1)') && failedClaims < text.indexOf('Claims by chapter'), 'failed claims come first');

  // the rollout drawn as SVG, with its series, axes in virtual seconds, a legend and an accessible title
  const svgs = [...dom.matchAll(/<svg class="rollout-chart"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
  assert.equal(svgs.length, 1, 'one rollout chart');
  const svg = svgs[0]!;
  assert.match(svg, /role="img"/);
  assert.match(svg, /<title id="chart-1-title">Rollout of deployment default\/web: /);
  for (const key of ['old', 'new', 'available', 'desired']) assert.match(svg, new RegExp(`<path class="series ${key}" data-series="${key}" d="M[\\d.]+ [\\d.]+(?:[HV][\\d.]+)+"`), `${key} series`);
  assert.match(text, /Rollouts \(1 scenario\) .* a rolling update keeps 3 replicas available .* 60 s .* virtual time \(s\) replicas \/ Pods old ReplicaSets new ReplicaSet available Pods desired replicas deployment default\/web/);

  // the property results
  assert.match(text, /Properties \(1\) property status runs seed claims rolling update never exceeds replicas \+ maxSurge passed 10 12345 rollout\.zero-downtime/);

  // no Secret value, plain or base64, anywhere in the page
  assert.ok(!dom.includes(SECRET) && !dom.includes(SECRET_B64), 'a Secret value reached the page');
  assert.match(text, /env PASSWORD=\[REDACTED\]/);
  assert.doesNotMatch(dom, /<script|<link|https?:\/\//, 'self-contained');
});
