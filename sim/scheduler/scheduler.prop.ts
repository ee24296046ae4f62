import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { emptyCluster, submit } from '../engine/loop';
import type { Change, Cluster } from '../engine/types';
import type { Node, Pod } from '../api/types';
import { node, pod } from '../testing/fixtures';
import { scheduler } from './scheduler';
import { podResources } from './pod-resources';
import { bytes, cpuMillis } from '../api/quantity';

// Guards NodeResourcesFit: "scheduler never overcommits allocatable cpu/memory or the node's Pod
// count" (claim arch.scheduler-considers), and the retry rules: once quiet, no unbound Pod fits a node.

const arbNode = fc.record({
  cpuMillis: fc.integer({ min: 100, max: 4000 }),
  memoryMi: fc.integer({ min: 64, max: 8192 }),
  pods: fc.integer({ min: 1, max: 8 }),
  cordoned: fc.boolean(),
});
const arbPod = fc.record({
  cpuMillis: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
  memoryMi: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }),
});
const arbOp = fc.oneof(
  fc.record({ create: arbPod }),
  fc.record({ remove: fc.nat() }),
);

function podWith(name: string, r: { cpuMillis?: number; memoryMi?: number }): Pod {
  const requests = { ...(r.cpuMillis !== undefined ? { cpu: `${r.cpuMillis}m` } : {}), ...(r.memoryMi !== undefined ? { memory: `${r.memoryMi}Mi` } : {}) };
  return pod(name, undefined, { spec: { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '', terminationMessagePolicy: '', resources: { requests } }] } });
}

function fits(c: Cluster, p: Pod, n: Node): boolean {
  if (n.spec.unschedulable) return false;
  const bound = c.store.podsOnNode(n.metadata.name);
  const r = podResources(p);
  let cpu = 0, mem = 0;
  for (const b of bound) { cpu += podResources(b).cpuMillis; mem += podResources(b).memoryBytes; }
  return bound.length + 1 <= Number(n.status.allocatable.pods)
    && (r.cpuMillis === 0 || r.cpuMillis <= cpuMillis(n.status.allocatable.cpu)! - cpu)
    && (r.memoryBytes === 0 || r.memoryBytes <= bytes(n.status.allocatable.memory)! - mem);
}

test('scheduler never overcommits allocatable cpu, memory or Pods, and leaves unbound only Pods that fit nowhere', (t) => {
  checkProperty(t, fc.property(fc.array(arbNode, { minLength: 1, maxLength: 4 }), fc.array(arbOp, { maxLength: 40 }), fc.integer(), (nodes, ops, seed) => {
    let c = emptyCluster({ seed });
    const nodeObjs = nodes.map((n, i) => {
      const base = node(`n${i}`, { unschedulable: n.cordoned });
      const allocatable = { cpu: `${n.cpuMillis}m`, memory: `${n.memoryMi}Mi`, pods: String(n.pods) };
      return { ...base, status: { ...base.status, allocatable, capacity: allocatable } };
    });
    c = submit(c, nodeObjs.map((object) => ({ verb: 'create', object })), [scheduler]).cluster;
    let next = 0;
    for (const op of ops) {
      let change: Change;
      if ('create' in op) change = { verb: 'create', object: podWith(`p${next++}`, op.create) };
      else {
        const pods = c.store.list<Pod>('Pod', 'default');
        if (pods.length === 0) continue;
        const victim = pods[op.remove % pods.length];
        change = { verb: 'purge', ref: { kind: 'Pod', namespace: 'default', name: victim.metadata.name }, reason: 'test' };
      }
      c = submit(c, [change], [scheduler]).cluster;
    }
    for (const n of c.store.list<Node>('Node')) {
      const bound = c.store.podsOnNode(n.metadata.name);
      let cpu = 0, mem = 0;
      for (const b of bound) { cpu += podResources(b).cpuMillis; mem += podResources(b).memoryBytes; }
      assert.ok(bound.length <= Number(n.status.allocatable.pods), `${n.metadata.name}: ${bound.length} Pods > ${n.status.allocatable.pods}`);
      assert.ok(cpu <= cpuMillis(n.status.allocatable.cpu)!, `${n.metadata.name}: cpu ${cpu}m > ${n.status.allocatable.cpu}`);
      assert.ok(mem <= bytes(n.status.allocatable.memory)!, `${n.metadata.name}: memory ${mem} > ${n.status.allocatable.memory}`);
      if (n.spec.unschedulable) assert.equal(bound.length, 0, `cordoned ${n.metadata.name} got Pods`);
    }
    for (const p of c.store.list<Pod>('Pod', 'default')) {
      if (p.spec.nodeName) continue;
      for (const n of c.store.list<Node>('Node')) assert.ok(!fits(c, p, n), `${p.metadata.name} is Pending but fits ${n.metadata.name}`);
    }
  }), { claims: ['arch.scheduler-considers'], numRuns: Number(process.env.FC_NUM_RUNS ?? 100), env: process.env, replay: 'node scripts/unit.js scheduler.prop' });
});
