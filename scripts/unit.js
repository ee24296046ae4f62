#!/usr/bin/env node
// Runs the unit (*.test.ts) and property (*.prop.ts) tests under node's test runner with ts-node.
// Node 20's --test does not expand globs, so the files are found here. Reporters: node's default
// (spec on a terminal, tap otherwise, as scripts/test.js reads it) on stdout, and
// property-reporter.js, which writes reports/properties.json from the property tests' records.
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const roots = ['sim', 'support', 'bin', 'steps'];
const files = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(test|prop)\.ts$/.test(name)) files.push(path);
  }
}
roots.forEach(walk);
const filter = process.argv.slice(2);
const chosen = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
const reporters = [
  `--test-reporter=${process.stdout.isTTY ? 'spec' : 'tap'}`, '--test-reporter-destination=stdout',
  `--test-reporter=${join(__dirname, 'property-reporter.js')}`, '--test-reporter-destination=stderr',
];
const result = spawnSync(process.execPath, ['--require', 'ts-node/register', '--test', ...reporters, ...chosen], { stdio: 'inherit' });
process.exit(result.status ?? 1);
