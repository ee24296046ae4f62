import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, meta, namespace } from '../test-fixtures';

// delete.go DeleteResult (ContinueOnError): each object deleted on its own, the errors printed at
// the end, exit code 1; --ignore-not-found drops the NotFound ones.

const pc = (name: string, value: number): KubeObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: meta(name, undefined, 0), value } as KubeObject);
const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, 'default', 0) } as KubeObject);
const files: Record<string, string> = {
  'mixed.yml': [
    'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: system-node-critical\nvalue: 2000001000\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
  ].join('---\n'),
};
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: (f) => files[f] });
const cluster = () => clusterWith([namespace('default'), pc('system-node-critical', 2000001000), pc('mine', 5), cm('a'), cm('b'), cm('c')], 0);
const result = (r: ReturnType<typeof kubectl>) => [r.stdout, r.stderr, r.exitCode];

test('delete of several names: the ones found are deleted, a NotFound is printed at the end', () => {
  const r = kubectl(cluster(), 'delete configmap a x c');
  assert.deepEqual(result(r), ['configmap "a" deleted from default namespace\nconfigmap "c" deleted from default namespace\n', 'Error from server (NotFound): configmaps "x" not found\n', 1]);
  assert.deepEqual(['a', 'b', 'c'].map((n) => r.cluster.store.get('ConfigMap', 'default', n) !== undefined), [false, true, false]);
  const quiet = kubectl(cluster(), 'delete configmap a x --ignore-not-found');
  assert.deepEqual(result(quiet), ['configmap "a" deleted from default namespace\n', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), 'delete configmap x --ignore-not-found')), ['', '', 0]); // visited: no "No resources found"
});

test('delete: a refused object does not stop the others; errors in visit order', () => {
  const r = kubectl(cluster(), 'delete priorityclass system-node-critical mine nope');
  assert.deepEqual(result(r), [
    'priorityclass.scheduling.k8s.io "mine" deleted\n',
    'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted\n'
      + 'Error from server (NotFound): priorityclasses.scheduling.k8s.io "nope" not found\n',
    1,
  ]);
  assert.equal(r.cluster.store.get('PriorityClass', '', 'mine'), undefined);
  assert.notEqual(r.cluster.store.get('PriorityClass', '', 'system-node-critical'), undefined);
});

test('delete -f: each document on its own; the errors name the file (AddSourceToErr "deleting")', () => {
  const r = kubectl(cluster(), 'delete -f mixed.yml');
  assert.deepEqual(result(r), [
    'configmap "b" deleted from default namespace\n',
    'Error from server (Forbidden): error when deleting "mixed.yml": priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted\n'
      + 'Error from server (NotFound): error when deleting "mixed.yml": configmaps "gone" not found\n',
    1,
  ]);
  assert.equal(r.cluster.store.get('ConfigMap', 'default', 'b'), undefined);
});
