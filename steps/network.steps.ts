import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import * as net from '../support/network';
import { expectConnections, keepProxyState, proxyModeOf, switchProxyMode } from '../support/network-proxy';

// Connections through the simulated Pod network: from a Pod, a node or outside the cluster, to a
// name, a ClusterIP, a NodePort, a Pod IP. Targets are "host:port" or URLs; "$VAR" words are
// names or addresses remembered earlier. What the connections leave in kube-proxy (IPVS rr turn,
// ClientIP affinity) stays in the cluster for the next step and for wget in containers.

const pod = (ref: ObjectName): net.Client => ({ pod: ref });
const node = (name: string): net.Client => ({ node: name });
const outside: net.Client = { external: true };

function expectConnection(world: SimWorld, client: net.Client, target: string, outcome: net.Outcome, withinMs?: number): void {
  const to = world.resolve(target);
  const writes = new net.ProxyWrites();
  expectConnections(world, writes, net.connectionEnds(world.seed, client, to, outcome, writes), `a connection from ${net.showClient(client)} to ${to} to be ${outcome}`, withinMs);
}

Then('pod {name} can reach {string}', function (this: SimWorld, from: ObjectName, target: string) {
  expectConnection(this, pod(from), target, 'answered');
});

Then('within {duration} pod {name} can reach {string}', function (this: SimWorld, ms: number, from: ObjectName, target: string) {
  expectConnection(this, pod(from), target, 'answered', ms);
});

Then('pod {name} cannot reach {string}', function (this: SimWorld, from: ObjectName, target: string) {
  const to = this.resolve(target);
  const writes = new net.ProxyWrites();
  const reaches = net.connectionEnds(this.seed, pod(from), to, 'answered', writes);
  expectConnections(this, writes, (v) => { const c = reaches(v); return { ok: !c.ok, actual: c.actual }; }, `pod ${from.name} not to reach ${to}`);
});

Then('a connection from pod {name} to {string} {outcome}', function (this: SimWorld, from: ObjectName, target: string, outcome: net.Outcome) {
  expectConnection(this, pod(from), target, outcome);
});

Then('a connection from node {string} to {string} {outcome}', function (this: SimWorld, from: string, target: string, outcome: net.Outcome) {
  expectConnection(this, node(from), target, outcome);
});

Then('node {string} can reach {string}', function (this: SimWorld, from: string, target: string) {
  expectConnection(this, node(from), target, 'answered');
});

Then('from outside the cluster {string} answers', function (this: SimWorld, target: string) {
  expectConnection(this, outside, target, 'answered');
});

Then('from outside the cluster {string} does not answer', function (this: SimWorld, target: string) {
  expectConnection(this, outside, target, 'timed out');
});

Then('from outside the cluster port {int} answers on every node', function (this: SimWorld, port: number) {
  const writes = new net.ProxyWrites();
  expectConnections(this, writes, net.answersOnEveryNode(this.seed, port, writes), `every node to answer on port ${port} from outside the cluster`);
});

Then('pod {name} can reach pod {name} on port {int}', function (this: SimWorld, from: ObjectName, to: ObjectName, port: number) {
  expectConnection(this, pod(from), `${net.podAddress(this.view(), to)}:${port}`, 'answered');
});

Then('node {string} can reach pod {name} on port {int}', function (this: SimWorld, from: string, to: ObjectName, port: number) {
  expectConnection(this, node(from), `${net.podAddress(this.view(), to)}:${port}`, 'answered');
});

Then('from outside the cluster pod {name} cannot be reached on port {int}', function (this: SimWorld, to: ObjectName, port: number) {
  expectConnection(this, outside, `${net.podAddress(this.view(), to)}:${port}`, 'timed out');
});

When('I remember the IP of pod {name} as {string}', function (this: SimWorld, ref: ObjectName, variable: string) {
  this.vars.set(variable.replace(/^\$/, ''), net.podAddress(this.view(), ref));
});

When('I remember the IP of node {string} as {string}', function (this: SimWorld, name: string, variable: string) {
  this.vars.set(variable.replace(/^\$/, ''), net.nodeAddress(this.view(), name));
});

Then('pod {name} no longer has the IP {string}', function (this: SimWorld, ref: ObjectName, ip: string) {
  const old = this.resolve(ip);
  this.expect((v) => { const now = net.podAddress(v, ref); return { ok: now !== old, actual: `it still has ${now}` }; }, `pod ${ref.name} to have a new IP (not ${old})`);
});

Then('{int} connections from pod {name} to {string} are balanced over the pods of {kind} {name} within {int}%',
  function (this: SimWorld, n: number, from: ObjectName, target: string, kind: string, owner: ObjectName, tolerance: number) {
    const writes = new net.ProxyWrites();
    expectConnections(this, writes, net.balanced(this.seed, pod(from), this.resolve(target), n, kind, owner, tolerance, writes), `${n} connections to ${target} to be shared evenly (±${tolerance}%) by the ready pods of ${kind.toLowerCase()} ${owner.name}`);
  });

Then('{int} connections from pod {name} to {string} are all answered by ready pods', function (this: SimWorld, n: number, from: ObjectName, target: string) {
  const writes = new net.ProxyWrites();
  expectConnections(this, writes, net.onlyReadyAnswer(this.seed, pod(from), this.resolve(target), n, writes), `all ${n} connections to ${target} to be answered by ready pods`);
});

Then('{int} connections from pod {name} to {string} are all answered by the same pod', function (this: SimWorld, n: number, from: ObjectName, target: string) {
  const writes = new net.ProxyWrites();
  expectConnections(this, writes, (v) => {
    const s = net.spreadOf(v, this.seed, pod(from), this.resolve(target), n, writes);
    return { ok: s.failures === 0 && s.counts.size === 1, actual: `got: ${net.showSpread(s, n)}` };
  }, `all ${n} connections to ${target} to reach one pod (sessionAffinity ClientIP)`);
});

Then('{int} connections from pod {name} to {string} are all answered by pod {string}', function (this: SimWorld, n: number, from: ObjectName, target: string, who: string) {
  const want = this.resolve(who);
  const writes = new net.ProxyWrites();
  expectConnections(this, writes, (v) => {
    const s = net.spreadOf(v, this.seed, pod(from), this.resolve(target), n, writes);
    return { ok: s.failures === 0 && s.counts.size === 1 && s.counts.has(want), actual: `got: ${net.showSpread(s, n)}` };
  }, `all ${n} connections to ${target} to reach pod ${want}`);
});

When('I remember the pod answering pod {name} on {string} as {string}', function (this: SimWorld, from: ObjectName, target: string, variable: string) {
  const writes = new net.ProxyWrites();
  this.vars.set(variable.replace(/^\$/, ''), net.answeringPod(this.view(), this.seed, pod(from), this.resolve(target), writes));
  keepProxyState(this, writes);
});

// Switches kube-proxy's mode in a running cluster (the kube-proxy ConfigMap's mode; iptables is kubeadm's default).
Given('the cluster\'s kube-proxy runs in {word} mode', function (this: SimWorld, mode: string) {
  switchProxyMode(this, proxyModeOf(mode));
});

Then('{int} connections from pod {name} to {string} go round-robin over the pods of {kind} {name}',
  function (this: SimWorld, n: number, from: ObjectName, target: string, kind: string, owner: ObjectName) {
    const writes = new net.ProxyWrites();
    expectConnections(this, writes, net.roundRobin(this.seed, pod(from), this.resolve(target), n, kind, owner, this, writes), `${n} connections to ${target} to take the ready pods of ${kind.toLowerCase()} ${owner.name} in turn (IPVS rr)`);
  });

Then('the reachability on port {int} is:', function (this: SimWorld, port: number, table: DataTable) {
  this.expect(net.reachability(port, table.raw()), `the reachability on port ${port} to be:\n${net.formatTable(table.raw())}\n `);
});

Then('no pod of {kind} {name} has the IP {string}', function (this: SimWorld, kind: string, owner: ObjectName, ip: string) {
  const old = this.resolve(ip);
  this.expect(net.noPodHasIP(kind, owner, old), `no pod of ${kind.toLowerCase()} ${owner.name} to have the IP ${old}`);
});

Then('a connection from outside the cluster to {string} {outcome}', function (this: SimWorld, target: string, outcome: net.Outcome) {
  expectConnection(this, outside, target, outcome);
});

Then('a connection from pod {name} to pod {name} on port {int} {outcome}', function (this: SimWorld, from: ObjectName, to: ObjectName, port: number, outcome: net.Outcome) {
  expectConnection(this, pod(from), `${net.podAddress(this.view(), to)}:${port}`, outcome);
});
