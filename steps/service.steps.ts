import { Given, Then, When } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import * as net from '../support/network';
import { assignLoadBalancerIP } from '../support/network-cloud';

// A Service's endpoints as kube-proxy sees them (ready EndpointSlice endpoints). Endpoints are
// written "ip:port" or "pod-name:port", comma-separated, in any order.

Then('service {name} has endpoints {string}', function (this: SimWorld, svc: ObjectName, text: string) {
  this.expect(net.hasEndpoints(svc, this.resolve(text)), `service ${svc.name} to have the ready endpoints ${text}`);
});

Then('service {name} has no ready endpoints', function (this: SimWorld, svc: ObjectName) {
  this.expect(net.readyEndpointCount(svc, 0), `service ${svc.name} to have no ready endpoints`);
});

Then('service {name} has {int} ready endpoint(s)', function (this: SimWorld, svc: ObjectName, n: number) {
  this.expect(net.readyEndpointCount(svc, n), `service ${svc.name} to have ${n} ready endpoints`);
});

Then('within {duration} service {name} has {int} ready endpoint(s)', function (this: SimWorld, ms: number, svc: ObjectName, n: number) {
  this.advanceUntil(ms, net.readyEndpointCount(svc, n), `service ${svc.name} to have ${n} ready endpoints`);
});

Then('for {duration} service {name} has {int} ready endpoint(s)', function (this: SimWorld, ms: number, svc: ObjectName, n: number) {
  this.expectThroughout(ms, net.readyEndpointCount(svc, n), `service ${svc.name} to keep ${n} ready endpoints`);
});

Then('the endpoints of service {name} are the ready pods of {kind} {name} on port {int}', function (this: SimWorld, svc: ObjectName, kind: string, owner: ObjectName, port: number) {
  this.expect(net.endpointsArePodsOf(svc, kind, owner, port), `service ${svc.name} to have the ready pods of ${kind.toLowerCase()} ${owner.name} as endpoints on port ${port}`);
});

When('I remember the ClusterIP of service {name} as {string}', function (this: SimWorld, svc: ObjectName, variable: string) {
  this.vars.set(variable.replace(/^\$/, ''), net.clusterIPOf(this.view(), svc));
});

Then('service {name} still has the ClusterIP {string}', function (this: SimWorld, svc: ObjectName, ip: string) {
  const want = this.resolve(ip);
  this.expect((v) => { const got = net.clusterIPOf(v, svc); return { ok: got === want, actual: `its ClusterIP is ${got}` }; }, `service ${svc.name} to keep the ClusterIP ${want}`);
});

// A cloud provider's service controller (k8s.io/cloud-provider controllers/service): it provisions a
// load balancer and writes its address to status.loadBalancer.ingress. The simulator has none, so the
// scenario plays it.
Given('the cloud provider assigns load balancer IP {string} to service {name}', function (this: SimWorld, ip: string, svc: ObjectName) {
  this.cluster = assignLoadBalancerIP(this.cluster, svc, this.resolve(ip));
});
