import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainProbabilities, chooseEndpoint, nextRoundRobin, pickIptables, usableEndpoints, type ProxyContext } from './proxy';
import { EMPTY_PROXY_STATE, type ProxyState } from './proxy-state';
import type { Backend } from './backends';
import { rngFrom, seedState } from '../engine/rng';
import { service } from './fixtures';

const backend = (ip: string, o: Partial<Backend> = {}): Backend => ({ ip, ports: [{ name: 'http', port: 80, protocol: 'TCP' }], ready: true, serving: true, terminating: false, ...o });
const sp = { name: 'http', port: 8080, protocol: 'TCP' };
const on = { node: 'k8s-node1', virtualServer: '10.96.0.20:8080/TCP' } satisfies Partial<ProxyContext>;

test('chain probabilities print as iptables-save does', () => {
  assert.deepEqual(chainProbabilities(3), ['0.3333333333', '0.5000000000']);
  assert.deepEqual(chainProbabilities(1), []);
});

test('only ready endpoints; terminating-serving ones only when no ready ones; ports by name', () => {
  const bs = [backend('10.244.1.3'), backend('10.244.1.2', { ready: false, serving: false }), backend('10.244.1.4', { ready: false, serving: true, terminating: true })];
  assert.deepEqual(usableEndpoints(bs, sp).map((e) => e.ip), ['10.244.1.3']);
  assert.deepEqual(usableEndpoints(bs.slice(1), sp).map((e) => e.ip), ['10.244.1.4']);
  assert.deepEqual(usableEndpoints([bs[1]], sp), []);
  assert.deepEqual(usableEndpoints([backend('10.244.1.9', { ports: [{ name: 'other', port: 81, protocol: 'TCP' }] })], sp), []);
});

test('pickIptables walks the chain with the seeded Rng', () => {
  const counts = [0, 0, 0];
  const rng = rngFrom(seedState(7));
  for (let i = 0; i < 30000; i++) counts[pickIptables(3, rng)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 500, String(counts));
  assert.equal(pickIptables(1, rng), 0);
});

test('IPVS round robin cycles through the endpoints, the state carried by the caller as proxy-table rows', () => {
  const svc = service('web');
  const eps = usableEndpoints([backend('10.244.1.2'), backend('10.244.1.3'), backend('10.244.1.4')], sp);
  let state: ProxyState = EMPTY_PROXY_STATE;
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const c = chooseEndpoint(svc, sp, eps, { ...on, rng: rngFrom(1), state, mode: 'ipvs', clientIP: '10.244.2.2', nowMs: 0 });
    seen.push(c.endpoint!.ip);
    state = c.state;
  }
  assert.deepEqual(seen, ['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.2', '10.244.1.3', '10.244.1.4']);
  // One row: the node's scheduler for the virtual server, holding the real server picked last.
  assert.deepEqual(state.changes(), [{ verb: 'runtime', table: 'proxy', key: 'k8s-node1|ipvs|10.96.0.20:8080/TCP', value: { last: '10.244.1.4:80' } }]);
  // Another node's kube-proxy keeps its own turn.
  const other = chooseEndpoint(svc, sp, eps, { ...on, node: 'k8s-node2', rng: rngFrom(1), state, mode: 'ipvs', clientIP: '10.244.2.2', nowMs: 0 });
  assert.equal(other.endpoint!.ip, '10.244.1.2');
});

test('nextRoundRobin: the one after the last picked, wrapping; after a removed one, the one that followed it', () => {
  const eps = usableEndpoints(['10.244.1.2', '10.244.1.4'].map((ip) => backend(ip)), sp);
  assert.equal(nextRoundRobin(eps, undefined), 0);
  assert.equal(nextRoundRobin(eps, '10.244.1.2:80'), 1);
  assert.equal(nextRoundRobin(eps, '10.244.1.4:80'), 0);
  assert.equal(nextRoundRobin(eps, '10.244.1.3:80'), 1);
  assert.equal(nextRoundRobin(eps, '10.244.1.9:80'), 0);
});

test('IPVS with ClientIP affinity: a live entry does not move the scheduler; after the timeout the turn goes on', () => {
  const svc = { ...service('web'), spec: { ...service('web').spec, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 30 } } } };
  const eps = usableEndpoints(['10.244.1.2', '10.244.1.3', '10.244.1.4'].map((ip) => backend(ip)), sp);
  let state: ProxyState = EMPTY_PROXY_STATE;
  const pick = (nowMs: number, clientIP = '10.244.2.2') => {
    const c = chooseEndpoint(svc, sp, eps, { ...on, rng: rngFrom(1), state, mode: 'ipvs', clientIP, nowMs });
    state = c.state;
    return c.endpoint!.ip;
  };
  // Each connection restarts the timer, so 20 s apart it sticks well past 30 s from the first.
  assert.deepEqual([pick(0), pick(20_000), pick(40_000), pick(70_000)], ['10.244.1.2', '10.244.1.2', '10.244.1.2', '10.244.1.2']);
  assert.equal(pick(70_000, '10.244.2.3'), '10.244.1.3');
  assert.equal(pick(100_001), '10.244.1.4');
});

test('sessionAffinity ClientIP sticks to one endpoint until the timeout passes', () => {
  const svc = { ...service('web'), spec: { ...service('web').spec, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } } };
  const eps = usableEndpoints(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5'].map((ip) => backend(ip)), sp);
  const rng = rngFrom(seedState(3));
  let state: ProxyState = EMPTY_PROXY_STATE;
  const first = chooseEndpoint(svc, sp, eps, { ...on, rng, state, mode: 'iptables', clientIP: '10.244.2.2', nowMs: 0 });
  state = first.state;
  for (let t = 1; t <= 50; t++) {
    const c = chooseEndpoint(svc, sp, eps, { ...on, rng, state, mode: 'iptables', clientIP: '10.244.2.2', nowMs: t * 1000 });
    assert.equal(c.endpoint!.ip, first.endpoint!.ip);
    state = c.state;
  }
  // Another client is balanced independently; after 60 s idle the entry expires.
  const others = new Set<string>();
  for (let k = 0; k < 40; k++) others.add(chooseEndpoint(svc, sp, eps, { ...on, rng, state, mode: 'iptables', clientIP: `10.244.3.${k}`, nowMs: 50_000 }).endpoint!.ip);
  assert.ok(others.size > 1);
  const later = new Set<string>();
  for (let k = 0; k < 40; k++) later.add(chooseEndpoint(svc, sp, eps, { ...on, rng, state, mode: 'iptables', clientIP: '10.244.2.2', nowMs: 50_000 + 61_000 }).endpoint!.ip);
  assert.ok(later.size > 1);
});

test('no endpoints: nothing chosen (REJECT)', () => {
  assert.equal(chooseEndpoint(service('web'), sp, [], { ...on, rng: rngFrom(1), state: EMPTY_PROXY_STATE, mode: 'iptables', clientIP: 'x', nowMs: 0 }).endpoint, undefined);
});
