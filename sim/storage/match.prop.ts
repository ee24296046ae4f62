import { test } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { accessModesText, capacityBytes } from './helpers';
import { findByClaim } from './match';
import { pv, pvc } from './testing';
import type { AccessMode, PersistentVolume, VolumePhase } from './types';

// Guards the PV binder's choice (claim pv.pvc-roles): the PV a claim binds to is Available, of the
// claim's class, offers every mode asked, is big enough, and is the smallest such PV in the first
// access-mode group (fewest modes) that has one; when nothing is returned, no PV fits at all.

const MODES: AccessMode[] = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];
const arbModes = fc.subarray(MODES, { minLength: 1 });
const arbPv = fc.record({
  sizeGi: fc.integer({ min: 1, max: 8 }),
  modes: arbModes,
  className: fc.constantFrom('', 'nfs'),
  phase: fc.constantFrom<VolumePhase>('Available', 'Available', 'Bound', 'Released'),
});
const arbClaim = fc.record({ sizeGi: fc.integer({ min: 1, max: 8 }), modes: arbModes, className: fc.constantFrom('', 'nfs') });

test('the binder picks the smallest fitting Available PV of the first matching access-mode group', (t) => {
  checkProperty(t, fc.property(fc.array(arbPv, { maxLength: 8 }), arbClaim, (specs, c) => {
    const vols: PersistentVolume[] = specs.map((s, i) => pv(`pv${i}`, `${s.sizeGi}Gi`, { modes: s.modes, className: s.className, phase: s.phase }));
    const claim = pvc('c', `${c.sizeGi}Gi`, { modes: c.modes, className: c.className });
    const fits = (v: PersistentVolume) => v.status?.phase === 'Available' && (v.spec.storageClassName ?? '') === c.className
      && c.modes.every((m) => v.spec.accessModes!.includes(m)) && capacityBytes(v) >= capacityBytes(pv('req', `${c.sizeGi}Gi`));
    const chosen = findByClaim(claim, vols, false);
    const fitting = vols.filter(fits);
    if (chosen === undefined) return fitting.length === 0;
    if (!fits(chosen)) return false;
    const modeCount = (v: PersistentVolume) => new Set(v.spec.accessModes).size;
    // No fitting PV in a group with fewer modes; none smaller in the chosen group.
    if (fitting.some((v) => modeCount(v) < modeCount(chosen))) return false;
    const group = accessModesText(chosen.spec.accessModes);
    return !fitting.some((v) => accessModesText(v.spec.accessModes) === group && capacityBytes(v) < capacityBytes(chosen));
  }), { claims: ['pv.pvc-roles'], env: process.env, replay: 'node scripts/unit.js storage/match.prop' });
});
