import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCluster } from '../engine/loop';
import { Transaction } from '../engine/transaction';
import { endpointController } from './endpoints';
import { service } from './fixtures';
import { selectorServices } from './selector-services';
import { endpointSliceController } from './endpoint-slices';
import type { KubeObject } from '../api/types';

test('selectorServices follows the Service writes of its transaction (the endpoints watch forgets the namespace)', () => {
  const tx = new Transaction(emptyCluster({ seed: 1 }), [endpointController]);
  assert.deepEqual(selectorServices(tx, 'default'), []);
  tx.apply({ verb: 'create', object: service('plain', {}) }, 'test');
  assert.deepEqual(selectorServices(tx, 'default'), [], 'a Service without a selector is left out');
  tx.apply({ verb: 'create', object: service('web', { selector: { app: 'web' } }) }, 'test');
  assert.deepEqual(selectorServices(tx, 'default').map((s) => s.metadata.name), ['web']);
  const web = tx.get('Service', 'default', 'web')!;
  assert.equal(selectorServices(tx, 'default')[0], web, 'the stored object, memoised');
  tx.apply({ verb: 'update', object: { ...web, spec: { ...(web as unknown as { spec: object }).spec, selector: { app: 'api' } } } as typeof web }, 'test');
  assert.deepEqual((selectorServices(tx, 'default')[0] as unknown as { spec: { selector: unknown } }).spec.selector, { app: 'api' });
  tx.apply({ verb: 'delete', ref: { kind: 'Service', namespace: 'default', name: 'web' }, reason: 'test' }, 'test');
  assert.deepEqual(selectorServices(tx, 'default'), []);
});

const hasSelectorService = (view: Transaction, ns: string): boolean => selectorServices(view, ns).length > 0;

const plainService = (name: string, selector?: Record<string, string>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 80 }], ...(selector ? { selector } : {}) },
}) as unknown as KubeObject;

test('whether a namespace has a Service with a selector follows Service writes within a transaction', () => {
  for (const controllers of [[endpointController], [endpointSliceController]]) {
    const tx = new Transaction(emptyCluster(), controllers);
    assert.equal(hasSelectorService(tx, 'default'), false);
    assert.equal(tx.apply({ verb: 'create', object: plainService('plain') }, 'test'), undefined);
    assert.equal(hasSelectorService(tx, 'default'), false);
    assert.equal(tx.apply({ verb: 'create', object: plainService('web', { app: 'web' }) }, 'test'), undefined);
    assert.equal(hasSelectorService(tx, 'default'), true);
    assert.equal(hasSelectorService(tx, 'other'), false);
    assert.equal(tx.apply({ verb: 'delete', ref: { kind: 'Service', namespace: 'default', name: 'web' }, reason: 'test' }, 'test'), undefined);
    assert.equal(hasSelectorService(tx, 'default'), false);
  }
});
