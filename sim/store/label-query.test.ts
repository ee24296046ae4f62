import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactPairs, matchesQuery, parseLabelQuery, type Requirement } from './label-query';

function parsed(text: string): readonly Requirement[] {
  const r = parseLabelQuery(text);
  if ('error' in r) throw new Error(r.error);
  return r.requirements;
}

function refused(text: string): string {
  const r = parseLabelQuery(text);
  assert.ok('error' in r, `expected ${JSON.stringify(text)} to be refused`);
  return r.error;
}

test('the grammar of labels.Parse: equality, sets, existence, gt/lt; requirements sorted by key', () => {
  assert.deepEqual(parsed('x in (foo,,baz),y,z notin ()'), [
    { key: 'x', operator: 'in', values: ['', 'baz', 'foo'] },
    { key: 'y', operator: 'exists', values: [] },
    { key: 'z', operator: 'notin', values: [''] },
  ]);
  assert.deepEqual(parsed('tier=web, app==nginx,!canary,env!=prod'), [
    { key: 'app', operator: '==', values: ['nginx'] },
    { key: 'canary', operator: '!', values: [] },
    { key: 'env', operator: '!=', values: ['prod'] },
    { key: 'tier', operator: '=', values: ['web'] },
  ]);
  assert.deepEqual(parsed('gen>1,gen<10'), [{ key: 'gen', operator: 'gt', values: ['1'] }, { key: 'gen', operator: 'lt', values: ['10'] }]);
  // `in` and `notin` are values where a value is expected.
  assert.deepEqual(parsed('a in (in,notin)'), [{ key: 'a', operator: 'in', values: ['in', 'notin'] }]);
  assert.deepEqual(parsed('a='), [{ key: 'a', operator: '=', values: [''] }]);
  assert.deepEqual(parsed(''), []);
});

test('refusals carry the API server words (as kubectl users see them)', () => {
  assert.equal(refused('component not in (kube-apiserver)'), "unable to parse requirement: found 'not', expected: in, notin, =, ==, !=, gt, lt");
  assert.equal(refused('type=app,versionv1.0.1)'), "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt");
  assert.equal(refused('kdl/description=First nginx Pod'), "found 'nginx', expected: ',' or 'end of string'");
  assert.equal(refused('a=b,'), "found '', expected: identifier after ','");
  assert.equal(refused('=a'), "found '=', expected: !, identifier, or 'end of string'");
  assert.equal(refused('a in b'), "unable to parse requirement: found 'b' expected: '('");
  assert.equal(refused('a in (b c)'), "unable to parse requirement: found 'c', expected: ',' or ')'");
  assert.equal(refused('a>b'), "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer");
  assert.match(refused('a=b/c'), /^unable to parse requirement: values\[0\]\[a\]: Invalid value: "b\/c": a valid label must be an empty string/);
  assert.match(refused('-a=b'), /^unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters/);
});

test('matching: set-based operators treat a missing key as Kubernetes does', () => {
  const labels = { app: 'web', tier: 'front', gen: '7' };
  const m = (q: string) => matchesQuery(labels, parsed(q));
  assert.equal(m('app=web'), true);
  assert.equal(m('app!=web'), false);
  assert.equal(m('missing!=x'), true);
  assert.equal(m('missing notin (x)'), true);
  assert.equal(m('missing in (x)'), false);
  assert.equal(m('tier in (back,front)'), true);
  assert.equal(m('app,!missing'), true);
  assert.equal(m('!app'), false);
  assert.equal(m('gen>6,gen<8'), true);
  assert.equal(m('gen>7'), false);
  assert.equal(m('app>1'), false); // a label value that is no integer never satisfies gt/lt
  assert.equal(matchesQuery(undefined, parsed('app=web')), false); // an object without labels
  assert.equal(matchesQuery(undefined, parsed('')), true);
});

test('exactPairs: only requirements that pin one value narrow the label index', () => {
  assert.deepEqual(exactPairs(parsed('app=web,tier in (front),env in (a,b),x!=y,z')), { app: 'web', tier: 'front' });
});
