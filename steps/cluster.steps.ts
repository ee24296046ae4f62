import { Given } from '@cucumber/cucumber';
import type { NetworkPlugin } from '../sim/engine/types';
import type { SimWorld } from '../support/world';
import { networkPlugin } from '../support/vocabulary';
import { createClusterWithProxyMode, proxyModeOf } from '../support/network-proxy';

// Arrange a cluster. Node counts include the control plane, as the book counts its three machines
// (k8s-master, k8s-node1, k8s-node2): "a cluster with 3 nodes" has two workers.

Given('a cluster with {int} nodes', function (this: SimWorld, nodes: number) {
  this.createCluster(workersOf(nodes));
});

Given('a cluster with {int} worker nodes', function (this: SimWorld, workers: number) {
  this.createCluster(workers);
});

Given('a cluster with {int} nodes using {word}', function (this: SimWorld, nodes: number, network: string) {
  this.createCluster(workersOf(nodes), networkPlugin(network) as NetworkPlugin);
});

Given('a cluster with {int} nodes and no pod network', function (this: SimWorld, nodes: number) {
  this.createCluster(workersOf(nodes), 'none');
});

// kubeadm init with a KubeProxyConfiguration whose mode is iptables (the default) or ipvs.
Given('a cluster with {int} nodes whose kube-proxy runs in {word} mode', function (this: SimWorld, nodes: number, mode: string) {
  createClusterWithProxyMode(this, workersOf(nodes), proxyModeOf(mode));
});

function workersOf(nodes: number): number {
  if (nodes < 1) throw new Error(`a cluster needs at least 1 node (the control plane), not ${nodes}`);
  return nodes - 1;
}
