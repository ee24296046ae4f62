import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../config/env-source'; // registers the Secret/ConfigMap source, as sim/index does
import { submit } from '../engine/loop';
import type { Cluster } from '../engine/types';
import type { KubeObject } from '../api/types';
import { checkProperty } from '../testing/property';
import { controllers } from './index';
import { clusterWith, getPod, PULLED_MS, run, testContainer, testPod } from './testing';
import { isPodRt, type PodRt } from './types';

// Guards secret.volume-updates (pod_workers.go completeWork: wait.Jitter(1m, 0.5); volume manager
// remount at each sync): whatever the Secret's updates and their timing, a mounted file changes
// only at a pod resync, to the value the Secret has then; resyncs come 60 to 90 s apart.

const secret = (password: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  data: { password: Buffer.from(password).toString('base64') },
} as unknown as KubeObject);

const pod = testPod('p', {
  containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 100000'], volumeMounts: [{ name: 'foo', mountPath: '/etc/foo' }] })],
  volumes: [{ name: 'foo', secret: { secretName: 's' } }],
});

function apply(c: Cluster, obj: KubeObject, verb: 'create' | 'update'): Cluster {
  const change = verb === 'create' ? { verb, object: obj } : { verb, object: obj, resourceVersion: Number(c.store.get('Secret', 'default', 's')!.metadata.resourceVersion) };
  const r = submit(c, [change as never], controllers);
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

const rowOf = (c: Cluster): PodRt => {
  const row = c.tables.pods.get(getPod(c, 'p').metadata.uid);
  assert.ok(isPodRt(row));
  return row;
};
const fileOf = (c: Cluster) => rowOf(c).volumes.foo.get('/password');

// Started once (image pulled, container running); every run goes on from this snapshot.
const base: Cluster = run(apply(apply(clusterWith(), secret('v0'), 'create'), pod, 'create'), PULLED_MS);

const updates = fc.array(fc.record({ afterMs: fc.integer({ min: 1, max: 200_000 }), value: fc.constantFrom('a', 'b', 'c', 'd') }), { maxLength: 6 });

test('a mounted Secret file changes only at a pod resync, to the Secret at that instant; resyncs come 60-90 s apart', (t) => {
  checkProperty(t, fc.property(updates, (steps) => {
    let c = base;
    let secretValue = 'v0';
    let shown = fileOf(c);
    assert.equal(shown, 'v0');
    for (const step of steps) {
      c = apply(c, secret(step.value), 'update');
      assert.equal(fileOf(c), shown, 'an update alone changes no file');
      secretValue = step.value;
      const until = c.nowMs + step.afterMs;
      for (;;) {
        const resyncMs = rowOf(c).resyncMs!;
        if (resyncMs > until) { c = run(c, until - c.nowMs); assert.equal(fileOf(c), shown, `between resyncs (t=${c.nowMs})`); break; }
        if (resyncMs - 1 > c.nowMs) { c = run(c, resyncMs - 1 - c.nowMs); assert.equal(fileOf(c), shown, `just before the resync at ${resyncMs}`); }
        c = run(c, resyncMs - c.nowMs);
        shown = secretValue;
        assert.equal(fileOf(c), shown, `at the resync (t=${c.nowMs})`);
        const gap = rowOf(c).resyncMs! - resyncMs;
        assert.ok(gap >= 60_000 && gap < 90_000, `next resync ${gap} ms later`);
      }
    }
  }), { claims: ['secret.volume-updates'], numRuns: 30, env: process.env });
});
