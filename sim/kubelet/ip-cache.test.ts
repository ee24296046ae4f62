import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../api/types';
import type { ClusterView } from '../engine/types';
import { HeldIps, podIpChanged, usedIpsOn } from './ip-cache';

function pod(name: string, nodeName: string | undefined, podIP?: string, hostNetwork?: boolean): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name },
    spec: { nodeName, hostNetwork, containers: [] }, status: { phase: 'Running', podIP },
  } as unknown as Pod;
}

/** A view that answers podsOnNode from a list (all usedIpsOn reads). */
function viewOf(pods: Pod[]): ClusterView {
  return { podsOnNode: (n: string) => pods.filter((p) => p.spec.nodeName === n) } as unknown as ClusterView;
}

test('HeldIps is a multiset: an address stays held while one Pod still holds it', () => {
  const held = new HeldIps();
  held.add('10.244.1.2');
  held.add('10.244.1.3');
  held.add('10.244.1.2');
  held.remove('10.244.1.2');
  assert.equal(held.has('10.244.1.2'), true);
  held.remove('10.244.1.2');
  assert.equal(held.has('10.244.1.2'), false);
  assert.equal(held.has('10.244.1.3'), true);
  held.remove('10.244.1.9'); // not held: nothing happens
  assert.equal(held.has('10.244.1.3'), true);
});

test('usedIpsOn lists the Pod IPs on the node (not hostNetwork ones) and podIpChanged keeps it in step', () => {
  const a = pod('a', 'n1', '10.244.1.2');
  const host = pod('h', 'n1', '192.168.0.5', true);
  const other = pod('o', 'n2', '10.244.2.2');
  const view = viewOf([a, host, other]);
  const used = usedIpsOn(view, 'n1');
  assert.equal(used.has('10.244.1.2'), true);
  assert.equal(used.has('192.168.0.5'), false);
  assert.equal(used.has('10.244.2.2'), false);
  // A new Pod gets its address; the first one is deleted; a metadata-only write changes nothing.
  const b = pod('b', 'n1', '10.244.1.3');
  podIpChanged(view, b, { ...b, status: { phase: 'Pending' } } as Pod);
  podIpChanged(view, undefined, a);
  podIpChanged(view, { ...b, metadata: { ...b.metadata, deletionTimestamp: 't' } } as Pod, b);
  assert.equal(used.has('10.244.1.3'), true);
  assert.equal(used.has('10.244.1.2'), false);
  assert.equal(usedIpsOn(view, 'n1'), used);
  // Another view (transaction) starts from its own Pods.
  assert.equal(usedIpsOn(viewOf([a]), 'n1').has('10.244.1.2'), true);
});
