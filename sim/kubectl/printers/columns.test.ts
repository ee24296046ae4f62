import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import { formatLabelSelector, formatLabels, headerFor, tableFor } from './columns';

// Each kind's cells, as printers.go prints them (no tabwriter here: the raw cells).

const NOW = Date.UTC(2025, 0, 1) + 3 * 24 * 3600 * 1000 + 5 * 3600 * 1000; // 3d5h after creation
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', ...extra });
const cells = (obj: KubeObject, wide = false) => tableFor(obj.kind).row(obj, { nowMs: NOW, wide });
const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }], nodeSelector: { disktype: 'ssd' } } };

test('DaemonSet: DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE (+ CONTAINERS IMAGES SELECTOR)', () => {
  const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('agent'), spec: { selector: { matchLabels: { app: 'x' } }, template }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2, numberMisscheduled: 0 } } as KubeObject;
  assert.deepEqual(headerFor('DaemonSet', false), ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE']);
  assert.deepEqual(cells(ds, true), ['agent', '3', '3', '2', '3', '2', 'disktype=ssd', '3d5h', 'a,b', 'nginx,busybox', 'app=x']);
});

test('StatefulSet: READY is ready/desired', () => {
  const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db'), spec: { replicas: 3, selector: { matchLabels: { app: 'x' } }, template }, status: { replicas: 2, readyReplicas: 1 } } as KubeObject;
  assert.deepEqual(headerFor('StatefulSet', false), ['NAME', 'READY', 'AGE']);
  assert.deepEqual(cells(sts), ['db', '1/3', '3d5h']);
});

test('Service: TYPE CLUSTER-IP EXTERNAL-IP PORT(S), node ports, pending load balancers', () => {
  const svc = (type: string, ports: unknown[], status: unknown = {}) => ({ apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type, clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], ports, selector: { app: 'web' } }, status } as KubeObject);
  assert.deepEqual(cells(svc('ClusterIP', [{ port: 8080, targetPort: 80, protocol: 'TCP' }]), true), ['web', 'ClusterIP', '10.96.12.34', '<none>', '8080/TCP', '3d5h', 'app=web']);
  assert.deepEqual(cells(svc('NodePort', [{ port: 8080, targetPort: 80, nodePort: 30000, protocol: 'TCP' }])), ['web', 'NodePort', '10.96.12.34', '<none>', '8080:30000/TCP', '3d5h']);
  assert.equal(cells(svc('LoadBalancer', [{ port: 80, targetPort: 80, nodePort: 31000, protocol: 'TCP' }]))[3], '<pending>');
  assert.equal(cells(svc('LoadBalancer', [], { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } }))[3], '203.0.113.10');
});

test('Namespace and the generic NAME AGE table', () => {
  assert.deepEqual(cells({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('team'), status: { phase: 'Terminating' } } as KubeObject), ['team', 'Terminating', '3d5h']);
  assert.deepEqual(cells({ apiVersion: 'v1', kind: 'PodTemplate', metadata: meta('web-1') } as KubeObject), ['web-1', '3d5h']);
});

test('ControllerRevision: CONTROLLER as kind.group/name, REVISION', () => {
  const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'u1', controller: true };
  assert.deepEqual(cells({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { ...meta('kube-proxy-5d9c8b7f6c'), ownerReferences: [owner] }, revision: 2 } as KubeObject),
    ['kube-proxy-5d9c8b7f6c', 'daemonset.apps/kube-proxy', '2', '3d5h']);
  assert.deepEqual(cells({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: meta('orphan-1'), revision: 1 } as KubeObject), ['orphan-1', '<none>', '1', '3d5h']);
});

test('labels and selectors print sorted, <none> when empty', () => {
  assert.equal(formatLabels({ b: '2', a: '1' }), 'a=1,b=2');
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabelSelector({ matchLabels: { tier: 'fe', app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'zz', operator: 'DoesNotExist' }] }), 'app=web,env in (dev,prod),tier=fe,!zz');
});
