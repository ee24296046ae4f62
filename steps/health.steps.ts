import { Then } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import { formatDuration } from '../support/durations';
import { concernsPod, withTimeline } from '../support/temporal';
import { formatSeconds, podHistory } from '../support/temporal-pods';

// Health checks: when a Pod's container became ready, unready, or was restarted, in seconds after
// the Pod first ran, read from the cluster's history.

Then('pod {name} is restarted for the first time {int} seconds after it started', function (this: SimWorld, ref: ObjectName, seconds: number) {
  this.advance(seconds * 1000 + 120_000);
  const h = podHistory(this.cluster.trace.slice(0), ref);
  const first = h.restarts[0];
  if (first === undefined || first !== seconds * 1000) {
    const trace = this.cluster.trace.slice(0);
    throw withTimeline(this, new Error(`Expected pod ${ref.name} to be restarted for the first time ${seconds}s after it started running (t=${formatDuration(h.startedMs ?? 0)}), but ${first === undefined ? 'it was never restarted' : `that happened after ${formatDuration(first)}`}`), trace, 0, trace.length, concernsPod(ref));
  }
});

Then('within {duration} pod {name} has been restarted at {string}', function (this: SimWorld, ms: number, ref: ObjectName, expected: string) {
  this.advance(ms);
  const h = podHistory(this.cluster.trace.slice(0), ref);
  const have = h.restarts.map(formatSeconds).join(', ');
  const want = expected.split(/[,\s]+/).filter(Boolean).join(', ');
  if (have !== want) {
    const trace = this.cluster.trace.slice(0);
    throw withTimeline(this, new Error(`Expected pod ${ref.name} to be restarted at ${want} after it started running, but it was restarted at ${have || 'no time'}`), trace, 0, trace.length, concernsPod(ref));
  }
});

/** "ready at 15s, not-ready at 45s": each change of the Ready condition, in time since the Pod first ran. */
Then('within {duration} the readiness of pod {name} changed as {string}', function (this: SimWorld, ms: number, ref: ObjectName, expected: string) {
  this.advance(ms);
  const h = podHistory(this.cluster.trace.slice(0), ref);
  const have = h.readiness.map((r) => `${r.ready ? 'ready' : 'not-ready'} at ${formatSeconds(r.atMs)}`).join(', ');
  const want = expected.split(/\s*,\s*/).filter(Boolean).join(', ');
  if (have !== want) {
    const trace = this.cluster.trace.slice(0);
    throw withTimeline(this, new Error(`Expected the readiness of pod ${ref.name} to change as\n  ${want}\nbut it changed as\n  ${have || '(never)'}`), trace, 0, trace.length, concernsPod(ref));
  }
});

Then('for {duration} pod {name} is never restarted', function (this: SimWorld, ms: number, ref: ObjectName) {
  this.advance(ms);
  const h = podHistory(this.cluster.trace.slice(0), ref);
  if (h.restarts.length > 0) {
    const trace = this.cluster.trace.slice(0);
    throw withTimeline(this, new Error(`Expected pod ${ref.name} never to be restarted, but it was restarted ${formatDuration(h.restarts[0])} after it started running`), trace, 0, trace.length, concernsPod(ref));
  }
});
