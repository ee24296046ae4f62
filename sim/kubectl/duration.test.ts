import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, parseDuration, rfc1123z, shortHumanDuration } from './duration';

const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;

test('HumanDuration matches apimachinery for each band', () => {
  const cases: [number, string][] = [
    [-3 * s, '<invalid>'], [-1 * s, '0s'], [0, '0s'], [5 * s, '5s'], [119 * s, '119s'], [2 * m, '2m'], [150 * s, '2m30s'],
    [9 * m + 59 * s, '9m59s'], [10 * m + 30 * s, '10m'], [179 * m, '179m'], [3 * h, '3h'], [3 * h + 5 * m, '3h5m'],
    [8 * h + 30 * m, '8h'], [47 * h, '47h'], [48 * h, '2d'], [50 * h, '2d2h'], [8 * d, '8d'], [400 * d, '400d'],
    [730 * d, '2y'], [800 * d, '2y70d'], [8 * 365 * d, '8y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms}ms`);
});

test('ShortHumanDuration keeps one unit', () => {
  assert.equal(shortHumanDuration(59 * s), '59s');
  assert.equal(shortHumanDuration(119 * s), '1m');
  assert.equal(shortHumanDuration(3 * h + 5 * m), '3h');
  assert.equal(shortHumanDuration(50 * h), '2d');
  assert.equal(shortHumanDuration(400 * d), '1y');
});

test('parseDuration reads Go durations and rejects anything else', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('5m'), 300_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('30'), undefined);
  assert.equal(parseDuration('abc'), undefined);
  assert.equal(parseDuration('5 m'), undefined);
});

test('RFC 1123 with a numeric zone, as describe prints times', () => {
  assert.equal(rfc1123z('2025-01-01T00:00:05Z'), 'Wed, 01 Jan 2025 00:00:05 +0000');
});
