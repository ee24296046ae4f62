import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision } from '../../api/types';
import { template } from '../../testing/fixtures';
import {
  CONTROLLER_REVISION_HASH_LABEL, controllerRevisionName, equalRevision, fnv32, goJson, hashControllerRevision, matchesTemplate,
  revisionRaw, sortControllerRevisions, templateOfRevision, templatePatch,
} from './controller-history';

// controller_history.go's hashing and ordering, and the getPatch encoding every user of revisions shares.

const revision = (name: string, n: number, data: unknown, extra: Partial<ControllerRevision['metadata']> = {}): ControllerRevision => ({
  apiVersion: 'apps/v1', kind: 'ControllerRevision',
  metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', ...extra }, data, revision: n,
});

test('goJson: keys sorted at every level, undefined left out, HTML characters escaped as encoding/json does', () => {
  assert.equal(goJson({ b: 1, a: 'x<y>&z', c: undefined, d: [true, null, { z: 1, y: 2 }] }), '{"a":"x\\u003cy\\u003e\\u0026z","b":1,"d":[true,null,{"y":2,"z":1}]}');
  assert.equal(goJson('\u2028'), '"\\u2028"');
});

test('getPatch: the template under spec.template with "$patch":"replace" first', () => {
  const t = template({ app: 'web' });
  const data = templatePatch(t);
  assert.ok(revisionRaw(revision('r', 1, data)).startsWith('{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"web"}},"spec":{'));
  assert.equal(templatePatch(t), data, 'computed once per template object');
  assert.deepEqual(templateOfRevision(revision('r', 1, data)), JSON.parse(JSON.stringify(t)));
  assert.ok(matchesTemplate(t, revision('r', 1, JSON.parse(goJson(data)))), 'equal bytes, whatever the object');
  assert.ok(!matchesTemplate(template({ app: 'web' }, { hostNetwork: true }), revision('r', 1, data)));
});

test('fnv32 is FNV-1 (hash/fnv New32), not FNV-1a', () => {
  assert.equal(fnv32(''), 0x811c9dc5);
  assert.equal(fnv32('a'), 0x050c5d7e);
  assert.equal(fnv32('foobar'), 0x31f0b262);
});

test('HashControllerRevision: FNV-1 of the data then of the probe in decimal, safe-encoded', () => {
  // fnv32('a') = 84696446; then '0' hashed on: the same as hashing 'a0'.
  assert.equal(hashControllerRevision('a'), 'd8bfb88b');
  assert.equal(hashControllerRevision('a', 0), hashControllerRevision('a0'));
  assert.notEqual(hashControllerRevision('a', 1), hashControllerRevision('a', 0));
  assert.match(hashControllerRevision('{"spec":{}}', 0), /^[4-9bcdf]{1,10}$/);
});

test('ControllerRevisionName cuts the prefix to 223 characters', () => {
  assert.equal(controllerRevisionName('web', '5d9c'), 'web-5d9c');
  assert.equal(controllerRevisionName('x'.repeat(300), 'h').length, 225);
});

test('EqualRevision: differing int32 hash labels decide; otherwise the data bytes', () => {
  const a = revision('a', 1, { spec: { x: 1 } }, { labels: { [CONTROLLER_REVISION_HASH_LABEL]: '5678' } });
  const b = revision('b', 2, { spec: { x: 1 } }, { labels: { [CONTROLLER_REVISION_HASH_LABEL]: '5679' } });
  const c = revision('c', 3, { spec: { x: 1 } }, { labels: { [CONTROLLER_REVISION_HASH_LABEL]: '5d9c' } });
  assert.equal(equalRevision(a, b), false, 'both parse, and differ');
  assert.equal(equalRevision(a, c), true, "'5d9c' does not parse: the bytes decide");
  assert.equal(equalRevision(c, revision('d', 1, { spec: { x: 2 } })), false);
});

test('SortControllerRevisions: by revision, then creation time, then name', () => {
  const later = revision('a', 2, {}, { creationTimestamp: '2025-01-01T00:00:09Z' });
  const sorted = sortControllerRevisions([revision('z', 3, {}), later, revision('c', 2, {}), revision('b', 2, {}), revision('x', 1, {})]);
  assert.deepEqual(sorted.map((r) => r.metadata.name), ['x', 'b', 'c', 'a', 'z']);
});
