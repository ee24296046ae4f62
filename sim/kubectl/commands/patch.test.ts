import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { runKubectl, splitWords } from '../index';

// kubectl patch (patch.go RunPatch) against the API server's PATCH (handlers/patch.go): the three
// patch types, `patched` / `patched (no change)`, and the errors as kubectl prints them.

const kubectl = (c: Cluster, line: string, files: Record<string, string> = {}) => runKubectl(c, splitWords(line) as string[], { readFile: (p) => files[p] });
const cluster0 = kubectl(bootstrapCluster({ nodes: 1, seed: 1 }), 'create deployment web --image=nginx:1.27 --replicas=2').cluster;
const web = (c: Cluster) => c.store.get<Deployment>('Deployment', 'default', 'web')!;

test('strategic merge patch (the default): replicas set, then the same patch changes nothing', () => {
  const r = kubectl(cluster0, `patch deployment web -p '{"spec":{"replicas":3}}'`);
  assert.deepEqual([r.exitCode, r.stdout, r.stderr], [0, 'deployment.apps/web patched\n', '']);
  assert.equal(web(r.cluster).spec.replicas, 3);
  assert.equal(r.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-')).length, 3, 'the controllers reconciled the write');
  const again = kubectl(r.cluster, `patch deploy/web -p 'spec: {replicas: 3}'`);
  assert.equal(again.stdout, 'deployment.apps/web patched (no change)\n');
  assert.equal(again.cluster, r.cluster);
});

test('strategic merge adds a container before the live ones (containers merge by name); merge patch replaces the list', () => {
  const r = kubectl(cluster0, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"redis:7"}]}}}}'`);
  assert.deepEqual(web(r.cluster).spec.template.spec.containers.map((c) => c.name), ['sidecar', 'nginx']);
  const m = kubectl(cluster0, `patch deployment web --type merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"redis:7"}]}}}}'`);
  assert.equal(m.stdout, 'deployment.apps/web patched\n');
  assert.deepEqual(web(m.cluster).spec.template.spec.containers.map((c) => [c.name, c.imagePullPolicy]), [['only', 'IfNotPresent']], 'defaulted as any write is');
});

test('JSON patch: operations apply in order; a failing test op refuses the whole patch', () => {
  const ok = kubectl(cluster0, `patch deployment web --type=json -p '[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":4}]'`);
  assert.equal(ok.stdout, 'deployment.apps/web patched\n');
  assert.equal(web(ok.cluster).spec.replicas, 4);
  const bad = kubectl(cluster0, `patch deployment web --type=json -p '[{"op":"test","path":"/spec/replicas","value":5},{"op":"replace","path":"/spec/replicas","value":4}]'`);
  assert.deepEqual([bad.exitCode, bad.stderr], [1, 'The request is invalid: the server rejected our request due to an error in our request\n']);
  assert.equal(bad.cluster, cluster0);
  assert.equal(kubectl(cluster0, `patch deployment web --type=json -p '{"op":"add"}'`).stderr, 'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n');
});

test('the patched object is validated like any update; unknown fields are dropped with the server\'s warning', () => {
  const invalid = kubectl(cluster0, `patch deployment web -p '{"spec":{"replicas":-1}}'`);
  assert.equal(invalid.stderr, 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
  const unknown = kubectl(cluster0, `patch deployment web -p '{"spec":{"replica":3}}'`);
  assert.deepEqual([unknown.exitCode, unknown.stdout, unknown.stderr], [0, 'deployment.apps/web patched (no change)\n', 'Warning: unknown field "spec.replica"\n']);
  const typed = kubectl(cluster0, `patch deployment web -p '{"spec":{"replicas":"3"}}'`);
  assert.equal(typed.stderr, 'The request is invalid: patch: Invalid value: "map[spec:map[replicas:3]]": cannot convert string to int32\n');
  const merged = kubectl(cluster0, `patch deployment web --type=merge -p '{"spec":{"replicas":"3"}}'`);
  assert.match(merged.stderr, /^The request is invalid: patch: Invalid value: "\{.*\}": json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n$/);
});

test('flag errors, parse errors and NotFound as kubectl prints them', () => {
  const err = (line: string) => kubectl(cluster0, line).stderr;
  assert.equal(err('patch deployment web'), 'error: must specify --patch or --patch-file containing the contents of the patch\n');
  assert.equal(err(`patch deployment web --type=foo -p '{}'`), 'error: --type must be one of [json merge strategic], not "foo"\n');
  assert.equal(err(`patch deployment web -p '{"spec":{"replicas":3}'`), `error: unable to parse "{\\"spec\\":{\\"replicas\\":3}": yaml: line 1: did not find expected ',' or '}'\n`);
  assert.equal(err(`patch deployment nope -p '{}'`), 'Error from server (NotFound): deployments.apps "nope" not found\n');
  assert.equal(err(`patch deployment -p '{}'`), 'error: resource(s) were provided, but no name was specified\n');
  assert.equal(err(`patch deployment web --type=merge -p '"x"'`), 'Error from server (BadRequest): Invalid JSON Patch\n');
  assert.equal(err(`patch deployment web -p '[1]'`), 'Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}\n');
  const fromFile = kubectl(cluster0, 'patch deployment web --patch-file p.yml --dry-run=client', { 'p.yml': 'spec:\n  replicas: 5\n' });
  assert.deepEqual([fromFile.stdout, web(fromFile.cluster).spec.replicas], ['deployment.apps/web patched (dry run)\n', 2]);
});

test('--subresource=scale patches the autoscaling/v1 Scale and writes its replicas back', () => {
  const r = kubectl(cluster0, `patch deployment web --subresource=scale --type=merge -p '{"spec":{"replicas":4}}'`);
  assert.deepEqual([r.stdout, web(r.cluster).spec.replicas], ['scale.autoscaling/web patched\n', 4]);
  assert.equal(kubectl(r.cluster, `patch deployment web --subresource=scale -p '{"spec":{"replicas":4}}'`).stdout, 'scale.autoscaling/web patched (no change)\n');
  assert.match(kubectl(r.cluster, `patch deployment web --subresource=scale -p '{"spec":{"replicas":4}}' -o yaml`).stdout, /^apiVersion: autoscaling\/v1\nkind: Scale\n[\s\S]*status:\n  replicas: 4\n  selector: app=web\n$/);
  assert.equal(kubectl(cluster0, `patch deployment web --subresource=scale -p '{"spec":{"replicas":-1}}'`).stderr, 'The Scale "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
  assert.equal(kubectl(cluster0, `patch deployment web --subresource=foo -p '{}'`).stderr, 'error: invalid subresource value: "foo". Must be one of [status scale]\n');
});
