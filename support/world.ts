import { World, type IWorldOptions } from '@cucumber/cucumber';
import * as sim from '../sim/index';
import type { Cluster, ClusterView, Change } from '../sim/index';
import type { KubeObject } from '../sim/api/types';
import type { NetworkPlugin } from '../sim/engine/types';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { addNode, failNode, recoverNode, type NodeOpResult } from '../sim/cluster/node-ops';
import { runKubectl, type KubectlResult } from '../sim/kubectl/index';
import type { Kubeconfig } from '../sim/kubectl/commands/kubeconfig';
import { closeSession, openSession, typeLine, type Session } from '../sim/kubectl/session';
import { runHelm } from '../sim/helm/index';
import { helmIo } from './helm-io';
import { declareImage, type ImageBehaviour } from '../sim/runtime/images';
import { formatDuration } from './durations';
import { VirtualFiles, readExample } from './files';
import { shellWords } from './shell-words';
import { find, isNamespaced, kindOf, mustFind, ownedBy, showName, type ObjectName } from './queries';

// The cucumber World: one simulated cluster per scenario plus what the steps said and saw. Every
// verb is a thin call into the simulator's public functions; assertions read through viewOf().

/** What an assertion found: whether it holds, and what was there instead (for the message). */
export interface Check {
  readonly ok: boolean;
  readonly actual: string;
}
export type Probe = (view: ClusterView) => Check;

/** The Gherkin keyword group of the running step: Given = Context, When = Action, Then = Outcome. */
export type StepType = 'Context' | 'Action' | 'Outcome' | 'Unknown';

export class SimWorld extends World {
  seed = 0;
  /** `features/x.feature:12`, for the replay command. */
  location = '';
  stepType: StepType = 'Unknown';
  /** cluster.trace.length when the running step started. */
  stepTraceStart = 0;
  private current: Cluster | undefined;
  /** The cluster just before the last act (command, apply, node operation). */
  beforeLastAct: Cluster | undefined;
  readonly files = new VirtualFiles();
  readonly vars = new Map<string, string>();
  /** `exitCodeChecked`: a step checked its exit code (`Then the command exits with code 1`). */
  lastCommand: (KubectlResult & { readonly line: string; readonly exitCodeChecked?: boolean }) | undefined;
  /** The scenario's kubeconfig once a `kubectl config set-*` rewrote it; undefined: kubeadm's admin.conf. */
  kubeconfig: Kubeconfig | undefined;
  lastApply: { readonly lines: readonly string[]; readonly errors: readonly string[] } | undefined;
  /** A failed act no step has checked yet; the next act or the After hook refuses to go on. */
  unverifiedFailure: string | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  // ------------------------------------------------------------ the cluster

  get cluster(): Cluster {
    if (this.current === undefined) throw new Error('no cluster yet: start the scenario (or its Background) with "Given a cluster with 3 nodes"');
    return this.current;
  }
  set cluster(c: Cluster) { this.current = c; }
  get hasCluster(): boolean { return this.current !== undefined; }

  view(): ClusterView { return sim.viewOf(this.cluster); }

  /** A kubeadm-like cluster: the control plane k8s-master plus `workers` nodes k8s-node1.. */
  createCluster(workers: number, network: NetworkPlugin = 'flannel'): void {
    this.current = bootstrapCluster({ nodes: workers, network, seed: this.seed, recordTrace: true });
  }

  // ------------------------------------------------------------ acts

  /** kubectl apply of a YAML text (multi-document). Given: must succeed; When: the outcome is checked by a Then. */
  apply(yaml: string, source = 'STDIN'): void {
    this.beginAct();
    const result = sim.applyManifests(this.cluster, yaml, { mode: 'apply', source });
    this.cluster = result.cluster;
    this.lastApply = { lines: result.lines, errors: result.errors };
    if (result.errors.length > 0) this.failed(`the apply was rejected:\n  ${result.errors.join('\n  ')}`);
  }

  /** Runs a kubectl or helm command line. `$NAME` words are replaced by picked names. */
  run(line: string): void {
    const argv = shellWords(this.resolveCommand(line));
    if (argv[0] === 'helm') return this.helm(argv.slice(1), line);
    if (argv[0] !== 'kubectl') {
      throw new Error(`"${line}": kubespec runs kubectl and helm command lines here; for time use "When 30 seconds pass", for nodes "When node \\"k8s-node2\\" fails"`);
    }
    this.kubectl(argv.slice(1), line);
  }

  kubectl(argv: string[], line = `kubectl ${argv.join(' ')}`): void {
    this.beginAct();
    const result = runKubectl(this.cluster, argv, { readFile: (path) => this.files.read(path), listDir: (dir) => this.files.listDir(dir), kubeconfig: () => this.kubeconfig });
    this.cluster = result.cluster;
    if (result.kubeconfig !== undefined) this.kubeconfig = result.kubeconfig;
    for (const w of result.writes ?? []) this.files.write(w.path, w.data);
    this.lastCommand = { ...result, line };
    if (result.exitCode !== 0) this.failed(`"${line}" exited with ${result.exitCode}:\n${indent(result.stderr || result.stdout)}`);
  }

  /**
   * A kubectl line that attaches to a shell (run -it, attach -it, exec -it POD -- sh), then the
   * lines typed into it until `exit` (or their end); the output is the whole session's.
   */
  runAndType(line: string, typed: string): void {
    this.run(line);
    const first = this.lastCommand!;
    if (first.attach === undefined) throw new Error(`"${line}" did not attach to a shell to type into: use kubectl run -it, kubectl attach -it or kubectl exec -it POD -- sh`);
    let session: Session | undefined = openSession(first.attach);
    let out = { stdout: first.stdout, stderr: first.stderr, exitCode: first.exitCode };
    for (const text of typed.split('\n')) {
      if (session === undefined) throw new Error(`"${text}" was typed after the session ended (exit)`);
      const r = typeLine(this.cluster, session, text);
      this.cluster = r.result.cluster;
      session = r.session;
      out = { stdout: out.stdout + r.result.stdout, stderr: out.stderr + r.result.stderr, exitCode: r.result.exitCode };
    }
    if (session !== undefined) {
      const r = closeSession(this.cluster, session);
      this.cluster = r.cluster;
      out = { stdout: out.stdout + r.stdout, stderr: out.stderr + r.stderr, exitCode: r.exitCode };
    }
    this.lastCommand = { cluster: this.cluster, ...out, line };
  }

  /** helm over the simulator; files helm writes (helm create) join the scenario's files. */
  helm(argv: string[], line = `helm ${argv.join(' ')}`): void {
    this.beginAct();
    const result = runHelm(this.cluster, argv, { ...helmIo(this.files), kubeconfig: () => this.kubeconfig });
    for (const w of result.writes) this.files.declare(w.path, w.data);
    this.cluster = result.cluster;
    this.lastCommand = { ...result, line };
    if (result.exitCode !== 0) this.failed(`"${line}" exited with ${result.exitCode}:\n${indent(result.stderr || result.stdout)}`);
  }

  advance(ms: number): void {
    this.cluster = sim.advance(this.cluster, ms);
  }

  /** Lets time pass until `probe` holds (at most `withinMs`); fails with what was there instead. */
  advanceUntil(withinMs: number, probe: Probe, what: string): void {
    const startMs = this.cluster.nowMs;
    let last: Check = { ok: false, actual: '' };
    const { cluster, reached } = sim.advanceUntil(this.cluster, withinMs, (v) => (last = probe(v)).ok);
    this.cluster = cluster;
    if (reached) return;
    last = probe(this.view());
    if (last.ok) return;
    throw new Error(`Expected ${what} within ${formatDuration(withinMs)}, but after ${formatDuration(this.cluster.nowMs - startMs)} (t=${formatDuration(this.cluster.nowMs)}) ${last.actual}.\n${this.replayHint()}`);
  }

  /** Asserts `probe` holds now, without letting time pass. */
  expect(probe: Probe, what: string): void {
    const check = probe(this.view());
    if (!check.ok) throw new Error(`Expected ${what} (t=${formatDuration(this.cluster.nowMs)}), but ${check.actual}.\n${this.replayHint()}`);
  }

  /** Asserts `probe` holds now and at every quiet instant for the next `forMs`. */
  expectThroughout(forMs: number, probe: Probe, what: string): void {
    this.expect(probe, what);
    const startMs = this.cluster.nowMs;
    let broken: Check | undefined;
    const { cluster } = sim.advanceUntil(this.cluster, forMs, (v) => { const c = probe(v); if (!c.ok) broken = c; return !c.ok; });
    this.cluster = cluster;
    if (broken !== undefined) {
      throw new Error(`Expected ${what} for ${formatDuration(forMs)}, but at t=${formatDuration(this.cluster.nowMs)} (after ${formatDuration(this.cluster.nowMs - startMs)}) ${broken.actual}.\n${this.replayHint()}`);
    }
  }

  failNode(name: string): void { this.nodeOp(failNode(this.cluster, name), `node ${name} fails`); }
  recoverNode(name: string): void { this.nodeOp(recoverNode(this.cluster, name), `node ${name} recovers`); }
  addNode(name: string, labels?: Record<string, string>): void {
    this.nodeOp(addNode(this.cluster, name, labels ? { labels } : {}), `node ${name} joins`);
  }

  labelNode(name: string, labels: Readonly<Record<string, string>>): void {
    const node = mustFind(this.view(), 'Node', { name });
    this.submit([{ verb: 'update', object: { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, ...labels } } } }], `label node ${name}`);
  }

  deleteObject(kind: string, ref: ObjectName): void {
    const obj = mustFind(this.view(), kind, ref);
    this.submit([{ verb: 'delete', ref: { kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name }, reason: 'deleted by the scenario' }], `delete ${kind} ${obj.metadata.name}`);
  }

  /** Deletes the first (by name) non-terminating pod `owner` controls. */
  deletePodOf(ownerKind: string, owner: ObjectName): void {
    this.pick('Pod', ownerKind, owner, 'DELETED_POD');
    this.deleteObject('Pod', { namespace: owner.namespace, name: this.vars.get('DELETED_POD')! });
  }

  scale(kind: string, ref: ObjectName, replicas: number): void {
    const obj = mustFind(this.view(), kind, ref);
    this.submit([{ verb: 'update', object: { ...obj, spec: { ...(obj.spec as object), replicas } } }], `scale ${kind} ${obj.metadata.name}`);
  }

  declareImage(image: string, behaviour: ImageBehaviour): void {
    this.cluster = declareImage(this.cluster, image, behaviour);
  }

  // ------------------------------------------------------------ files, names

  declareFile(path: string, text: string): void { this.files.declare(path, text); }

  /** Makes examples/<path> readable as `as` (default: its own name), as if the book's file were in the working directory. */
  useExample(path: string, as = path.replace(/^.*\//, '')): void {
    const text = readExample(path);
    if (text === undefined) throw new Error(`examples/${path.replace(/^examples\//, '')} does not exist`);
    this.files.declare(as, text);
  }

  /** Remembers the name of an object of `kind` owned by `owner` (first by name) as `$VAR`. */
  pick(kind: string, ownerKind: string, owner: ObjectName, variable: string): void {
    const view = this.view();
    const objs = ownedBy(view, mustFind(view, ownerKind, owner), kind).filter((o) => o.metadata.deletionTimestamp === undefined);
    if (objs.length === 0) throw new Error(`${showName(ownerKind, owner)} has no ${kind.toLowerCase()}s to pick from`);
    this.vars.set(variable.replace(/^\$/, ''), objs[0].metadata.name);
  }

  get(kindWord: string, ref: ObjectName): KubeObject {
    return mustFind(this.view(), kindOf(kindWord), ref);
  }

  exists(kind: string, ref: ObjectName): boolean {
    return find(this.view(), kind, ref) !== undefined;
  }

  /** Marks the last failure as checked by an assertion. */
  verifyFailure(): void { this.unverifiedFailure = undefined; }

  replayHint(): string {
    return `  replay: npx kubespec run ${this.location} --seed ${this.seed}`;
  }

  // ------------------------------------------------------------ internals

  /** `line` with every `$NAME` replaced by the name picked as it. */
  resolve(line: string): string {
    return line.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => {
      const value = this.vars.get(name);
      if (value === undefined) throw new Error(`"${line}" uses ${whole}, which no step has picked; e.g. When I pick a pod of deployment "web" as "${whole}"`);
      return value;
    });
  }

  /**
   * A command line with `$NAME` replaced as sh expands variables: not inside '...', so a Go
   * template's `{{range $k, $v := .data}}` reaches kubectl as written.
   */
  resolveCommand(line: string): string {
    let out = '';
    let from = 0;
    let quote: '' | "'" | '"' = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote === '' && c === '\\') { i++; continue; }
      if (quote === '"' && c === '\\') { i++; continue; }
      if (quote === '' && c === "'") { out += this.resolve(line.slice(from, i)); from = i; quote = "'"; continue; }
      if (quote === "'" && c === "'") { out += line.slice(from, i + 1); from = i + 1; quote = ''; continue; }
      if (quote === '' && c === '"') quote = '"';
      else if (quote === '"' && c === '"') quote = '';
    }
    return out + (quote === "'" ? line.slice(from) : this.resolve(line.slice(from)));
  }

  private submit(changes: Change[], what: string): void {
    this.beginAct();
    const result = sim.submit(this.cluster, changes, 'kubespec');
    if (result.errors.length > 0) throw new Error(`${what}: refused: ${result.errors.join('; ')}`);
    this.cluster = result.cluster;
  }

  private nodeOp(result: NodeOpResult, what: string): void {
    this.beginAct();
    if (result.error !== undefined) throw new Error(`${what}: ${result.error}`);
    this.cluster = result.cluster;
  }

  private beginAct(): void {
    if (this.unverifiedFailure !== undefined) {
      throw new Error(`an earlier step failed and no step checked it: ${this.unverifiedFailure}\n  check it with "Then the command fails with:" or "Then the apply is rejected with ..."`);
    }
    this.beforeLastAct = this.current;
  }

  private failed(message: string): void {
    if (this.stepType === 'Context') throw new Error(`${message}\n  (a Given step must succeed)`);
    this.unverifiedFailure = message;
  }
}

function indent(text: string): string {
  return text.trimEnd().split('\n').map((l) => `  ${l}`).join('\n');
}

