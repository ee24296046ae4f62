import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject, Pod } from '../api/types';
import { node, pod, replicaSet, viewWith } from '../testing/fixtures';
import { SchedulerCache } from './cache';

// SchedulerCache.load sums a node's Pods in one pass (no Contribution a Pod, owners remembered from
// the previous Pod); the watch path adds each Pod through apply(). Both must give the same aggregates.

function pods(): Pod[] {
  const a = replicaSet('a', 3), b = replicaSet('b', 3);
  const resources = { requests: { cpu: '250m', memory: '64Mi' } };
  const c = (extra = {}) => ({ containers: [{ name: 'c', image: 'nginx', resources, ...extra }] });
  const out: Pod[] = [];
  for (let i = 0; i < 12; i++) {
    const owner = i % 3 === 0 ? b : i % 5 === 0 ? undefined : a;
    out.push(pod(`p${i}`, owner, { node: `n${i % 2}`, spec: c() as never }));
  }
  out.push(pod('done', a, { node: 'n0', phase: 'Succeeded', spec: c() as never }));
  out.push(pod('leaving', a, { node: 'n1', meta: { deletionTimestamp: '2025-01-01T00:00:05Z' }, spec: c() as never }));
  out.push(pod('ported', b, { node: 'n1', spec: c({ ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }) as never }));
  out.push(pod('besteffort', undefined, { node: 'n0' }));
  return out;
}

function aggregates(cache: SchedulerCache, owners: readonly string[]) {
  const n = cache.size();
  const row = (i: number) => ({
    cpu: cache.reqCpu[i], mem: cache.reqMem[i], nzCpu: cache.nzCpu[i], nzMem: cache.nzMem[i], pods: cache.pods[i],
    ports: [...(cache.entries[i].ports ?? new Map())], owners: owners.map((o) => cache.ownerCounts(o)?.[i] ?? 0),
  });
  return Array.from({ length: n }, (_, i) => row(i));
}

test('a node loaded from the store holds what its Pods added one by one through the watch', () => {
  const nodes = [node('n0'), node('n1')];
  const all = pods();
  const owners = [...new Set(all.flatMap((p) => (p.metadata.ownerReferences ?? []).map((r) => r.uid)))];
  const loaded = new SchedulerCache(viewWith([...nodes, ...all] as KubeObject[]));
  for (let i = 0; i < loaded.size(); i++) loaded.load(i);
  const watched = new SchedulerCache(viewWith(nodes));
  for (let i = 0; i < watched.size(); i++) watched.load(i);
  for (const p of all) watched.podChanged(p, undefined);
  assert.deepEqual(aggregates(loaded, owners), aggregates(watched, owners));
  assert.deepEqual(aggregates(loaded, owners)[1].ports, [['TCP/0.0.0.0/8080', 1]]);
  assert.ok(aggregates(loaded, owners)[0].owners.some((n) => n > 0));
});
