Feature: Leases: node heartbeats and the control plane's leader election
  Each kubelet holds a Lease named after its node in kube-node-lease (40 s, renewed every 10 s);
  the node lifecycle controller reads it to notice a node that stopped reporting. The control
  plane holds Leases in kube-system: kube-controller-manager and kube-scheduler for leader
  election (holder <node>_<uuid>, 15 s) and the API server's identity Lease (apiserver-<hash>,
  labelled apiserver.kubernetes.io/identity=kube-apiserver).

  Background:
    Given a cluster with 3 nodes

  Scenario: kubectl get lease -A lists the node and control plane Leases with their holders
    When I run "kubectl get lease -A"
    Then the output table matches:
      | NAMESPACE       | NAME                         | HOLDER                                                                    |
      | kube-node-lease | k8s-master                   | k8s-master                                                                |
      | kube-node-lease | k8s-node1                    | k8s-node1                                                                 |
      | kube-node-lease | k8s-node2                    | k8s-node2                                                                 |
      | kube-system     | apiserver-[a-z2-7]{26}       | apiserver-[a-z2-7]{26}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} |
      | kube-system     | kube-controller-manager      | k8s-master_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}   |
      | kube-system     | kube-scheduler               | k8s-master_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}   |
    When I run "kubectl get lease -n kube-node-lease k8s-node1 -o jsonpath={.spec.leaseDurationSeconds}/{.metadata.ownerReferences[0].kind}"
    Then the output is:
      """
      40/Node
      """
    When I run "kubectl get lease -n kube-system -l apiserver.kubernetes.io/identity=kube-apiserver -o jsonpath={.items[0].spec.leaseDurationSeconds}"
    Then the output is:
      """
      3600
      """

  Scenario: A node's Lease is renewed while its kubelet runs and no more once it fails
    When 20 seconds pass
    And I run "kubectl get lease -n kube-node-lease k8s-node1 -o jsonpath={.spec.renewTime}"
    Then the output has a line matching "^2025-01-01T00:00:[23]0.000000Z$"
    When node "k8s-node2" fails
    And 2 minutes pass
    And I run "kubectl get lease -n kube-node-lease k8s-node2 -o jsonpath={.spec.renewTime}"
    Then the output has a line matching "^2025-01-01T00:00:[23]0.000000Z$"
    When I run "kubectl get lease -n kube-node-lease k8s-node1 -o jsonpath={.spec.renewTime}"
    Then the output has a line matching "^2025-01-01T00:02:[234]0.000000Z$"
