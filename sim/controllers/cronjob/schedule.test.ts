import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStandard, type Schedule } from './cron';
import { mostRecentScheduleTime, nextScheduleDelayMs } from './schedule';

// pkg/controller/cronjob/utils_test.go TestMostRecentScheduleTime, in spirit: earliest, now, and the
// most recent slot the controller would run.

const s = (spec: string): Schedule => { const r = parseStandard(spec); if (!r.ok) throw new Error(r.error); return r.schedule; };
const t = (hhmmss: string, day = '2025-01-01') => Date.parse(`${day}T${hhmmss}Z`);
const show = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString().slice(0, 19));

test('no slot since the earliest time: none missed', () => {
  const r = mostRecentScheduleTime(s('0 * * * *'), t('10:00:00'), 0, t('10:30:00'), undefined);
  assert.equal(r.missed, 'none');
  assert.equal(r.mostRecentMs, undefined);
});

test('one slot missed: that slot; several: only the most recent, never a backlog', () => {
  assert.equal(show(mostRecentScheduleTime(s('0 * * * *'), t('10:00:00'), 0, t('11:00:00'), undefined).mostRecentMs), '2025-01-01T11:00:00');
  const r = mostRecentScheduleTime(s('0 * * * *'), t('10:00:00'), 0, t('13:30:00'), undefined);
  assert.equal(show(r.mostRecentMs), '2025-01-01T13:00:00');
  assert.equal(r.missed, 'few');
});

test('the creation time counts when there was no schedule yet', () => {
  assert.equal(show(mostRecentScheduleTime(s('*/1 * * * *'), undefined, t('00:00:06'), t('00:01:00'), undefined).mostRecentMs), '2025-01-01T00:01:00');
  assert.equal(mostRecentScheduleTime(s('*/1 * * * *'), undefined, t('00:00:06'), t('00:00:59'), undefined).missed, 'none');
});

test('more than 100 missed slots: many, but the most recent is still returned', () => {
  const r = mostRecentScheduleTime(s('*/1 * * * *'), t('00:00:00'), 0, t('03:00:30'), undefined);
  assert.equal(r.missed, 'many');
  assert.equal(show(r.mostRecentMs), '2025-01-01T03:00:00');
});

test('startingDeadlineSeconds moves the earliest time to now - SDS', () => {
  const r = mostRecentScheduleTime(s('0 * * * *'), t('10:00:00'), 0, t('13:30:00'), 600);
  assert.equal(r.missed, 'none', '13:00 is older than 10 minutes');
  assert.equal(show(mostRecentScheduleTime(s('0 * * * *'), t('10:00:00'), 0, t('13:05:00'), 600).mostRecentMs), '2025-01-01T13:00:00');
});

test('a schedule that never fires (Feb 31) is an error', () => {
  assert.equal(mostRecentScheduleTime(s('59 23 31 2 *'), undefined, 0, t('00:00:00'), undefined).error, 'time difference between two schedules is less than 1 second');
});

test('@every: the most recent slot counted from the earliest time', () => {
  assert.equal(show(mostRecentScheduleTime(s('@every 1h'), t('10:00:00'), 0, t('15:10:00'), undefined).mostRecentMs), '2025-01-01T15:00:00');
});

test('requeue: 100 ms after the slot that follows the most recent one', () => {
  assert.equal(nextScheduleDelayMs(s('*/1 * * * *'), t('00:01:00'), 0, t('00:01:00')), 60_100);
  assert.equal(nextScheduleDelayMs(s('*/1 * * * *'), undefined, t('00:00:06'), t('00:00:06')), 54_100);
});
