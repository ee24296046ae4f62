import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, deployment, meta, namespace, node, pod } from '../test-fixtures';

// kubectl set env, set resources and set image over hand-built clusters (cmd/set/set_env.go,
// set_resources.go, set_image.go): the lines kubectl prints and the Pod templates they leave.

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const containerOf = (c: Cluster, name = 'web') => (c.store.get('Deployment', 'default', name)!.spec as { template: { spec: { containers: { env?: unknown; resources?: unknown }[] } } }).template.spec.containers[0];

function cluster(): Cluster {
  const cfg = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg', 'default', 0), data: { 'special.how': 'very', log_level: 'debug' } } as KubeObject;
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: meta('kubernetes', 'default', 0), spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP', targetPort: 6443 }] } } as KubeObject;
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: meta('db', 'default', 0), type: 'Opaque', data: { password: Buffer.from('s3cret').toString('base64') } } as KubeObject;
  return clusterWith([namespace('default'), node('k8s-node1', true), deployment('web', 0, 2, {}), cfg, secret, svc, pod('solo', 0, { node: 'k8s-node1' })], 60);
}

test('set env KEY=VALUE: `deployment.apps/web env updated`, the template holds the variables', () => {
  const r = kubectl(cluster(), 'set env deployment/web A=1 B=');
  assert.equal(r.stdout, 'deployment.apps/web env updated\n');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.deepEqual(containerOf(r.cluster).env, [{ name: 'A', value: '1' }, { name: 'B' }]);
  const again = kubectl(r.cluster, 'set env deployment/web A=1');
  assert.equal(again.stdout, '', 'the empty patch prints nothing');
  const removed = kubectl(r.cluster, 'set env deployment/web A-');
  assert.deepEqual(containerOf(removed.cluster).env, [{ name: 'B' }]);
});

test('set env --from=configmap --prefix, --from=secret --keys, then --list', () => {
  let c = kubectl(cluster(), 'set env deployment/web --from=configmap/cfg --prefix=CFG_').cluster;
  c = kubectl(c, 'set env deployment/web --from=secret/db --keys=password').cluster;
  const r = kubectl(c, 'set env deployment/web --list');
  assert.equal(r.stdout, [
    '# Deployment web, container nginx',
    '# CFG_LOG_LEVEL from configmap cfg, key log_level',
    '# CFG_SPECIAL_HOW from configmap cfg, key special.how',
    '# PASSWORD from secret db, key password',
    '',
  ].join('\n'));
  assert.equal(r.cluster, c, '--list changes nothing');
  assert.equal(kubectl(c, 'set env deployment/web --list --resolve').stdout, '# Deployment web, container nginx\nCFG_LOG_LEVEL=debug\nCFG_SPECIAL_HOW=very\nPASSWORD=s3cret\n');
});

test('set env refusals, in kubectl\'s words', () => {
  const c = cluster();
  assert.equal(kubectl(c, 'set env A=1 deployment/web').stderr, 'error: all resources must be specified before environment changes: A=1 deployment/web\n');
  assert.equal(kubectl(c, 'set env deployment/web --keys=a A=1').stderr, 'error: when specifying --keys, a configmap or secret must be provided with --from\n');
  assert.equal(kubectl(c, 'set env deployment/nope A=1').stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
  assert.equal(kubectl(c, 'set env service/kubernetes A=1').stderr, 'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n');
  const set = kubectl(c, 'set env deployment/web A=1').cluster;
  const clash = kubectl(set, 'set env deployment/web A=2 --overwrite=false');
  assert.equal(clash.stderr, "error: deployments/web 'A' already has a value (1), and --overwrite is false\n");
  assert.equal(clash.cluster, set);
  const none = kubectl(c, 'set env deployment/web -c sidecar A=1');
  assert.deepEqual([none.stderr, none.exitCode], ['warning: Deployment/web does not have any containers matching "sidecar"\n', 0]);
  const podEnv = kubectl(c, 'set env pod/solo A=1');
  assert.match(podEnv.stderr, /^error: failed to patch env update to pod template: Pod "solo" is invalid: spec: Forbidden: pod updates may not change fields other than/);
});

test('set resources: limits and requests merge into the container\'s, in canonical form; the server\'s validation', () => {
  const r = kubectl(cluster(), 'set resources deployment web -c=nginx --limits=cpu=0.5,memory=1024Mi');
  assert.equal(r.stdout, 'deployment.apps/web resource requirements updated\n');
  const r2 = kubectl(r.cluster, 'set resources deployment/web --requests=cpu=100m');
  assert.deepEqual(containerOf(r2.cluster).resources, { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '100m' } });
  const tooMuch = kubectl(r2.cluster, 'set resources deployment/web --requests=cpu=1');
  assert.equal(tooMuch.stderr, 'error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m\n');
  assert.equal(tooMuch.cluster, r2.cluster);
  assert.equal(kubectl(r2.cluster, 'set resources deployment/web').stderr, 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
  assert.equal(kubectl(r2.cluster, 'set resources deployment/web --limits=cpu').stderr, 'error: Invalid argument syntax cpu, expected <resource>=<value>\n');
  assert.equal(kubectl(r2.cluster, 'set resources deployment/web -c x --limits=cpu=1').stderr, 'error: unable to find container named x\n');
});

test('set image reaches a Pod\'s own containers', () => {
  const r = kubectl(cluster(), 'set image pod/solo nginx=nginx:1.27');
  assert.equal(r.stdout, 'pod/solo image updated\n', r.stderr);
  assert.equal((r.cluster.store.get('Pod', 'default', 'solo')!.spec as { containers: { image: string }[] }).containers[0].image, 'nginx:1.27');
});
