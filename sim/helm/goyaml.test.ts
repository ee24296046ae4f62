import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, toGoYaml } from './goyaml';

// sigs.k8s.io/yaml (go-yaml v2) output, as toYaml and helm get values print it.

test('keys sorted, sequences not indented under their key, nested maps by two spaces', () => {
  assert.equal(toGoYaml({ b: [1, { z: 2, x: 1 }], a: { d: 'x', c: true } }), 'a:\n  c: true\n  d: x\nb:\n- 1\n- x: 1\n  z: 2\n');
  assert.equal(toGoYaml({ y: 1 }), '"y": 1\n', 'go-yaml v2 reads a bare y as a boolean, so it quotes the key');
});

test('strings that would read back as another type are double-quoted; awkward ones single-quoted', () => {
  assert.equal(toGoYaml({ a: 'true', b: '1', c: '', d: 'yes', e: '1.5', f: 'a: b', g: '- x', h: 'plain text', i: '1.16.0' }),
    'a: "true"\nb: "1"\nc: ""\nd: "yes"\ne: "1.5"\nf: \'a: b\'\ng: \'- x\'\nh: plain text\ni: 1.16.0\n');
});

test('empty collections are written inline; multi-line strings as literal blocks', () => {
  assert.equal(toGoYaml({ m: {}, l: [], s: 'a\nb' }), 'l: []\nm: {}\ns: |-\n  a\n  b\n');
  assert.equal(toGoYaml({}), '{}\n');
});

test('reading follows YAML 1.1 as go-yaml v2 does: yes/on are booleans; numbers are float64', () => {
  assert.deepEqual(parseYaml('a: yes\nb: on\nc: 1\nd: "1"\n'), { a: true, b: true, c: 1, d: '1' });
});
