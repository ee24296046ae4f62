import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execInPod } from './exec';
import { podLogs } from './logs';
import { clusterWith, getPod, PULLED_MS, run, testContainer, testPod } from '../kubelet/testing';

const twoContainers = () => testPod('pc', {
  volumes: [{ name: 'shared', emptyDir: {} }],
  containers: [
    testContainer({ name: 'producer', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'echo "hello world" > /producer_dir/hello; sleep 30000'], volumeMounts: [{ name: 'shared', mountPath: '/producer_dir' }] }),
    testContainer({ name: 'consumer', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'cat /consumer_dir/hello; sleep 30000'], volumeMounts: [{ name: 'shared', mountPath: '/consumer_dir' }] }),
  ],
});

test("kubectl logs: the consumer prints what the producer wrote to the shared emptyDir; --timestamps shows virtual time", () => {
  const c = run(clusterWith(twoContainers()), 5000);
  assert.deepEqual(podLogs(c, 'default', 'pc', 'consumer'), { stdout: 'hello world\n', stderr: '', exitCode: 0, container: 'consumer' });
  assert.equal(podLogs(c, 'default', 'pc', 'consumer', false, { timestamps: true }).stdout, '2025-01-01T00:00:04.000000000Z hello world\n');
  const dflt = podLogs(c, 'default', 'pc');
  assert.equal(dflt.stderr, 'Defaulted container "producer" out of: producer, consumer\n');
  assert.equal(podLogs(c, 'default', 'nope').stderr, 'Error from server (NotFound): pods "nope" not found\n');
  assert.equal(podLogs(c, 'default', 'pc', 'consumer', true).stderr, 'Error from server (BadRequest): previous terminated container "consumer" in pod "pc" not found\n');
  assert.equal(podLogs(c, 'default', 'pc', 'x').stderr, 'error: container x is not valid for pod pc\n');
});

test('kubectl logs before the container started, and --previous after a restart', () => {
  let c = clusterWith(testPod('crash', { containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 1'] })] }));
  assert.equal(podLogs(c, 'default', 'crash').stderr, 'Error from server (BadRequest): container "c" in pod "crash" is waiting to start: ContainerCreating\n');
  c = run(c, 5000);
  assert.equal(podLogs(c, 'default', 'crash', undefined, true).stdout, 'boom\n');
});

test('kubectl exec runs in the container file system; changes are kept and seen by the other container through the volume', () => {
  let c = run(clusterWith(twoContainers()), 5000);
  const r = execInPod(c, 'default', 'pc', 'producer', ['sh', '-c', 'cat /producer_dir/hello; echo more > /producer_dir/more; ls /producer_dir']);
  assert.equal(r.stdout, 'hello world\nhello\nmore\n');
  assert.equal(r.exitCode, 0);
  c = r.cluster;
  assert.equal(execInPod(c, 'default', 'pc', 'consumer', ['cat', '/consumer_dir/more']).stdout, 'more\n');
  const fail = execInPod(c, 'default', 'pc', 'consumer', ['cat', '/nope']);
  assert.deepEqual([fail.stderr, fail.exitCode], ["cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n", 1]);
  const missing = execInPod(c, 'default', 'pc', 'consumer', ['nosuch']);
  assert.equal(missing.exitCode, 126);
  assert.equal(execInPod(c, 'default', 'pc', undefined, ['hostname']).stderr, 'Defaulted container "producer" out of: producer, consumer\n');
  assert.equal(execInPod(c, 'default', 'zz', undefined, ['true']).stderr, 'Error from server (NotFound): pods "zz" not found\n');
});

test('kubectl exec into a container that is not running, or a completed Pod', () => {
  let c = clusterWith(testPod('done', { restartPolicy: 'Never', containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['true'] })] }));
  assert.equal(execInPod(c, 'default', 'done', undefined, ['ls']).stderr, 'error: unable to upgrade connection: container not found ("c")\n');
  c = run(c, 5000);
  assert.equal(getPod(c, 'done').status.phase, 'Succeeded');
  assert.equal(execInPod(c, 'default', 'done', undefined, ['ls']).stderr, 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
  const unscheduled = clusterWith(testPod('nowhere', { containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] })] }, ''));
  assert.equal(execInPod(unscheduled, 'default', 'nowhere', undefined, ['ls']).stderr, 'Error from server (BadRequest): pod nowhere does not have a host assigned\n');
});

test('an exec that breaks a liveness probe file wakes the kubelet: the probe fails from its next tick', () => {
  let c = clusterWith(testPod('live', { containers: [testContainer({
    name: 'web', image: 'nginx:1.7.9',
    livenessProbe: { exec: { command: ['cat', '/usr/share/nginx/html/index.html'] }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 1 },
  })] }));
  // The worker ticks at 0, 10, 20, 30 s (from the Pod's first sync); the container runs from 3 s.
  c = run(c, 28_000);
  assert.equal(c.events.slice().filter((e) => e.reason === 'Unhealthy').length, 0);
  c = execInPod(c, 'default', 'live', undefined, ['rm', '/usr/share/nginx/html/index.html']).cluster;
  c = run(c, 5000);
  const unhealthy = c.events.slice().filter((e) => e.reason === 'Unhealthy');
  assert.deepEqual(unhealthy.map((e) => e.timeMs), [30_000]);
  const killing = c.events.slice().find((e) => e.reason === 'Killing');
  assert.equal(killing?.timeMs, 30_000);
  assert.equal(getPod(c, 'live').status.containerStatuses![0].restartCount, 1, 'nginx exits on SIGTERM and restarts at once');
});

test('env: literal values with $(VAR) expansion and the downward API (fieldRef)', () => {
  let c = clusterWith(testPod('envy', { containers: [testContainer({
    name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo $GREETING $MY_POD_IP $MY_NODE $MY_NS $APP; sleep 3600'],
    env: [
      { name: 'WHO', value: 'world' },
      { name: 'GREETING', value: 'hello-$(WHO)' },
      { name: 'MY_POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'MY_NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'MY_NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
    ],
  })] }));
  c = run(c, PULLED_MS);
  assert.equal(podLogs(c, 'default', 'envy').stdout, 'hello-world 10.244.1.2 node1 default\n');
  assert.equal(execInPod(c, 'default', 'envy', undefined, ['printenv', 'MY_POD_IP']).stdout, '10.244.1.2\n');
});

test('the config seam: a registered source supplies configMap env and volume files', async () => {
  const { registerEnvSource } = await import('./env-hooks');
  registerEnvSource({
    valueFrom: (_v, _p, vf) => ((vf as { configMapKeyRef?: { key: string } }).configMapKeyRef?.key === 'level' ? 'debug' : undefined),
    envFrom: () => ({ FROM_CM: 'yes' }),
    volumeFiles: (_v, _p, vol) => (vol.configMap !== undefined ? { 'app.conf': 'port=80\n' } : undefined),
  });
  try {
    let c = clusterWith(testPod('cfg', {
      volumes: [{ name: 'conf', configMap: { name: 'app' } }],
      containers: [testContainer({
        name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo $LEVEL $FROM_CM; cat /etc/app/app.conf; sleep 3600'],
        env: [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'app', key: 'level' } } }],
        envFrom: [{ configMapRef: { name: 'app' } }],
        volumeMounts: [{ name: 'conf', mountPath: '/etc/app', readOnly: true }],
      })],
    }));
    c = run(c, PULLED_MS);
    assert.equal(podLogs(c, 'default', 'cfg').stdout, 'debug yes\nport=80\n');
    assert.equal(execInPod(c, 'default', 'cfg', undefined, ['sh', '-c', 'echo x > /etc/app/new']).stderr, "sh: can't create /etc/app/new: Read-only file system\ncommand terminated with exit code 1\n");
  } finally {
    registerEnvSource(undefined);
  }
});
