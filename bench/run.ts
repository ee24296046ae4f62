// npm run bench: runs each benchmark in its own process (clean heap, honest peak RSS) and writes
// the figures to reports/bench.json. Not a test: figures are measured, printed and recorded.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { runReportBench } from '../support/conformance/bench';

interface Figure { readonly [field: string]: unknown }

// 8 GB of heap: the rolling update of 150,000 Pods peaks at 5.7 GB (old and new Pods both live).
function child(script: string, args: readonly (string | number)[], nodeFlags: readonly string[] = []): Figure {
  const res = spawnSync(process.execPath, ['--max-old-space-size=8192', ...nodeFlags, '--require', 'ts-node/register', join(__dirname, script), ...args.map(String)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) return { script, args, error: (res.stderr || res.stdout).trim().split('\n').slice(-5).join('\n') };
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as Figure;
}

const only = process.argv[2];
const figures: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, node: process.version, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
};

if (!only || only === 'scale') {
  // 5,000 nodes running 150,000 Pods (1,500 Deployments x 100), and how it grows from 15,000.
  const sizes: [number, number, number][] = [[500, 150, 100], [1_667, 500, 100], [5_000, 1_500, 100]];
  figures.clusterScale = sizes.map(([n, d, r]) => {
    const f = child('cluster-scale.ts', [n, d, r]);
    console.log(JSON.stringify(f));
    return f;
  });
}

if (!only || only === 'reports') {
  // The run's own overhead: turning 1,000 scenarios' messages into the three conformance reports.
  runReportBench(1000); // warm-up: module loading and first-call compilation are not per-run costs
  const r = runReportBench(1000);
  figures.reportGeneration = { scenarios: r.scenarios, ms: Math.round(r.ms), bytes: r.bytes };
  console.log(JSON.stringify(figures.reportGeneration));
}

if (!only || only === 'rollout') {
  // Issue 3: every Pod of the foundation benchmark rolled to a new image (nginx:1.27 -> 1.28), to completion.
  const sizes: [number, number, number][] = [[500, 150, 100], [5_000, 1_500, 100]];
  figures.rollingUpdate = sizes.map(([n, d, r]) => {
    const f = child('rolling-update.ts', [n, d, r]);
    console.log(JSON.stringify(f));
    return f;
  });
}

if (!only || only === 'probes') {
  // Issue 3: 1,000 Pods with liveness and readiness probes over 24 virtual hours. "failing": every readiness
  // probe keeps failing, each failure an Unhealthy event; "every-tick": the same with the kubelet waking
  // at each tick (no sleeping through settled failing probes), 2 virtual hours, for comparison.
  const runs: string[][] = [['1000', '24', 'passing'], ['1000', '24', 'failing'], ['1000', '2', 'failing', 'every-tick']];
  figures.probes = runs.map((a) => {
    const f = child('probes.ts', a);
    console.log(JSON.stringify(f));
    return f;
  });
}

if (!only || only === 'memory') {
  // Where the heap goes: retained bytes a Pod per part of the Cluster, at 15,000 Pods, after apply and after a rollout.
  figures.heapBreakdown = [[], ['rollout']].map((extra) => {
    const f = child('heap-breakdown.ts', [500, 150, 100, ...extra], ['--expose-gc']);
    console.log(JSON.stringify(f));
    return f;
  });
}

if (!only || only === 'network') {
  // Issue 4: 1,000 Services, 10,000 Pods, 200 NetworkPolicies (calico): connect() rate and a 1,000-Pod reachability matrix.
  figures.network = child('network.ts', [1000, 10, 200, 5000, 1000, 100]);
  console.log(JSON.stringify(figures.network));
}

mkdirSync('reports', { recursive: true });
writeFileSync(join('reports', 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log('wrote reports/bench.json');
