import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { advance, applyManifests } from '../../index';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { runKubectl } from '../index';

// kubectl attach on a Pod that does not run yet (attach.go AttachOptions.Run): no wait for pod/NAME
// nor for a workload's Pod (attachablePodForObject waits only for a Pod to exist); the attach
// request fails: the API server's streamLocation without a node, the kubelet's GetAttach without
// a running container.

const SESSION = "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n";
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const apply = (c: Cluster, yaml: string) => {
  const r = applyManifests(c, yaml, { mode: 'apply', source: 'test' });
  assert.deepEqual(r.errors, []);
  return r.cluster;
};

const unschedulable = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {disk: none}
      containers: [{name: web, image: nginx}]
`;

test('a Pending Pod without a node: BadRequest at once, for pod/NAME and deployment/NAME alike (no wait)', () => {
  const c = apply(bootstrapCluster({ nodes: 2, seed: 1 }), unschedulable);
  const pod = c.store.list('Pod', 'default').find((p) => p.metadata.name.startsWith('web-'))!;
  for (const target of [`pod/${pod.metadata.name}`, pod.metadata.name, 'deployment/web']) {
    const r = kubectl(c, `attach ${target}`);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', `${SESSION}Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned\n`, 1], target);
    assert.equal(r.cluster.nowMs, c.nowMs, `${target}: no virtual time passes`);
  }
});

test('a scheduled Pod whose container is not running yet: the kubelet finds no container; once it runs, attach works', () => {
  const c = kubectl(bootstrapCluster({ nodes: 2, seed: 1 }), 'run web --image=nginx').cluster;
  const early = kubectl(c, 'attach web -q');
  assert.deepEqual([early.stdout, early.stderr, early.exitCode], ['', 'error: unable to upgrade connection: container web not found in pod web_default\n', 1]);
  assert.equal(early.cluster.nowMs, c.nowMs);
  const later = kubectl(advance(c, 30_000), 'attach web -q');
  assert.deepEqual([later.stderr, later.exitCode], ['', 0]);
  assert.match(later.stdout, /Configuration complete; ready for start up/);
});

test('attach -c names no container: FindOrDefaultContainerByName\'s error, wrapped by Run', () => {
  const c = kubectl(bootstrapCluster({ nodes: 2, seed: 1 }), 'run web --image=nginx').cluster;
  assert.equal(kubectl(c, 'attach web -c nope').stderr, 'error: cannot attach to the container: container nope not found in pod web\n');
});
