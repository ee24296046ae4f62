import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../api/field-errors';
import type { KubeObject, Node } from '../api/types';
import { bootstrapCluster } from '../cluster/bootstrap';
import { failNode } from '../cluster/node-ops';
import { advance } from '../index';
import { lastRenewalMs } from '../controllers/node-lifecycle/heartbeat';
import { controlPlaneLeases } from './control-plane-leases';
import { validateLease } from './lease';
import { withRenewTime } from './renewal';
import { microTime, type Lease } from './types';

const lease = (spec: Lease['spec']): KubeObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l', namespace: 'default' }, spec } as KubeObject);

test('ValidateLeaseSpec: a positive duration, transitions not negative', () => {
  assert.deepEqual(validateLease(lease({ leaseDurationSeconds: 15, leaseTransitions: 0 }), undefined), []);
  assert.deepEqual(validateLease(lease({ leaseDurationSeconds: 0, leaseTransitions: -1 }), undefined).map(formatFieldError), [
    'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
  ]);
});

test('control plane Leases: leader election (15 s, <host>_<uuid>) and the API server identity (apiserver-<base32 hash>)', () => {
  const [apiserver, kcm, sched] = controlPlaneLeases('k8s-master', 0, 0);
  assert.match(apiserver.metadata.name, /^apiserver-[a-z2-7]{26}$/);
  assert.equal(apiserver.metadata.labels?.['apiserver.kubernetes.io/identity'], 'kube-apiserver');
  assert.ok(apiserver.spec?.holderIdentity?.startsWith(`${apiserver.metadata.name}_`));
  assert.deepEqual([kcm.metadata.name, sched.metadata.name, kcm.spec?.leaseDurationSeconds], ['kube-controller-manager', 'kube-scheduler', 15]);
  assert.match(kcm.spec!.holderIdentity!, /^k8s-master_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('node Leases: one per node, owned by it, written once; renewTime derived from the heartbeat, frozen when the node fails', () => {
  let c = bootstrapCluster({ nodes: 2, seed: 1 });
  const leases = c.store.list<Lease>('Lease', 'kube-node-lease');
  assert.deepEqual(leases.map((l) => [l.metadata.name, l.spec?.holderIdentity, l.spec?.leaseDurationSeconds]).sort(),
    [['k8s-master', 'k8s-master', 40], ['k8s-node1', 'k8s-node1', 40], ['k8s-node2', 'k8s-node2', 40]]);
  const node1 = c.store.get<Node>('Node', '', 'k8s-node1')!;
  assert.deepEqual(leases.find((l) => l.metadata.name === 'k8s-node1')!.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Node', name: 'k8s-node1', uid: node1.metadata.uid }]);
  const rv = (name: string) => c.store.get('Lease', 'kube-node-lease', name)!.metadata.resourceVersion;
  const renewed = (name: string) => (withRenewTime(c, c.store.get('Lease', 'kube-node-lease', name)!) as Lease).spec?.renewTime;
  const stored = rv('k8s-node2');
  c = failNode(c, 'k8s-node2').cluster;
  const failedAt = renewed('k8s-node2');
  c = advance(c, 95_000);
  assert.equal(renewed('k8s-node2'), failedAt); // a failed kubelet renews no more
  const row = c.tables.nodes.get('k8s-node1')!;
  assert.equal(renewed('k8s-node1'), microTime(c.config.epochMs, lastRenewalMs(row.lastHeartbeatMs, c.nowMs)));
  assert.equal(rv('k8s-node2'), stored); // renewals are not writes
  // The leader-election Leases renew every 2 s from their creation.
  const kcm = withRenewTime(c, c.store.get('Lease', 'kube-system', 'kube-controller-manager')!) as Lease;
  const createdMs = Date.parse(kcm.metadata.creationTimestamp!) - c.config.epochMs;
  assert.equal(kcm.spec?.renewTime, microTime(c.config.epochMs, createdMs + Math.floor((c.nowMs - createdMs) / 2000) * 2000));
});
