import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container } from '../../api/types';
import { PrefixWriter, describeContainers, podFieldResolver } from './writer';

// describe.go describeContainers: describeContainerBasicInfo (named ports), describeContainerEnvFrom,
// describeContainerEnvVars (fieldRef through EnvValueRetriever, resourceFieldRef through
// ExtractContainerResourceValue).

const container = {
  name: 'c', image: 'busybox',
  ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
  resources: { requests: { cpu: '250m' } },
  envFrom: [{ configMapRef: { name: 'myconfigmap' } }, { secretRef: { name: 'mysecret', optional: true }, prefix: 'S_' }],
  env: [
    { name: 'MY_POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    { name: 'MY_POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    { name: 'CPU_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
    { name: 'CPU_LIM', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
  ],
} as unknown as Container;

function describe(resolver?: ReturnType<typeof podFieldResolver>): string {
  const w = new PrefixWriter();
  describeContainers(w, 'Containers', [container], undefined, '', resolver);
  return w.toString();
}

test('a named container port shows its name', () => {
  assert.match(describe(), /\n    Port:\s+80\/TCP \(http\)\n    Host Port:\s+0\/TCP \(http\)\n/);
});

test('Environment Variables from: each envFrom source, its prefix and whether it is optional', () => {
  const out = describe();
  assert.match(out, /\n    Environment Variables from:\n      myconfigmap  ConfigMap\s+Optional: false\n      mysecret     Secret with prefix 'S_'  Optional: true\n    Environment:\n/);
});

test('fieldRef values resolve for metadata.name and metadata.namespace only; resourceFieldRef from the container', () => {
  const out = describe(podFieldResolver({ metadata: { name: 'dapi', namespace: 'default' } }));
  assert.match(out, /\n      MY_POD_NAME:\s+dapi \(v1:metadata\.name\)\n/);
  assert.match(out, /\n      MY_POD_IP:\s+ \(v1:status\.podIP\)\n/);
  assert.match(out, /\n      CPU_REQ:\s+250 \(requests\.cpu\)\n/);
  assert.match(out, /\n      CPU_LIM:\s+node allocatable \(limits\.cpu\)\n/);
  // A Pod template (describe deployment) has no resolver: the value is empty.
  assert.match(describe(), /\n      MY_POD_NAME:\s+ \(v1:metadata\.name\)\n/);
});
