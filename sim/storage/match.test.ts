import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findByClaim, findMatchingVolume } from './match';
import { pv, pvc } from './testing';

// findByClaim / FindMatchingVolume, with the cases of pv_controller's index_test.go in mind.

const name = (v: { metadata: { name: string } } | undefined) => v?.metadata.name;

test('the smallest Available PV whose capacity covers the request wins', () => {
  const vols = [pv('big', '5Gi'), pv('small', '2Gi'), pv('tiny', '512Mi')];
  assert.equal(name(findByClaim(pvc('c', '1Gi'), vols, false)), 'small');
});

test('a PV exactly the size asked for fits; a smaller one never does', () => {
  assert.equal(name(findByClaim(pvc('c', '1Gi'), [pv('a', '1Gi')], false)), 'a');
  assert.equal(findByClaim(pvc('c', '1Gi'), [pv('a', '1023Mi')], false), undefined);
});

test('Bound, Released and Failed PVs are skipped, as are PVs claimed by another claim', () => {
  const vols = [
    pv('bound', '1Gi', { phase: 'Bound', claimRef: { namespace: 'default', name: 'other', uid: 'uid-other' } }),
    pv('released', '1Gi', { phase: 'Released', claimRef: { namespace: 'default', name: 'gone', uid: 'uid-gone' } }),
    pv('failed', '1Gi', { phase: 'Failed' }),
    pv('free', '10Gi'),
  ];
  assert.equal(name(findByClaim(pvc('c', '1Gi'), vols, false)), 'free');
});

test('storageClassName must be equal: "" matches only PVs without a class', () => {
  const vols = [pv('nfs', '1Gi', { className: 'nfs' }), pv('none', '2Gi')];
  assert.equal(name(findByClaim(pvc('c', '1Gi', { className: 'nfs' }), vols, false)), 'nfs');
  assert.equal(name(findByClaim(pvc('c', '1Gi'), vols, false)), 'none');
  assert.equal(findByClaim(pvc('c', '1Gi', { className: 'fast' }), vols, false), undefined);
});

test('the claim selector must match the PV labels', () => {
  const vols = [pv('ssd', '5Gi', { labels: { disk: 'ssd' } }), pv('hdd', '1Gi', { labels: { disk: 'hdd' } })];
  assert.equal(name(findByClaim(pvc('c', '1Gi', { selector: { matchLabels: { disk: 'ssd' } } }), vols, false)), 'ssd');
});

test('access modes: the PV must offer every mode asked; fewer-mode groups are searched first', () => {
  const vols = [pv('rwo-100', '100Gi', { modes: ['ReadWriteOnce'] }), pv('rwo-rox-10', '10Gi', { modes: ['ReadWriteOnce', 'ReadOnlyMany'] })];
  assert.equal(name(findByClaim(pvc('c', '1Gi'), vols, false)), 'rwo-100');
  assert.equal(name(findByClaim(pvc('c', '1Gi', { modes: ['ReadOnlyMany'] }), vols, false)), 'rwo-rox-10');
  assert.equal(findByClaim(pvc('c', '1Gi', { modes: ['ReadWriteMany'] }), vols, false), undefined);
});

test('a PV pre-bound to the claim wins even when bigger, but a pre-binding elsewhere is never taken', () => {
  const vols = [pv('mine', '50Gi', { claimRef: { namespace: 'default', name: 'c' } }), pv('small', '1Gi')];
  assert.equal(name(findMatchingVolume(pvc('c', '1Gi'), vols, undefined, false)), 'mine');
  const elsewhere = [pv('theirs', '1Gi', { claimRef: { namespace: 'other', name: 'c' } })];
  assert.equal(findMatchingVolume(pvc('c', '1Gi'), elsewhere, undefined, false), undefined);
});

test('with delayed binding and no node, only a pre-bound PV is chosen', () => {
  assert.equal(findMatchingVolume(pvc('c', '1Gi'), [pv('free', '1Gi')], undefined, true), undefined);
});
