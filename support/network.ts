import { Before, defineParameterType } from '@cucumber/cucumber';
import type { ClusterView } from '../sim/index';
import type { Pod, Service } from '../sim/api/types';
import { fnv32a } from '../sim/api/naming';
import { rngFrom, type Rng } from '../sim/engine/rng';
import { connect, type ConnectFrom, type ConnectResult } from '../sim/network/connect';
import { ProxyState, type ProxyChange } from '../sim/network/proxy-state';
import { resolve } from '../sim/network/dns';
import { serviceBackends } from '../sim/network/backends';
import { reachabilityMatrix } from '../sim/network/policy-matrix';
import { nodeIP } from '../sim/network/addresses';
import { podIP } from '../sim/network/pod-ports';
import { podAcceptsTcp } from '../sim/runtime/serve';
import { isPodReady } from '../sim/controllers/util/pod';
import type { Check, Probe } from './world';
import { mustFind, podsOf, type ObjectName } from './queries';

// What the network steps ask of a cluster snapshot: connections (through sim/network's connect,
// with the runtime saying who listens), name resolution from a namespace, endpoints, and the
// NetworkPolicy reachability matrix. Each question is a Probe, so "within 30s" works too.

/** Scenarios that pin a bug outside sim/network: skipped unless WIP_BUGS=1 (then they fail until fixed). */
Before({ tags: '@wip-bug' }, function () {
  return process.env.WIP_BUGS === '1' ? undefined : 'skipped';
});

/** What a connection came to: the words a scenario uses. */
export type Outcome = 'answered' | 'refused' | 'timed out' | 'not resolved';
const OUTCOMES: Record<string, Outcome> = {
  answered: 'answered', 'is answered': 'answered', succeeds: 'answered',
  'is refused': 'refused', refused: 'refused',
  'times out': 'timed out', 'timed out': 'timed out',
  'does not resolve': 'not resolved', 'is not resolved': 'not resolved', 'fails to resolve': 'not resolved',
};

/** `is refused`, `times out`, `does not resolve`, `is answered` (the result of one connection). */
defineParameterType({
  name: 'outcome',
  regexp: /is answered|succeeds|is refused|times out|does not resolve|fails to resolve/,
  transformer: (text: string) => OUTCOMES[text],
});

export function outcomeOf(r: ConnectResult): Outcome | 'error' {
  switch (r.result) {
    case 'ok': return 'answered';
    case 'refused': return 'refused';
    case 'timeout': return 'timed out';
    case 'nxdomain': return 'not resolved';
    default: return 'error';
  }
}

export function describeResult(r: ConnectResult): string {
  if (r.result === 'ok') {
    const who = r.pod ? `pod ${r.pod.namespace}/${r.pod.name}` : 'an outside host';
    return `it was answered by ${who} at ${r.ip}:${r.port}${r.service ? ` (through service ${r.service.namespace}/${r.service.name})` : ''}`;
  }
  return `it ${r.result === 'error' ? 'failed' : outcomeOf(r)}: ${r.reason}`;
}

/** A client: a Pod, a node, or a host outside the cluster. */
export type Client = { readonly pod: ObjectName } | { readonly node: string } | { readonly external: true };

export function showClient(c: Client): string {
  if ('pod' in c) return `pod ${c.pod.namespace ?? 'default'}/${c.pod.name}`;
  if ('node' in c) return `node ${c.node}`;
  return 'outside the cluster';
}

function fromOf(c: Client): ConnectFrom {
  if ('pod' in c) return { pod: { namespace: c.pod.namespace ?? 'default', name: c.pod.name } };
  if ('node' in c) return { node: c.node };
  return { external: true };
}

/** `http://host:port/path`, `host:port`, `host` (port 80), as wget takes them. */
export function parseTarget(text: string): { host: string; port: number } {
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(?:\/.*)?$/.exec(text.trim());
  if (m === null) throw new Error(`"${text}" is not a host:port or URL (e.g. "httpd-svc:8080", "http://10.244.1.2/")`);
  return { host: m[1], port: m[2] !== undefined ? Number(m[2]) : 80 };
}

/** Connections must replay: each draws from a generator seeded by the scenario seed, the instant and what it asks. */
export function connectionRng(seed: number, view: ClusterView, what: string): Rng {
  return rngFrom(fnv32a(`${seed}|${view.nowMs}|${what}`));
}

const listens = (view: ClusterView) => (pod: Pod, port: number) => podAcceptsTcp(view, pod, port);

/**
 * What the connections of a check left in kube-proxy (rr cursors, ClientIP affinity), as
 * proxy-table changes: a probe records its last evaluation's, and the step applies them to the
 * cluster (keepProxyState), so the next connection, a step's or a container's wget, goes on from there.
 */
export class ProxyWrites {
  changes: readonly ProxyChange[] = [];
  /** The state a check starts from: the cluster's proxy table. */
  start(view: ClusterView): ProxyState { return ProxyState.of(view.table('proxy')); }
  end(state: ProxyState): void { this.changes = state.changes(); }
}

/** What the round-robin check remembers between steps (the World carries it): the last answers per client>target. */
export interface RoundRobinMemory {
  rrHistory?: ReadonlyMap<string, readonly string[]>;
}

declare module './world' {
  interface SimWorld extends RoundRobinMemory {}
}

/** One connection from a client to a target, as the scenario names them, from kube-proxy state `state`. */
export function connectOnce(view: ClusterView, rng: Rng, client: Client, target: string, state: ProxyState): ConnectResult {
  const { host, port } = parseTarget(target);
  return connect(view, rng, fromOf(client), host, port, { listens: listens(view), proxyState: state });
}

/** The connection ends as `expected` (answered, refused, timed out, not resolved). */
export function connectionEnds(seed: number, client: Client, target: string, expected: Outcome, writes = new ProxyWrites()): Probe {
  return (view) => {
    const r = connectOnce(view, connectionRng(seed, view, `${showClient(client)}>${target}`), client, target, writes.start(view));
    writes.end(r.proxyState);
    return { ok: outcomeOf(r) === expected, actual: describeResult(r) };
  };
}

/** The Pod that answers one connection (an error naming the outcome when none does). */
export function answeringPod(view: ClusterView, seed: number, client: Client, target: string, writes: ProxyWrites): string {
  const r = connectOnce(view, connectionRng(seed, view, `${showClient(client)}>${target}`), client, target, writes.start(view));
  writes.end(r.proxyState);
  if (r.result !== 'ok' || r.pod === undefined) throw new Error(`no pod answered the connection from ${showClient(client)} to ${target}: ${describeResult(r)}`);
  return r.pod.name;
}

/** "$IP" words a step's text may carry (picked names, remembered addresses). */
export function podAddress(view: ClusterView, ref: ObjectName): string {
  const pod = mustFind(view, 'Pod', ref) as Pod;
  const ip = podIP(pod);
  if (ip === undefined) throw new Error(`pod ${ref.namespace ?? 'default'}/${ref.name} has no IP yet (phase ${pod.status?.phase ?? 'unknown'})`);
  return ip;
}

export function nodeAddress(view: ClusterView, name: string): string {
  const node = mustFind(view, 'Node', { name });
  const ip = nodeIP(node as never);
  if (ip === undefined) throw new Error(`node ${name} has no InternalIP`);
  return ip;
}

/** NodeIP:port answers from outside the cluster on every node. */
export function answersOnEveryNode(seed: number, port: number, writes = new ProxyWrites()): Probe {
  return (view) => {
    const bad: string[] = [];
    const nodes = view.list('Node');
    let state = writes.start(view);
    for (const n of nodes) {
      const target = `${nodeAddress(view, n.metadata.name)}:${port}`;
      const r = connectOnce(view, connectionRng(seed, view, `outside>${target}`), { external: true }, target, state);
      state = r.proxyState;
      if (r.result !== 'ok') bad.push(`${n.metadata.name} (${target}): ${describeResult(r)}`);
    }
    writes.end(state);
    return { ok: bad.length === 0 && nodes.length > 0, actual: bad.length ? `on ${bad.join('; ')}` : 'there are no nodes' };
  };
}

// ------------------------------------------------------------ load balancing

export interface Spread { readonly counts: ReadonlyMap<string, number>; readonly failures: number; readonly firstFailure?: string }

/** Opens `n` connections in a row (one generator, as kube-proxy draws per connection) and counts who answered. */
export function spreadOf(view: ClusterView, seed: number, client: Client, target: string, n: number, writes = new ProxyWrites()): Spread {
  const rng = connectionRng(seed, view, `spread ${showClient(client)}>${target}`);
  const counts = new Map<string, number>();
  let failures = 0;
  let firstFailure: string | undefined;
  let state = writes.start(view);
  for (let i = 0; i < n; i++) {
    const r = connectOnce(view, rng, client, target, state);
    state = r.proxyState;
    if (r.result === 'ok' && r.pod) counts.set(r.pod.name, (counts.get(r.pod.name) ?? 0) + 1);
    else { failures++; firstFailure ??= describeResult(r); }
  }
  writes.end(state);
  return { counts, failures, ...(firstFailure ? { firstFailure } : {}) };
}

export function showSpread(s: Spread, n: number): string {
  const parts = [...s.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pod, c]) => `${pod} ${c} (${((100 * c) / n).toFixed(1)}%)`);
  return `${parts.join(', ') || 'no pod answered'}${s.failures ? `; ${s.failures} failed (${s.firstFailure})` : ''}`;
}

/** Each ready pod of the owner gets 1/k of the connections, within `tolerancePct` percentage points; no one else answers. */
export function balanced(seed: number, client: Client, target: string, n: number, kind: string, owner: ObjectName, tolerancePct: number, writes = new ProxyWrites()): Probe {
  return (view) => {
    const ready = podsOf(view, kind, owner).filter((p) => isPodReady(p) && p.metadata.deletionTimestamp === undefined).map((p) => p.metadata.name);
    const s = spreadOf(view, seed, client, target, n, writes);
    const share = 100 / Math.max(ready.length, 1);
    const off = ready.filter((p) => Math.abs((100 * (s.counts.get(p) ?? 0)) / n - share) > tolerancePct);
    const strangers = [...s.counts.keys()].filter((p) => !ready.includes(p));
    const ok = ready.length > 0 && s.failures === 0 && off.length === 0 && strangers.length === 0;
    return { ok, actual: `${ready.length} ready pods (${ready.join(', ')}) should each get ${share.toFixed(1)}% ± ${tolerancePct}%, got: ${showSpread(s, n)}` };
  };
}

/**
 * IPVS rr: the connections take the ready pods in a fixed cycle that goes on from the previous
 * round-robin step on the same target (kube-proxy's scheduler state is in the cluster), so each
 * of k pods gets n/k, rounded down or up.
 */
export function roundRobin(seed: number, client: Client, target: string, n: number, kind: string, owner: ObjectName, memory: RoundRobinMemory, writes = new ProxyWrites()): Probe {
  return (view) => {
    const ready = podsOf(view, kind, owner).filter((p) => isPodReady(p) && p.metadata.deletionTimestamp === undefined).map((p) => p.metadata.name);
    const rng = connectionRng(seed, view, `rr ${showClient(client)}>${target}`);
    const key = `${showClient(client)}>${target}`;
    const before = memory.rrHistory?.get(key) ?? [];
    const order: string[] = [];
    const failures: string[] = [];
    let state = writes.start(view);
    for (let i = 0; i < n; i++) {
      const r = connectOnce(view, rng, client, target, state);
      state = r.proxyState;
      if (r.result === 'ok' && r.pod) order.push(r.pod.name);
      else failures.push(describeResult(r));
    }
    writes.end(state);
    const k = ready.length;
    const all = [...before, ...order];
    memory.rrHistory = new Map(memory.rrHistory ?? []).set(key, all.slice(-k));
    const counts = new Map<string, number>();
    for (const p of order) counts.set(p, (counts.get(p) ?? 0) + 1);
    const cyclic = all.every((p, i) => i < k || p === all[i - k]);
    const even = k > 0 && [...counts.keys()].every((p) => ready.includes(p)) && ready.every((p) => Math.abs((counts.get(p) ?? 0) - n / k) < 1);
    const ok = failures.length === 0 && cyclic && even;
    const shown = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, c]) => `${p} ${c}`).join(', ');
    const seq = all.slice(0, before.length + 2 * k);
    return { ok, actual: `${k} ready pods (${ready.join(', ')}); got ${shown || 'no answer'}${cyclic ? '' : `, not in turn (${before.length ? `the previous step ended with ${before.join(', ')}; ` : ''}order: ${seq.join(', ')})`}${failures.length ? `; ${failures.length} failed (${failures[0]})` : ''}` };
  };
}

/** Every one of `n` connections is answered by a ready pod. */
export function onlyReadyAnswer(seed: number, client: Client, target: string, n: number, writes = new ProxyWrites()): Probe {
  return (view) => {
    const s = spreadOf(view, seed, client, target, n, writes);
    const unready = [...s.counts.keys()].filter((name) => {
      const p = view.list<Pod>('Pod').find((x) => x.metadata.name === name);
      return p === undefined || !isPodReady(p);
    });
    return { ok: s.failures === 0 && unready.length === 0 && s.counts.size > 0, actual: `got: ${showSpread(s, n)}${unready.length ? `; not ready: ${unready.join(', ')}` : ''}` };
  };
}

// ------------------------------------------------------------ DNS

/** A stand-in Pod of `namespace` with the default dnsPolicy (ClusterFirst), to resolve names as any Pod there would. */
export function resolverIn(view: ClusterView, namespace: string): Pod {
  if (view.get('Namespace', '', namespace) === undefined) throw new Error(`namespace "${namespace}" does not exist`);
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'dns-client', namespace, uid: `dns-client-${namespace}`, resourceVersion: '', creationTimestamp: '' },
    spec: { containers: [{ name: 'c', image: 'busybox' }], dnsPolicy: 'ClusterFirst' },
    status: { phase: 'Running' },
  } as unknown as Pod;
}

export type Expected = { readonly serviceIP: ObjectName } | { readonly ips: readonly string[] } | { readonly none: true };

function wanted(view: ClusterView, e: Expected): string[] | undefined {
  if ('none' in e) return undefined;
  if ('ips' in e) return [...e.ips].sort();
  const svc = mustFind(view, 'Service', e.serviceIP) as Service;
  return [svc.spec.clusterIP ?? '<none>'];
}

/** `name` resolves from `pod` (or a namespace) to what `expected` says. */
export function resolvesTo(name: string, from: { readonly pod: ObjectName } | { readonly namespace: string }, expected: Expected | ((v: ClusterView) => string[])): Probe {
  return (view) => {
    const pod = 'pod' in from ? mustFind(view, 'Pod', from.pod) as Pod : resolverIn(view, from.namespace);
    const r = resolve(view, pod, name);
    const want = typeof expected === 'function' ? [...expected(view)].sort() : wanted(view, expected);
    const got = r.result === 'ok' ? [...r.ips].sort() : undefined;
    const actual = r.result === 'ok' ? `it resolves to ${got!.join(', ')} (as ${r.fqdn})` : r.result === 'nxdomain' ? `it does not resolve (tried ${r.tried.join(', ')})` : `the lookup times out (${r.reason})`;
    const ok = want === undefined ? r.result !== 'ok' : got !== undefined && got.join(',') === want.join(',');
    return { ok, actual: want === undefined ? actual : `${actual}; expected ${want.join(', ')}` };
  };
}

/** `name` resolves, from a namespace, through a CNAME to `target` (an ExternalName Service). */
export function isCnameFor(name: string, namespace: string, target: string): Probe {
  return (view) => {
    const r = resolve(view, resolverIn(view, namespace), name);
    const want = target.toLowerCase().replace(/\.$/, '');
    if (r.result !== 'ok') return { ok: false, actual: r.result === 'nxdomain' ? `it does not resolve (tried ${r.tried.join(', ')})` : `the lookup times out (${r.reason})` };
    return { ok: r.cname === want, actual: r.cname ? `it is a CNAME for ${r.cname} (as ${r.fqdn})` : `it has no CNAME: it resolves to ${r.ips.join(', ')} (as ${r.fqdn})` };
  };
}

/** The IPs of the ready pods of a workload (what a headless Service's name resolves to). */
export function readyPodIPs(kind: string, owner: ObjectName): (v: ClusterView) => string[] {
  return (view) => podsOf(view, kind, owner).filter((p) => isPodReady(p) && p.metadata.deletionTimestamp === undefined).map((p) => podIP(p)!).filter(Boolean);
}

// ------------------------------------------------------------ endpoints

/** The Service's endpoints as kube-proxy sees them: `ip:port` of ready ones, sorted. */
export function readyEndpoints(view: ClusterView, ref: ObjectName): string[] {
  const svc = mustFind(view, 'Service', ref) as Service;
  const out = new Set<string>();
  for (const b of serviceBackends(view, svc)) if (b.ready) for (const p of b.ports) out.add(`${b.ip}:${p.port}`);
  return [...out].sort();
}

/** Replaces pod names in `pod-name:port` by the pod's IP, so a scenario can say "httpd-a:80". */
function endpointWords(view: ClusterView, text: string, ns: string): string[] {
  return text.split(',').map((w) => w.trim()).filter(Boolean).map((w) => {
    const m = /^(.*):(\d+)$/.exec(w);
    if (m === null || /^\d+\.\d+\.\d+\.\d+$/.test(m[1])) return w;
    return `${podAddress(view, { namespace: ns, name: m[1] })}:${m[2]}`;
  }).sort();
}

export function hasEndpoints(ref: ObjectName, text: string): Probe {
  return (view) => {
    const got = readyEndpoints(view, ref);
    const want = endpointWords(view, text, ref.namespace ?? 'default');
    return { ok: got.join(',') === want.join(','), actual: `its ready endpoints are ${got.join(',') || '<none>'} (expected ${want.join(',')})` };
  };
}

export function readyEndpointCount(ref: ObjectName, n: number): Probe {
  return (view) => {
    const got = readyEndpoints(view, ref);
    return { ok: got.length === n, actual: `it has ${got.length} ready endpoints${got.length ? ` (${got.join(',')})` : ''}` };
  };
}

/** The ready endpoints are exactly the ready pods of a workload, on `port`. */
export function endpointsArePodsOf(ref: ObjectName, kind: string, owner: ObjectName, port: number): Probe {
  return (view) => {
    const want = readyPodIPs(kind, owner)(view).map((ip) => `${ip}:${port}`).sort();
    const got = readyEndpoints(view, ref).filter((e) => e.endsWith(`:${port}`));
    return { ok: want.length > 0 && got.join(',') === want.join(','), actual: `its ready endpoints are ${got.join(',') || '<none>'}, the ready pods are at ${want.join(',') || '<none>'}` };
  };
}

// ------------------------------------------------------------ NetworkPolicy reachability

/** The from × to table on a port, as cyclonus prints it: `.` allowed, `X` blocked. Rows and columns are the table's pods. */
export function reachability(port: number, table: readonly (readonly string[])[]): Probe {
  return (view) => {
    const header = table[0].slice(1).map((c) => c.trim());
    const rowsWanted = table.slice(1);
    const names = [...new Set([...header, ...rowsWanted.map((r) => r[0].trim())])];
    const pods = names.map((n) => {
      const slash = n.indexOf('/');
      return mustFind(view, 'Pod', slash < 0 ? { name: n } : { namespace: n.slice(0, slash), name: n.slice(slash + 1) }) as Pod;
    });
    const m = reachabilityMatrix(view, pods, port);
    const at = (from: string, to: string) => m.rows[names.indexOf(from)][names.indexOf(to)] ? '.' : 'X';
    const actualRows = [['', ...header], ...rowsWanted.map((r) => [r[0].trim(), ...header.map((to) => at(r[0].trim(), to))])];
    const ok = rowsWanted.every((r) => header.every((to, j) => r[j + 1].trim() === at(r[0].trim(), to)));
    return { ok, actual: `it is:\n${formatTable(actualRows)}\n` };
  };
}

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => `      | ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`).join('\n');
}



export function clusterIPOf(view: ClusterView, ref: ObjectName): string {
  const svc = mustFind(view, 'Service', ref) as Service;
  if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') throw new Error(`service ${ref.namespace ?? 'default'}/${ref.name} has no ClusterIP (${svc.spec.clusterIP ?? 'none'})`);
  return svc.spec.clusterIP;
}

export function noPodHasIP(kind: string, owner: ObjectName, ip: string): Probe {
  return (view) => {
    const holder = podsOf(view, kind, owner).find((p) => podIP(p) === ip);
    return { ok: holder === undefined, actual: holder ? `pod ${holder.metadata.name} has it` : '' };
  };
}
