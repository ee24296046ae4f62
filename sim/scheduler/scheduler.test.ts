import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, emptyCluster, submit } from '../engine/loop';
import type { Change, Cluster } from '../engine/types';
import type { KubeObject, Node, Pod } from '../api/types';
import { node, pod, replicaSet } from '../testing/fixtures';
import { scheduler } from './scheduler';
import { numFeasibleNodesToFind } from './scores';

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;

function create(...objects: KubeObject[]): Change[] {
  return objects.map((object) => ({ verb: 'create', object }));
}

function run(cluster: Cluster, changes: Change[]): Cluster {
  const r = submit(cluster, changes, [scheduler], 'test');
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

function kubeadmNodes(): Node[] {
  return [
    node('k8s-master', { taints: [CP_TAINT], labels: { 'node-role.kubernetes.io/control-plane': '' } }),
    node('k8s-node1'), node('k8s-node2'),
  ];
}

const podOf = (c: Cluster, name: string) => c.store.get<Pod>('Pod', 'default', name)!;
const eventsOf = (c: Cluster, name: string) => c.events.slice().filter((e) => e.involved.name === name);

test('binds a Pod to a worker, never the tainted control-plane node, with a Scheduled event', () => {
  let c = run(emptyCluster({ seed: 3 }), create(...kubeadmNodes()));
  c = run(c, create(pod('web', undefined)));
  const p = podOf(c, 'web');
  assert.match(p.spec.nodeName!, /^k8s-node[12]$/);
  assert.deepEqual(p.status.conditions?.find((x) => x.type === 'PodScheduled')?.status, 'True');
  const ev = eventsOf(c, 'web');
  assert.equal(ev.length, 1);
  assert.equal(ev[0].reason, 'Scheduled');
  assert.equal(ev[0].source, 'default-scheduler');
  assert.equal(ev[0].message, `Successfully assigned default/web to ${p.spec.nodeName}`);
});

test('nodeSelector matching no node: Pending, Unschedulable, FailedScheduling with the Kubernetes message; labelling a node schedules it', () => {
  let c = run(emptyCluster(), create(...kubeadmNodes()));
  c = run(c, create(pod('ssd', undefined, { spec: { nodeSelector: { disktype: 'ssd' } } })));
  const p = podOf(c, 'ssd');
  assert.equal(p.spec.nodeName, undefined);
  const cond = p.status.conditions?.find((x) => x.type === 'PodScheduled');
  const expected = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector."
    + ' no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  assert.deepEqual([cond?.status, cond?.reason, cond?.message], ['False', 'Unschedulable', expected]);
  const ev = eventsOf(c, 'ssd');
  assert.deepEqual(ev.map((e) => [e.type, e.reason, e.message]), [['Warning', 'FailedScheduling', expected]]);

  const n1 = c.store.get<Node>('Node', '', 'k8s-node1')!;
  c = run(c, [{ verb: 'update', object: { ...n1, metadata: { ...n1.metadata, labels: { ...n1.metadata.labels, disktype: 'ssd' } } } }]);
  assert.equal(podOf(c, 'ssd').spec.nodeName, 'k8s-node1');
  assert.equal(eventsOf(c, 'ssd').at(-1)?.reason, 'Scheduled');
});

test('PodScheduled False carries the Pod\'s generation (handleSchedulingFailure); rewritten only when it says something new; the binding\'s True has none', () => {
  let c = run(emptyCluster(), create(...kubeadmNodes()));
  c = run(c, create(pod('ssd', undefined, { spec: { nodeSelector: { disktype: 'ssd' } } })));
  const scheduled = (n: string) => podOf(c, n).status.conditions?.find((x) => x.type === 'PodScheduled');
  assert.deepEqual(Object.keys(scheduled('ssd')!).slice(0, 3), ['type', 'observedGeneration', 'status']);
  assert.equal(scheduled('ssd')?.observedGeneration, 1);
  // A spec change (generation 2) that fails alike: podutil.UpdatePodCondition finds nothing new, no write.
  const p = podOf(c, 'ssd');
  c = run(c, [{ verb: 'update', object: { ...p, spec: { ...p.spec, tolerations: [{ key: 'x', operator: 'Exists', effect: 'NoSchedule' }] } } }]);
  assert.equal(podOf(c, 'ssd').metadata.generation, 2);
  assert.equal(scheduled('ssd')?.observedGeneration, 1);
  // Another node: a new message, written with the generation the scheduler saw.
  c = run(c, create(node('k8s-node3')));
  assert.match(scheduled('ssd')!.message!, /^0\/4 nodes are available/);
  assert.equal(scheduled('ssd')?.observedGeneration, 2);
  const n1 = c.store.get<Node>('Node', '', 'k8s-node1')!;
  c = run(c, [{ verb: 'update', object: { ...n1, metadata: { ...n1.metadata, labels: { ...n1.metadata.labels, disktype: 'ssd' } } } }]);
  assert.equal(podOf(c, 'ssd').spec.nodeName, 'k8s-node1');
  assert.deepEqual(scheduled('ssd'), { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' });
  assert.equal(podOf(c, 'ssd').metadata.generation, 2, 'the binding moves no generation');
});

test('requests beyond what is left: Insufficient cpu, and no preemption victims among equal-priority Pods', () => {
  const big = { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'IfNotPresent' as const, terminationMessagePath: '', terminationMessagePolicy: '', resources: { requests: { cpu: '1500m' } } }] };
  let c = run(emptyCluster(), create(...kubeadmNodes()));
  c = run(c, create(pod('a', undefined, { spec: big }), pod('b', undefined, { spec: big }), pod('c', undefined, { spec: big })));
  const bound = ['a', 'b', 'c'].map((n) => podOf(c, n).spec.nodeName);
  assert.equal(bound.filter(Boolean).length, 2);
  assert.notEqual(bound[0], bound[1]);
  assert.equal(podOf(c, 'c').status.conditions?.find((x) => x.type === 'PodScheduled')?.message,
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.'
    + ' no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
  // Deleting a bound Pod frees its cpu: the pending one is retried and bound.
  c = run(c, [{ verb: 'purge', ref: { kind: 'Pod', namespace: 'default', name: 'a' }, reason: 'test' }]);
  assert.equal(podOf(c, 'c').spec.nodeName, bound[0]);
});

test('110 Pods a node: the 111th gets Too many pods', () => {
  let c = run(emptyCluster(), create(node('only')));
  const pods: KubeObject[] = [];
  for (let i = 0; i < 111; i++) pods.push(pod(`p${i}`, undefined));
  c = run(c, create(...pods));
  assert.equal(c.store.podsOnNode('only').length, 110);
  const pending = c.store.list<Pod>('Pod', 'default').filter((p) => !p.spec.nodeName);
  assert.equal(pending.length, 1);
  assert.match(pending[0].status.conditions![0].message!, /^0\/1 nodes are available: 1 Too many pods\. /);
});

test('replicas of one ReplicaSet spread over the nodes', () => {
  const rs = replicaSet('web', 6);
  let c = run(emptyCluster({ seed: 9 }), create(node('n1'), node('n2'), node('n3'), rs));
  const pods: KubeObject[] = [];
  for (let i = 0; i < 6; i++) pods.push(pod(`web-${i}`, rs));
  c = run(c, create(...pods));
  assert.deepEqual(['n1', 'n2', 'n3'].map((n) => c.store.podsOnNode(n).length), [2, 2, 2]);
});

test('DaemonSet Pods pinned by matchFields go to their node, tolerating what DaemonSets tolerate', () => {
  const pinned = (name: string, nodeName: string) => pod(name, undefined, { spec: {
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } },
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
  } });
  let c = run(emptyCluster(), create(...kubeadmNodes()));
  c = run(c, create(pinned('ds-a', 'k8s-master'), pinned('ds-b', 'k8s-node2'), pinned('ds-c', 'gone')));
  assert.equal(podOf(c, 'ds-a').spec.nodeName, 'k8s-master');
  assert.equal(podOf(c, 'ds-b').spec.nodeName, 'k8s-node2');
  assert.equal(podOf(c, 'ds-c').status.conditions?.[0].message,
    "0/3 nodes are available: 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
});

test('an unschedulable (cordoned) node is skipped', () => {
  let c = run(emptyCluster(), create(node('n1', { unschedulable: true }), node('n2')));
  c = run(c, create(pod('x', undefined)));
  assert.equal(podOf(c, 'x').spec.nodeName, 'n2');
});

test('numFeasibleNodesToFind follows the adaptive percentage', () => {
  assert.deepEqual([10, 99, 100, 300, 1000, 5000, 6000].map(numFeasibleNodesToFind), [10, 99, 100, 144, 420, 500, 300]);
});

test('PreferNoSchedule taints and preferred node affinity steer the choice', () => {
  let c = run(emptyCluster({ seed: 4 }), create(node('n1', { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }), node('n2', { labels: { disktype: 'ssd' } }), node('n3')));
  c = run(c, create(pod('avoid-spot', undefined, { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } }] } } } })));
  assert.equal(podOf(c, 'avoid-spot').spec.nodeName, 'n2');
  for (let i = 0; i < 4; i++) c = run(c, create(pod(`p${i}`, undefined)));
  assert.ok(['p0', 'p1', 'p2', 'p3'].every((n) => podOf(c, n).spec.nodeName !== 'n1'), 'n1 only when nothing better');
});

test('an unschedulable Pod is retried every 5 minutes (podMaxInUnschedulablePodsDuration), one FailedScheduling each time', () => {
  let c = run(emptyCluster(), create(node('n1')));
  c = run(c, create(pod('x', undefined, { spec: { nodeSelector: { gpu: 'yes' } } })));
  c = advance(c, 600_000, [scheduler]);
  assert.deepEqual(eventsOf(c, 'x').map((e) => [e.reason, e.timeMs]), [['FailedScheduling', 0], ['FailedScheduling', 300_000], ['FailedScheduling', 600_000]]);
  assert.equal(c.store.get<Pod>('Pod', 'default', 'x')!.status.conditions!.filter((x) => x.type === 'PodScheduled').length, 1);
});

test('hostPort conflicts are filtered (NodePorts)', () => {
  const withPort = (name: string) => pod(name, undefined, { spec: { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '', terminationMessagePolicy: '', ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }] } });
  let c = run(emptyCluster(), create(node('n1')));
  c = run(c, create(withPort('a'), withPort('b')));
  assert.equal(podOf(c, 'a').spec.nodeName, 'n1');
  assert.match(podOf(c, 'b').status.conditions![0].message!, /^0\/1 nodes are available: 1 node\(s\) didn't have free ports for the requested pod ports\. /);
});

test('a burst of freed resources at one instant retries a pending Pod once now and once after the 1 s backoff, not once per event', () => {
  const small = (name: string, cpu: string) => pod(name, undefined, { spec: { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '', terminationMessagePolicy: '', resources: { requests: { cpu } } }] } });
  const big = node('big');
  const roomy = { ...big, status: { ...big.status, allocatable: { cpu: '2500m', memory: '64Gi', pods: '300' } } };
  // Purges one bound Pod per reconcile and asks for itself again, so the scheduler runs between purges.
  const purger: import('../engine/types').Controller = {
    name: 'purger', watches: {},
    reconcile: (view, key) => {
      const i = Number(key);
      if (view.get('Pod', 'default', `f${i}`) === undefined) return { changes: [] };
      return { changes: [
        { verb: 'purge', ref: { kind: 'Pod', namespace: 'default', name: `f${i}` }, reason: 'test' },
        { verb: 'enqueue', controller: 'purger', key: String(i + 1), afterMs: 0 },
      ] };
    },
  };
  let c = run(emptyCluster(), create(roomy));
  const fillers: KubeObject[] = [];
  for (let i = 0; i < 250; i++) fillers.push(small(`f${i}`, '10m'));
  c = run(c, create(...fillers));
  c = run(c, create(small('waiting', '50m')));
  assert.equal(podOf(c, 'waiting').spec.nodeName, undefined);
  const r = submit(c, [{ verb: 'enqueue', controller: 'purger', key: '0', afterMs: 0 }], [scheduler, purger], 'test');
  assert.deepEqual(r.errors, []);
  c = r.cluster;
  assert.equal(c.store.podsOnNode('big').length, 0, 'all fillers purged at one instant');
  c = advance(c, 1_000, [scheduler, purger]);
  assert.equal(podOf(c, 'waiting').spec.nodeName, 'big');
  assert.ok(eventsOf(c, 'waiting').filter((e) => e.reason === 'FailedScheduling').length <= 3);
});
