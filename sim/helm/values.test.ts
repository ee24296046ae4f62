import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coalesceValues, mergeMaps, parseSetInto, typedVal, userValues, ValuesError } from './values';
import { loadChartFiles } from './chart';
import type { GoMap } from './template/values';

// pkg/strvals and pkg/cli/values rules, with the examples of Helm's own strvals tests.

test('typedVal: true/false/null, integers not starting with 0 are int64, everything else a string', () => {
  assert.equal(typedVal('true', false), true);
  assert.equal(typedVal('FALSE', false), false);
  assert.equal(typedVal('null', false), null);
  assert.equal(typedVal('0', false), 0n);
  assert.equal(typedVal('42', false), 42n);
  assert.equal(typedVal('007', false), '007', 'a leading zero keeps it a string');
  assert.equal(typedVal('1.5', false), '1.5', 'strvals never makes floats');
  assert.equal(typedVal('42', true), '42', '--set-string');
});

test('--set: dotted keys nest, commas separate, {a,b} is a list, [i] indexes, \\ escapes', () => {
  const m: GoMap = {};
  parseSetInto('name=value,outer.inner=x,list={a,b},arr[1]=z,dots\\.in\\.key=1', m, false);
  assert.deepEqual(m, { name: 'value', outer: { inner: 'x' }, list: ['a', 'b'], arr: [null, 'z'], 'dots.in.key': 1n });
});

test('--set without = names the key', () => {
  assert.throws(() => parseSetInto('name', {}, false), (e: unknown) => e instanceof ValuesError && e.message === 'failed parsing --set data: key "name" has no value');
});

test('-f files merge in order (maps deeply), then --set wins; lists are replaced', () => {
  const v = userValues(
    [{ path: 'a.yaml', text: 'image: {repo: a, tag: "1"}\nlist: [1, 2]\n' }, { path: 'b.yaml', text: 'image: {tag: "2"}\nlist: [3]\n' }],
    ['image.tag=3'],
  );
  assert.deepEqual(v, { image: { repo: 'a', tag: 3n }, list: [3] });
});

test('a -f file that is not YAML names the file', () => {
  assert.throws(() => userValues([{ path: 'bad.yaml', text: 'a: [1\n' }], []), { message: /^failed to parse bad.yaml: error converting YAML to JSON: yaml: line 2: / });
});

test('CoalesceValues: user values over chart defaults; null deletes a default; subcharts get their section and globals', () => {
  const chart = loadChartFiles(new Map([
    ['Chart.yaml', 'apiVersion: v2\nname: top\nversion: 1.0.0\n'],
    ['values.yaml', 'a: 1\nb: {c: 2, d: 3}\nglobal: {region: eu}\n'],
    ['charts/sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 1.0.0\n'],
    ['charts/sub/values.yaml', 'x: 1\nz: 2\n'],
  ]));
  const v = coalesceValues(chart, { b: { d: null, e: 4n }, sub: { z: 5n } });
  assert.deepEqual(v, { a: 1, b: { c: 2, e: 4n }, global: { region: 'eu' }, sub: { x: 1, z: 5n, global: { region: 'eu' } } });
});

test('mergeMaps does not change its inputs', () => {
  const a: GoMap = { m: { x: 1 } };
  mergeMaps(a, { m: { y: 2 } });
  assert.deepEqual(a, { m: { x: 1 } });
});
