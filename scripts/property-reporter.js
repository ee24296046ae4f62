// A node:test reporter (wired in scripts/unit.js beside the usual spec/tap one) that collects the
// property records sim/testing/property.ts emits as diagnostics ("kubespec:property {json}") and
// writes them to reports/properties.json (KUBESPEC_PROPERTIES_FILE overrides the path), which the
// conformance report folds in. The file is merged by test file: the records of the files this run
// ran replace theirs; those of files it did not run stay (while the file exists), so
// `node scripts/unit.js rollout.prop` does not drop the other properties. Its own output is one
// summary line.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, isAbsolute, relative, resolve } = require('node:path');

// Same as PROPERTY_DIAGNOSTIC_PREFIX in sim/testing/property.ts (property-reporter.test.ts checks it).
const PREFIX = 'kubespec:property ';

function propertiesFile(env = process.env) {
  return resolve(env.KUBESPEC_PROPERTIES_FILE || 'reports/properties.json');
}

/** The record carried by a test:diagnostic event, or undefined. */
function recordOf(event, cwd = process.cwd()) {
  if (event?.type !== 'test:diagnostic') return undefined;
  const message = event.data?.message;
  if (typeof message !== 'string' || !message.startsWith(PREFIX)) return undefined;
  let record;
  try {
    record = JSON.parse(message.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== 'object' || typeof record.name !== 'string') return undefined;
  const file = typeof event.data.file === 'string' ? displayPath(event.data.file.replace(/^file:\/\//, ''), cwd) : undefined;
  return file !== undefined ? { ...record, file } : record;
}

/** Relative to the cwd when under it, else absolute. */
function displayPath(abs, cwd) {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** Stable order: by file, then name. */
function sortRecords(records) {
  const key = (r) => `${r.file ?? ''}\u0000${r.name}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The file's records after a run: earlier records of files the run did not run (and that still
 * exist) are kept; the run's own records replace the rest. Undefined when nothing changes.
 */
function mergeRecords(previous, records, filesRun, cwd = process.cwd()) {
  const kept = previous.filter((r) => typeof r?.file === 'string' && !filesRun.has(r.file) && existsSync(resolve(cwd, r.file)));
  if (records.length === 0 && kept.length === previous.length) return undefined;
  return sortRecords([...kept, ...records]);
}

function readRecords(file) {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];                                    // missing or unreadable: start afresh
  }
}

async function* propertyReporter(source) {
  const records = [];
  const filesRun = new Set();
  const cwd = process.cwd();
  for await (const event of source) {
    if (typeof event?.data?.file === 'string') filesRun.add(displayPath(event.data.file.replace(/^file:\/\//, ''), cwd));
    const r = recordOf(event, cwd);
    if (r !== undefined) records.push(r);
  }
  const file = propertiesFile();
  const merged = mergeRecords(readRecords(file), records, filesRun, cwd);
  if (merged === undefined) return;
  const failed = records.filter((r) => r.status !== 'passed').length;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
    yield `properties: ${records.length} recorded (${failed} failed), ${merged.length} in ${relative(cwd, file) || file}\n`;
  } catch (e) {
    yield `properties: cannot write ${file}: ${e.message}\n`;
  }
}

module.exports = propertyReporter;
module.exports.PREFIX = PREFIX;
module.exports.recordOf = recordOf;
module.exports.sortRecords = sortRecords;
module.exports.mergeRecords = mergeRecords;
module.exports.propertiesFile = propertiesFile;
