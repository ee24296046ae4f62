import { test } from 'node:test';
import assert from 'node:assert/strict';
import { submit } from '../engine/loop';
import { controllers } from './index';
import { queuePull } from './image-puller';
import { clusterWith, events, getPod, run, testContainer, testPod } from './testing';

const NGINX = 'docker.io/library/nginx:1.7.9';
const BUSYBOX = 'docker.io/library/busybox:1.36';
const req = (canonical: string, over: { present?: boolean; succeeds?: boolean } = {}) => ({ canonical, present: false, succeeds: true, fetchMs: 3000, presentMs: 500, ...over });

test('queuePull: one worker takes the requests in order; a queued pull of an image landing before it only resolves the manifest', () => {
  const a = queuePull(undefined, 0, req(NGINX));
  assert.deepEqual([a.startMs, a.dueMs], [0, 3000]);
  const b = queuePull(a.queue, 0, req(NGINX));
  assert.deepEqual([b.startMs, b.dueMs], [3000, 3500]);
  const c = queuePull(b.queue, 1000, req(BUSYBOX));
  assert.deepEqual([c.startMs, c.dueMs], [3500, 6500]);
  // An image present on the node (policy Always) is a quick pull, and still waits its turn.
  const d = queuePull(c.queue, 2000, req('docker.io/library/httpd:2.4', { present: true }));
  assert.deepEqual([d.startMs, d.dueMs], [6500, 7000]);
  // A failing pull takes the worker too, and lands nothing: the next request for it fetches again.
  const e = queuePull(d.queue, 2000, req('example.com/nope:1', { succeeds: false }));
  assert.deepEqual([e.startMs, e.dueMs], [7000, 10000]);
  assert.equal(e.queue.landing.has('example.com/nope:1'), false);
  // An idle worker starts a request at once; what it landed before is on the node by then.
  const f = queuePull(e.queue, 20_000, req(NGINX, { present: true }));
  assert.deepEqual([f.startMs, f.dueMs, f.queue.landing.size], [20_000, 20_500, 0]);
  // The input queue is never changed.
  assert.deepEqual([a.queue.freeMs, [...a.queue.landing]], [3000, [NGINX]]);
});

test('two Pods on one node pulling two images: the second waits for the first, and its Pulled event says so', () => {
  let c = clusterWith(
    testPod('web', { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9' })] }),
    testPod('tools', { containers: [testContainer({ name: 'tools', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] })] }),
  );
  c = run(c, 5999);
  assert.equal(getPod(c, 'web').status.phase, 'Running');
  assert.equal(getPod(c, 'tools').status.containerStatuses?.[0].state.waiting?.reason, 'ContainerCreating');
  c = run(c, 1);
  assert.equal(getPod(c, 'tools').status.phase, 'Running');
  const line = (e: { t: number; reason: string; message: string }) => `${e.t} ${e.reason}: ${e.message}`;
  assert.deepEqual(events(c, 'web').slice(0, 2).map(line), [
    '0 Pulling: Pulling image "nginx:1.7.9"',
    '3000 Pulled: Successfully pulled image "nginx:1.7.9" in 3s (3s including waiting). Image size: 67696814 bytes.',
  ]);
  // The Pulling event comes with the request (before the queue); the pull itself starts at 3 s.
  assert.deepEqual(events(c, 'tools').slice(0, 3).map(line), [
    '0 Pulling: Pulling image "busybox:1.36"',
    '6000 Pulled: Successfully pulled image "busybox:1.36" in 3s (6s including waiting). Image size: 2155033 bytes.',
    '6000 Created: Created container: tools',
  ]);
});

test('Pods requesting an image while its first pull runs still pull it, each quickly, one after another', () => {
  const pod = (name: string) => testPod(name, { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9' })] });
  let c = clusterWith(pod('a'), pod('b'), pod('c'));
  c = run(c, 5000);
  const pulled = (name: string) => events(c, name).find((e) => e.reason === 'Pulled')!;
  assert.deepEqual(['a', 'b', 'c'].map((n) => [pulled(n).t, pulled(n).message]), [
    [3000, 'Successfully pulled image "nginx:1.7.9" in 3s (3s including waiting). Image size: 67696814 bytes.'],
    [3500, 'Successfully pulled image "nginx:1.7.9" in 500ms (3.5s including waiting). Image size: 67696814 bytes.'],
    [4000, 'Successfully pulled image "nginx:1.7.9" in 500ms (4s including waiting). Image size: 67696814 bytes.'],
  ]);
  // A Pod that comes after the pulls finds the image present: no pull at all.
  c = submit(c, [{ verb: 'create', object: pod('d') }], controllers).cluster;
  assert.deepEqual(events(c, 'd').map((e) => e.message).slice(0, 1), ['Container image "nginx:1.7.9" already present on machine']);
});
