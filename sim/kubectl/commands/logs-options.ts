import type { LogsOptions } from '../../runtime/logs';
import type { ParsedArgs } from '../flags';
import { bool, int, str } from '../flags';
import { parseDuration } from '../duration';

// kubectl logs' flags as the PodLogOptions it sends (logs.go ToLogOptions), checked as its
// Validate does, with its messages. Times are virtual: --since counts back from the cluster's now.

export type LogsRequest = { readonly opts: LogsOptions; readonly allContainers: boolean } | { readonly error: string };

/** Go's time.ParseDuration for a Duration flag; a bare 0 is allowed, a leading '-' is negative. */
export function goDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const negative = text.startsWith('-');
  const ms = parseDuration(negative ? text.slice(1) : text);
  return ms === undefined ? undefined : negative ? -ms : ms;
}

export function logsRequest(args: ParsedArgs, selected: boolean, container: string | undefined, nowMs: number, epochMs: number): LogsRequest {
  const sinceText = str(args, 'since') ?? '0s';
  const sinceMs = goDuration(sinceText);
  if (sinceMs === undefined) return { error: `error: invalid argument "${sinceText}" for "--since" flag: time: invalid duration "${sinceText}"\nSee 'kubectl logs --help' for usage.` };
  const sinceTime = str(args, 'since-time') ?? '';
  const allContainers = bool(args, 'all-containers');
  const limitBytes = int(args, 'limit-bytes') ?? 0;
  const tail = int(args, 'tail') ?? -1;
  if (sinceTime !== '' && sinceMs !== 0) return { error: 'error: at most one of `sinceTime` or `sinceSeconds` may be specified' };
  if (allContainers && container !== undefined) return { error: `error: --all-containers=true should not be specified with container name ${container}` };
  if (limitBytes < 0) return { error: 'error: --limit-bytes must be greater than 0' };
  if (sinceMs < 0) return { error: 'error: --since must be greater than 0' };
  if (tail < -1) return { error: 'error: --tail must be greater than or equal to -1' };
  let fromMs: number | undefined;
  if (sinceMs > 0) fromMs = nowMs - Math.ceil(sinceMs / 1000) * 1000; // sinceSeconds, rounded up
  if (sinceTime !== '') {
    const at = Date.parse(sinceTime);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(sinceTime) || Number.isNaN(at)) {
      return { error: `error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"` };
    }
    fromMs = Math.floor(at / 1000) * 1000 - epochMs; // metav1.Time: whole seconds
  }
  // logs.go Complete: with a selector --tail defaults to 10 lines a container.
  const tailOpt = tail >= 0 ? { tail } : selected ? { tail: 10 } : {};
  return {
    allContainers,
    opts: { timestamps: bool(args, 'timestamps'), ...tailOpt, ...(fromMs !== undefined ? { sinceMs: fromMs } : {}), ...(limitBytes > 0 ? { limitBytes } : {}) },
  };
}
