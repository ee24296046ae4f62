import { test } from 'node:test';
import assert from 'node:assert/strict';
import { submit } from '../engine/loop';
import { controllers } from './index';
import { queuePull, replanPulls } from './image-puller';
import { clusterWith, events, getPod, run, testContainer, testPod } from './testing';
import { SANDBOX_START_MS } from './sync';

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
  c = run(c, SANDBOX_START_MS + 5999); // the sandboxes, then the two pulls
  assert.equal(getPod(c, 'web').status.phase, 'Running');
  assert.equal(getPod(c, 'tools').status.containerStatuses?.[0].state.waiting?.reason, 'ContainerCreating');
  c = run(c, 1);
  assert.equal(getPod(c, 'tools').status.phase, 'Running');
  const line = (e: { t: number; reason: string; message: string }) => `${e.t} ${e.reason}: ${e.message}`;
  assert.deepEqual(events(c, 'web').slice(0, 2).map(line), [
    '1000 Pulling: Pulling image "nginx:1.7.9"',
    '4000 Pulled: Successfully pulled image "nginx:1.7.9" in 3s (3s including waiting). Image size: 67696814 bytes.',
  ]);
  // The Pulling event comes with the request (before the queue), once the sandbox exists; the pull itself starts at 4 s.
  assert.deepEqual(events(c, 'tools').slice(0, 3).map(line), [
    '1000 Pulling: Pulling image "busybox:1.36"',
    '7000 Pulled: Successfully pulled image "busybox:1.36" in 3s (6s including waiting). Image size: 2155033 bytes.',
    '7000 Created: Created container: tools',
  ]);
});

test('Pods requesting an image while its first pull runs still pull it, each quickly, one after another', () => {
  const pod = (name: string) => testPod(name, { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9' })] });
  let c = clusterWith(pod('a'), pod('b'), pod('c'));
  c = run(c, SANDBOX_START_MS + 5000);
  const pulled = (name: string) => events(c, name).find((e) => e.reason === 'Pulled')!;
  assert.deepEqual(['a', 'b', 'c'].map((n) => [pulled(n).t, pulled(n).message]), [
    [4000, 'Successfully pulled image "nginx:1.7.9" in 3s (3s including waiting). Image size: 67696814 bytes.'],
    [4500, 'Successfully pulled image "nginx:1.7.9" in 500ms (3.5s including waiting). Image size: 67696814 bytes.'],
    [5000, 'Successfully pulled image "nginx:1.7.9" in 500ms (4s including waiting). Image size: 67696814 bytes.'],
  ]);
  // A Pod that comes after the pulls finds the image present: no pull at all.
  c = run(submit(c, [{ verb: 'create', object: pod('d') }], controllers).cluster, SANDBOX_START_MS);
  assert.deepEqual(events(c, 'd').map((e) => e.message).slice(0, 1), ['Container image "nginx:1.7.9" already present on machine']);
});

test('replanPulls: a cancelled request in progress returns now, a queued one as soon as the worker takes it; the rest move up', () => {
  const pending = (r: ReturnType<typeof req>, startMs: number, dueMs: number, cancelled = false) => ({ req: r, startMs, dueMs, cancelled });
  // A (nginx, 0-3 s) cancelled at 1 s: B, a quick pull of nginx behind it, now fetches nginx in full from 1 s.
  const one = replanPulls([pending(req(NGINX), 0, 3000, true), pending(req(NGINX), 3000, 3500)], 1000);
  assert.deepEqual(one.pulls, [{ startMs: 0, dueMs: 1000 }, { startMs: 1000, dueMs: 4000 }]);
  assert.deepEqual([one.queue.freeMs, [...one.queue.landing]], [4000, [NGINX]]);
  // B (busybox, queued 3-6 s) cancelled at 1 s: it returns at 3 s, when A is done, and C starts then.
  const httpd = 'docker.io/library/httpd:2.4';
  const two = replanPulls([pending(req(httpd), 6000, 9000), pending(req(NGINX), 0, 3000), pending(req(BUSYBOX), 3000, 6000, true)], 1000);
  assert.deepEqual(two.pulls, [{ startMs: 3000, dueMs: 6000 }, { startMs: 0, dueMs: 3000 }, { startMs: 3000, dueMs: 3000 }]);
  assert.deepEqual([two.queue.freeMs, [...two.queue.landing].sort()], [6000, [httpd, NGINX]]);
  // An image on the node (present) stays a quick pull; nothing cancelled: nothing moves.
  const three = replanPulls([pending(req(NGINX), 0, 3000), pending(req(NGINX, { present: true }), 3000, 3500)], 1000);
  assert.deepEqual(three.pulls, [{ startMs: 0, dueMs: 3000 }, { startMs: 3000, dueMs: 3500 }]);
});

test('a Pod deleted while its pull runs: the pull returns "context canceled" now, and the Pod queued behind it fetches the image from then', () => {
  const pod = (name: string) => testPod(name, { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9' })] });
  let c = clusterWith(pod('a'), pod('b'));
  c = run(c, SANDBOX_START_MS + 1000);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'a' }, reason: 'test' }], controllers).cluster;
  const line = (e: { t: number; reason: string; message: string }) => `${e.t} ${e.reason}: ${e.message}`;
  assert.deepEqual(events(c, 'a').map(line), [
    '1000 Pulling: Pulling image "nginx:1.7.9"',
    '2000 Failed: Failed to pull image "nginx:1.7.9": rpc error: code = Canceled desc = context canceled',
    '2000 Failed: Error: ErrImagePull',
  ]);
  assert.equal(c.store.get('Pod', 'default', 'a'), undefined, 'nothing ran: the Pod is gone once its sync returns');
  c = run(c, 3000);
  assert.deepEqual(events(c, 'b').slice(0, 2).map(line), [
    '1000 Pulling: Pulling image "nginx:1.7.9"',
    '5000 Pulled: Successfully pulled image "nginx:1.7.9" in 3s (4s including waiting). Image size: 67696814 bytes.',
  ]);
});

test('a Pod deleted while its pull is queued stays Terminating until the worker reaches it; the Pod behind it starts that much sooner', () => {
  let c = clusterWith(
    testPod('a', { containers: [testContainer({ name: 'a', image: 'nginx:1.7.9' })] }),
    testPod('b', { containers: [testContainer({ name: 'b', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] })] }),
    testPod('c', { containers: [testContainer({ name: 'c', image: 'httpd:2.4' })] }),
  );
  c = run(c, SANDBOX_START_MS + 1000);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'b' }, reason: 'test' }], controllers).cluster;
  c = run(c, 1999);
  assert.notEqual(getPod(c, 'b').metadata.deletionTimestamp, undefined, 'its pod worker waits in EnsureImageExists');
  c = run(c, 1);
  assert.equal(c.store.get('Pod', 'default', 'b'), undefined);
  const line = (e: { t: number; reason: string; message: string }) => `${e.t} ${e.reason}: ${e.message}`;
  assert.deepEqual(events(c, 'b').slice(1).map(line), [
    '4000 Failed: Failed to pull image "busybox:1.36": rpc error: code = Canceled desc = context canceled',
    '4000 Failed: Error: ErrImagePull',
  ]);
  c = run(c, 3000);
  assert.deepEqual(events(c, 'c').slice(0, 2).map(line), [
    '1000 Pulling: Pulling image "httpd:2.4"',
    '7000 Pulled: Successfully pulled image "httpd:2.4" in 3s (6s including waiting). Image size: 58119623 bytes.',
  ]);
});

test('a Pod removed at once (grace 0) while its pull is queued: the Pod behind it starts sooner too', () => {
  let c = clusterWith(
    testPod('a', { containers: [testContainer({ name: 'a', image: 'nginx:1.7.9' })] }),
    testPod('b', { containers: [testContainer({ name: 'b', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] })] }),
    testPod('c', { containers: [testContainer({ name: 'c', image: 'httpd:2.4' })] }),
  );
  c = run(c, SANDBOX_START_MS + 1000);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'b' }, reason: 'test', gracePeriodSeconds: 0 }], controllers).cluster;
  c = run(c, 5000);
  assert.equal(events(c, 'c').find((e) => e.reason === 'Pulled')?.t, 7000);
});

test('a deleted Pod whose second container waits for its pull stops its first container only once that request returns', () => {
  let c = clusterWith(
    testPod('a', { containers: [testContainer({ name: 'a', image: 'nginx:1.7.9' })] }),
    testPod('b', { containers: [testContainer({ name: 'tools', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }), testContainer({ name: 'web', image: 'httpd:2.4' })] }),
    testPod('c', { containers: [testContainer({ name: 'c', image: 'redis:7' })] }),
  );
  // The queue (from the sandboxes at 1 s): a 1-4 s, b/tools 4-7 s, c 7-10 s; b/web asks at 7 s, behind c: 10-13 s.
  c = run(c, 8000);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'b' }, reason: 'test' }], controllers).cluster;
  c = run(c, 3000);
  const after = (e: { t: number; reason: string; message: string }) => e.t >= 8000;
  assert.deepEqual(events(c, 'b').filter(after).map((e) => `${e.t} ${e.reason}: ${e.message}`), [
    '10000 Failed: Failed to pull image "httpd:2.4": rpc error: code = Canceled desc = context canceled',
    '10000 Failed: Error: ErrImagePull',
    '10000 Killing: Stopping container tools',
  ]);
});
