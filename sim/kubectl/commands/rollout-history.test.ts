import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import { runKubectl } from '../index';
import { clusterWith, deployment, namespace, replicaSet } from '../test-fixtures';

// kubectl rollout history: the name printer's line whose operation is the history text
// (rollout_history.go Run), so the printer's newline closes the text with a blank line.

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } });
const revised = (rs: KubeObject, revision: number): KubeObject =>
  ({ ...rs, metadata: { ...rs.metadata, annotations: { 'deployment.kubernetes.io/revision': String(revision) } } }) as KubeObject;

function cluster(withReplicaSets = true) {
  const owner = { name: 'web', uid: 'dep-uid' };
  return clusterWith([
    namespace('default'),
    deployment('web', 0, 1, { observedGeneration: 1 }),
    ...(withReplicaSets ? [revised(replicaSet('web-aaa', 0, 0, 0, owner, template('nginx:1.7.9')), 1), revised(replicaSet('web-bbb', 10, 1, 1, owner, template('nginx:1.9.1')), 2)] : []),
  ], 20);
}

const kubectl = (line: string, withReplicaSets = true) => runKubectl(cluster(withReplicaSets), line.split(' '), { readFile: () => undefined });

test('rollout history: the table, then the blank line the name printer adds', () => {
  const r = kubectl('rollout history deployment/web');
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
});

test('rollout history --revision=N: the Pod template, then a blank line', () => {
  const r = kubectl('rollout history deployment/web --revision=1');
  assert.equal(r.exitCode, 0);
  assert.match(r.stdout, /^deployment\.apps\/web with revision #1\nPod Template:\n/);
  assert.match(r.stdout, /    Image:\s+nginx:1\.7\.9\n/);
  assert.match(r.stdout, /  Tolerations:\s+<none>\n\n$/);
});

test('rollout history without ReplicaSets: "No rollout history found." on one line', () => {
  const r = kubectl('rollout history deployment/web', false);
  assert.equal(r.stdout, 'deployment.apps/web \nNo rollout history found.\n');
});
