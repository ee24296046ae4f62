import { Then, When } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import { nameList, showName } from '../support/queries';
import * as probe from '../support/probes';
import { statusWord } from '../support/vocabulary';

// Workloads (Deployments, ReplicaSets, DaemonSets, StatefulSets) and their Pods.

When('I delete pod {name}', function (this: SimWorld, pod: ObjectName) {
  this.deleteObject('Pod', pod);
});

When('I delete a pod of {kind} {name}', function (this: SimWorld, kind: string, ref: ObjectName) {
  this.deletePodOf(kind, ref);
});

When('I scale {kind} {name} to {int} replica(s)', function (this: SimWorld, kind: string, ref: ObjectName, replicas: number) {
  this.scale(kind, ref, replicas);
});

Then('{kind} {name} has {int} ready replica(s)', function (this: SimWorld, kind: string, ref: ObjectName, n: number) {
  this.expect(probe.replicaCount(kind, ref, 'ready', n), `${showName(kind, ref)} to have ${n} ready replicas`);
});

Then('{kind} {name} has {int} available replica(s)', function (this: SimWorld, kind: string, ref: ObjectName, n: number) {
  this.expect(probe.replicaCount(kind, ref, 'available', n), `${showName(kind, ref)} to have ${n} available replicas`);
});

Then('within {duration} {kind} {name} has {int} ready replica(s)', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, n: number) {
  this.advanceUntil(ms, probe.replicaCount(kind, ref, 'ready', n), `${showName(kind, ref)} to have ${n} ready replicas`);
});

Then('within {duration} {kind} {name} has {int} available replica(s)', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, n: number) {
  this.advanceUntil(ms, probe.replicaCount(kind, ref, 'available', n), `${showName(kind, ref)} to have ${n} available replicas`);
});

Then('{int} pod(s) of {kind} {name} is/are running', function (this: SimWorld, n: number, kind: string, ref: ObjectName) {
  this.expect(probe.runningPods(kind, ref, n), `${n} pods of ${showName(kind, ref)} to be running`);
});

Then('within {duration} {int} pod(s) of {kind} {name} is/are running', function (this: SimWorld, ms: number, n: number, kind: string, ref: ObjectName) {
  this.advanceUntil(ms, probe.runningPods(kind, ref, n), `${n} pods of ${showName(kind, ref)} to be running`);
});

Then('every pod of {kind} {name} is {word}', function (this: SimWorld, kind: string, ref: ObjectName, status: string) {
  this.expect(probe.allPodsAre(kind, ref, statusWord(status)), `every pod of ${showName(kind, ref)} to be ${status}`);
});

Then('within {duration} every pod of {kind} {name} is {word}', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, status: string) {
  this.advanceUntil(ms, probe.allPodsAre(kind, ref, statusWord(status)), `every pod of ${showName(kind, ref)} to be ${status}`);
});

Then('for {duration} every pod of {kind} {name} stays {word}', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, status: string) {
  this.expectThroughout(ms, probe.allPodsAre(kind, ref, statusWord(status)), `every pod of ${showName(kind, ref)} to stay ${status}`);
});

Then('the pods of {kind} {name} run on nodes {string}', function (this: SimWorld, kind: string, ref: ObjectName, nodes: string) {
  this.expect(probe.runsOnNodes(kind, ref, nameList(nodes)), `the running pods of ${showName(kind, ref)} to be on exactly ${nodes}`);
});

Then('within {duration} the pods of {kind} {name} run on nodes {string}', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, nodes: string) {
  this.advanceUntil(ms, probe.runsOnNodes(kind, ref, nameList(nodes)), `the running pods of ${showName(kind, ref)} to be on exactly ${nodes}`);
});

Then('for {duration} the pods of {kind} {name} still run on nodes {string}', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, nodes: string) {
  this.expectThroughout(ms, probe.runsOnNodes(kind, ref, nameList(nodes)), `the running pods of ${showName(kind, ref)} to stay on exactly ${nodes}`);
});

Then('the pods of {kind} {name} are spread over {int} node(s)', function (this: SimWorld, kind: string, ref: ObjectName, count: number) {
  this.expect(probe.spreadOver(kind, ref, count), `the running pods of ${showName(kind, ref)} to be spread over ${count} nodes`);
});

Then('no pod of {kind} {name} runs on node {string}', function (this: SimWorld, kind: string, ref: ObjectName, node: string) {
  this.expect(probe.noneOnNode(kind, ref, node), `no pod of ${showName(kind, ref)} on node ${node}`);
});

Then('every pod of {kind} {name} runs on a different node', function (this: SimWorld, kind: string, ref: ObjectName) {
  this.expect(probe.onePerNode(kind, ref), `every pod of ${showName(kind, ref)} to run on its own node`);
});

Then('{kind} {name} has one pod on each of nodes {string}', function (this: SimWorld, kind: string, ref: ObjectName, nodes: string) {
  this.expect(probe.onePodOnEach(kind, ref, nameList(nodes)), `${showName(kind, ref)} to have exactly one pod on each of ${nodes} and none elsewhere`);
});

Then('within {duration} {kind} {name} has one pod on each of nodes {string}', function (this: SimWorld, ms: number, kind: string, ref: ObjectName, nodes: string) {
  this.advanceUntil(ms, probe.onePodOnEach(kind, ref, nameList(nodes)), `${showName(kind, ref)} to have exactly one pod on each of ${nodes} and none elsewhere`);
});

Then('every pod of {kind} {name} has the IP of its node', function (this: SimWorld, kind: string, ref: ObjectName) {
  this.expect(probe.podsUseNodeIP(kind, ref), `every pod of ${showName(kind, ref)} to have its node's IP`);
});

Then('pod {name} is {word}', function (this: SimWorld, pod: ObjectName, status: string) {
  this.expect(probe.podPhase(pod, statusWord(status)), `pod ${pod.namespace ?? 'default'}/${pod.name} to be ${status}`);
});

Then('within {duration} pod {name} is {word}', function (this: SimWorld, ms: number, pod: ObjectName, status: string) {
  this.advanceUntil(ms, probe.podPhase(pod, statusWord(status)), `pod ${pod.namespace ?? 'default'}/${pod.name} to be ${status}`);
});

Then('for {duration} pod {name} stays {word}', function (this: SimWorld, ms: number, pod: ObjectName, status: string) {
  this.expectThroughout(ms, probe.podPhase(pod, statusWord(status)), `pod ${pod.namespace ?? 'default'}/${pod.name} to stay ${status}`);
});

Then('each of nodes {string} runs {int} pod(s) of {kind} {name}', function (this: SimWorld, nodes: string, n: number, kind: string, ref: ObjectName) {
  this.expect(probe.podsPerNode(kind, ref, nameList(nodes), n), `each of ${nodes} to run ${n} running pods of ${showName(kind, ref)}`);
});
