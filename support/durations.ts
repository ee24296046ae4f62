// Durations as scenarios write them: Go-style `30s`, `2m`, `1h30m`, `500ms`, or words
// `30 seconds`, `1 minute`, `2 hours`. Returned in milliseconds.

const UNIT_MS: Record<string, number> = {
  ms: 1, s: 1000, m: 60_000, h: 3_600_000,
  millisecond: 1, milliseconds: 1, second: 1000, seconds: 1000, minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000,
};

/** Regex sources for the {duration} parameter type (no capture groups). */
export const DURATION_PATTERNS: readonly RegExp[] = [
  /(?:\d+(?:ms|h|m|s))+/,
  /\d+ (?:milliseconds?|seconds?|minutes?|hours?)/,
];

export function parseDuration(text: string): number {
  const words = text.trim().match(/^(\d+) ([a-z]+)$/);
  if (words) {
    const unit = UNIT_MS[words[2]];
    if (unit === undefined) throw new Error(`duration "${text}": unknown unit "${words[2]}" (use ms, seconds, minutes or hours)`);
    return Number(words[1]) * unit;
  }
  let total = 0;
  let rest = text.trim();
  if (rest === '') throw new Error('duration "": expected e.g. 30s, 2m, 1h30m or "30 seconds"');
  while (rest !== '') {
    const m = rest.match(/^(\d+)(ms|h|m|s)/);
    if (!m) throw new Error(`duration "${text}": expected e.g. 30s, 2m, 1h30m or "30 seconds"`);
    total += Number(m[1]) * UNIT_MS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** 95000 -> "1m35s", the way kubectl and Go print durations (whole seconds when possible). */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${(ms / 1000).toFixed(3).replace(/0+$/, '')}s`;
  let s = ms / 1000;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 || (h === 0 && m === 0) ? `${s}s` : ''}`;
}
