import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, applyManifests } from '../../index';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { declareImage } from '../../runtime/images';
import { runKubectl } from '../index';

// kubectl rollout status over a running cluster: what it prints while it waits, and how it ends.

const web = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  progressDeadlineSeconds: 60
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
`;

const noFiles = { readFile: () => undefined };

test('rollout status prints the Deployment\'s own status as it changes: Pods flapping ErrImagePull/ImagePullBackOff add no lines and no warnings', () => {
  let c = declareImage(bootstrapCluster({ nodes: 2, seed: 1 }), 'nginx:nope', { kind: 'missing' });
  c = applyManifests(c, web('nginx:1.7.9'), { mode: 'apply', source: 'web.yml' }).cluster;
  c = runKubectl(c, ['rollout', 'status', 'deployment/web'], noFiles).cluster;
  c = runKubectl(c, ['set', 'image', 'deployment/web', 'web=nginx:nope'], noFiles).cluster;
  const r = runKubectl(c, ['rollout', 'status', 'deployment/web'], noFiles);
  // The Deployment's status stops changing once the two new Pods exist; it changes again when the
  // progress deadline passes (DeploymentStatusViewer.Status then returns the error).
  assert.equal(r.stdout, 'Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...\n');
  assert.equal(r.stderr, 'error: deployment "web" exceeded its progress deadline\n');
  assert.equal(r.exitCode, 1);
  // Started while the new Pods already wait in ImagePullBackOff: kubectl v1.34 names no Pod reason
  // (DeploymentStatusViewer reads the Deployment only).
  const late = runKubectl(advance(c, 30_000), ['rollout', 'status', 'deployment/web', '--timeout=5s'], noFiles);
  assert.equal(late.stdout, 'Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...\n');
  assert.equal(late.stderr, 'error: timed out waiting for the condition\n');
});

test('rollout status prints a line per watch event of the Deployment: repeats, and the writes between two settled instants', () => {
  let c = runKubectl(bootstrapCluster({ nodes: 2, seed: 1 }), ['create', 'deployment', 'nginx', '--image=nginx:1.7.9', '--replicas=3'], noFiles).cluster;
  c = runKubectl(c, ['rollout', 'status', 'deployment/nginx'], noFiles).cluster;
  c = runKubectl(c, ['set', 'image', 'deployment/nginx', 'nginx=nginx:1.9.1'], noFiles).cluster;
  const from = c.trace.length;
  const r = runKubectl(c, ['rollout', 'status', 'deployment/nginx'], noFiles);
  const line = (s: string) => `Waiting for deployment "nginx" rollout to finish: ${s}...`;
  // RunStatus: fmt.Fprintf of the viewer's status for every event (the initial list is one). The
  // old ReplicaSet's scale-down and its Pods' going are Deployment writes within one instant.
  assert.equal(r.stdout, [
    line('1 out of 3 new replicas have been updated'), line('1 out of 3 new replicas have been updated'),
    line('2 out of 3 new replicas have been updated'), line('2 out of 3 new replicas have been updated'),
    line('1 old replicas are pending termination'), line('1 old replicas are pending termination'),
    'deployment "nginx" successfully rolled out', '',
  ].join('\n'));
  const writes = r.cluster.trace.slice(from).filter((e) => e.kind === 'Deployment' && e.verb === 'update').length;
  assert.equal(r.stdout.split('\n').length - 1, 1 + writes); // the list, then one line per write
});

test('rollout status of several objects: RunStatus names how many it found', () => {
  let c = bootstrapCluster({ nodes: 2, seed: 1 });
  for (const name of ['a', 'b']) c = runKubectl(c, ['create', 'deployment', name, '--image=nginx'], noFiles).cluster;
  const r = runKubectl(c, ['rollout', 'status', 'deployment'], noFiles);
  assert.equal(r.stderr, 'error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n');
  assert.equal(r.exitCode, 1);
});
