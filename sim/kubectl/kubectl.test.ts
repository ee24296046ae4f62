import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../engine/types';
import type { Deployment, KubeObject } from '../api/types';
import { advance, submit } from '../engine/loop';
import { runKubectl } from './index';
import { adminKubeconfig } from './commands/kubeconfig';
import { at, clusterWith, deployment, eventChange, namespace, node, pod, replicaSet } from './test-fixtures';

// kubectl over hand-built clusters: the exact text kubectl prints, and the changes it makes.

const noFiles = { readFile: () => undefined };
const kubectl = (c: Cluster, line: string, files: Record<string, string> = {}) => runKubectl(c, line.split(' '), { readFile: (p) => files[p] });
const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('');

function podsCluster(): Cluster {
  return clusterWith([
    namespace('default'), namespace('kube-system'),
    node('k8s-node1', true),
    pod('nginx-a', 0, { node: 'k8s-node1', ip: '10.244.1.2' }),
    pod('nginx-b', 120, { node: 'k8s-node1', phase: 'Pending', ready: false, state: { waiting: { reason: 'ContainerCreating' } } }),
    pod('crash', 0, { node: 'k8s-node1', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 20s' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at(100), finishedAt: at(110) } } }),
  ], 125);
}

test('get pods: kubectl columns, status strings, restarts with their age, ages', () => {
  const r = kubectl(podsCluster(), 'get pods');
  assert.equal(r.exitCode, 0);
  const w = [10, 8, 20, 14];
  assert.equal(r.stdout, [
    row(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], w),
    row(['crash', '0/1', 'CrashLoopBackOff', '2 (15s ago)', '2m5s'], w),
    row(['nginx-a', '1/1', 'Running', '0', '2m5s'], w),
    row(['nginx-b', '0/1', 'ContainerCreating', '0', '5s'], w),
    '',
  ].join('\n'));
});

test('get pods -o wide adds IP, NODE, NOMINATED NODE, READINESS GATES', () => {
  const r = kubectl(podsCluster(), 'get pod nginx-a -o wide');
  const w = [10, 8, 10, 11, 7, 13, 12, 17];
  assert.equal(r.stdout, [
    row(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'], w),
    row(['nginx-a', '1/1', 'Running', '0', '2m5s', '10.244.1.2', 'k8s-node1', '<none>', '<none>'], w),
    '',
  ].join('\n'));
});

test('-A adds a NAMESPACE column; --show-labels a LABELS column', () => {
  const r = kubectl(podsCluster(), 'get pods -A --show-labels');
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +LABELS$/);
  assert.match(lines[2], /^default +nginx-a +1\/1 +Running +0 +2m5s +app=nginx$/);
});

test('status strings: Terminating, Completed, Init, ErrImagePull', () => {
  const c = clusterWith([
    pod('old', 0, { node: 'n', deletionTimestamp: at(40) }),
    pod('job', 0, { node: 'n', phase: 'Succeeded', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: at(30) } } }),
    pod('pull', 0, { node: 'n', phase: 'Pending', ready: false, state: { waiting: { reason: 'ErrImagePull' } } }),
    { ...pod('init', 0, { node: 'n', phase: 'Pending', ready: false, state: { waiting: { reason: 'PodInitializing' } } }), spec: { ...(pod('x', 0).spec as object), initContainers: [{ name: 'setup', image: 'busybox' }] }, status: { ...(pod('x', 0).status as object), phase: 'Pending', conditions: [], initContainerStatuses: [{ name: 'setup', image: 'busybox', imageID: '', ready: false, started: true, restartCount: 0, state: { running: { startedAt: at(1) } }, lastState: {} }] } } as KubeObject,
  ], 60);
  const status = (name: string) => kubectl(c, `get pod ${name} --no-headers`).stdout.trim().split(/\s+/)[2];
  assert.equal(status('old'), 'Terminating');
  assert.equal(status('job'), 'Completed');
  assert.equal(status('pull'), 'ErrImagePull');
  assert.equal(status('init'), 'Init:0/1');
});

test('several types: kind-prefixed names and a blank line between tables', () => {
  const d = deployment('web', 0, 2, { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
  const rs = replicaSet('web-7d9f6c5b8', 0, 2, 2, { name: 'web', uid: 'dep-uid' }, (d.spec as { template: unknown }).template);
  const r = kubectl(clusterWith([d, rs], 3 * 3600 + 300), 'get deploy,rs');
  assert.equal(r.stdout, [
    'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
    'deployment.apps/web   2/2     2            2           3h5m',
    '',
    'NAME                            DESIRED   CURRENT   READY   AGE',
    'replicaset.apps/web-7d9f6c5b8   2         2         2       3h5m',
    '',
  ].join('\n'));
});

test('nodes: STATUS from the Ready condition, ROLES from node-role labels', () => {
  const c = clusterWith([
    node('k8s-master', true, { labels: { 'node-role.kubernetes.io/control-plane': '' }, ip: '192.168.56.100' }),
    node('k8s-node1', false),
    node('k8s-node2', true, { unschedulable: true }),
  ], 600);
  assert.equal(kubectl(c, 'get nodes').stdout, [
    'NAME         STATUS                     ROLES           AGE   VERSION',
    'k8s-master   Ready                      control-plane   10m   v1.34.0',
    'k8s-node1    NotReady                   <none>          10m   v1.34.0',
    'k8s-node2    Ready,SchedulingDisabled   <none>          10m   v1.34.0',
    '',
  ].join('\n'));
});

test('errors: not found, unknown type, unknown flag, unknown command, no resources', () => {
  const c = podsCluster();
  assert.deepEqual(kubectl(c, 'get deployment nope'), { cluster: c, stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
  assert.deepEqual(kubectl(c, 'get foo'), { cluster: c, stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
  assert.deepEqual(kubectl(c, 'get pods --foo'), { cluster: c, stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
  assert.equal(kubectl(c, 'gte pods').stderr, 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n');
  assert.equal(kubectl(c, 'frobnicate').stderr, 'error: unknown command "frobnicate" for "kubectl"\n');
  assert.match(kubectl(c, 'port-forward pod/web 8080:80').stderr, /^error: kubespec does not simulate "kubectl port-forward" yet; supported: /);
  const none = kubectl(c, 'get pods -n kube-system');
  assert.deepEqual([none.stdout, none.stderr, none.exitCode], ['', 'No resources found in kube-system namespace.\n', 0]);
  const partial = kubectl(c, 'get pods nginx-a nope');
  assert.equal(partial.exitCode, 1);
  assert.match(partial.stdout, /nginx-a/);
  assert.equal(partial.stderr, 'Error from server (NotFound): pods "nope" not found\n');
  assert.match(kubectl(c, 'get pods -w -o custom-columns=N:.metadata.name').stderr, /--watch prints tables, yaml, json/);
});

test('-o name, jsonpath, yaml (object or List) and json', () => {
  const c = podsCluster();
  assert.equal(kubectl(c, 'get pods -o name').stdout, 'pod/crash\npod/nginx-a\npod/nginx-b\n');
  assert.equal(kubectl(c, 'get pods -o jsonpath={.items[*].metadata.name}').stdout, 'crash nginx-a nginx-b');
  assert.equal(kubectl(c, 'get pod nginx-a -o jsonpath={.status.podIP}').stdout, '10.244.1.2');
  const one = kubectl(c, 'get pod nginx-a -o yaml').stdout;
  assert.match(one, /^apiVersion: v1\nkind: Pod\nmetadata:\n/);
  assert.match(one, /creationTimestamp: "2025-01-01T00:00:00Z"/);
  assert.match(one, /\n  containers:\n  - image: nginx:1.7.9\n/);
  assert.match(kubectl(c, 'get pods -o yaml').stdout, /^apiVersion: v1\nitems:\n- apiVersion: v1\n[\s\S]*\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
  const json = JSON.parse(kubectl(c, 'get pod nginx-a -o json').stdout);
  assert.equal(json.metadata.name, 'nginx-a');
  assert.match(kubectl(c, 'get pod nginx-a -o json').stdout, /^{\n {4}"apiVersion": "v1",/);
  assert.match(kubectl(c, 'get pods -o bogus').stderr, /unable to match a printer suitable for the output format "bogus"/);
  assert.equal(kubectl(c, 'get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP --no-headers').stdout.split('\n')[1], 'nginx-a   10.244.1.2');
  // customcolumn.go: several results join with ",", a value keeps its spaces, maps print as fmt.Sprint does, nothing is <none>.
  const cc = kubectl(c, 'get pod nginx-a -o custom-columns=IMAGES:.spec.containers[*].image,NODE:.spec.nodeName,LABELS:.metadata.labels,GONE:.status.nothing --no-headers').stdout;
  assert.match(cc, /^nginx:1\.7\.9\s+k8s-node1\s+map\[[^\]]*\]\s+<none>\n$/);
});

test('describe pod: kubectl layout, tolerations, and events with repeats folded', () => {
  let c = clusterWith([namespace('default'), pod('nginx-a', 0, { node: 'k8s-node1', ip: '10.244.1.2', owner: { kind: 'ReplicaSet', name: 'nginx-7854ff8877', uid: 'rs-uid' } })], 0);
  const p = c.store.get('Pod', 'default', 'nginx-a')!;
  c = submit(c, [eventChange(p, 'Scheduled', 'Successfully assigned default/nginx-a to k8s-node1', 'default-scheduler')], []).cluster;
  for (const t of [85, 100, 120]) {
    c = advance(c, t * 1000 - c.nowMs, []);
    c = submit(c, [eventChange(p, 'Pulled', 'Container image "nginx:1.7.9" already present on machine', 'kubelet')], []).cluster;
  }
  c = advance(c, 125_000 - c.nowMs, []);
  const r = kubectl(c, 'describe pod nginx-a');
  assert.equal(r.exitCode, 0);
  const out = r.stdout;
  assert.ok(out.startsWith('Name:             nginx-a\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             k8s-node1/192.168.56.101\nStart Time:       Wed, 01 Jan 2025 00:00:00 +0000\nLabels:           app=nginx\nAnnotations:      <none>\nStatus:           Running\nIP:               10.244.1.2\nIPs:\n  IP:           10.244.1.2\nControlled By:  ReplicaSet/nginx-7854ff8877\nContainers:\n  nginx:\n'), out);
  assert.match(out, /\n    State:          Running\n      Started:      Wed, 01 Jan 2025 00:00:04 \+0000\n    Ready:          True\n    Restart Count:  0\n/);
  assert.match(out, /\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n/);
  assert.match(out, /\nQoS Class:                   BestEffort\nNode-Selectors:              <none>\nTolerations:                 node.kubernetes.io\/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io\/unreachable:NoExecute op=Exists for 300s\n/);
  assert.ok(out.endsWith([
    'Events:',
    '  Type    Reason     Age               From               Message',
    '  ----    ------     ----              ----               -------',
    '  Normal  Scheduled  2m5s              default-scheduler  Successfully assigned default/nginx-a to k8s-node1',
    '  Normal  Pulled     5s (x3 over 40s)  kubelet            Container image "nginx:1.7.9" already present on machine',
    '',
  ].join('\n')), out);
  // describe matches a name prefix when no object has the exact name, like kubectl.
  assert.equal(kubectl(c, 'describe pod nginx').stdout, out);
  assert.equal(kubectl(c, 'describe pod zzz').stderr, 'Error from server (NotFound): pods "zzz" not found\n');
});

test('describe deployment: replicas line, strategy, and its ReplicaSets', () => {
  const d = deployment('web', 0, 2, { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }] });
  const rs = replicaSet('web-7d9f6c5b8', 0, 2, 2, { name: 'web', uid: 'dep-uid' }, { ...(d.spec as { template: { metadata: object } }).template, metadata: { labels: { app: 'web', 'pod-template-hash': '7d9f6c5b8' } } });
  const out = kubectl(clusterWith([d, rs], 60), 'describe deployment web').stdout;
  assert.match(out, /\nReplicas:               2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable\n/);
  assert.match(out, /\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\n/);
  assert.match(out, /\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n/);
  assert.match(out, /\nOldReplicaSets:  <none>\nNewReplicaSet:   web-7d9f6c5b8 \(2\/2 replicas created\)\nEvents:          <none>\n$/);
});

test('scale sets spec.replicas and prints deployment.apps/NAME scaled', () => {
  const c = clusterWith([namespace('default'), deployment('web', 0, 2, {})], 10);
  const r = kubectl(c, 'scale deployment web --replicas=5');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['deployment.apps/web scaled\n', '', 0]);
  assert.equal((r.cluster.store.get('Deployment', 'default', 'web')!.spec as { replicas: number }).replicas, 5);
  assert.equal((c.store.get('Deployment', 'default', 'web')!.spec as { replicas: number }).replicas, 2, 'the input cluster is untouched');
  assert.equal(kubectl(c, 'scale deployment web').stderr, 'error: required flag(s) "replicas" not set\n');
  assert.equal(kubectl(c, 'scale deploy/web --replicas=3 --current-replicas=4').stderr, 'error: Expected replicas to be 4, was 2\n');
});

test('label: set, refuse to overwrite without --overwrite, overwrite, remove', () => {
  let c = clusterWith([node('k8s-node1', true)], 10);
  let r = kubectl(c, 'label node k8s-node1 disktype=hdd');
  assert.equal(r.stdout, 'node/k8s-node1 labeled\n');
  c = r.cluster;
  r = kubectl(c, 'label node k8s-node1 disktype=ssd');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', "error: 'disktype' already has a value (hdd), and --overwrite is false\n", 1]);
  assert.equal(r.cluster.store.get('Node', '', 'k8s-node1')!.metadata.labels!.disktype, 'hdd');
  r = kubectl(c, 'label node k8s-node1 disktype=ssd --overwrite');
  assert.equal(r.stdout, 'node/k8s-node1 labeled\n');
  assert.equal(r.cluster.store.get('Node', '', 'k8s-node1')!.metadata.labels!.disktype, 'ssd');
  r = kubectl(r.cluster, 'label node k8s-node1 disktype-');
  assert.equal(r.stdout, 'node/k8s-node1 unlabeled\n');
  assert.equal(r.cluster.store.get('Node', '', 'k8s-node1')!.metadata.labels!.disktype, undefined);
  // validateNoOverwrites refuses a label that is there at all, even with the same value.
  assert.equal(kubectl(c, 'label node k8s-node1 disktype=hdd').stderr, "error: 'disktype' already has a value (hdd), and --overwrite is false\n");
  assert.equal(kubectl(c, 'label node k8s-node1 disktype=hdd --overwrite').stdout, 'node/k8s-node1 not labeled\n');
});

test('label: each object on its own (ContinueOnError), errors as cmdutil.CheckErr prints them', () => {
  const c = clusterWith([node('k8s-node1', true, { labels: { disktype: 'hdd' } }), node('k8s-node2', true), node('k8s-node3', true, { labels: { disktype: 'ssd', zone: 'a' } })], 10);
  // One object refused: the others are still labelled; one error keeps its `error: ` prefix.
  let r = kubectl(c, 'label node k8s-node1 k8s-node2 disktype=ssd');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['node/k8s-node2 labeled\n', "error: 'disktype' already has a value (hdd), and --overwrite is false\n", 1]);
  assert.equal(r.cluster.store.get('Node', '', 'k8s-node2')!.metadata.labels!.disktype, 'ssd');
  // Several errors: one line each, without the prefix (MultipleErrors); one object's two clashes as [a, b].
  r = kubectl(c, 'label node k8s-node1 k8s-node3 disktype=nvme zone=b');
  assert.equal(r.stderr, "'disktype' already has a value (hdd), and --overwrite is false\n['disktype' already has a value (ssd), and --overwrite is false, 'zone' already has a value (a), and --overwrite is false]\n");
  // A single object's aggregate of two prints as two lines.
  r = kubectl(c, 'label node k8s-node3 disktype=nvme zone=b');
  assert.equal(r.stderr, "'disktype' already has a value (ssd), and --overwrite is false\n'zone' already has a value (a), and --overwrite is false\n");
  // Removing an absent label is reported on stdout, before the object's line; not in a client dry run.
  r = kubectl(c, 'label node k8s-node2 k8s-node3 zone-');
  assert.deepEqual([r.stdout, r.stderr], ['label "zone" not found.\nnode/k8s-node2 not labeled\nnode/k8s-node3 unlabeled\n', '']);
  assert.equal(kubectl(c, 'label node k8s-node2 zone- --dry-run=client').stdout, 'node/k8s-node2 not labeled (dry run)\n');
  // --list over several objects names each one.
  assert.equal(kubectl(c, 'label node k8s-node1 k8s-node3 --list').stdout.split('\n').filter((l) => l.startsWith('Listing') || l.startsWith(' disktype')).join('|'),
    'Listing labels for Node./k8s-node1:| disktype=hdd|Listing labels for Node./k8s-node3:| disktype=ssd');
});

test('delete: kubectl lines, cascading propagation through the garbage collector, and errors', () => {
  const d = deployment('web', 0, 0, {});
  const rs = replicaSet('web-7d9f6c5b8', 0, 0, 0, { name: 'web', uid: 'dep-uid' }, (d.spec as { template: unknown }).template);
  const c = clusterWith([namespace('default'), node('k8s-node1', true), d, rs, pod('lonely', 0, { node: 'k8s-node1' })], 10);
  const r = kubectl(c, 'delete deployment web');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['deployment.apps "web" deleted from default namespace\n', '', 0]);
  assert.equal(r.cluster.store.get('Deployment', 'default', 'web'), undefined);
  assert.equal(r.cluster.store.get('ReplicaSet', 'default', 'web-7d9f6c5b8'), undefined, 'background cascade: the GC removes dependents');
  const orphan = kubectl(c, 'delete deployment web --cascade=orphan');
  assert.equal(orphan.cluster.store.get('Deployment', 'default', 'web'), undefined);
  const kept = orphan.cluster.store.get('ReplicaSet', 'default', 'web-7d9f6c5b8');
  assert.ok(kept !== undefined, 'orphan cascade keeps the ReplicaSet');
  assert.deepEqual(kept.metadata.ownerReferences ?? [], []);
  const p = kubectl(c, 'delete pod lonely');
  assert.equal(p.stdout, 'pod "lonely" deleted from default namespace\n');
  assert.equal(p.cluster.store.get('Pod', 'default', 'lonely'), undefined, 'delete waits until the Pod is gone');
  const forced = kubectl(c, 'delete pod lonely --grace-period=0 --force');
  assert.equal(forced.stdout, 'pod "lonely" force deleted from default namespace\n');
  // The namespace comes before the dry-run note; cluster-scoped objects have none; kubectl before v1.34 named none.
  assert.equal(kubectl(c, 'delete pod lonely --dry-run=server').stdout, 'pod "lonely" deleted from default namespace (server dry run)\n');
  assert.equal(kubectl(c, 'delete node k8s-node1 --dry-run=client').stdout, 'node "k8s-node1" deleted (dry run)\n');
  const older = { ...c, config: { ...c.config, kubernetesVersion: 'v1.33.4' } };
  assert.equal(kubectl(older, 'delete pod lonely --dry-run=client').stdout, 'pod "lonely" deleted (dry run)\n');
  assert.match(forced.stderr, /^Warning: Immediate deletion does not wait/);
  assert.equal(forced.cluster.store.get('Pod', 'default', 'lonely'), undefined);
  assert.equal(kubectl(c, 'delete deployment nope').stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
  assert.equal(kubectl(c, 'delete deployment').stderr, 'error: resource(s) were provided, but no name was specified\n');
  assert.match(kubectl(c, 'delete deployment web --cascade=sideways').stderr, /invalid cascade value \(sideways\)/);
});

test('apply -f through io.readFile: created, unchanged, configured; --record', () => {
  const manifest = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n';
  const c = clusterWith([], 0);
  let r = kubectl(c, 'apply -f ns.yml', { 'ns.yml': manifest });
  assert.deepEqual([r.stdout, r.exitCode], ['namespace/team-a created\n', 0]);
  r = kubectl(r.cluster, 'apply -f ns.yml', { 'ns.yml': manifest });
  assert.equal(r.stdout, 'namespace/team-a unchanged\n');
  r = kubectl(r.cluster, 'apply -f ns.yml --record', { 'ns.yml': manifest });
  assert.equal(r.stderr, 'Flag --record has been deprecated, --record will be removed in the future\n');
  assert.equal(r.stdout, 'namespace/team-a configured\n');
  assert.equal(r.cluster.store.get('Namespace', '', 'team-a')!.metadata.annotations!['kubernetes.io/change-cause'], 'kubectl apply --filename=ns.yml --record=true');
  assert.deepEqual(kubectl(c, 'apply -f missing.yml', {}).stderr, 'error: the path "missing.yml" does not exist\n');
  const dry = kubectl(c, 'apply -f ns.yml --dry-run=client', { 'ns.yml': manifest });
  assert.equal(dry.stdout, 'namespace/team-a created (dry run)\n');
  assert.equal(dry.cluster.store.get('Namespace', '', 'team-a'), undefined);
});

test('run and create deployment build kubectl\'s manifests', () => {
  const c = clusterWith([namespace('default')], 0);
  const r = kubectl(c, 'run nginx --image=nginx');
  assert.equal(r.stdout, 'pod/nginx created\n');
  const p = r.cluster.store.get('Pod', 'default', 'nginx')!;
  assert.deepEqual(p.metadata.labels, { run: 'nginx' });
  const y = kubectl(c, 'create deployment web --image=registry.io/team/httpd:2.4 --replicas=3 --dry-run=client -o yaml');
  assert.equal(y.stdout, [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: web', '  name: web',
    'spec:', '  replicas: 3', '  selector:', '    matchLabels:', '      app: web', '  strategy: {}', '  template:', '    metadata:',
    '      creationTimestamp: null', '      labels:', '        app: web', '    spec:', '      containers:', '      - image: registry.io/team/httpd:2.4',
    '        name: httpd', '        resources: {}', 'status: {}', '',
  ].join('\n'));
  assert.equal(y.cluster, c);
  const created = kubectl(c, 'create deployment web --image=nginx');
  assert.equal(created.stdout, 'deployment.apps/web created\n');
  assert.equal(kubectl(c, 'run x').stderr, 'error: required flag(s) "image" not set\n');
});

test('create deployment: the arguments after -- are the command; API errors come wrapped as "failed to create deployment"', () => {
  const c = clusterWith([namespace('default')], 0);
  // create_deployment.go Complete: args[1:] become every container's command.
  const y = kubectl(c, 'create deployment bb --image=busybox --dry-run=client -o yaml -- sleep 3600');
  assert.match(y.stdout, /\n {6}- command:\n {8}- sleep\n {8}- "3600"\n {8}image: busybox\n/);
  const created = kubectl(c, 'create deployment bb --image=busybox -- sleep 3600');
  assert.equal(created.stdout, 'deployment.apps/bb created\n');
  const d = created.cluster.store.get<Deployment>('Deployment', 'default', 'bb')!;
  assert.deepEqual(d.spec.template.spec.containers[0].command, ['sleep', '3600']);
  // NameFromCommandArgs counts the arguments before --; Validate refuses a command with several images.
  assert.equal(kubectl(c, 'create deployment a b --image=busybox').stderr, "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n");
  assert.equal(kubectl(c, 'create deployment a --image=busybox --image=nginx -- sleep 1').stderr, 'error: cannot specify multiple --image options and command\n');
  // Run: fmt.Errorf("failed to create deployment: %v", err), printed by CheckErr as a plain error.
  const again = kubectl(created.cluster, 'create deployment bb --image=busybox');
  assert.deepEqual([again.stderr, again.exitCode], ['error: failed to create deployment: deployments.apps "bb" already exists\n', 1]);
  // buildPodSpec: no de-duplication of container names (validation refuses the second), and
  // sanitizeAndUniquify for names with _ or . (5 random characters appended).
  assert.equal(kubectl(c, 'create deployment two --image=nginx --image=nginx').stderr,
    'error: failed to create deployment: Deployment.apps "two" is invalid: spec.template.spec.containers[1].name: Duplicate value: "nginx"\n');
  assert.match(kubectl(c, 'create deployment odd --image=my_app.v2 --dry-run=client -o yaml').stdout, /\n {8}name: my-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}\n/);
  assert.equal(kubectl(c, 'create deployment x3 --image=nginx --replicas=-1').stderr,
    'error: failed to create deployment: Deployment.apps "x3" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
});

test('edit shows the object with kubectl\'s header and cancels', () => {
  const r = kubectl(podsCluster(), 'edit pod nginx-a');
  assert.equal(r.exitCode, 0);
  assert.ok(r.stdout.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n"));
  assert.match(r.stdout, /\nstatus:\n/);
  assert.equal(r.stderr, 'Edit cancelled, no changes made.\n');
});

test('get events: LAST SEEN TYPE REASON OBJECT MESSAGE, repeats folded', () => {
  let c = clusterWith([namespace('default'), pod('web', 0, { node: 'n1' })], 0);
  const p = c.store.get('Pod', 'default', 'web')!;
  c = submit(c, [eventChange(p, 'BackOff', 'Back-off restarting failed container nginx in pod web_default(uid)', 'kubelet', 'Warning')], []).cluster;
  c = advance(c, 30_000, []);
  c = submit(c, [eventChange(p, 'BackOff', 'Back-off restarting failed container nginx in pod web_default(uid)', 'kubelet', 'Warning')], []).cluster;
  c = advance(c, 10_000, []);
  assert.equal(kubectl(c, 'get events -o custom-columns=MESSAGE:.message --no-headers').stdout, 'Back-off restarting failed container nginx in pod web_default(uid)\n');
  const r = kubectl(c, 'get events');
  assert.equal(r.stdout, [
    'LAST SEEN   TYPE      REASON    OBJECT    MESSAGE',
    '10s         Warning   BackOff   pod/web   Back-off restarting failed container nginx in pod web_default(uid)',
    '',
  ].join('\n'));
});

test('api-versions: the served group versions in byte order (core v1 last), aggregated APIs from their APIService', () => {
  const apiService = { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1beta1.metrics.k8s.io', uid: '', resourceVersion: '', creationTimestamp: at(0) }, spec: { group: 'metrics.k8s.io', version: 'v1beta1' } } as KubeObject;
  const plain = kubectl(clusterWith([], 0), 'api-versions').stdout.split('\n').filter((l) => l !== '');
  assert.deepEqual(plain.slice(0, 4), ['admissionregistration.k8s.io/v1', 'apiextensions.k8s.io/v1', 'apiregistration.k8s.io/v1', 'apps/v1']);
  assert.equal(plain.at(-1), 'v1');
  assert.ok(plain.includes('batch/v1') && !plain.some((v) => v.startsWith('batch/v2')));
  assert.ok(plain.includes('resource.k8s.io/v1')); // DRA is GA in v1.34
  const withMetrics = kubectl(clusterWith([apiService], 0), 'api-versions').stdout.split('\n');
  assert.equal(withMetrics[withMetrics.indexOf('metrics.k8s.io/v1beta1') - 1], 'flowcontrol.apiserver.k8s.io/v1');
  assert.equal(kubectl(clusterWith([], 0), 'api-versions x').stderr, "error: unexpected arguments: [x]\nSee 'kubectl api-versions -h' for help and examples\n");
});

test('cluster-info and version', () => {
  const c = clusterWith([node('k8s-master', true, { labels: { 'node-role.kubernetes.io/control-plane': '' }, ip: '192.168.56.100' })], 0);
  assert.equal(kubectl(c, 'cluster-info').stdout, "Kubernetes control plane is running at https://192.168.56.100:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  assert.equal(kubectl(c, 'version').stdout, 'Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n');
  assert.equal(runKubectl(c, ['kubectl', 'version', '--client'], noFiles).stdout, 'Client Version: v1.34.0\nKustomize Version: v5.7.1\n');
});

test('version without a reachable server prints the client lines, then the error (version.go Run)', () => {
  const c = clusterWith([node('k8s-master', true, { ip: '192.168.56.100' })], 0);
  const noCluster = { readFile: () => undefined, kubeconfig: () => ({ ...adminKubeconfig(c), currentContext: '' }) };
  const r = runKubectl(c, ['kubectl', 'version'], noCluster);
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['Client Version: v1.34.0\nKustomize Version: v5.7.1\n', 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n', 1]);
  assert.doesNotMatch(runKubectl(c, ['kubectl', 'version', '-o', 'yaml'], noCluster).stdout, /serverVersion/);
  // A configuration error fails Complete: nothing printed.
  const bad = runKubectl(c, ['kubectl', 'version', '--context', 'nope'], noCluster);
  assert.deepEqual([bad.stdout, bad.exitCode], ['', 1]);
});
