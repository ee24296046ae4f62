import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../../api/types';
import type { Cluster } from '../../../engine/types';
import { advance, applyManifests } from '../../../index';
import { bootstrapCluster } from '../../../cluster/bootstrap';
import { runKubectl } from '../../index';
import { typeLine, openSession } from '../../session';

// kubectl debug (cmd/debug/debug.go): an ephemeral container through pods/ephemeralcontainers,
// started by the kubelet and shown in status.ephemeralContainerStatuses; --copy-to; node/NAME.

const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';
const web = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n';
const kubectl = (c: Cluster, line: string, files: Record<string, string> = {}) => runKubectl(c, line.split(' '), { readFile: (p) => files[p] });

let running: Cluster | undefined;
function cluster(): Cluster {
  if (running !== undefined) return running;
  const r = applyManifests(bootstrapCluster({ nodes: 2, seed: 5 }), web, { mode: 'apply', source: 'test' });
  assert.deepEqual(r.errors, []);
  return (running = advance(r.cluster, 30_000));
}
const podOf = (c: Cluster, name = 'web') => c.store.get<Pod>('Pod', 'default', name)!;
const ephemeralStatuses = (p: Pod) => (p.status as { ephemeralContainerStatuses?: { name: string; ready: boolean; state: Record<string, unknown> }[] }).ephemeralContainerStatuses ?? [];

test('an ephemeral container: named debugger-xxxxx, stored in spec.ephemeralContainers, started by the kubelet, never ready', () => {
  const r = kubectl(cluster(), 'debug web --image=busybox -i');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.\n$/);
  assert.ok(r.stderr.startsWith(LEGACY));
  const name = /debugger-\w{5}/.exec(r.stdout)![0];
  const pod = podOf(r.cluster);
  const ec = (pod.spec as { ephemeralContainers?: Record<string, unknown>[] }).ephemeralContainers!;
  assert.deepEqual(ec.map((c) => [c.name, c.image, c.stdin, c.terminationMessagePolicy, c.imagePullPolicy]), [[name, 'busybox', true, 'File', 'Always']]);
  const s = ephemeralStatuses(pod);
  assert.deepEqual(s.map((x) => [x.name, x.ready, Object.keys(x.state)]), [[name, false, ['running']]]);
  assert.equal(pod.status?.containerStatuses?.length, 1, 'the Pod\'s own containers are unchanged');
});

test('a shell image without -i exits at once (Completed); -it attaches, the session runs in the debug container, and ends with the ephemeral wording', () => {
  const once = kubectl(cluster(), 'debug web --image=busybox');
  // busybox (latest) is pulled first (imagePullPolicy Always): waiting, then Completed once the pull ends.
  assert.deepEqual(ephemeralStatuses(podOf(once.cluster)).map((x) => Object.keys(x.state)), [['waiting']]);
  assert.deepEqual(ephemeralStatuses(podOf(advance(once.cluster, 10_000))).map((x) => (x.state.terminated as { reason: string }).reason), ['Completed']);
  const it = kubectl(cluster(), 'debug -it web --image=busybox --target=web');
  assert.match(it.stdout, /^Targeting container "web"\. If you don't see processes from this container it may be because the container runtime doesn't support this feature\.\nDefaulting debug container name to debugger-\w{5}\.\n$/);
  assert.ok(it.stderr.endsWith("If you don't see a command prompt, try pressing enter.\n"));
  assert.ok(it.attach !== undefined);
  const name = it.attach!.container;
  const wrote = typeLine(it.cluster, openSession(it.attach!), 'echo hi > /tmp/x; cat /tmp/x');
  assert.equal(wrote.result.stdout, 'hi\n');
  const ended = typeLine(wrote.result.cluster, wrote.session!, 'exit');
  assert.equal(ended.result.stderr, `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c ${name} -i -t' if it is still running\n`);
  assert.equal(runKubectl(wrote.result.cluster, ['exec', 'web', '-c', 'web', '--', 'cat', '/tmp/x'], { readFile: () => undefined }).exitCode, 1, 'the target container has its own file system');
});

test('the API server refuses a duplicate name, a missing target and fields an ephemeral container cannot have; nothing is stored', () => {
  const dup = kubectl(cluster(), 'debug web --image=busybox -c web');
  assert.deepEqual([dup.stderr, dup.exitCode], [`${LEGACY}The Pod "web" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "web"\n`, 1]);
  assert.equal(dup.cluster, cluster());
  const target = kubectl(cluster(), 'debug web --image=busybox -c dbg --target=nope -q --profile=general');
  assert.equal(target.stderr, 'The Pod "web" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"\n');
  const custom = kubectl(cluster(), 'debug web --image=busybox -c dbg --custom=c.yaml --profile=general', { 'c.yaml': 'ports: [{containerPort: 80}]\nreadinessProbe: {tcpSocket: {port: 80}}\n' });
  assert.equal(custom.stderr, 'The Pod "web" is invalid: \n* spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container\n* spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container\n');
});

test('kubectl\'s own checks: --image, -t without -i, flags of --copy-to, a missing Pod', () => {
  assert.equal(kubectl(cluster(), 'debug web').stderr, 'error: you must specify --image when not using --copy-to.\n');
  assert.equal(kubectl(cluster(), 'debug web --image=busybox -t').stderr, `${LEGACY.repeat(0)}error: -i/--stdin is required for containers with -t/--tty=true\n`);
  assert.equal(kubectl(cluster(), 'debug web --image=busybox --same-node').stderr, 'error: --same-node may only be used with --copy-to.\n');
  assert.equal(kubectl(cluster(), 'debug web --copy-to=x --image=busybox --target=web').stderr, 'error: --target is incompatible with --copy-to. Use --share-processes instead.\n');
  assert.equal(kubectl(cluster(), 'debug nope --image=busybox -q --profile=general').stderr, 'Error from server (NotFound): pods "nope" not found\n');
});

test('node/NAME: node-debugger-NODE-xxxxx on that node, host namespaces, the node\'s root at /host, every taint tolerated', () => {
  const r = kubectl(cluster(), 'debug node/k8s-node1 --image=busybox --profile=general');
  assert.equal(r.exitCode, 0, r.stderr);
  const name = /^Creating debugging pod (node-debugger-k8s-node1-\w{5}) with container debugger on node k8s-node1\.\n$/.exec(r.stdout)![1];
  const pod = podOf(r.cluster, name);
  const spec = pod.spec as typeof pod.spec & { hostPID?: boolean; hostIPC?: boolean };
  assert.deepEqual([spec.nodeName, spec.hostNetwork, spec.hostPID, spec.hostIPC, spec.restartPolicy], ['k8s-node1', true, true, true, 'Never']);
  assert.deepEqual(pod.spec.tolerations?.[0], { operator: 'Exists' });
  assert.deepEqual(pod.spec.volumes?.find((v) => v.name === 'host-root'), { name: 'host-root', hostPath: { path: '/', type: '' } });
  assert.equal(pod.metadata.labels?.['app.kubernetes.io/managed-by'], 'kubectl-debug');
});

test('--copy-to: a copy without ephemeral containers, with the debug container added and process sharing as asked', () => {
  const r = kubectl(cluster(), 'debug web --copy-to=web-debug --image=busybox --share-processes -q --profile=general');
  assert.equal(r.exitCode, 0, r.stderr);
  const copy = podOf(r.cluster, 'web-debug');
  assert.deepEqual(copy.spec.containers.map((c) => [c.name, c.image]), [['web', 'nginx'], [copy.spec.containers[1].name, 'busybox']]);
  assert.match(copy.spec.containers[1].name, /^debugger-\w{5}$/);
  assert.equal((copy.spec as { shareProcessNamespace?: boolean }).shareProcessNamespace, true);
});

test('kubectl attach -c finds the ephemeral container again, and says it will not be restarted', () => {
  const it = kubectl(cluster(), 'debug -it web --image=busybox -c dbg -q --profile=general');
  const again = runKubectl(it.cluster, ['attach', 'web', '-c', 'dbg', '-i', '-t'], { readFile: () => undefined });
  assert.equal(again.exitCode, 0, again.stderr);
  assert.equal(again.attach?.container, 'dbg');
  const ended = typeLine(again.cluster, openSession(again.attach!), 'exit');
  assert.equal(ended.result.stderr, "Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c dbg -i -t' if it is still running\n");
});
