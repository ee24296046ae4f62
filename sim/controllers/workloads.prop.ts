import { test } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { bootstrapCluster, workerNames } from '../cluster/bootstrap';
import { workloadCommands, type Model, type Real, type WorkloadCommand } from '../testing/commands';

// Issue 2's property: for random sequences of apply / scale / delete a Pod / fail, recover or add a
// node / time passing over the full cluster (bootstrapCluster), at every quiet instant every
// ReplicaSet has exactly spec.replicas active Pods, every DaemonSet exactly one Pod per eligible
// node, StatefulSet ordinals are 0..N-1, and no object outlives its owner.
// Replay: FC_SEED=<seed> FC_PATH=<path> node scripts/unit.js workloads.prop

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 25);

test('workload controllers keep their invariants under random operations on a full cluster', (t) => {
  // Bootstrapping once is enough: a Cluster is immutable, every run starts from the same one.
  const start = bootstrapCluster({ nodes: 2, seed: 7, recordTrace: false });
  const workers = workerNames({ nodes: 2 });
  checkProperty(t, 
    fc.property(fc.commands(workloadCommands(), { maxCommands: 12 }), (cmds) => {
      const setup = (): { model: Model; real: Real } => ({
        model: { kinds: new Map(), policies: new Map(), workers: [...workers], failed: new Set(), added: 0 },
        real: { cluster: start },
      });
      fc.modelRun(setup, cmds);
    }),
    {
      claims: ['rs.replicas', 'ds.one-per-node', 'sts.stable-names', 'deploy.keeps-desired-state'],
      numRuns: NUM_RUNS, env: process.env, replay: 'node scripts/unit.js workloads.prop', verbose: 1, includeErrorInReport: true,
    },
  );
});

test('the same start, seed and operations give the same trace, byte for byte', (t) => {
  const start = bootstrapCluster({ nodes: 2, seed: 3 });
  const workers = workerNames({ nodes: 2 });
  const replay = (cmds: readonly WorkloadCommand[]): string => {
    const model: Model = { kinds: new Map(), policies: new Map(), workers: [...workers], failed: new Set(), added: 0 };
    const real: Real = { cluster: start };
    for (const cmd of cmds) if (cmd.check(model)) cmd.run(model, real);
    return JSON.stringify(real.cluster.trace.slice(start.trace.length));
  };
  checkProperty(t,
    fc.property(fc.array(fc.oneof(...workloadCommands()), { maxLength: 8 }), (cmds) => replay(cmds) === replay(cmds)),
    { numRuns: Math.max(5, Math.floor(NUM_RUNS / 5)), env: process.env, replay: 'node scripts/unit.js workloads.prop', includeErrorInReport: true },
  );
});
