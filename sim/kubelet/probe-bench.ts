// Measures probe throughput: N Pods with probes over virtual hours (run by hand:
// node -r ts-node/register sim/kubelet/probe-bench.ts [pods] [hours] [mode]).
// mode "settled": nginx with httpGet liveness+readiness (probes settle; ticks are skipped);
// mode "ticking": an exec liveness probe that reads the clock (`date`), so every tick must run.
import { submit, advance, emptyCluster } from '../engine/loop';
import { controllers } from './index';
import { testContainer, testNode, testPod } from './testing';

const pods = Number(process.argv[2] ?? 1000);
const hours = Number(process.argv[3] ?? 24);
const mode = process.argv[4] ?? 'ticking';
const probe = mode === 'settled'
  ? { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }
  : { exec: { command: ['date'] }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };
const nodes = Math.ceil(pods / 100);
let c = emptyCluster({ seed: 1, recordTrace: false });
const changes = [];
for (let n = 0; n < nodes; n++) changes.push({ verb: 'create' as const, object: testNode(`node${n}`, n) });
for (let i = 0; i < pods; i++) {
  changes.push({ verb: 'create' as const, object: testPod(`p${i}`, { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9', livenessProbe: probe, readinessProbe: probe })] }, `node${i % nodes}`) });
}
c = submit(c, changes, controllers).cluster;
c = advance(c, 60_000, controllers);
const t0 = process.hrtime.bigint();
const ms = hours * 3_600_000;
for (let done = 0; done < ms; done += 3_600_000) c = advance(c, Math.min(3_600_000, ms - done), controllers);
const s = Number(process.hrtime.bigint() - t0) / 1e9;
const probes = pods * 2 * (ms / 10_000);
console.log(JSON.stringify({ mode, pods, hours, wallSeconds: +s.toFixed(2), probeTicksImplied: probes, probesPerSecond: Math.round(probes / s), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) }));
