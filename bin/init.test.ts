import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_DIR, scaffold } from './init';

test('init writes the example feature and the example custom step', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-init-'));
  const r = scaffold(dir);
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual([...r.written].sort(), ['features/example.feature', 'features/steps/repository-files.steps.ts']);
  assert.equal(readFileSync(join(dir, 'features/example.feature'), 'utf8'), readFileSync(join(TEMPLATE_DIR, 'features/example.feature'), 'utf8'));
  assert.match(readFileSync(join(dir, 'features/steps/repository-files.steps.ts'), 'utf8'), /Given\('the repository file \{string\}'/);
});

test('init refuses to overwrite: one existing file and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-init-'));
  mkdirSync(join(dir, 'features'));
  writeFileSync(join(dir, 'features/example.feature'), 'mine\n');
  const r = scaffold(dir);
  assert.deepEqual(r.conflicts, ['features/example.feature']);
  assert.deepEqual(r.written, []);
  assert.equal(readFileSync(join(dir, 'features/example.feature'), 'utf8'), 'mine\n');
  assert.equal(existsSync(join(dir, 'features/steps')), false);
});
