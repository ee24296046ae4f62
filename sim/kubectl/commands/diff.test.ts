import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, meta, namespace } from '../test-fixtures';
import { diffName, maskSecrets } from './diff';

// kubectl diff -f (cmd/diff/diff.go): LIVE against the dry-run apply's MERGED, through diff -u -N.

const kubectl = (c: Cluster, line: string, files: Record<string, string>) => runKubectl(c, line.split(' '), { readFile: (p) => files[p] });
const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  level: ${value}\n`;

test('a new object: an empty LIVE file, the dry-run create as MERGED (no last-applied annotation), exit 1', () => {
  const c = clusterWith([namespace('default')], 60);
  const r = kubectl(c, 'diff -f cm.yml', { 'cm.yml': cm('debug') });
  assert.equal(r.exitCode, 1, r.stderr);
  assert.equal(r.cluster, c, 'nothing is written');
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.cfg$/);
  assert.match(lines[1], /^--- \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg\t2025-01-01 00:01:00\.\d{9} \+0000$/);
  assert.match(lines[2], /^\+\+\+ \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.cfg\t2025-01-01 00:01:00\.\d{9} \+0000$/);
  assert.equal(lines[3], '@@ -0,0 +1,9 @@');
  assert.deepEqual(lines.slice(4, 9), ['+apiVersion: v1', '+data:', '+  level: debug', '+kind: ConfigMap', '+metadata:']);
  assert.ok(!r.stdout.includes('last-applied-configuration'));
  assert.ok(!r.stdout.includes('resourceVersion'), 'a dry-run create has no resourceVersion');
});

test('an applied object: no differences exit 0; a change shows as a hunk', () => {
  const applied = kubectl(clusterWith([namespace('default')], 60), 'apply -f cm.yml', { 'cm.yml': cm('debug') }).cluster;
  const same = kubectl(applied, 'diff -f cm.yml', { 'cm.yml': cm('debug') });
  assert.deepEqual([same.stdout, same.stderr, same.exitCode], ['', '', 0]);
  const changed = kubectl(applied, 'diff -f cm.yml', { 'cm.yml': cm('info') });
  assert.equal(changed.exitCode, 1);
  assert.match(changed.stdout, /\n@@ -1,11 \+1,11 @@\n apiVersion: v1\n data:\n-  level: debug\n\+  level: info\n kind: ConfigMap\n/);
});

test('kubectl\'s errors exit with 2', () => {
  const c = clusterWith([namespace('default')], 60);
  assert.deepEqual([kubectl(c, 'diff', {}).stderr, kubectl(c, 'diff', {}).exitCode], ['error: must specify one of -f and -k\n', 2]);
  assert.equal(kubectl(c, 'diff -f nope.yml', {}).exitCode, 2);
  const invalid = kubectl(c, 'diff -f cm.yml', { 'cm.yml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n' });
  assert.equal(invalid.exitCode, 2);
  assert.match(invalid.stderr, /^The ConfigMap "Bad_Name" is invalid: metadata\.name/);
});

test('a flag that does not parse: UsageErrorf through CheckDiffErr, exit 2 (1 would mean differences)', () => {
  const c = clusterWith([namespace('default')], 60);
  assert.deepEqual(kubectl(c, 'diff --foo -f cm.yml', {}), { cluster: c, stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl diff -h' for help and examples\n", exitCode: 2 });
  assert.deepEqual([kubectl(c, 'diff -f', {}).stderr, kubectl(c, 'diff -f', {}).exitCode], ["error: flag needs an argument: 'f' in -f\nSee 'kubectl diff -h' for help and examples\n", 2]);
});

test('Masker: Secret data values are masked, "(before)" and "(after)" where they differ', () => {
  const secret = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta('db', 'default', 0), data }) as KubeObject;
  const [from, to] = maskSecrets(secret({ user: 'YQ==', password: 'YQ==' }), secret({ user: 'YQ==', password: 'Yg==', token: 'Yw==' }));
  assert.deepEqual((from as unknown as { data: unknown }).data, { user: '***', password: '*** (before)' });
  assert.deepEqual((to as unknown as { data: unknown }).data, { user: '***', password: '*** (after)', token: '***' });
  assert.equal(diffName(secret({})), 'v1.Secret.default.db');
});
