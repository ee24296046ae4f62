import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCluster, submit } from '../engine/loop';
import type { Change, Cluster } from '../engine/types';
import type { Container, KubeObject, Pod } from '../api/types';
import { node, pod } from '../testing/fixtures';
import { scheduler } from './scheduler';
import { podResources } from './pod-resources';

// The scheduler cache keeps each node's resource score for the requests of the last Pod scored
// (SchedulerCache.resourceScore); a run of Pods in one transaction reuses them. Scheduling the same
// Pods one transaction each (a fresh cache every time) must bind every Pod to the same node.

function run(cluster: Cluster, changes: Change[]): Cluster {
  const r = submit(cluster, changes, [scheduler], 'test');
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

const create = (objects: readonly KubeObject[]): Change[] => objects.map((object) => ({ verb: 'create', object }));

const container = (extra: Partial<Container>): Container =>
  ({ name: 'c', image: 'nginx', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...extra });

function pods(): Pod[] {
  const out: Pod[] = [];
  for (let i = 0; i < 60; i++) {
    // Runs of equal requests, broken by other requests: the memo is kept, then started again.
    const cpu = i % 20 < 15 ? '100m' : '700m';
    out.push(pod(`p${i}`, undefined, { spec: { containers: [container({ resources: { requests: { cpu, memory: i % 7 === 0 ? '1Gi' : '64Mi' } } })] } }));
  }
  return out;
}

test('Pods scheduled in one transaction (resource scores reused) land where they land one transaction each (scores made afresh)', () => {
  const nodes = Array.from({ length: 150 }, (_, i) => node(`n${i}`)); // over 100: a partial search from a random start
  const base = run(emptyCluster({ seed: 11 }), create(nodes));
  const together = run(base, create(pods()));
  let apart = base;
  for (const p of pods()) apart = run(apart, create([p]));
  const where = (c: Cluster) => pods().map((p) => c.store.get<Pod>('Pod', 'default', p.metadata.name)!.spec.nodeName);
  assert.ok(where(together).every((n) => n !== undefined));
  assert.deepEqual(where(together), where(apart));
});

test('podResources: one-container Pods sharing a resources object share the answer; ports still count', () => {
  const resources = { requests: { cpu: '250m', memory: '64Mi' } };
  const a = pod('a', undefined, { spec: { containers: [container({ resources })] } });
  const b = pod('b', undefined, { spec: { containers: [container({ resources, volumeMounts: [] })] } });
  assert.equal(podResources(a), podResources(b));
  assert.deepEqual({ ...podResources(a) }, { cpuMillis: 250, memoryBytes: 64 * 1024 * 1024, nonZeroCpuMillis: 250, nonZeroMemoryBytes: 64 * 1024 * 1024, hostPorts: [] });
  const withPort = pod('c', undefined, { spec: { containers: [container({ resources, ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] })] } });
  assert.deepEqual(podResources(withPort).hostPorts, ['TCP/0.0.0.0/8080']);
  const limitsOnly = pod('d', undefined, { spec: { containers: [container({ resources: { limits: { cpu: '1' } } })] } });
  assert.deepEqual([podResources(limitsOnly).cpuMillis, podResources(limitsOnly).nonZeroMemoryBytes], [1000, 200 * 1024 * 1024]);
});

test('schedulePod hands back the chosen Node object: the view\'s current one, after Node writes in the same transaction', async () => {
  const { Transaction } = await import('../engine/transaction');
  const { schedulePod } = await import('./schedule-one');
  const { rngFrom } = await import('../engine/rng');
  const base = run(emptyCluster({ seed: 5 }), create([node('n0'), node('n1')]));
  const tx = new Transaction(base, [scheduler]);
  const p = pod('x', undefined);
  assert.ok(schedulePod(tx, p, rngFrom(1)).nodeObject !== undefined); // the cache now exists and is kept by the watch
  for (const name of ['n0', 'n1']) {
    const n = tx.get<import('../api/types').Node>('Node', '', name)!;
    assert.equal(tx.apply({ verb: 'update', object: { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, touched: 'yes' } } } }, 'test'), undefined);
  }
  const r = schedulePod(tx, p, rngFrom(2));
  assert.equal(r.nodeObject, tx.get('Node', '', r.node!));
  assert.equal(r.nodeObject?.metadata.labels?.touched, 'yes');
});
