import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClaimsFileError, DEFAULT_CLAIMS_PATH, chapterOf, closestClaimId, loadClaims, parseClaims } from './catalog';

const entry = (id: string, extra = ''): string => `- id: ${id}\n  ch: "5.1"\n  says: Something the book says.\n  status: holds\n${extra}`;
const file = (...entries: string[]): string => `# header\nclaims:\n${entries.join('')}`;

function problemsOf(text: string): string {
  try {
    parseClaims(text, 'claims/x.yaml');
  } catch (e) {
    assert.ok(e instanceof ClaimsFileError, `expected a ClaimsFileError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('the catalog was accepted');
}

test('the product carries the 157 claims of the shared catalog, all valid', () => {
  const catalog = loadClaims();
  assert.equal(catalog.claims.length, 157);
  assert.equal(catalog.byId.size, 157);
  assert.equal(catalog.path, DEFAULT_CLAIMS_PATH);
  assert.match(readFileSync(DEFAULT_CLAIMS_PATH, 'utf8'), /^# The claims of the book/);
  const first = catalog.byId.get('deploy.runs-app')!;
  assert.deepEqual({ ch: first.ch, status: first.status, line: first.line }, { ch: '1.3', status: 'holds', line: 21 });
  assert.match(catalog.byId.get('pod.shared-network')!.truth!, /Pod IP/);
});

test('a duplicate id names the file, both lines and the id', () => {
  const msg = problemsOf(file(entry('a.b'), entry('c.d'), entry('a.b')));
  assert.match(msg, /claims\/x\.yaml/);
  assert.match(msg, /claims\/x\.yaml:11: entry #3 \(id "a\.b"\): id "a\.b" is already used by the entry at line 3/);
});

test('bad status, missing says, malformed id and unknown fields are each reported with their line', () => {
  const msg = problemsOf(file(
    entry('ok.one'),
    '- id: bad.status\n  ch: "2"\n  says: x\n  status: maybe\n',
    '- id: no.says\n  ch: "2"\n  status: holds\n',
    entry('Bad_Id'),
    entry('extra.field', '  owner: me\n'),
  ));
  assert.match(msg, /\(4 problems\)/);
  assert.match(msg, /:7: entry #2 \(id "bad\.status"\): status "maybe" is not one of holds\|nuance\|obsolete\|context/);
  assert.match(msg, /:11: entry #3 \(id "no\.says"\): says is missing/);
  assert.match(msg, /:14: entry #4 \(id "Bad_Id"\): id "Bad_Id" is not lower-case words/);
  assert.match(msg, /entry #5 \(id "extra\.field"\): unknown field owner/);
  assert.doesNotMatch(msg, /ok\.one/);
});

test('a YAML syntax error names the file and line', () => {
  const msg = problemsOf('claims:\n- id: a.b\n  says: "unterminated\n  status: holds\n');
  assert.match(msg, /^claims catalog claims\/x\.yaml is malformed/);
  assert.match(msg, /claims\/x\.yaml:\d+: YAML syntax/);
});

test('a file without a claims list, or a missing file, is one clear error', () => {
  assert.match(problemsOf('items: []\n'), /expected a top-level "claims:" list/);
  assert.match(problemsOf('claims: []\n'), /the "claims:" list is empty/);
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  assert.throws(() => loadClaims(join(dir, 'nope.yaml')), (e: Error) => e instanceof ClaimsFileError && /nope\.yaml.*cannot read the file/s.test(e.message));
  writeFileSync(join(dir, 'ok.yaml'), file(entry('x.y')));
  assert.equal(loadClaims(join(dir, 'ok.yaml')).claims[0]!.id, 'x.y');
  rmSync(dir, { recursive: true, force: true });
});

test('chapterOf groups by the first chapter named', () => {
  assert.deepEqual(['1.3', '11, 11.1', '2, 5.2', '10', '12.3'].map(chapterOf), ['1', '11', '2', '10', '12']);
});

test('closestClaimId suggests a near id and nothing for a far one', () => {
  const catalog = loadClaims();
  assert.equal(closestClaimId(catalog, 'deploy.run-app'), 'deploy.runs-app');
  assert.equal(closestClaimId(catalog, 'completely.unrelated-thing-here'), undefined);
});
