import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject, PodSpec } from '../../api/types';
import { selectString, updatePodSpec, updateSelectedContainers } from './pod-template';

// polymorphichelpers.updatePodSpecForObject and set/helper.go selectContainers.

const spec = (...names: string[]): PodSpec => ({ containers: names.map((name) => ({ name, image: 'nginx' })) } as unknown as PodSpec);

test('selectString: "*" wildcards, as kubectl matches -c', () => {
  for (const [s, pattern, want] of [['nginx', '*', true], ['nginx', 'nginx', true], ['nginx', 'ngi*', true], ['nginx', '*inx', true], ['sidecar', 'ngi*', false], ['nginx', 'nginy', false]] as const) {
    assert.equal(selectString(s, pattern), want, `${s} ~ ${pattern}`);
  }
});

test('updatePodSpec reaches a Pod\'s spec, a workload\'s template and a CronJob\'s job template', () => {
  const rename = (s: PodSpec): PodSpec => ({ ...s, containers: s.containers.map((c) => ({ ...c, image: 'httpd' })) });
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: spec('a') } as unknown as KubeObject;
  const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: spec('a') } } } } } as unknown as KubeObject;
  const updated = (r: ReturnType<typeof updatePodSpec>) => ('object' in r ? JSON.stringify(r.object) : r.error);
  assert.match(updated(updatePodSpec(pod, rename)), /^\{"apiVersion":"v1","kind":"Pod","metadata":\{"name":"p"\},"spec":\{"containers":\[\{"name":"a","image":"httpd"\}\]\}\}$/);
  assert.match(updated(updatePodSpec(cron, rename)), /"jobTemplate":\{"spec":\{"template":\{"spec":\{"containers":\[\{"name":"a","image":"httpd"\}\]\}\}\}\}/);
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: {} } as unknown as KubeObject;
  assert.deepEqual(updatePodSpec(svc, rename), { error: 'the object is not a pod or does not have a pod template: *v1.Service' });
});

test('updateSelectedContainers: main containers, then init containers, that -c selects', () => {
  const s = { ...spec('web', 'sidecar'), initContainers: [{ name: 'web-init', image: 'busybox' }] } as unknown as PodSpec;
  const { spec: next, selected } = updateSelectedContainers(s, 'web*', (c) => ({ ...c, image: 'x' }));
  assert.deepEqual(selected.map((c) => c.name), ['web', 'web-init']);
  assert.equal(next.containers[1], s.containers[1], 'an unselected container stays the same object');
});
