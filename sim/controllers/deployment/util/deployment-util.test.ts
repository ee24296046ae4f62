import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment, ReplicaSet } from '../../../api/types';
import { deployment, replicaSet } from '../../../testing/fixtures';
import {
  equalIgnoreHash, getProportion, maxSurge, maxUnavailable, newRSNewReplicas, replicaSetFraction, resolveFenceposts, MAX_REPLICAS_ANNOTATION,
} from './deployment-util';

// Cases from deployment_util_test.go (TestResolveFenceposts, TestMaxUnavailable, TestNewRSNewReplicas).

test('ResolveFenceposts: surge rounds up, unavailable rounds down, both 0 gives unavailable 1, bad strings error', () => {
  assert.deepEqual(resolveFenceposts('0%', '0%', 0), { surge: 0, unavailable: 1 });
  assert.deepEqual(resolveFenceposts('39%', '39%', 10), { surge: 4, unavailable: 3 });
  assert.ok('error' in resolveFenceposts('oops', '39%', 10));
  assert.ok('error' in resolveFenceposts('55%', 'urg', 10));
  assert.deepEqual(resolveFenceposts(undefined, undefined, 3), { surge: 0, unavailable: 1 });
  assert.deepEqual(resolveFenceposts('25%', '25%', 3), { surge: 1, unavailable: 0 });
});

const rolling = (replicas: number, surge: number | string, unavailable: number | string): Deployment =>
  deployment('d', replicas, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } });

test('MaxUnavailable: 0 for Recreate or 0 replicas, clamped to replicas', () => {
  assert.equal(maxUnavailable(rolling(10, 0, '25%')), 2);
  assert.equal(maxUnavailable(rolling(0, 1, 1)), 0);
  assert.equal(maxUnavailable(rolling(2, 0, 5)), 2);
  assert.equal(maxUnavailable(rolling(3, 0, '0%')), 1);
  assert.equal(maxUnavailable(deployment('d', 10, { strategy: { type: 'Recreate' } })), 0);
});

test('MaxSurge: resolved, not clamped; 0 for Recreate', () => {
  assert.equal(maxSurge(rolling(10, '25%', '25%')), 3);
  assert.equal(maxSurge(rolling(3, 5, 0)), 5);
  assert.equal(maxSurge(deployment('d', 10, { strategy: { type: 'Recreate' } })), 0);
});

const rsOf = (replicas: number): ReplicaSet => replicaSet('rs', replicas);

test('NewRSNewReplicas: rolling grows within maxSurge, Recreate jumps to replicas (TestNewRSNewReplicas)', () => {
  // test case from the reference: "can not scale up - to newRSReplicas"
  assert.equal(newRSNewReplicas(rolling(1, 0, 1), [rsOf(1)], rsOf(0)), 0);
  // "scale up - to depReplicas"
  assert.equal(newRSNewReplicas(rolling(1, 1, 1), [rsOf(1), rsOf(0)], rsOf(0)), 1);
  assert.equal(newRSNewReplicas(rolling(5, '25%', '25%'), [rsOf(5), rsOf(0)], rsOf(0)), 2);
  assert.equal(newRSNewReplicas(rolling(5, '25%', '25%'), [rsOf(5), rsOf(2)], rsOf(2)), 2);
  assert.equal(newRSNewReplicas(rolling(10, 3, 2), [rsOf(10), rsOf(0)], rsOf(0)), 3);
  assert.equal(newRSNewReplicas(deployment('d', 3, { strategy: { type: 'Recreate' } }), [rsOf(0)], rsOf(0)), 3);
});

test('EqualIgnoreHash ignores only the pod-template-hash label', () => {
  const d = deployment('web', 1);
  const withHash = { ...d.spec.template, metadata: { labels: { ...d.spec.template.metadata.labels, 'pod-template-hash': '5d59d67564' } } };
  assert.ok(equalIgnoreHash(d.spec.template, withHash));
  assert.ok(!equalIgnoreHash(d.spec.template, { ...withHash, metadata: { labels: { app: 'other' } } }));
});

test('proportional scaling: fraction rounds half away from zero from the max-replicas annotation', () => {
  const d = rolling(15, 5, 0); // was 10 + 3 = 13; now 15 + 5 = 20
  const withMax = (n: number): ReplicaSet => ({ ...rsOf(n), metadata: { ...rsOf(n).metadata, annotations: { [MAX_REPLICAS_ANNOTATION]: '13' } } });
  assert.equal(replicaSetFraction(withMax(5), d), 3); // 5*20/13 = 7.69 -> 8
  assert.equal(replicaSetFraction(withMax(8), d), 4); // 8*20/13 = 12.3 -> 12
  assert.equal(getProportion(withMax(8), d, 7, 0), 4);
  assert.equal(getProportion(withMax(5), d, 7, 4), 3);
  assert.equal(replicaSetFraction(rsOf(3), rolling(0, 1, 0)), -3);
});
