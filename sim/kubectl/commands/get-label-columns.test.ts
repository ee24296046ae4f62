import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { labelHeaders } from '../printers/table';
import { clusterWith, node, pod } from '../test-fixtures';

// kubectl get -L/--label-columns (cli-runtime printers.decorateTable, formatLabelHeaders): one column
// per key after the kind's columns (wide ones too), before LABELS; a key the object lacks is empty.

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });

function cluster(): Cluster {
  return clusterWith([
    node('k8s-node1', true, { labels: { 'topology.kubernetes.io/zone': 'z1' } }),
    pod('nginx-a', 0, { node: 'k8s-node1', ip: '10.244.1.2' }),
  ], 125);
}

test('formatLabelHeaders: the key after its last "/", upper-cased', () => {
  assert.deepEqual(labelHeaders(['app', 'app.kubernetes.io/name', 'a/b/c']), ['APP', 'NAME', 'C']);
});

test('-L adds a column per key, repeatable and comma-separated; a missing label is an empty cell', () => {
  const r = kubectl(cluster(), 'get pods -L app -L tier,pod-template-hash');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.stdout, [
    'NAME      READY   STATUS    RESTARTS   AGE    APP     TIER   POD-TEMPLATE-HASH',
    'nginx-a   1/1     Running   0          2m5s   nginx          ',
    '',
  ].join('\n'));
});

test('--label-columns come after -o wide columns and before --show-labels', () => {
  const r = kubectl(cluster(), 'get nodes -o wide --show-labels --label-columns=topology.kubernetes.io/zone');
  const [header, row] = r.stdout.split('\n');
  assert.match(header, / CONTAINER-RUNTIME +ZONE +LABELS$/);
  assert.match(row, / containerd:\/\/1\.7\.27 +z1 +kubernetes\.io\/hostname=k8s-node1,topology\.kubernetes\.io\/zone=z1$/);
});
