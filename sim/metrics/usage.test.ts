import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerUsage, DEFAULT_USAGE, imageUsage, parseUsage, withUsage } from './usage';

const MI = 1024 * 1024;

test('parseUsage reads "uses <cpu> CPU and <memory> memory", either part alone', () => {
  assert.deepEqual(parseUsage('uses 120m CPU and 64Mi memory'), { cpuMillis: 120, memoryBytes: 64 * MI });
  assert.deepEqual(parseUsage('uses 64Mi memory, 1.5 CPU'), { cpuMillis: 1500, memoryBytes: 64 * MI });
  assert.deepEqual(parseUsage('uses 1 CPU'), { cpuMillis: 1000, memoryBytes: DEFAULT_USAGE.memoryBytes });
});

test('parseUsage names the part it cannot read', () => {
  assert.match((parseUsage('uses lots CPU') as { error: string }).error, /"lots" in "uses lots CPU" is not a CPU quantity/);
  assert.match((parseUsage('uses 120m cores') as { error: string }).error, /"120m cores" in "uses 120m cores": expected "<quantity> CPU"/);
  assert.match((parseUsage('eats 1 CPU') as { error: string }).error, /expected "uses <cpu> CPU and <memory> memory"/);
});

test('an image uses what was declared for it, else its known idle usage, else the default', () => {
  const images = new Map<string, unknown>([['stress:v1', withUsage({ kind: 'server' }, { cpuMillis: 120, memoryBytes: 64 * MI })]]);
  assert.deepEqual(imageUsage(images, 'stress:v1'), { cpuMillis: 120, memoryBytes: 64 * MI });
  assert.deepEqual(imageUsage(images, 'registry.k8s.io/kube-apiserver:v1.34.0'), { cpuMillis: 45, memoryBytes: 250 * MI });
  assert.deepEqual(imageUsage(images, 'example.com/team/app:1'), DEFAULT_USAGE);
});

test('CPU usage is throttled at the container\'s CPU limit (the cgroup quota); memory is not', () => {
  const images = new Map<string, unknown>([['stress:v1', withUsage({ kind: 'server' }, { cpuMillis: 1500, memoryBytes: 64 * MI })]]);
  const base = { name: 'c', image: 'stress:v1', imagePullPolicy: 'IfNotPresent' as const, terminationMessagePath: '', terminationMessagePolicy: '' };
  assert.deepEqual(containerUsage(images, { ...base, resources: { limits: { cpu: '500m', memory: '32Mi' } } }), { cpuMillis: 500, memoryBytes: 64 * MI });
  assert.deepEqual(containerUsage(images, base), { cpuMillis: 1500, memoryBytes: 64 * MI });
});
