import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestSteps, describeSuggestions, editDistance, expressionWords, stepWords } from './snippets-closest';

const EXPRESSIONS = [
  '{kind} {name} has {int} ready replica(s)',
  '{kind} {name} has {int} available replica(s)',
  'within {duration} {kind} {name} has {int} ready replica(s)',
  'node {string} fails',
  'node {string} recovers',
  'a cluster with {int} nodes',
  'I run {string}',
  '{duration} pass(es)',
  'the output contains {string}',
];

test('normalisation: quoted text and numbers become placeholders; optionals drop; first alternative', () => {
  assert.deepEqual(stepWords('deployment "web" has 3 redy replicas'), ['deployment', '"…"', 'has', '#', 'redy', 'replicas']);
  assert.deepEqual(stepWords('within 30s pods are Running'), ['within', '#', 'pods', 'are', 'running']);
  assert.deepEqual(expressionWords('{kind} {name} has {int} ready replica(s)'), ['*', '"…"', 'has', '#', 'ready', 'replica']);
  assert.deepEqual(expressionWords('there is/are {int} pods'), ['there', 'is', '#', 'pods']);
});

test('editDistance counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance([...'kitten'], [...'sitting']), 3);
  assert.equal(editDistance(['a', 'b'], ['a', 'b']), 0);
  assert.equal(editDistance([], ['a', 'b']), 2);
});

test('a misspelt step finds the step it meant first', () => {
  assert.equal(closestSteps('deployment "web" has 3 redy replicas', EXPRESSIONS)[0]!.expression, '{kind} {name} has {int} ready replica(s)');
  assert.equal(closestSteps('node "k8s-node1" failed', EXPRESSIONS)[0]!.expression, 'node {string} fails');
  assert.equal(closestSteps('a cluster of 3 nodes', EXPRESSIONS)[0]!.expression, 'a cluster with {int} nodes');
  assert.equal(closestSteps('within 2 minutes deployment "web" has 3 ready pods', EXPRESSIONS)[0]!.expression,
    'within {duration} {kind} {name} has {int} ready replica(s)');
});

test('at most three suggestions, closest first, each expression once', () => {
  const s = closestSteps('node "x" recover', [...EXPRESSIONS, 'node {string} recovers']);
  assert.equal(s.length, 3);
  assert.equal(s[0]!.expression, 'node {string} recovers');
  assert.equal(new Set(s.map((x) => x.expression)).size, 3);
  assert.ok(s[0]!.distance <= s[1]!.distance && s[1]!.distance <= s[2]!.distance);
});

test('the message names the step and lists the suggestions', () => {
  const text = describeSuggestions('node "x" recover', closestSteps('node "x" recover', EXPRESSIONS));
  assert.match(text, /^"node "x" recover" is not a defined step\. Closest existing steps:\n {2}node \{string\} recovers\n/);
  assert.match(describeSuggestions('x', []), /no steps to compare/);
});
