import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/types';
import type { Cluster } from '../engine/types';
import { runKubectl } from './index';
import { clusterWith, namespace, pod } from './test-fixtures';

// kubectl get componentstatuses: computed from the control-plane Pods, with the deprecation warning.

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });

function controlPlane(component: string, ready: boolean): KubeObject {
  const p = pod(`${component}-k8s-master`, 0, { labels: { component, tier: 'control-plane' }, node: 'k8s-master', ready });
  return { ...p, metadata: { ...p.metadata, namespace: 'kube-system' } };
}

test('get cs: controller-manager, scheduler, etcd-0; a component whose Pod is not ready is Unhealthy', () => {
  const healthy = clusterWith([namespace('kube-system'), controlPlane('kube-controller-manager', true), controlPlane('kube-scheduler', true), controlPlane('etcd', true)], 10);
  const r = kubectl(healthy, 'get cs');
  assert.equal(r.stderr, 'Warning: v1 ComponentStatus is deprecated in v1.19+\n');
  assert.equal(r.stdout, [
    'NAME                 STATUS    MESSAGE   ERROR',
    'controller-manager   Healthy   ok        ',
    'scheduler            Healthy   ok        ',
    'etcd-0               Healthy   ok        ',
    '',
  ].join('\n'));
  const sick = clusterWith([namespace('kube-system'), controlPlane('kube-controller-manager', true), controlPlane('kube-scheduler', false), controlPlane('etcd', true)], 10);
  assert.match(kubectl(sick, 'get componentstatuses').stdout, /\nscheduler +Unhealthy +Get "https:\/\/127\.0\.0\.1:10259\/healthz": dial tcp 127\.0\.0\.1:10259: connect: connection refused +\n/);
  assert.match(kubectl(sick, 'get componentstatus etcd-0 -o yaml').stdout, /^apiVersion: v1\nconditions:\n- message: ok\n  status: "True"\n  type: Healthy\nkind: ComponentStatus\n/);
});
