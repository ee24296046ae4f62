#!/usr/bin/env node
// npm test: type check, unit and property tests (node:test), then the feature suite (cucumber).
// Runs all three even when one fails, and ends with one plain line CI can read:
// "tests: N passed, N failed".
const { spawnSync } = require('node:child_process');

const steps = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'], count: (_out, ok) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 }) },
  { name: 'unit and property tests', cmd: ['node', 'scripts/unit.js'], count: countNodeTest },
  { name: 'features', cmd: ['npx', 'cucumber-js', '--profile', 'test'], count: countCucumber },
];

let passed = 0;
let failed = 0;
let anyFailed = false;
for (const step of steps) {
  console.log(`\n== ${step.name}: ${step.cmd.join(' ')}`);
  const res = spawnSync(step.cmd[0], step.cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  const ok = res.status === 0;
  if (!ok) anyFailed = true;
  const c = step.count(`${res.stdout}\n${res.stderr}`, ok);
  passed += c.passed;
  failed += c.failed + (ok || c.failed > 0 ? 0 : 1);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(anyFailed ? 1 : 0);

function countNodeTest(out) {
  const pass = /^# pass (\d+)/m.exec(out);
  const fail = /^# fail (\d+)/m.exec(out);
  return { passed: pass ? Number(pass[1]) : 0, failed: fail ? Number(fail[1]) : 0 };
}

function countCucumber(out) {
  const m = /^(\d+) scenarios? \(([^)]*)\)/m.exec(out);
  if (!m) return { passed: 0, failed: 0 };
  const part = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(m[2]) ?? [0, 0])[1]);
  return { passed: part('passed'), failed: part('failed') + part('undefined') + part('ambiguous') + part('pending') };
}
