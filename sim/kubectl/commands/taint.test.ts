import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, node } from '../test-fixtures';
import { parseTaints, reorganizeTaints } from './taint-spec';

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const taints = (c: Cluster, name: string) => c.store.get<Node>('Node', '', name)!.spec.taints ?? [];
const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const said = (r: { stdout: string; stderr: string; exitCode: number }) => [r.stdout, r.stderr, r.exitCode];

function nodes(): Cluster {
  return clusterWith([
    node('k8s-master', true, { labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
    node('k8s-node1', true), node('k8s-node2', true),
  ], 10);
}

test('parseTaints: additions need an effect, removals may leave it out; kubectl messages', () => {
  assert.deepEqual(parseTaints(['dedicated=web:NoSchedule', 'gpu:NoExecute', 'old-', 'x:PreferNoSchedule-']), {
    add: [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }, { key: 'gpu', effect: 'NoExecute' }],
    remove: [{ key: 'old' }, { key: 'x', effect: 'PreferNoSchedule' }],
  });
  // Without a colon the whole argument is the key, which IsQualifiedName refuses.
  assert.deepEqual(parseTaints(['dedicated=web']), { error: `invalid taint spec: dedicated=web, ${NAME_PART}` });
  assert.deepEqual(parseTaints(['a=b:Sometimes']), { error: 'invalid taint effect: Sometimes, unsupported taint effect' });
  assert.deepEqual(parseTaints(['a=b=c:NoSchedule']), { error: 'invalid taint spec: a=b=c:NoSchedule' });
  assert.deepEqual(parseTaints(['a=1:NoSchedule', 'a=2:NoSchedule']), { error: 'duplicated taints with the same key and effect: {a 2 NoSchedule <nil>}' });
});

test('reorganizeTaints: new taints first, then the others; the operation word', () => {
  const old = [{ key: 'a', effect: 'NoSchedule' as const }];
  assert.deepEqual(reorganizeTaints(old, false, [{ key: 'b', effect: 'NoExecute' }], []), { operation: 'tainted', taints: [{ key: 'b', effect: 'NoExecute' }, ...old], errors: [] });
  assert.deepEqual(reorganizeTaints(old, false, [], [{ key: 'a' }]).operation, 'untainted');
  assert.deepEqual(reorganizeTaints(old, true, [{ key: 'a', value: 'v', effect: 'NoSchedule' }], []).operation, 'modified');
  assert.deepEqual(reorganizeTaints(old, false, [{ key: 'b', effect: 'NoSchedule' }], [{ key: 'a' }]).operation, 'modified');
  assert.deepEqual(reorganizeTaints(old, false, [], [{ key: 'zzz', effect: 'NoSchedule' }]).errors, ['taint "zzz:NoSchedule" not found']);
});

test('taint: add, refuse a second value without --overwrite, overwrite, remove; the control-plane taint comes off', () => {
  const c = nodes();
  let r = kubectl(c, 'taint nodes k8s-node1 dedicated=web:NoSchedule');
  assert.deepEqual(said(r), ['node/k8s-node1 tainted\n', '', 0]);
  const tainted = r.cluster;
  assert.deepEqual(taints(tainted, 'k8s-node1'), [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }]);
  r = kubectl(tainted, 'taint nodes k8s-node1 dedicated=api:NoSchedule');
  assert.deepEqual(said(r), ['', 'error: node k8s-node1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n', 1]);
  assert.equal(r.cluster, tainted);
  r = kubectl(tainted, 'taint node k8s-node1 dedicated=api:NoSchedule --overwrite');
  assert.deepEqual(said(r), ['node/k8s-node1 modified\n', '', 0]);
  assert.deepEqual(taints(r.cluster, 'k8s-node1'), [{ key: 'dedicated', value: 'api', effect: 'NoSchedule' }]);
  r = kubectl(r.cluster, 'taint no k8s-node1 dedicated-');
  assert.deepEqual(said(r), ['node/k8s-node1 untainted\n', '', 0]);
  assert.equal(r.cluster.store.get<Node>('Node', '', 'k8s-node1')!.spec.taints, undefined);
  r = kubectl(nodes(), 'taint nodes k8s-master node-role.kubernetes.io/control-plane-');
  assert.deepEqual(said(r), ['node/k8s-master untainted\n', '', 0]);
  r = kubectl(r.cluster, 'taint nodes k8s-master node-role.kubernetes.io/control-plane-');
  assert.deepEqual(said(r), ['', 'error: taint "node-role.kubernetes.io/control-plane" not found\n', 1]);
});

test('taint --all / -l: every node visited; the ones that fail print one line each without the prefix', () => {
  let r = kubectl(nodes(), 'taint nodes --all node-role.kubernetes.io/control-plane:NoSchedule');
  assert.deepEqual(said(r), ['node/k8s-node1 tainted\nnode/k8s-node2 tainted\n', 'error: node k8s-master already has node-role.kubernetes.io/control-plane taint(s) with same effect(s) and --overwrite is false\n', 1]);
  r = kubectl(r.cluster, 'taint nodes --all node-role.kubernetes.io/control-plane:NoSchedule');
  assert.deepEqual(r.stderr.split('\n'), ['k8s-master', 'k8s-node1', 'k8s-node2'].map((n) => `node ${n} already has node-role.kubernetes.io/control-plane taint(s) with same effect(s) and --overwrite is false`).concat(''));
  r = kubectl(nodes(), 'taint nodes -l node-role.kubernetes.io/control-plane node-role.kubernetes.io/control-plane:NoSchedule-');
  assert.deepEqual(said(r), ['node/k8s-master untainted\n', '', 0]);
});

test('taint: argument errors, as Complete and Validate report them; nothing changes', () => {
  const c = nodes();
  const cases: [string, string][] = [
    ['taint nodes k8s-node1', 'error: at least one taint update is required\n'],
    ['taint', 'error: one or more resources must be specified as <resource> <name>\n'],
    ['taint nodes a=b:NoSchedule k8s-node1', 'error: all resources must be specified before taint changes: k8s-node1\n'],
    ['taint nodes k8s-node1 dedicated=web', `error: invalid taint spec: dedicated=web, ${NAME_PART}\nSee 'kubectl taint -h' for help and examples\n`],
    ['taint pods web a=b:NoSchedule', 'error: invalid resource type pods, only node types are supported\n'],
    ['taint nodes a=b:NoSchedule', "error: at least one resource name must be specified since 'all' parameter is not set\n"],
    ['taint nodes --all -l a=b a=b:NoSchedule', "error: setting 'all' parameter with a non empty selector is prohibited\n"],
    ['taint nodes k8s-node1 a=b:NoSchedule a-', 'error: can not both modify and remove the following taint(s) in the same command: {"a":""}\n'],
    ['taint nodes nope a=b:NoSchedule', 'Error from server (NotFound): nodes "nope" not found\n'],
  ];
  for (const [line, err] of cases) {
    const r = kubectl(c, line);
    assert.deepEqual(said(r), ['', err, 1], line);
    assert.equal(r.cluster, c, line);
  }
});

test('taint --dry-run=client prints the result with (dry run) and changes nothing; -o name', () => {
  const c = nodes();
  let r = kubectl(c, 'taint nodes k8s-node1 a=b:NoExecute --dry-run=client');
  assert.deepEqual(said(r), ['node/k8s-node1 tainted (dry run)\n', '', 0]);
  assert.deepEqual(taints(r.cluster, 'k8s-node1'), []);
  r = kubectl(c, 'taint nodes k8s-node1 a=b:NoExecute -o name');
  assert.deepEqual(said(r), ['node/k8s-node1\n', '', 0]);
});

test('taint --overwrite with the taint already there: "modified", but the empty patch writes nothing', () => {
  const c = nodes();
  const r = kubectl(c, 'taint nodes k8s-master node-role.kubernetes.io/control-plane:NoSchedule --overwrite');
  assert.deepEqual(said(r), ['node/k8s-master modified\n', '', 0]);
  assert.equal(r.cluster.store.get('Node', '', 'k8s-master')!.metadata.resourceVersion, c.store.get('Node', '', 'k8s-master')!.metadata.resourceVersion);
});
