import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runKubectl } from '../index';
import { viewOf } from '../../index';
import { bootstrapCluster } from '../../cluster/bootstrap';
import type { Service } from '../../api/types';

// create_service.go: ServiceOptions.Validate, createService, parsePorts; Run's "failed to create <Type> service".

const cluster0 = bootstrapCluster({ nodes: 2 });
const io = { readFile: () => undefined };
const run = (argv: string[], c = cluster0) => runKubectl(c, ['create', 'service', ...argv], io);

test('create service nodeport: app=<name> label and selector, ports named <port>-<target>, the node port given', () => {
  const r = run(['nodeport', 'web', '--tcp=80:8080', '--node-port=30080']);
  assert.equal(r.stdout, 'service/web created\n');
  const svc = viewOf(r.cluster).get<Service>('Service', 'default', 'web')!;
  assert.deepEqual(svc.metadata.labels, { app: 'web' });
  assert.deepEqual(svc.spec.selector, { app: 'web' });
  assert.equal(svc.spec.type, 'NodePort');
  assert.deepEqual(svc.spec.ports, [{ name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }]);
});

test('create service clusterip: headless without ports; a named target port; one port per --tcp', () => {
  const hl = run(['clusterip', 'hl', '--clusterip=None']);
  assert.equal(viewOf(hl.cluster).get<Service>('Service', 'default', 'hl')!.spec.clusterIP, 'None');
  const named = run(['clusterip', 'cs', '--tcp=5678:http', '--tcp=9090']);
  assert.deepEqual(viewOf(named.cluster).get<Service>('Service', 'default', 'cs')!.spec.ports!.map((p) => [p.name, p.port, p.targetPort]), [['5678-http', 5678, 'http'], ['9090', 9090, 9090]]);
  const en = run(['externalname', 'en', '--external-name', 'bar.com']);
  assert.equal(viewOf(en.cluster).get<Service>('Service', 'default', 'en')!.spec.externalName, 'bar.com');
});

test('create service: Validate and parsePorts errors, and the API\'s refusal wrapped', () => {
  assert.equal(run(['nodeport', 'x']).stderr, 'error: at least one tcp port specifier must be provided\n');
  assert.equal(run(['nodeport', 'x', '--tcp=80', '--clusterip=None']).stderr, "error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n");
  assert.equal(run(['externalname', 'x']).stderr, 'error: required flag(s) "external-name" not set\n');
  assert.equal(run(['externalname', 'x', '--external-name=Not_A_Name']).stderr, 'error: invalid service external name Not_A_Name\n');
  assert.equal(run(['clusterip', 'x', '--tcp=abc']).stderr, 'error: strconv.ParseUint: parsing "abc": invalid syntax\n');
  assert.match(run(['nodeport', 'x', '--tcp=80', '--node-port=40000']).stderr,
    /^error: failed to create NodePort service: Service "x" is invalid: spec\.ports\[0\]\.nodePort: Invalid value: 40000: provided port is not in the valid range\. The range of valid ports is 30000-32767\n$/);
});
