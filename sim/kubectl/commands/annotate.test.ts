import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, node } from '../test-fixtures';

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const annotations = (c: Cluster, name: string) => c.store.get('Node', '', name)!.metadata.annotations ?? {};

function nodes(): Cluster {
  let c = clusterWith([node('n1', true), node('n2', true), node('n3', true)], 10);
  c = kubectl(c, 'annotate node n1 team=web').cluster;
  return kubectl(c, 'annotate node n3 team=db owner=ops').cluster;
}

test('annotate: the same value needs no --overwrite, a different one does (validateNoAnnotationOverwrites)', () => {
  const c = nodes();
  assert.deepEqual(kubectl(c, 'annotate node n1 team=web').stdout, 'node/n1 annotated\n');
  const r = kubectl(c, 'annotate node n1 team=api');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', "error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (web)\n", 1]);
  assert.equal(kubectl(c, 'annotate node n1 team=api --overwrite').cluster.store.get('Node', '', 'n1')!.metadata.annotations!.team, 'api');
  assert.equal(kubectl(c, 'annotate node n1 kubernetes.io/change-cause=x').exitCode, 0); // change-cause is always overwritable
});

test('annotate: ContinueOnError: the other objects are annotated; several errors print one a line without the prefix', () => {
  const c = nodes();
  let r = kubectl(c, 'annotate node n1 n2 team=api');
  assert.deepEqual([r.stdout, r.exitCode], ['node/n2 annotated\n', 1]);
  assert.equal(annotations(r.cluster, 'n2').team, 'api');
  assert.equal(annotations(r.cluster, 'n1').team, 'web');
  r = kubectl(c, 'annotate node n1 n3 team=api owner=dev');
  assert.equal(r.stderr, [
    "--overwrite is false but found the following declared annotation(s): 'team' already has a value (web)",
    "--overwrite is false but found the following declared annotation(s): 'team' already has a value (db); 'owner' already has a value (ops)",
    '',
  ].join('\n'));
});

test('annotate --list: a header for each object when the command named several', () => {
  const c = nodes();
  assert.equal(kubectl(c, 'annotate node n3 --list').stdout, 'owner=ops\nteam=db\n');
  assert.equal(kubectl(c, 'annotate node n1 n3 --list').stdout, 'Listing annotations for Node./n1:\n team=web\nListing annotations for Node./n3:\n owner=ops\n team=db\n');
});
