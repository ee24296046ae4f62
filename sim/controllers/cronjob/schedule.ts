import { nextAfter, type Schedule } from './cron';

// pkg/controller/cronjob/utils.go mostRecentScheduleTime / nextScheduleTimeDuration, in Unix ms.

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  readonly earliestMs: number;
  /** The most recent scheduled time not after now, if any. */
  readonly mostRecentMs?: number;
  readonly missed: Missed;
  readonly error?: string;
}

/**
 * mostRecentScheduleTime. `earliestMs` = lastScheduleTime ?? creationTimestamp (and, with
 * startingDeadlineSeconds, no earlier than now − SDS). t1 = next(earliest), t2 = next(t1).
 *
 * | schedule      | earliest | now      | result                 |
 * |---------------|----------|----------|------------------------|
 * | `*\/1 * * * *` | 00:00:10 | 00:00:50 | none                   |
 * | `*\/1 * * * *` | 00:00:10 | 00:01:30 | 00:01:00 (few)         |
 * | `*\/1 * * * *` | 00:00:10 | 00:05:30 | 00:05:00 (few)         |
 * | `0 * * * *`   | day 0    | day 5    | the last hour (many: 120 missed) |
 */
export function mostRecentScheduleTime(
  schedule: Schedule, lastScheduleMs: number | undefined, createdMs: number, nowMs: number,
  startingDeadlineSeconds: number | undefined, zone?: string,
): MostRecent {
  let earliestMs = lastScheduleMs ?? createdMs;
  if (startingDeadlineSeconds !== undefined) {
    const deadline = nowMs - startingDeadlineSeconds * 1000;
    if (deadline > earliestMs) earliestMs = deadline;
  }
  // Go's Next returns the zero time when nothing matches within five years ("59 23 31 2 *"); the
  // two zero times then differ by 0 s, which is the error below.
  const t1 = nextAfter(schedule, earliestMs, zone);
  if (t1 === undefined) return { earliestMs, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  if (nowMs < t1) return { earliestMs, missed: 'none' };
  const t2 = nextAfter(schedule, t1, zone);
  if (t2 === undefined) return { earliestMs, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  if (nowMs < t2) return { earliestMs, mostRecentMs: t1, missed: 'few' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliestMs, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((nowMs - t1) / 1000);
  const missed = Math.trunc(elapsed / between) + 1;
  let mostRecentMs: number | undefined;
  const potentialEarliest = t1 + (missed - 1 - 1) * between * 1000;
  for (let t = nextAfter(schedule, potentialEarliest, zone); t !== undefined && t <= nowMs; t = nextAfter(schedule, t, zone)) mostRecentMs = t;
  if (missed > 100) return { earliestMs, mostRecentMs, missed: 'many' };
  if (mostRecentMs === undefined) return { earliestMs, missed: 'none' };
  return { earliestMs, mostRecentMs, missed: 'few' };
}

/** nextScheduleDelta: requeue 100 ms after the next slot (NTP skew). */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** nextScheduleTimeDuration: how long until the slot after the most recent one (plus 100 ms). */
export function nextScheduleDelayMs(schedule: Schedule, lastScheduleMs: number | undefined, createdMs: number, nowMs: number, zone?: string): number | undefined {
  const r = mostRecentScheduleTime(schedule, lastScheduleMs, createdMs, nowMs, undefined, zone);
  const from = r.error !== undefined ? nowMs : r.mostRecentMs ?? r.earliestMs;
  const next = nextAfter(schedule, from, zone);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}
