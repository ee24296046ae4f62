import { After } from '@cucumber/cucumber';
import type { SimWorld } from '../world';
import { encodeRollouts, rolloutSeries, ROLLOUT_MEDIA_TYPE } from './rollout-series';

// Attaches the scenario's rollouts (compact series from the simulator's trace) to the report, passed
// or failed; conformance.html draws them as SVG. Scenarios without a rollout attach nothing.
After(function (this: SimWorld) {
  if (!this.hasCluster) return;
  const series = rolloutSeries(this.cluster.trace, this.cluster.nowMs);
  if (series.length > 0) this.attach(encodeRollouts(series), ROLLOUT_MEDIA_TYPE);
});
