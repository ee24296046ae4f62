// github.com/robfig/cron/v3 as Kubernetes uses it: ParseStandard (parser.go: 5 fields minute hour
// dom month dow, `?` = `*`, names, `a-b/step`, descriptors @yearly..@hourly and `@every <duration>`)
// and SpecSchedule.Next (spec.go), with the same error messages. Times are Unix ms; the schedule is
// evaluated on the wall clock of `offsetMs(t)` (UTC when no time zone is given).

const STAR_BIT = 2n ** 63n;

interface Bounds { readonly min: number; readonly max: number; readonly names?: Readonly<Record<string, number>> }
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** A parsed schedule: either field bit sets (SpecSchedule) or a constant delay (@every). */
export type Schedule =
  | { readonly kind: 'spec'; readonly minute: bigint; readonly hour: bigint; readonly dom: bigint; readonly month: bigint; readonly dow: bigint }
  | { readonly kind: 'every'; readonly delayMs: number };

export type ParseResult = { readonly ok: true; readonly schedule: Schedule } | { readonly ok: false; readonly error: string };

class CronError extends Error {}

/** getBits: the bits from min to max stepping by step. */
function bits(min: number, max: number, step: number): bigint {
  let b = 0n;
  if (step === 1) {
    for (let i = min; i <= max; i++) b |= 1n << BigInt(i);
    return b;
  }
  for (let i = min; i <= max; i += step) b |= 1n << BigInt(i);
  return b;
}
const all = (r: Bounds): bigint => bits(r.min, r.max, 1) | STAR_BIT;

/** mustParseInt (strconv.Atoi's messages). */
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const num = Number.parseInt(expr, 10);
  if (!Number.isSafeInteger(num) || Math.abs(num) > 9223372036854775807) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  if (num < 0) throw new CronError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names: Bounds['names']): number {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : mustParseInt(expr);
}

/** getRange: `*`, `?`, `n`, `a-b`, each with an optional `/step`. */
function getRange(expr: string, r: Bounds): bigint {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let extra = 0n;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min; end = r.max; extra = STAR_BIT;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (singleDigit) end = r.max; // "N/step" means "N-max/step"
    if (step > 1) extra = 0n;
  } else throw new CronError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  return bits(start, end, step) | extra;
}

function getField(field: string, r: Bounds): bigint {
  let b = 0n;
  for (const expr of field.split(',').filter((s) => s !== '')) b |= getRange(expr, r);
  return b;
}

/** Go's time.ParseDuration, for @every. Returns ms (sub-ms precision is dropped by the schedule anyway). */
export function parseGoDuration(s: string): number {
  const orig = s;
  if (s === '0') return 0;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) { neg = s[0] === '-'; s = s.slice(1); }
  if (s === '') throw new CronError(`time: invalid duration ${JSON.stringify(orig)}`);
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*(?:\.[0-9]*)?)([^0-9.]*)/.exec(s);
    if (m === null || m[1] === '' || m[1] === '.') throw new CronError(`time: invalid duration ${JSON.stringify(orig)}`);
    if (m[2] === '') throw new CronError(`time: missing unit in duration ${JSON.stringify(orig)}`);
    const unit = units[m[2]];
    if (unit === undefined) throw new CronError(`time: unknown unit ${JSON.stringify(m[2])} in duration ${JSON.stringify(orig)}`);
    total += Number.parseFloat(m[1]) * unit;
    s = s.slice(m[0].length);
  }
  return neg ? -total : total;
}

function parseDescriptor(descriptor: string): Schedule {
  const spec = (minute: bigint, hour: bigint, dom: bigint, month: bigint, dow: bigint): Schedule => ({ kind: 'spec', minute, hour, dom, month, dow });
  const one = (r: Bounds) => 1n << BigInt(r.min);
  switch (descriptor) {
    case '@yearly': case '@annually': return spec(one(MINUTES), one(HOURS), one(DOM), one(MONTHS), all(DOW));
    case '@monthly': return spec(one(MINUTES), one(HOURS), one(DOM), all(MONTHS), all(DOW));
    case '@weekly': return spec(one(MINUTES), one(HOURS), all(DOM), all(MONTHS), one(DOW));
    case '@daily': case '@midnight': return spec(one(MINUTES), one(HOURS), all(DOM), all(MONTHS), all(DOW));
    case '@hourly': return spec(one(MINUTES), all(HOURS), all(DOM), all(MONTHS), all(DOW));
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    let ms: number;
    try { ms = parseGoDuration(descriptor.slice(every.length)); } catch (e) { throw new CronError(`failed to parse duration ${descriptor}: ${(e as Error).message}`); }
    // constantdelay.go Every: at least one second, rounded down to the second.
    return { kind: 'every', delayMs: ms < 1000 ? 1000 : Math.floor(ms / 1000) * 1000 };
  }
  throw new CronError(`unrecognized descriptor: ${descriptor}`);
}

/** Go's fmt %s of a []string: `[a b c]`. */
const goList = (fields: readonly string[]) => `[${fields.join(' ')}]`;

/**
 * cron.ParseStandard. The error text is robfig's, which the API server puts after
 * `spec.schedule: Invalid value: "<schedule>": `.
 *
 * | spec              | result                                          |
 * |-------------------|-------------------------------------------------|
 * | `*\/1 * * * *`     | every minute                                    |
 * | `0 0 * * 7`       | error `end of range (7) above maximum (6): 7`   |
 * | `* * * *`         | error `expected exactly 5 fields, found 4: [* * * *]` |
 * | `@every 90s`      | every 90 s from the previous run                |
 */
export function parseStandard(spec: string): ParseResult {
  try {
    if (spec.length === 0) throw new CronError('empty spec string');
    let s = spec;
    if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) {
      const i = s.indexOf(' ');
      const eq = s.indexOf('=');
      const zone = i < 0 ? s.slice(eq + 1) : s.slice(eq + 1, i);
      if (!isKnownTimeZone(zone)) throw new CronError(`provided bad location ${zone}: unknown time zone ${zone}`);
      s = i < 0 ? '' : s.slice(i).trim();
    }
    if (s.startsWith('@')) return { ok: true, schedule: parseDescriptor(s) };
    const fields = s.split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: ${goList(fields)}`);
    const schedule: Schedule = {
      kind: 'spec',
      minute: getField(fields[0], MINUTES),
      hour: getField(fields[1], HOURS),
      dom: getField(fields[2], DOM),
      month: getField(fields[3], MONTHS),
      dow: getField(fields[4], DOW),
    };
    return { ok: true, schedule };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The time zone prefix of a schedule (`TZ=Europe/Paris 0 * * * *`), if any. */
export function scheduleTimeZone(spec: string): string | undefined {
  if (!spec.startsWith('TZ=') && !spec.startsWith('CRON_TZ=')) return undefined;
  const i = spec.indexOf(' ');
  return spec.slice(spec.indexOf('=') + 1, i < 0 ? undefined : i);
}

/** Whether the IANA time zone database (through Intl) knows a zone, as time.LoadLocation does. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === 'UTC' || zone === '') return true;
  if (zone === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC offset (ms) of `zone` at Unix ms `t`; 0 for UTC. */
export function zoneOffsetMs(zone: string | undefined, t: number): number {
  if (zone === undefined || zone === 'UTC' || zone === 'Etc/UTC' || zone === '') return 0;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

function dayMatches(s: Extract<Schedule, { kind: 'spec' }>, d: Date): boolean {
  const domMatch = ((1n << BigInt(d.getUTCDate())) & s.dom) > 0n;
  const dowMatch = ((1n << BigInt(d.getUTCDay())) & s.dow) > 0n;
  if ((s.dom & STAR_BIT) > 0n || (s.dow & STAR_BIT) > 0n) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

const has = (set: bigint, n: number) => ((1n << BigInt(n)) & set) > 0n;

/**
 * Schedule.Next: the first activation strictly after `t` (Unix ms), or undefined (Go's zero time)
 * when none exists within five years (`0 0 30 2 *`). `zone` is the CronJob's time zone.
 */
export function nextAfter(schedule: Schedule, t: number, zone?: string): number | undefined {
  if (schedule.kind === 'every') return t + schedule.delayMs - (((t % 1000) + 1000) % 1000);
  const offset = zoneOffsetMs(zone, t);
  const wall = nextWall(schedule, t + offset);
  if (wall === undefined) return undefined;
  // Back to UTC with the offset in force at the result (DST changes between t and then).
  const guess = wall - offset;
  return wall - zoneOffsetMs(zone, guess);
}

/** SpecSchedule.Next on a wall clock expressed as UTC ms. */
function nextWall(s: Extract<Schedule, { kind: 'spec' }>, t0: number): number | undefined {
  let d = new Date(Math.floor(t0 / 1000) * 1000 + 1000); // the upcoming second
  let added = false;
  const yearLimit = d.getUTCFullYear() + 5;
  const set = (y: number, mo: number, day: number, h: number, mi: number, sec: number) => { d = new Date(Date.UTC(y, mo, day, h, mi, sec)); };
  for (;;) {
    if (d.getUTCFullYear() > yearLimit) return undefined;
    let wrap = false;
    while (!has(s.month, d.getUTCMonth() + 1)) {
      if (!added) { added = true; set(d.getUTCFullYear(), d.getUTCMonth(), 1, 0, 0, 0); }
      set(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
      if (d.getUTCMonth() === 0) { wrap = true; break; }
    }
    if (wrap) continue;
    while (!dayMatches(s, d)) {
      if (!added) { added = true; set(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 0, 0, 0); }
      set(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
      if (d.getUTCDate() === 1) { wrap = true; break; }
    }
    if (wrap) continue;
    while (!has(s.hour, d.getUTCHours())) {
      if (!added) { added = true; set(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), 0, 0); }
      d = new Date(d.getTime() + 3_600_000);
      if (d.getUTCHours() === 0) { wrap = true; break; }
    }
    if (wrap) continue;
    while (!has(s.minute, d.getUTCMinutes())) {
      if (!added) { added = true; d = new Date(Math.floor(d.getTime() / 60_000) * 60_000); }
      d = new Date(d.getTime() + 60_000);
      if (d.getUTCMinutes() === 0) { wrap = true; break; }
    }
    if (wrap) continue;
    // The second field of a standard spec is always 0.
    while (d.getUTCSeconds() !== 0) {
      if (!added) { added = true; d = new Date(Math.floor(d.getTime() / 1000) * 1000); }
      d = new Date(d.getTime() + 1000);
      if (d.getUTCSeconds() === 0) { wrap = true; break; }
    }
    if (wrap) continue;
    return d.getTime();
  }
}
