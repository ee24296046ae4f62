import { Then } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import * as net from '../support/network';

// Cluster DNS: what a name resolves to from a namespace (as any Pod there, dnsPolicy ClusterFirst)
// or from a given Pod (its own dnsPolicy and NetworkPolicy egress).

Then('{string} resolves to the ClusterIP of service {name} from namespace {string}', function (this: SimWorld, name: string, svc: ObjectName, ns: string) {
  this.expect(net.resolvesTo(name, { namespace: ns }, { serviceIP: svc }), `"${name}" to resolve to the ClusterIP of service ${svc.name} from namespace ${ns}`);
});

Then('{string} resolves to the ClusterIP of service {name} from pod {name}', function (this: SimWorld, name: string, svc: ObjectName, from: ObjectName) {
  this.expect(net.resolvesTo(name, { pod: from }, { serviceIP: svc }), `"${name}" to resolve to the ClusterIP of service ${svc.name} from pod ${from.name}`);
});

Then('{string} resolves to {string} from namespace {string}', function (this: SimWorld, name: string, ips: string, ns: string) {
  const want = this.resolve(ips).split(',').map((s) => s.trim()).filter(Boolean);
  this.expect(net.resolvesTo(name, { namespace: ns }, { ips: want }), `"${name}" to resolve to ${ips} from namespace ${ns}`);
});

Then('{string} resolves to the ready pods of {kind} {name} from namespace {string}', function (this: SimWorld, name: string, kind: string, owner: ObjectName, ns: string) {
  this.expect(net.resolvesTo(name, { namespace: ns }, net.readyPodIPs(kind, owner)), `"${name}" to resolve to the IPs of the ready pods of ${kind.toLowerCase()} ${owner.name} from namespace ${ns}`);
});

Then('{string} does not resolve from namespace {string}', function (this: SimWorld, name: string, ns: string) {
  this.expect(net.resolvesTo(name, { namespace: ns }, { none: true }), `"${name}" not to resolve from namespace ${ns}`);
});

Then('{string} does not resolve from pod {name}', function (this: SimWorld, name: string, from: ObjectName) {
  this.expect(net.resolvesTo(name, { pod: from }, { none: true }), `"${name}" not to resolve from pod ${from.name}`);
});

Then('{string} is a CNAME for {string} from namespace {string}', function (this: SimWorld, name: string, target: string, ns: string) {
  this.expect(net.isCnameFor(name, ns, target), `"${name}" to be a CNAME for ${target} from namespace ${ns}`);
});
