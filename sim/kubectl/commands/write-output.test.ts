import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, meta, namespace } from '../test-fixtures';

// -o of label, annotate and scale: genericclioptions.PrintFlags (json, yaml, name, templates).

const deployment = (name: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, 'default', 0, { labels: { app: name } }),
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
} as KubeObject);
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const cluster = () => clusterWith([namespace('default'), deployment('web', 1), deployment('api', 2)], 0);
const result = (r: ReturnType<typeof kubectl>) => [r.stdout, r.stderr, r.exitCode];
const replicasOf = (c: Cluster, name: string) => (c.store.get('Deployment', 'default', name)!.spec as { replicas: number }).replicas;

test('label / annotate -o jsonpath print each object through the template (PrintFlags)', () => {
  const r = kubectl(cluster(), 'label deployment web api tier=x -o jsonpath={.metadata.labels.tier}');
  assert.deepEqual(result(r), ['xx', '', 0]);
  assert.equal(r.cluster.store.get('Deployment', 'default', 'api')!.metadata.labels!.tier, 'x');
  assert.deepEqual(result(kubectl(cluster(), 'annotate deployment web note=hi -o jsonpath={.metadata.annotations.note}')), ['hi', '', 0]);
  const bad = kubectl(cluster(), 'label deployment web tier=x -o jsonpath={.x');
  assert.deepEqual(result(bad), ['', 'error: error parsing jsonpath {.x, unclosed action\n', 1]);
  assert.deepEqual(kubectl(cluster(), 'annotate deployment web a=b -o wide').stderr,
    'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n');
});

test('scale -o yaml|jsonpath prints the object as fetched before the scale (v1.34 RunScale PrintObj(info.Object))', () => {
  const r = kubectl(cluster(), 'scale deployment web --replicas=3 -o yaml');
  assert.match(r.stdout, /^apiVersion: apps\/v1\nkind: Deployment\n/);
  assert.match(r.stdout, /\n {2}replicas: 1\n/);
  assert.equal(replicasOf(r.cluster, 'web'), 3);
  assert.deepEqual(result(kubectl(cluster(), 'scale deployment web api --replicas=3 -o jsonpath={.spec.replicas}')).slice(0, 2), ['12', '']);
  assert.equal(kubectl(cluster(), 'scale deployment web api --replicas=3 -o yaml').stdout.split('---\n').length, 2);
  assert.deepEqual(result(kubectl(cluster(), 'scale deployment web --replicas=3 -o name')), ['deployment.apps/web\n', '', 0]);
  const dry = kubectl(cluster(), 'scale deployment web --replicas=3 --dry-run=client -o json');
  assert.equal(JSON.parse(dry.stdout).spec.replicas, 1);
  assert.equal(replicasOf(dry.cluster, 'web'), 1);
});

test('scale: the first failure ends the command; NotFound names print only after all scaled', () => {
  const r = kubectl(cluster(), 'scale deployment web api --replicas=5 --current-replicas=1');
  assert.deepEqual(result(r), ['deployment.apps/web scaled\n', 'error: Expected replicas to be 1, was 2\n', 1]);
  assert.deepEqual([replicasOf(r.cluster, 'web'), replicasOf(r.cluster, 'api')], [5, 2]);
  const missing = kubectl(cluster(), 'scale deployment web nope --replicas=4');
  assert.deepEqual(result(missing), ['deployment.apps/web scaled\n', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1]);
  assert.deepEqual(result(kubectl(cluster(), 'scale deployment -l app=none --replicas=2')), ['', 'error: no objects passed to scale\n', 1]);
});
