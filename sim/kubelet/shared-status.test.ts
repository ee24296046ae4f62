import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_STATE, ipList, isShared, runningState, sharedCondition, sharedConditions, sharedIpList } from './shared-status';
import type { Condition } from '../api/types';

const T0 = '2025-01-01T00:00:06Z';
const T1 = '2025-01-01T00:00:09Z';

test('equal conditions are one frozen object; any differing field gives another', () => {
  const a = sharedCondition('Ready', 'True', T0);
  assert.equal(sharedCondition('Ready', 'True', T0), a);
  assert.deepEqual(a, { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: T0 });
  assert.equal(JSON.stringify(a), '{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:00:06Z"}');
  assert.ok(Object.isFrozen(a) && isShared(a));
  for (const other of [
    sharedCondition('Ready', 'False', T0), sharedCondition('Ready', 'True', T1), sharedCondition('ContainersReady', 'True', T0),
    sharedCondition('Ready', 'True', T0, 'R'), sharedCondition('Ready', 'True', T0, undefined, 'm'), sharedCondition('Ready', 'True', T0, 'R', 'm'),
  ]) assert.notEqual(other, a);
  assert.equal(JSON.stringify(sharedCondition('Ready', 'False', T0, 'ContainersNotReady', 'containers with unready status: [web]')),
    '{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:00:06Z","reason":"ContainersNotReady","message":"containers with unready status: [web]"}');
});

test('lists of shared conditions are shared; a list with another condition is returned as it is', () => {
  const a = sharedCondition('Initialized', 'True', T0);
  const b = sharedCondition('Ready', 'True', T1);
  const list = sharedConditions([a, b]);
  assert.equal(sharedConditions([a, b]), list);
  assert.notEqual(sharedConditions([b, a]), list);
  assert.ok(Object.isFrozen(list));
  const own = [a, { type: 'X', status: 'True' } as Condition];
  assert.equal(sharedConditions(own), own);
});

test('running states and node address lists are shared per value', () => {
  assert.equal(runningState(T0), runningState(T0));
  assert.deepEqual(runningState(T0), { running: { startedAt: T0 } });
  assert.notEqual(runningState(T1), runningState(T0));
  assert.ok(Object.isFrozen(runningState(T0).running));
  assert.equal(sharedIpList('192.168.56.101'), sharedIpList('192.168.56.101'));
  assert.deepEqual(sharedIpList('192.168.56.101'), [{ ip: '192.168.56.101' }]);
  assert.deepEqual(EMPTY_STATE, {});
  assert.throws(() => { (EMPTY_STATE as Record<string, unknown>).running = {}; }, TypeError);
});

test('a Pod\'s podIPs list is kept while it says the same, and rebuilt when it does not', () => {
  const first = ipList('10.244.1.2', undefined);
  assert.deepEqual(first, [{ ip: '10.244.1.2' }]);
  assert.equal(ipList('10.244.1.2', first), first);
  assert.deepEqual(ipList('10.244.1.3', first), [{ ip: '10.244.1.3' }]);
  const withMore = [{ ip: '10.244.1.2', extra: 1 }];
  assert.notEqual(ipList('10.244.1.2', withMore), withMore);
  assert.notEqual(ipList('10.244.1.2', [{ ip: '10.244.1.2' }, { ip: 'fd00::2' }]).length, 2);
});
