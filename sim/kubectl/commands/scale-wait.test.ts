import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, meta, namespace } from '../test-fixtures';
import { scaleSynced } from './scale-wait';

// kubectl scale --timeout: scale.WaitForScaleHasDesiredReplicas after each object's scale.

const template = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
const deployment = (name: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, 'default', 0, { labels: { app: name } }),
  spec: { replicas, selector: { matchLabels: { app: name } }, template: template(name) },
} as KubeObject);
// No nodes: a StatefulSet's first Pod never becomes ready, so the next is never created.
const statefulSet = (name: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta(name, 'default', 0, { labels: { app: name } }),
  spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: template(name) },
} as KubeObject);
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const cluster = () => clusterWith([namespace('default'), deployment('web', 1), statefulSet('db', 0)], 0);
const result = (r: ReturnType<typeof kubectl>) => [r.stdout, r.stderr, r.exitCode];
const replicasOf = (c: Cluster, kind: string, name: string) => (c.store.get(kind, 'default', name)!.spec as { replicas: number }).replicas;

test('scaleHasDesiredReplicas: synced when status.replicas reaches the desired count, or spec.replicas was reset by another', () => {
  const obj = (spec: number, status: number) => ({ ...deployment('web', spec), status: { replicas: status } } as KubeObject);
  assert.equal(scaleSynced(obj(3, 3), 3), true);
  assert.equal(scaleSynced(obj(3, 1), 3), false);
  assert.equal(scaleSynced(obj(2, 1), 3), true);
});

test('scale --timeout: waits until the scale is synced, then prints; no time passes when it is at once', () => {
  const c = cluster();
  const r = kubectl(c, 'scale deployment/web --replicas=3 --timeout=30s');
  assert.deepEqual(result(r), ['deployment.apps/web scaled\n', '', 0]);
  assert.equal(r.cluster.nowMs, c.nowMs);
});

test('scale --timeout: gives up at the timeout with `timed out waiting for "NAME" to be synced`, the scale kept', () => {
  const c = cluster();
  const r = kubectl(c, 'scale statefulset/db --replicas=2 --timeout=5s');
  assert.deepEqual(result(r), ['', 'error: timed out waiting for "db" to be synced\n', 1]);
  assert.equal(r.cluster.nowMs, c.nowMs + 5000);
  assert.equal(replicasOf(r.cluster, 'StatefulSet', 'db'), 2);
  // each object in turn: the first synced and printed, the second scaled and timed out, unprinted
  const two = kubectl(c, 'scale deployment/web statefulset/db --replicas=2 --timeout=3s');
  assert.deepEqual(result(two), ['deployment.apps/web scaled\n', 'error: timed out waiting for "db" to be synced\n', 1]);
  assert.equal(two.cluster.nowMs, c.nowMs + 3000);
  // a dry run does not wait (waitForReplicas only with DryRunNone), nor does --timeout=0
  const dry = kubectl(c, 'scale statefulset/db --replicas=2 --timeout=5s --dry-run=server');
  assert.deepEqual(result(dry), ['statefulset.apps/db scaled (server dry run)\n', '', 0]);
  assert.equal(dry.cluster.nowMs, c.nowMs);
  assert.deepEqual(result(kubectl(c, 'scale statefulset/db --replicas=2 --timeout=0')), ['statefulset.apps/db scaled\n', '', 0]);
});

test('scale --timeout: a bad duration is refused as pflag words it, nothing scaled', () => {
  const r = kubectl(cluster(), 'scale deployment/web --replicas=3 --timeout=soon');
  assert.deepEqual(result(r), ['', 'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n', 1]);
  assert.equal(replicasOf(r.cluster, 'Deployment', 'web'), 1);
});
