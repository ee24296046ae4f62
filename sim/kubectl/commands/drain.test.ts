import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Pod } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { advance } from '../../index';
import { runKubectl } from '../index';

const files: Record<string, string> = {
  'bare.yml': `apiVersion: v1
kind: Pod
metadata: {name: bare}
spec:
  nodeName: k8s-node1
  containers: [{name: c, image: busybox, command: ["sh", "-c", "sleep 3600"]}]
`,
  'scratch.yml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: scratch}
spec:
  replicas: 1
  selector: {matchLabels: {app: scratch}}
  template:
    metadata: {labels: {app: scratch}}
    spec:
      nodeSelector: {kubernetes.io/hostname: k8s-node1}
      containers: [{name: c, image: nginx, volumeMounts: [{name: tmp, mountPath: /tmp}]}]
      volumes: [{name: tmp, emptyDir: {}}]
`,
};
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: (p) => files[p] });
const said = (r: { stdout: string; stderr: string; exitCode: number }) => [r.stdout, r.stderr, r.exitCode];
const podsOn = (c: Cluster, node: string) => c.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === node).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);

/** The kubeadm cluster with a bare Pod and an emptyDir Deployment on k8s-node1, settled. */
function busy(): Cluster {
  let c = bootstrapCluster({ seed: 7 });
  for (const line of ['apply -f bare.yml', 'apply -f scratch.yml']) {
    const r = kubectl(c, line);
    assert.equal(r.exitCode, 0, r.stderr);
    c = r.cluster;
  }
  return advance(c, 30_000);
}

const dsPods = (c: Cluster, node: string) => podsOn(c, node).filter((p) => /kube-flannel-ds|kube-proxy/.test(p));

test('cordon / uncordon: spec.unschedulable, the already- lines, and the unschedulable taint the node controller adds', () => {
  const c = bootstrapCluster({ seed: 7 });
  let r = kubectl(c, 'cordon k8s-node1');
  assert.deepEqual(said(r), ['node/k8s-node1 cordoned\n', '', 0]);
  const cordoned = advance(r.cluster, 1000);
  const node = cordoned.store.get<Node>('Node', '', 'k8s-node1')!;
  assert.equal(node.spec.unschedulable, true);
  assert.deepEqual(node.spec.taints?.map((t) => `${t.key}:${t.effect}`), ['node.kubernetes.io/unschedulable:NoSchedule']);
  assert.deepEqual(said(kubectl(cordoned, 'cordon k8s-node1')), ['node/k8s-node1 already cordoned\n', '', 0]);
  r = kubectl(cordoned, 'uncordon k8s-node1');
  assert.deepEqual(said(r), ['node/k8s-node1 uncordoned\n', '', 0]);
  assert.equal(advance(r.cluster, 1000).store.get<Node>('Node', '', 'k8s-node1')!.spec.unschedulable, undefined);
  assert.deepEqual(said(kubectl(c, 'uncordon k8s-node2')), ['node/k8s-node2 already uncordoned\n', '', 0]);
  assert.deepEqual(said(kubectl(c, 'cordon k8s-node2 --dry-run=client')), ['node/k8s-node2 cordoned (dry run)\n', '', 0]);
  assert.deepEqual(said(kubectl(c, 'cordon')), ['', "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", 1]);
  assert.deepEqual(said(kubectl(c, 'cordon nope')), ['', 'Error from server (NotFound): nodes "nope" not found\n', 1]);
  assert.deepEqual(said(kubectl(c, 'cordon -l node-role.kubernetes.io/control-plane')), ['node/k8s-master cordoned\n', '', 0]);
});

test('drain: cordons, then refuses DaemonSet, unmanaged and emptyDir Pods with the filters\' messages; nothing is evicted', () => {
  const c = busy();
  const scratch = podsOn(c, 'k8s-node1').find((p) => p.startsWith('default/scratch-'))!;
  const ds = dsPods(c, 'k8s-node1');
  const r = kubectl(c, 'drain k8s-node1');
  // Go ranges over a map of messages (any order); kubespec keeps the order the Pods are listed in.
  const errs = [
    'cannot delete Pods that declare no controller (use --force to override): default/bare',
    `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${scratch}`,
    `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds.join(', ')}`,
  ];
  assert.equal(r.stdout, 'node/k8s-node1 cordoned\n');
  assert.equal(r.stderr, [
    `error: unable to drain node "k8s-node1" due to error: [${errs.join(', ')}], continuing command...`,
    'There are pending nodes to be drained:', ' k8s-node1', ...errs, ''].join('\n'));
  assert.equal(r.exitCode, 1);
  assert.deepEqual(podsOn(r.cluster, 'k8s-node1'), podsOn(c, 'k8s-node1'));
  assert.equal(r.cluster.store.get<Node>('Node', '', 'k8s-node1')!.spec.unschedulable, true);
  // One kind of error alone prints without brackets.
  const one = kubectl(c, 'drain k8s-node1 --ignore-daemonsets --delete-emptydir-data');
  assert.equal(one.stderr.split('\n')[0], 'error: unable to drain node "k8s-node1" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...');
  assert.equal(one.stderr.split('\n').at(-2), 'cannot delete Pods that declare no controller (use --force to override): default/bare');
});

test('drain --ignore-daemonsets --force --delete-emptydir-data: evicts, waits while virtual time passes, leaves the DaemonSet Pods', () => {
  const c = busy();
  const before = podsOn(c, 'k8s-node1').filter((p) => !/kube-flannel-ds|kube-proxy/.test(p));
  const r = kubectl(c, 'drain k8s-node1 --ignore-daemonsets --force --delete-emptydir-data');
  assert.equal(r.exitCode, 0, r.stderr);
  const out = r.stdout.split('\n');
  assert.equal(out[0], 'node/k8s-node1 cordoned');
  assert.deepEqual(out.slice(1, 1 + before.length), before.map((p) => `evicting pod ${p}`));
  assert.deepEqual(out.slice(1 + before.length, -2).sort(), before.map((p) => `pod/${p.split('/')[1]} evicted`).sort());
  assert.equal(out.at(-2), 'node/k8s-node1 drained');
  assert.equal(r.stderr, `Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: ${dsPods(c, 'k8s-node1').join(', ')}\n`);
  assert.deepEqual(podsOn(r.cluster, 'k8s-node1'), dsPods(c, 'k8s-node1'));
  // The bare Pod's shell ignores SIGTERM: drain waited out its 30 s grace period.
  assert.ok(r.cluster.nowMs - c.nowMs >= 30_000, `only ${r.cluster.nowMs - c.nowMs} ms passed`);
});

test('drain the control plane: mirror (static) Pods are skipped silently; --dry-run=client evicts nothing', () => {
  const c = busy();
  const r = kubectl(c, 'drain k8s-master --ignore-daemonsets --dry-run=client');
  assert.equal(r.exitCode, 0, r.stderr);
  // CoreDNS tolerates the control-plane taint and starts on the first Ready node (the master, ready first): evicted, not skipped.
  assert.match(r.stdout, /^node\/k8s-master cordoned \(dry run\)\n(evicting pod kube-system\/coredns-\w+-\w+ \(dry run\)\n)*node\/k8s-master drained \(dry run\)\n$/);
  assert.ok(!/etcd|kube-apiserver|kube-scheduler|kube-controller-manager/.test(r.stdout), 'mirror Pods are skipped without a line');
  assert.match(r.stderr, /^Warning: ignoring DaemonSet-managed Pods: kube-flannel\/kube-flannel-ds-\w+, kube-system\/kube-proxy-\w+\n$/);
  assert.equal(r.cluster, c);
  const bare = kubectl(c, 'drain k8s-node1 --force --ignore-daemonsets --delete-emptydir-data --dry-run=client');
  assert.ok(bare.stdout.includes('evicting pod default/bare (dry run)\n'));
  assert.deepEqual(podsOn(bare.cluster, 'k8s-node1'), podsOn(c, 'k8s-node1'));
});

test('drain --disable-eviction deletes instead (pod/x deleted, no evicting lines); --pod-selector narrows the Pods', () => {
  const c = busy();
  const scratch = podsOn(c, 'k8s-node1').find((p) => p.startsWith('default/scratch-'))!;
  let r = kubectl(c, 'drain k8s-node1 --ignore-daemonsets --delete-emptydir-data --pod-selector=app=scratch --disable-eviction');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.stdout, `node/k8s-node1 cordoned\npod/${scratch.split('/')[1]} deleted\nnode/k8s-node1 drained\n`);
  assert.ok(podsOn(r.cluster, 'k8s-node1').includes('default/bare'));
  assert.equal(r.stderr, '');
  r = kubectl(c, 'drain k8s-node1 --pod-selector=app=nothing');
  assert.deepEqual(said(r), ['node/k8s-node1 cordoned\nnode/k8s-node1 drained\n', '', 0]);
  assert.deepEqual(said(kubectl(c, 'drain k8s-node1 --pod-selector=a=b=c')), ['', 'error: --pod-selector=<pod_selector> must be a valid label selector\n', 1]);
});

test('drain --timeout: a Pod that outlives it is reported pending, with the global-timeout error, and the node is not drained', () => {
  const c = busy();
  const r = kubectl(c, 'drain k8s-node1 --ignore-daemonsets --force --delete-emptydir-data --pod-selector=run!=x --timeout=10s');
  const timeout = 'error when waiting for pod "bare" in namespace "default" to terminate: global timeout reached: 10s';
  assert.equal(r.exitCode, 1);
  assert.ok(r.stderr.includes(`There are pending pods in node "k8s-node1" when an error occurred: ${timeout}\npod/bare\n`), r.stderr);
  assert.ok(r.stderr.endsWith(`There are pending nodes to be drained:\n k8s-node1\n${timeout}\n`), r.stderr);
  assert.ok(!r.stdout.includes('drained'));
  assert.equal(r.cluster.nowMs - c.nowMs, 10_000);
});
