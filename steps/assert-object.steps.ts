import { Then } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import { showName } from '../support/queries';
import * as probe from '../support/probes';
import { expectEvent } from '../support/events';
import { valueEquals } from '../support/object-path';

// Any object, any field: the generic path assertion, existence, counts by label, events.

Then('{kind} {name} has {string} equal to {string}', function (this: SimWorld, kind: string, ref: ObjectName, path: string, value: string) {
  this.expect(probe.fieldEquals(kind, ref, path, this.resolve(value)), `${showName(kind, ref)} to have ${path} equal to ${value}`);
});

Then('{kind} {name} has {string} matching {string}', function (this: SimWorld, kind: string, ref: ObjectName, path: string, pattern: string) {
  this.expect(probe.fieldMatches(kind, ref, path, this.resolve(pattern)), `${showName(kind, ref)} to have ${path} matching /${pattern}/`);
});

Then('{kind} {name} has no {string}', function (this: SimWorld, kind: string, ref: ObjectName, path: string) {
  this.expect(probe.fieldAbsent(kind, ref, path), `${showName(kind, ref)} to have no ${path}`);
});

Then('within {duration} {kind} {name} has {string} equal to {string}', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, path: string, value: string) {
  this.advanceUntil(ms, probe.fieldEquals(kind, ref, path, this.resolve(value)), `${showName(kind, ref)} to have ${path} equal to ${value}`);
});

Then('every {kind} of {kind} {name} has {string} equal to {string}', function (this: SimWorld, kind: string, ownerKind: string, owner: ObjectName, path: string, value: string) {
  this.expect(probe.everyOwned(kind, ownerKind, owner, path, (v) => valueEquals(v, this.resolve(value))), `every ${kind.toLowerCase()} of ${showName(ownerKind, owner)} to have ${path} equal to ${value}`);
});

Then('every {kind} of {kind} {name} has {string} matching {string}', function (this: SimWorld, kind: string, ownerKind: string, owner: ObjectName, path: string, pattern: string) {
  const re = new RegExp(this.resolve(pattern));
  this.expect(probe.everyOwned(kind, ownerKind, owner, path, (v) => v !== undefined && re.test(typeof v === 'string' ? v : JSON.stringify(v))), `every ${kind.toLowerCase()} of ${showName(ownerKind, owner)} to have ${path} matching /${pattern}/`);
});

Then('{kind} {name} owns {int} {kind}', function (this: SimWorld, ownerKind: string, owner: ObjectName, n: number, kind: string) {
  this.expect(probe.ownedCount(kind, ownerKind, owner, n), `${showName(ownerKind, owner)} to own ${n} ${kind.toLowerCase()}(s)`);
});

Then('{kind} {name} exists', function (this: SimWorld, kind: string, ref: ObjectName) {
  this.expect(probe.exists(kind, ref, true), `${showName(kind, ref)} to exist`);
});

Then('{kind} {name} does not exist', function (this: SimWorld, kind: string, ref: ObjectName) {
  this.expect(probe.exists(kind, ref, false), `${showName(kind, ref)} not to exist`);
});

Then('within {duration} {kind} {name} does not exist', function (this: SimWorld, ms: number, kind: string, ref: ObjectName) {
  this.advanceUntil(ms, probe.exists(kind, ref, false), `${showName(kind, ref)} to be gone`);
});

Then('there is/are {int} {kind} labelled {selector}', function (this: SimWorld, n: number, kind: string, labels: Record<string, string>) {
  this.expect(probe.labelledCount(kind, labels, n), `${n} ${kind.toLowerCase()}(s) labelled ${fmt(labels)} in default`);
});

Then('there is/are {int} {kind} labelled {selector} in namespace {string}', function (this: SimWorld, n: number, kind: string, labels: Record<string, string>, ns: string) {
  this.expect(probe.labelledCount(kind, labels, n, ns), `${n} ${kind.toLowerCase()}(s) labelled ${fmt(labels)} in ${ns}`);
});

Then('within {duration} there is/are {int} {kind} labelled {selector}', function (this: SimWorld, ms: number, n: number, kind: string, labels: Record<string, string>) {
  this.advanceUntil(ms, probe.labelledCount(kind, labels, n), `${n} ${kind.toLowerCase()}(s) labelled ${fmt(labels)} in default`);
});

Then('there is an event {string} for {kind} {name}', function (this: SimWorld, reason: string, kind: string, ref: ObjectName) {
  expectEvent(this, reason, kind, ref, { of: 'object' });
});

Then('there is an event {string} for {kind} {name} with message matching {string}', function (this: SimWorld, reason: string, kind: string, ref: ObjectName, pattern: string) {
  expectEvent(this, reason, kind, ref, { of: 'object', message: pattern });
});

Then('there is an event {string} for a pod of {kind} {name}', function (this: SimWorld, reason: string, kind: string, ref: ObjectName) {
  expectEvent(this, reason, kind, ref, { of: 'pods' });
});

Then('there is an event {string} for a pod of {kind} {name} with message matching {string}', function (this: SimWorld, reason: string, kind: string, ref: ObjectName, pattern: string) {
  expectEvent(this, reason, kind, ref, { of: 'pods', message: pattern });
});

function fmt(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}
