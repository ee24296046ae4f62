import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sim from '../sim/index';
import { SimWorld } from './world';
import { assertRejected, assertUnchanged } from './outcomes';

// The World's guards, on a bare cluster holding only the default namespace (no controllers needed).

function world(): SimWorld {
  const w = new SimWorld({ attach: (() => undefined) as never, log: () => undefined, link: () => undefined, parameters: {} });
  const ns = sim.applyManifests(sim.emptyCluster({ seed: 1 }), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n', { mode: 'apply', source: 'ns.yml' });
  assert.deepEqual(ns.errors, []);
  w.cluster = ns.cluster;
  w.location = 'features/x.feature:3';
  w.seed = 7;
  return w;
}

const BAD = 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n';

test('a rejected apply in a Given step fails at once', () => {
  const w = world();
  w.stepType = 'Context';
  assert.throws(() => w.apply(BAD), /a Given step must succeed/);
});

test('a rejected apply in a When step waits for a Then, and refuses the next act until checked', () => {
  const w = world();
  w.stepType = 'Action';
  w.apply(BAD);
  assert.match(w.unverifiedFailure ?? '', /Deploymnet/);
  assert.throws(() => w.apply(BAD), /an earlier step failed and no step checked it/);
  assertRejected(w, 'no matches for kind "Deploymnet"');
  assert.equal(w.unverifiedFailure, undefined);
  assertUnchanged(w);
});

test('"the cluster is unchanged" notices a write', () => {
  const w = world();
  w.stepType = 'Action';
  w.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n');
  assert.throws(() => assertUnchanged(w), /Namespace team-a was created/);
});

test('picked names replace $NAME words; unknown ones are an error', () => {
  const w = world();
  w.vars.set('POD', 'web-abcde');
  assert.equal(w.resolve('kubectl describe pod $POD'), 'kubectl describe pod web-abcde');
  assert.throws(() => w.resolve('kubectl logs $OTHER'), /no step has picked/);
});

test('a command line keeps $names inside single quotes, as sh does (Go template variables)', () => {
  const w = world();
  w.vars.set('POD', 'web-abcde');
  assert.equal(w.resolveCommand(`kubectl get pod $POD -o go-template='{{range $k, $v := .data}}{{$k}}{{end}}'`), `kubectl get pod web-abcde -o go-template='{{range $k, $v := .data}}{{$k}}{{end}}'`);
  assert.equal(w.resolveCommand(`kubectl exec $POD -- sh -c "echo it's $POD"`), `kubectl exec web-abcde -- sh -c "echo it's web-abcde"`);
  assert.throws(() => w.resolveCommand(`kubectl logs "$OTHER"`), /no step has picked/);
});

test('advanceUntil fails with the expectation, what was there instead and the replay command', () => {
  const w = world();
  assert.throws(() => w.advanceUntil(30_000, () => ({ ok: false, actual: 'it has 1' }), 'deployment default/web to have 3 ready replicas'),
    /^Error: Expected deployment default\/web to have 3 ready replicas within 30s, but after 30s \(t=30s\) it has 1\.\n  replay: npx kubespec run features\/x\.feature:3 --seed 7$/);
});
