import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextAfter, parseGoDuration, parseStandard, type Schedule } from './cron';

// Known answers from robfig/cron's spec_test.go (TestActivation, TestNext, with the seconds field
// dropped: ParseStandard has none) and the error texts of parser.go. Where v3 (the version
// Kubernetes vendors: vendor/github.com/robfig/cron/v3/parser.go getRange, `if step > 1 { extra = 0 }`)
// changed an answer of the older tests (`*/5` is a restricted day-of-month), the v3 answer is used.

const utc = (s: string) => Date.parse(`${s}Z`);
const sched = (spec: string): Schedule => {
  const r = parseStandard(spec);
  if (!r.ok) throw new Error(`${spec}: ${r.error}`);
  return r.schedule;
};
const next = (spec: string, from: string) => {
  const t = nextAfter(sched(spec), utc(from));
  return t === undefined ? '' : new Date(t).toISOString().replace('.000Z', '');
};

test('TestNext (5-field cases): wrap around hours, days, months, years; leap years; unsatisfiable', () => {
  const cases: [string, string, string][] = [
    ['2012-07-09T14:45:00', '0/15 * * * *', '2012-07-09T15:00:00'],
    ['2012-07-09T14:59:00', '0/15 * * * *', '2012-07-09T15:00:00'],
    ['2012-07-09T14:59:59', '0/15 * * * *', '2012-07-09T15:00:00'],
    ['2012-07-09T15:45:00', '20-35/15 * * * *', '2012-07-09T16:20:00'],
    ['2012-07-09T23:46:00', '*/15 * * * *', '2012-07-10T00:00:00'],
    ['2012-07-09T23:45:00', '20-35/15 * * * *', '2012-07-10T00:20:00'],
    ['2012-07-09T23:35:00', '0 0 9 Apr-Oct ?', '2012-08-09T00:00:00'],
    // v3: a step > 1 drops the star bit, so */5 is a restricted dom and dom OR dow applies (Aug 1 is dom 1).
    ['2012-07-09T23:35:00', '0 0 */5 Apr,Aug,Oct Mon', '2012-08-01T00:00:00'],
    ['2012-07-09T23:35:00', '0 0 */5 Oct Mon', '2012-10-01T00:00:00'],
    ['2012-07-09T23:35:00', '0 0 * Feb Mon', '2013-02-04T00:00:00'],
    ['2012-07-09T23:35:00', '0 0 * Feb Mon/2', '2013-02-01T00:00:00'],
    ['2012-12-31T23:59:45', '* * * * *', '2013-01-01T00:00:00'],
    ['2012-07-09T23:35:00', '0 0 29 Feb ?', '2016-02-29T00:00:00'],
    ['2012-07-09T23:35:00', '0 0 30 Feb ?', ''],
    ['2012-07-09T23:35:00', '0 0 31 Apr ?', ''],
  ];
  for (const [from, spec, want] of cases) assert.equal(next(spec, from), want, `${spec} after ${from}`);
});

test('TestActivation: descriptors, names, and the dom/dow rule (both restricted: either; one starred: both)', () => {
  const fires = (spec: string, at: string) => nextAfter(sched(spec), utc(at) - 1000) === utc(at);
  const cases: [string, string, boolean][] = [
    ['2012-07-09T15:00:00', '0/15 * * *  *', true],
    ['2012-07-09T15:40:00', '0/15 * * * *', false],
    ['2012-07-09T15:50:00', '5/15 * * * *', true],
    ['2012-07-15T15:00:00', '0/15 * * Jul *', true],
    ['2012-07-15T15:00:00', '0/15 * * Jun *', false],
    ['2012-07-15T08:30:00', '30 08 ? Jul Sun', true],
    ['2012-07-16T08:30:00', '30 08 15 Jul ?', false],
    ['2012-07-09T15:00:00', '@hourly', true],
    ['2012-07-09T15:04:00', '@hourly', false],
    ['2012-07-09T00:00:00', '@daily', true],
    ['2012-07-09T00:00:00', '@weekly', false],
    ['2012-07-08T00:00:00', '@weekly', true],
    ['2012-07-01T00:00:00', '@monthly', true],
    ['2012-07-08T00:00:00', '@monthly', false],
    ['2012-01-01T00:00:00', '@yearly', true],
    ['2012-07-15T00:00:00', '* * 1,15 * Sun', true],
    ['2012-06-15T00:00:00', '* * 1,15 * Sun', true],
    ['2012-08-01T00:00:00', '* * 1,15 * Sun', true],
    ['2012-07-15T00:00:00', '* * * * Mon', false],
    ['2012-07-15T00:00:00', '* * */10 * Sun', true], // v3: */10 is restricted, so Sunday alone matches
    ['2012-07-09T00:00:00', '* * 1,15 * *', false],
    ['2012-07-15T00:00:00', '* * 1,15 * *', true],
    ['2012-07-15T00:00:00', '* * */2 * Sun', true],
  ];
  for (const [at, spec, want] of cases) assert.equal(fires(spec, at), want, `${spec} at ${at}`);
});

test('*/1 * * * * fires at every minute boundary; @every 90s from the previous run, truncated to the second', () => {
  assert.equal(next('*/1 * * * *', '2025-01-01T00:00:06'), '2025-01-01T00:01:00');
  assert.equal(next('*/1 * * * *', '2025-01-01T00:01:00'), '2025-01-01T00:02:00');
  assert.equal(nextAfter(sched('@every 90s'), utc('2025-01-01T00:00:06') + 500), utc('2025-01-01T00:01:36'));
  assert.equal(nextAfter(sched('@every 100ms'), 0), 1000, 'at least one second');
});

test('ParseStandard errors carry robfig/cron v3 messages', () => {
  const err = (spec: string) => { const r = parseStandard(spec); return r.ok ? 'ok' : r.error; };
  assert.equal(err(''), 'empty spec string');
  assert.equal(err('* * * *'), 'expected exactly 5 fields, found 4: [* * * *]');
  assert.equal(err('0 0 0 * * *'), 'expected exactly 5 fields, found 6: [0 0 0 * * *]');
  assert.equal(err('60 0 * * *'), 'end of range (60) above maximum (59): 60');
  assert.equal(err('0 0 * * 7'), 'end of range (7) above maximum (6): 7');
  assert.equal(err('0 0 0 * *'), 'beginning of range (0) below minimum (1): 0');
  assert.equal(err('0 0 * * XYZ'), 'failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax');
  assert.equal(err('5-1 * * * *'), 'beginning of range (5) beyond end of range (1): 5-1');
  assert.equal(err('*/0 * * * *'), 'step of range should be a positive number: */0');
  assert.equal(err('1-2-3 * * * *'), 'too many hyphens: 1-2-3');
  assert.equal(err('*/2/3 * * * *'), 'too many slashes: */2/3');
  assert.equal(err('@fortnightly'), 'unrecognized descriptor: @fortnightly');
  assert.equal(err('@every 5x'), 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"');
  assert.equal(err('xyz'), 'expected exactly 5 fields, found 1: [xyz]');
  assert.equal(err('0 0 * jan-mar MON-fri'), 'ok', 'names are case-insensitive');
});

test('time.ParseDuration subset for @every', () => {
  assert.equal(parseGoDuration('1h30m'), 5_400_000);
  assert.equal(parseGoDuration('1.5s'), 1500);
  assert.throws(() => parseGoDuration('5'), /missing unit/);
});

test('spec.timeZone: the schedule is read on that zone\'s wall clock', () => {
  assert.equal(nextAfter(sched('0 8 * * *'), utc('2025-01-01T00:00:00'), 'Asia/Shanghai'), utc('2025-01-02T00:00:00'));
  assert.equal(nextAfter(sched('0 8 * * *'), utc('2025-01-01T00:00:00')), utc('2025-01-01T08:00:00'));
  assert.equal(nextAfter(sched('0 9 * * *'), utc('2025-07-01T00:00:00'), 'Europe/Paris'), utc('2025-07-01T07:00:00'), 'summer time, UTC+2');
});
