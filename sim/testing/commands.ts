import fc from 'fast-check';
import type { Cluster } from '../engine/types';
import type { KubeObject, Pod } from '../api/types';
import { advance, applyManifests, submit, viewOf } from '../index';
import { addNode, failNode, recoverNode } from '../cluster/node-ops';
import { checkInvariants } from '../invariants/index';
import { arbImage, arbName, arbReplicas, arbSeconds } from './arbitraries';

// Model-based commands over a whole simulated cluster. Each toString() reads like a step of a
// scenario; after each command the workload invariants are checked at the quiet instant the
// engine leaves the cluster in.

export interface Model {
  readonly kinds: Map<string, 'Deployment' | 'StatefulSet' | 'DaemonSet'>;
  /** podManagementPolicy of each StatefulSet: immutable, so a re-apply keeps it. */
  readonly policies: Map<string, string>;
  readonly workers: string[];
  readonly failed: Set<string>;
  added: number;
}
export interface Real { cluster: Cluster }
export type WorkloadCommand = fc.Command<Model, Real>;

function checked(r: Real, what: string): void {
  const violations = checkInvariants(viewOf(r.cluster));
  if (violations.length > 0) {
    throw new Error(`after ${what} at t=${r.cluster.nowMs / 1000}s the invariants fail:\n  ${violations.join('\n  ')}`);
  }
}

function must(r: Real, what: string, result: { cluster: Cluster; errors: readonly string[] }): void {
  if (result.errors.length > 0) throw new Error(`${what} was refused: ${result.errors.join('; ')}`);
  r.cluster = result.cluster;
}

const yamlDeployment = (name: string, replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: main, image: "${image}"}]
`;
const yamlStatefulSet = (name: string, replicas: number, policy: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  serviceName: ${name}
  podManagementPolicy: ${policy}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: main, image: nginx:1.7.9}]
`;
const yamlDaemonSet = (name: string, ssdOnly: boolean) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${ssdOnly ? '      nodeSelector: {disktype: ssd}\n' : ''}      containers: [{name: main, image: nginx:1.7.9}]
`;

export class ApplyDeployment implements WorkloadCommand {
  constructor(readonly name: string, readonly replicas: number, readonly image: string) {}
  check(m: Readonly<Model>): boolean { return (m.kinds.get(this.name) ?? 'Deployment') === 'Deployment'; }
  run(m: Model, r: Real): void {
    must(r, this.toString(), applyManifests(r.cluster, yamlDeployment(this.name, this.replicas, this.image), { mode: 'apply', source: `${this.name}.yml` }));
    m.kinds.set(this.name, 'Deployment');
    checked(r, this.toString());
  }
  toString(): string { return `apply deployment ${this.name} replicas=${this.replicas} image=${this.image}`; }
}

export class ApplyStatefulSet implements WorkloadCommand {
  constructor(readonly name: string, readonly replicas: number, readonly policy: 'OrderedReady' | 'Parallel') {}
  check(m: Readonly<Model>): boolean {
    return (m.kinds.get(this.name) ?? 'StatefulSet') === 'StatefulSet' && (m.policies.get(this.name) ?? this.policy) === this.policy;
  }
  run(m: Model, r: Real): void {
    must(r, this.toString(), applyManifests(r.cluster, yamlStatefulSet(this.name, this.replicas, this.policy), { mode: 'apply', source: `${this.name}.yml` }));
    m.kinds.set(this.name, 'StatefulSet');
    m.policies.set(this.name, this.policy);
    checked(r, this.toString());
  }
  toString(): string { return `apply statefulset ${this.name} replicas=${this.replicas} ${this.policy}`; }
}

export class ApplyDaemonSet implements WorkloadCommand {
  constructor(readonly name: string, readonly ssdOnly: boolean) {}
  check(m: Readonly<Model>): boolean { return (m.kinds.get(this.name) ?? 'DaemonSet') === 'DaemonSet'; }
  run(m: Model, r: Real): void {
    must(r, this.toString(), applyManifests(r.cluster, yamlDaemonSet(this.name, this.ssdOnly), { mode: 'apply', source: `${this.name}.yml` }));
    m.kinds.set(this.name, 'DaemonSet');
    checked(r, this.toString());
  }
  toString(): string { return `apply daemonset ${this.name}${this.ssdOnly ? ' nodeSelector disktype=ssd' : ''}`; }
}

/** kubectl scale: a replicas update of a Deployment or StatefulSet. */
export class Scale implements WorkloadCommand {
  constructor(readonly name: string, readonly replicas: number) {}
  check(m: Readonly<Model>): boolean { const k = m.kinds.get(this.name); return k === 'Deployment' || k === 'StatefulSet'; }
  run(m: Model, r: Real): void {
    const kind = m.kinds.get(this.name)!;
    const obj = r.cluster.store.get<KubeObject & { spec: { replicas: number } }>(kind, 'default', this.name)!;
    must(r, this.toString(), submit(r.cluster, [{ verb: 'update', object: { ...obj, spec: { ...obj.spec, replicas: this.replicas } } }]));
    checked(r, this.toString());
  }
  toString(): string { return `scale ${this.name} --replicas=${this.replicas}`; }
}

/** kubectl delete (background cascade). */
export class DeleteWorkload implements WorkloadCommand {
  constructor(readonly name: string) {}
  check(m: Readonly<Model>): boolean { return m.kinds.has(this.name); }
  run(m: Model, r: Real): void {
    const kind = m.kinds.get(this.name)!;
    must(r, this.toString(), submit(r.cluster, [{ verb: 'delete', ref: { kind, namespace: 'default', name: this.name }, reason: 'kubectl delete' }]));
    m.kinds.delete(this.name);
    m.policies.delete(this.name);
    checked(r, this.toString());
  }
  toString(): string { return `delete ${this.name}`; }
}

/** kubectl delete pod: the index-th Pod (mod the count) of the default namespace. */
export class DeletePod implements WorkloadCommand {
  constructor(readonly index: number) {}
  check(): boolean { return true; }
  run(_m: Model, r: Real): void {
    const pods = r.cluster.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.deletionTimestamp === undefined);
    if (pods.length === 0) return;
    const name = pods[this.index % pods.length].metadata.name;
    must(r, this.toString(), submit(r.cluster, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name }, reason: 'kubectl delete pod' }]));
    checked(r, `${this.toString()} (${name})`);
  }
  toString(): string { return `delete pod #${this.index}`; }
}

export class Advance implements WorkloadCommand {
  constructor(readonly seconds: number) {}
  check(): boolean { return true; }
  run(_m: Model, r: Real): void {
    r.cluster = advance(r.cluster, this.seconds * 1000);
    checked(r, this.toString());
  }
  toString(): string { return `sleep ${this.seconds}s`; }
}

export class FailNode implements WorkloadCommand {
  constructor(readonly index: number) {}
  check(m: Readonly<Model>): boolean { return m.workers.some((w) => !m.failed.has(w)); }
  run(m: Model, r: Real): void {
    const alive = m.workers.filter((w) => !m.failed.has(w));
    const name = alive[this.index % alive.length];
    const res = failNode(r.cluster, name);
    if (res.error) throw new Error(`${this.toString()}: ${res.error}`);
    r.cluster = res.cluster;
    m.failed.add(name);
    checked(r, `${this.toString()} (${name})`);
  }
  toString(): string { return `node fail #${this.index}`; }
}

export class RecoverNode implements WorkloadCommand {
  constructor(readonly index: number) {}
  check(m: Readonly<Model>): boolean { return m.failed.size > 0; }
  run(m: Model, r: Real): void {
    const failed = [...m.failed].sort();
    const name = failed[this.index % failed.length];
    const res = recoverNode(r.cluster, name);
    if (res.error) throw new Error(`${this.toString()}: ${res.error}`);
    r.cluster = res.cluster;
    m.failed.delete(name);
    checked(r, `${this.toString()} (${name})`);
  }
  toString(): string { return `node recover #${this.index}`; }
}

export class AddNode implements WorkloadCommand {
  constructor(readonly ssd: boolean) {}
  check(m: Readonly<Model>): boolean { return m.added < 2; }
  run(m: Model, r: Real): void {
    const name = `k8s-extra${m.added + 1}`;
    const res = addNode(r.cluster, name, this.ssd ? { labels: { disktype: 'ssd' } } : {});
    if (res.error) throw new Error(`${this.toString()}: ${res.error}`);
    r.cluster = res.cluster;
    m.added++;
    m.workers.push(name);
    checked(r, `${this.toString()} (${name})`);
  }
  toString(): string { return `node add${this.ssd ? ' disktype=ssd' : ''}`; }
}

/** Every workload command, with its arguments drawn from the arbitraries. */
export function workloadCommands(): fc.Arbitrary<WorkloadCommand>[] {
  return [
    fc.tuple(arbName(), arbReplicas(), arbImage()).map(([n, k, i]) => new ApplyDeployment(n, k, i)),
    fc.tuple(arbName(), arbReplicas(4), fc.constantFrom('OrderedReady' as const, 'Parallel' as const)).map(([n, k, p]) => new ApplyStatefulSet(n, k, p)),
    fc.tuple(arbName(), fc.boolean()).map(([n, s]) => new ApplyDaemonSet(n, s)),
    fc.tuple(arbName(), arbReplicas()).map(([n, k]) => new Scale(n, k)),
    arbName().map((n) => new DeleteWorkload(n)),
    fc.nat(50).map((i) => new DeletePod(i)),
    arbSeconds().map((s) => new Advance(s)),
    fc.nat(5).map((i) => new FailNode(i)),
    fc.nat(5).map((i) => new RecoverNode(i)),
    fc.boolean().map((s) => new AddNode(s)),
  ];
}
