import { Given, Then, When } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import * as probe from '../support/probes';

// Nodes: labels, failures, recoveries, new nodes joining; their Ready status and taints.

Given('node {string} is labelled {selector}', function (this: SimWorld, node: string, labels: Record<string, string>) {
  this.labelNode(node, labels);
});

When('node {string} fails', function (this: SimWorld, node: string) {
  this.failNode(node);
});

When('node {string} recovers', function (this: SimWorld, node: string) {
  this.recoverNode(node);
});

When('node {string} joins the cluster', function (this: SimWorld, node: string) {
  this.addNode(node);
});

When('node {string} joins the cluster labelled {selector}', function (this: SimWorld, node: string, labels: Record<string, string>) {
  this.addNode(node, labels);
});

Then('node {string} is {word}', function (this: SimWorld, node: string, status: string) {
  this.expect(probe.nodeIs(node, status), `node ${node} to be ${status}`);
});

Then('within {duration} node {string} is {word}', function (this: SimWorld, ms: number, node: string, status: string) {
  this.advanceUntil(ms, probe.nodeIs(node, status), `node ${node} to be ${status}`);
});

Then('for {duration} node {string} stays {word}', function (this: SimWorld, ms: number, node: string, status: string) {
  this.expectThroughout(ms, probe.nodeIs(node, status), `node ${node} to stay ${status}`);
});

Then('node {string} has taint {string}', function (this: SimWorld, node: string, taint: string) {
  this.expect(probe.nodeHasTaint(node, taint), `node ${node} to have the taint ${taint}`);
});

Then('node {string} has no taint {string}', function (this: SimWorld, node: string, taint: string) {
  this.expect(probe.nodeHasTaint(node, taint, false), `node ${node} not to have the taint ${taint}`);
});
