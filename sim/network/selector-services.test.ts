import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCluster } from '../engine/loop';
import { Transaction } from '../engine/transaction';
import type { KubeObject } from '../api/types';
import { endpointController } from './endpoints';
import { endpointSliceController } from './endpoint-slices';
import { hasSelectorService } from './selector-services';

const service = (name: string, selector?: Record<string, string>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 80 }], ...(selector ? { selector } : {}) },
}) as unknown as KubeObject;

test('whether a namespace has a Service with a selector follows Service writes within a transaction', () => {
  for (const controllers of [[endpointController], [endpointSliceController]]) {
    const tx = new Transaction(emptyCluster(), controllers);
    assert.equal(hasSelectorService(tx, 'default'), false);
    assert.equal(tx.apply({ verb: 'create', object: service('plain') }, 'test'), undefined);
    assert.equal(hasSelectorService(tx, 'default'), false);
    assert.equal(tx.apply({ verb: 'create', object: service('web', { app: 'web' }) }, 'test'), undefined);
    assert.equal(hasSelectorService(tx, 'default'), true);
    assert.equal(hasSelectorService(tx, 'other'), false);
    assert.equal(tx.apply({ verb: 'delete', ref: { kind: 'Service', namespace: 'default', name: 'web' }, reason: 'test' }, 'test'), undefined);
    assert.equal(hasSelectorService(tx, 'default'), false);
  }
});
