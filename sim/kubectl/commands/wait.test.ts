import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { runKubectl, splitWords } from '../index';
import { parseWaitFor, relaxedJsonPathExpression, splitJsonPathInput } from './wait-conditions';

// kubectl wait (wait.go RunWait, condition.go, json.go) over a bootstrapped cluster: virtual time
// passes until each object meets the condition, under one deadline.

const kubectl = (c: Cluster, line: string) => runKubectl(c, splitWords(line) as string[], { readFile: () => undefined });
const cluster0 = bootstrapCluster({ nodes: 1, seed: 1 });

test('--for parsing: condition=Name[=value], jsonpath=expr[=value], delete, create, and the errors', () => {
  assert.deepEqual(parseWaitFor('condition=Ready'), { t: 'condition', names: ['Ready'], status: 'true' });
  assert.deepEqual(parseWaitFor('condition=Ready=false'), { t: 'condition', names: ['Ready'], status: 'false' });
  assert.deepEqual(parseWaitFor('DELETE'), { t: 'delete' });
  assert.deepEqual(parseWaitFor('jsonpath={.status.phase}=Running'), { t: 'jsonpath', template: '{.status.phase}', value: 'Running' });
  assert.deepEqual(parseWaitFor(`jsonpath=.status.phase="Running"`), { t: 'jsonpath', template: '{.status.phase}', value: 'Running' });
  assert.deepEqual(parseWaitFor('jsonpath={.status.loadBalancer.ingress}'), { t: 'jsonpath', template: '{.status.loadBalancer.ingress}' });
  assert.deepEqual(parseWaitFor('jsonpath={.a}='), { error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3" });
  assert.deepEqual(parseWaitFor('jsonpath={.a}=1=2'), { error: "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'" });
  assert.deepEqual(parseWaitFor('Ready'), { error: 'unrecognized condition: "Ready"' });
  assert.deepEqual(splitJsonPathInput('a.b.c====d.e.f===g.h.i==='), ['a.b.c====d.e.f==', 'g.h.i==', '']);
  assert.deepEqual(relaxedJsonPathExpression('{a}{b}'), { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" });
});

test('waits until the Deployment is Available and its Pods Ready, printing one line per object', () => {
  let c = kubectl(cluster0, 'create deployment web --image=nginx:1.27 --replicas=2').cluster;
  const t0 = c.nowMs;
  const r = kubectl(c, 'wait --for=condition=Available deployment/web --timeout=60s');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.stdout, 'deployment.apps/web condition met\n');
  assert.ok(r.cluster.nowMs > t0 && r.cluster.nowMs < t0 + 60_000, 'virtual time passed until the condition held');
  c = r.cluster;
  const pods = kubectl(c, "wait --for=jsonpath='{.status.phase}'=Running pod -l app=web");
  assert.match(pods.stdout, /^pod\/web-[a-z0-9]+-[a-z0-9]{5} condition met\npod\/web-[a-z0-9]+-[a-z0-9]{5} condition met\n$/);
  assert.equal(pods.cluster.nowMs, c.nowMs, 'already met: no time passes');
  const yaml = kubectl(c, 'wait --for=condition=Ready pod -l app=web -o yaml').stdout;
  assert.deepEqual([yaml.match(/^kind: Pod$/gm)?.length, yaml.match(/^---$/gm)?.length], [2, 1], 'YAMLPrinter puts --- before the second object');
  assert.match(kubectl(c, 'wait --for=condition=Ready pod -l app=web -o name').stdout, /^pod\/web-\S+\npod\/web-\S+\n$/);
});

test('a condition never met times out at the shared deadline; several objects print one error a line', () => {
  const c = kubectl(kubectl(cluster0, 'create deployment web --image=nginx:1.27 --replicas=2').cluster, 'wait --for=condition=Available deployment/web').cluster;
  const r = kubectl(c, 'wait --for=condition=Ready=false pod -l app=web --timeout=5s');
  assert.equal(r.exitCode, 1);
  assert.equal(r.cluster.nowMs, c.nowMs + 5000);
  assert.match(r.stderr, /^timed out waiting for the condition on pods\/web-\S+\ntimed out waiting for the condition on pods\/web-\S+\n$/);
  const one = kubectl(c, 'wait --for=condition=Progressing=false deployment/web --timeout=2s');
  assert.equal(one.stderr, 'error: timed out waiting for the condition on deployments/web\n');
  const once = kubectl(c, 'wait --for=jsonpath={.status.readyReplicas}=3 deployment/web --timeout=0');
  assert.equal(once.stderr, 'error: condition not met for deployments/web\n');
});

test('--for=delete returns once the object is gone; a missing one is already deleted; --for=create polls', () => {
  let c = kubectl(cluster0, 'run box --image=busybox -- sleep 3600').cluster;
  c = kubectl(c, 'wait --for=condition=Ready pod/box').cluster;
  c = kubectl(c, 'delete pod box --wait=false').cluster;
  const gone = kubectl(c, 'wait --for=delete pod/box --timeout=60s');
  assert.equal(gone.stdout, 'pod/box condition met\n');
  assert.equal(gone.cluster.store.get('Pod', 'default', 'box'), undefined);
  const missing = kubectl(gone.cluster, 'wait --for=delete pod/box');
  assert.deepEqual([missing.exitCode, missing.stdout, missing.stderr], [0, '', '']);
  const never = kubectl(gone.cluster, 'wait --for=create pod/box --timeout=2s');
  assert.deepEqual([never.stderr, never.cluster.nowMs - gone.cluster.nowMs], ['error: timed out waiting for the condition\n', 2000]);
});

test('errors: no matching resources, NotFound, unrecognized condition, bad timeout', () => {
  assert.equal(kubectl(cluster0, 'wait --for=condition=Ready pod -l app=none').stderr, 'error: no matching resources found\n');
  assert.equal(kubectl(cluster0, 'wait --for=condition=Ready pod/none').stderr, 'Error from server (NotFound): pods "none" not found\n');
  assert.equal(kubectl(cluster0, 'wait --for=delete pods').stderr, 'error: resource(s) were provided, but no name was specified\n');
  assert.equal(kubectl(cluster0, 'wait pod/none').stderr, 'error: unrecognized condition: ""\n');
  assert.equal(kubectl(cluster0, 'wait --for=delete pod/x --timeout=soon').stderr, 'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n');
});

test('the condition is checked on every watch event of the object: a status written and overwritten within one instant meets it', () => {
  let c = kubectl(cluster0, 'create deployment nginx --image=nginx:1.7.9 --replicas=3').cluster;
  c = kubectl(c, 'rollout status deployment/nginx').cluster;
  c = kubectl(c, 'set image deployment/nginx nginx=nginx:1.9.1').cluster;
  // The surge Pod turns available (availableReplicas 4), and in the same instant the old ReplicaSet is
  // scaled down (3 again): the Deployment's status said 4 for one write only.
  const transient = kubectl(c, 'wait --for=jsonpath={.status.availableReplicas}=4 deploy/nginx --timeout=60s');
  assert.deepEqual([transient.exitCode, transient.stdout], [0, 'deployment.apps/nginx condition met\n'], transient.stderr);
  assert.ok(transient.cluster.nowMs < c.nowMs + 60_000);
  // -o yaml prints the object of the event that met the condition, not the instant's last write.
  const yaml = kubectl(c, 'wait --for=jsonpath={.status.updatedReplicas}=3 deploy/nginx --timeout=60s -o yaml').stdout;
  assert.match(yaml, /^ {2}replicas: 4\n {2}unavailableReplicas: 1\n {2}updatedReplicas: 3\n$/m);
});
