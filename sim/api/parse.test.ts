import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from './parse';

// Scalars as go-yaml v2 resolves them (resolve.go) and sigs.k8s.io/yaml turns them into JSON:
// kubectl's reading of a manifest.
test('manifests are read as YAML 1.1, the way kubectl reads them (go-yaml v2)', () => {
  const text = [
    'octal: 0644', 'hex: 0x1F', 'underscores: 1_000', 'decimal: 9', 'float: 1.5',
    'a: yes', 'b: On', 'c: OFF', 'd: n', 'e: True', 'y: 1', 'nothing: ~',
    'go1: 0o17', 'go2: 0X1F', 'go3: -0B11',
    'clock: 190:20:30', 'date: 2001-12-14', 'quoted: "0644"', 'word: nginx',
  ].join('\n');
  const r = parseManifests(text, 'x.yml');
  assert.ok(r.ok);
  assert.deepEqual(r.docs[0].value, {
    octal: 420, hex: 31, underscores: 1000, decimal: 9, float: 1.5,
    a: true, b: true, c: false, d: false, e: true,
    true: 1, // keys resolve too; sigs.k8s.io/yaml writes a boolean key as "true"
    nothing: null,
    go1: 15, go2: 31, go3: -3, // strconv.ParseInt(s, 0, 64)
    clock: '190:20:30', // go-yaml v2 has no sexagesimal numbers
    date: '2001-12-14', // a timestamp decoded into interface{} stays a string
    quoted: '0644', word: 'nginx',
  });
});
