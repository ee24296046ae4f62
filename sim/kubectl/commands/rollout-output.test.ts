import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runKubectl } from '../index';
import { clusterWith, deployment, namespace } from '../test-fixtures';

// -o name on the commands that print "<kind>/<name> <operation>": the name printer's short output
// drops the operation (printers.NamePrinter with ShortOutput).

const cluster = clusterWith([namespace('default'), deployment('web', 0, 1, { observedGeneration: 1 })], 10);
const kubectl = (line: string) => runKubectl(cluster, line.split(' '), { readFile: () => undefined });

test('set image -o name prints only the name; without -o the operation follows it', () => {
  assert.equal(kubectl('set image deployment/web nginx=nginx:1.9.1 -o name').stdout, 'deployment.apps/web\n');
  assert.equal(kubectl('set image deployment/web nginx=nginx:1.9.1').stdout, 'deployment.apps/web image updated\n');
});

test('rollout pause / restart -o name print only the name', () => {
  assert.equal(kubectl('rollout pause deployment/web -o name').stdout, 'deployment.apps/web\n');
  assert.equal(kubectl('rollout restart deployment/web -o name').stdout, 'deployment.apps/web\n');
  assert.equal(kubectl('rollout pause deployment/web').stdout, 'deployment.apps/web paused\n');
});
