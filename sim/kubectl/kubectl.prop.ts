import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { runKubectl } from './index';
import { clusterWith, deployment, namespace, node, pod } from './test-fixtures';

// Bad input never throws: any command line gets kubectl's output or one error, with an exit code,
// and a failing command leaves the cluster as it was (DESIGN.md, "Bad input").

const cluster = clusterWith([namespace('default'), node('k8s-node1', true), pod('web-1', 0, { node: 'k8s-node1' }), deployment('web', 0, 2, {})], 60);
const words = fc.oneof(
  fc.constantFrom('get', 'describe', 'delete', 'scale', 'label', 'apply', 'create', 'run', 'edit', 'logs', 'exec', 'version', 'cluster-info', 'api-resources', 'deployment', 'namespace'),
  fc.constantFrom('pods', 'po', 'deploy', 'deployment.apps', 'nodes', 'all', 'pods,deploy', 'events', 'pod/web-1', 'deploy/web', 'node/k8s-node1', 'web', 'web-1', 'foo/bar', '/', ''),
  fc.constantFrom('-n', 'default', '-A', '-l', 'app=web', '-o', 'wide', 'yaml', 'json', 'name', 'jsonpath={.items[*].metadata.name}', '-o=jsonpath={.a[', '--replicas=3', '--replicas', '-1', '--overwrite', 'a=b', 'a-', '--', 'sh', '-c', '--cascade=orphan', '--force', '--grace-period=0', '-f', 'x.yml', '--dry-run=client', '--image=nginx', '--record', '-it', '--show-labels', '--no-headers', '-w'),
  fc.string({ maxLength: 6 }),
);

test('property: any kubectl command line returns a result and never throws', (t) => {
  checkProperty(t, fc.property(fc.array(words, { maxLength: 7 }), (argv) => {
    const r = runKubectl(cluster, argv, { readFile: (p) => (p === 'x.yml' ? 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c, image: nginx}]}\n' : undefined) });
    assert.equal(typeof r.stdout, 'string');
    assert.equal(typeof r.stderr, 'string');
    assert.ok(Number.isInteger(r.exitCode));
    if (r.exitCode !== 0 && r.stdout === '') assert.equal(r.cluster, cluster, `a failed command changed the cluster: kubectl ${argv.join(' ')}`);
  }), { numRuns: Number(process.env.FC_NUM_RUNS ?? 300), env: process.env, replay: 'node scripts/unit.js kubectl.prop' });
});
