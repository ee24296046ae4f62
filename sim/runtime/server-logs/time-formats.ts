// The clocks servers print, from virtual time (containers run in UTC: no TZ in the images).
//
// | format               | example                           | printed by                          |
// |----------------------|-----------------------------------|-------------------------------------|
// | nginxErrorLogTime    | 2025/01/01 00:00:03               | nginx's error log (ngx_cached_err_log_time) |
// | commonLogTime        | 01/Jan/2025:00:00:03 +0000        | %t / $time_local in access logs     |
// | apacheErrorLogTime   | Wed Jan 01 00:00:03.000123 2025   | httpd 2.4's error log (with µs)     |
// | apacheErrorLogTime   | Wed Jan 01 00:00:03 2025          | httpd 2.2's error log (micros off)  |

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => String(n).padStart(2, '0');

function clock(d: Date): string {
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

export function nginxErrorLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${clock(d)}`;
}

export function commonLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${clock(d)} +0000`;
}

/** `micros`: the digits after the millisecond (0-999), or undefined for httpd 2.2's whole seconds. */
export function apacheErrorLogTime(epochMs: number, micros?: number): string {
  const d = new Date(epochMs);
  const frac = micros === undefined ? '' : `.${String(d.getUTCMilliseconds() * 1000 + micros).padStart(6, '0')}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${clock(d)}${frac} ${d.getUTCFullYear()}`;
}
