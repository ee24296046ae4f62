import { Given, When } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import { behaviourOf } from '../sim/runtime/image-behaviours';
import { scrapeKubeStateMetrics, withUsage } from '../sim/metrics/index';

// Monitoring (chapter 14): what a container uses (read by metrics-server and kubectl top), and an
// exporter's page as Prometheus would scrape it.

interface Quantity { readonly text: string; readonly value: number }

// example: Given image "stress:v1" uses 120m CPU and 64Mi memory
Given('image {string} uses {quantity} CPU and {quantity} memory', function (this: SimWorld, image: string, cpu: Quantity, memory: Quantity) {
  const base = behaviourOf(this.cluster.tables.images, image);
  this.declareImage(image, withUsage(base, { cpuMillis: Math.ceil(cpu.value * 1000 - 1e-9), memoryBytes: Math.ceil(memory.value) }));
});

// example: When I scrape kube-state-metrics
When('I scrape kube-state-metrics', function (this: SimWorld) {
  if (this.unverifiedFailure !== undefined) throw new Error(`an earlier step failed and no step checked it: ${this.unverifiedFailure}`);
  const line = 'wget -qO- http://kube-state-metrics.kube-system:8080/metrics';
  const got = scrapeKubeStateMetrics(this.view());
  const failed = 'error' in got;
  this.lastCommand = { cluster: this.cluster, stdout: failed ? '' : got.body, stderr: failed ? `${got.error}\n` : '', exitCode: failed ? 1 : 0, line };
  if (failed) this.unverifiedFailure = `"${line}" failed: ${got.error}`;
});
