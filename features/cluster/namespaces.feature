Feature: Namespaces divide one cluster into virtual clusters (chapter 2)
  Names are unique per kind within a namespace; the same name may exist in two namespaces. A
  cluster starts with default, kube-system, kube-public and kube-node-lease (and, with flannel,
  kube-flannel).

  Background:
    Given a cluster with 3 nodes
    And the example file "nginx.yml"

  @claim:ns.virtual-clusters
  Scenario: A new cluster has kubeadm's namespaces
    When I run "kubectl get namespaces"
    Then the output table matches:
      | NAME            | STATUS |
      | default         | Active |
      | kube-flannel    | Active |
      | kube-node-lease | Active |
      | kube-public     | Active |
      | kube-system     | Active |

  @claim:ns.virtual-clusters
  Scenario: The same name lives in two namespaces, but only once in each
    Given I apply:
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team-a
      """
    When I run "kubectl create -f nginx.yml"
    And I run "kubectl create -f nginx.yml --namespace=team-a"
    Then the output contains "deployment.apps/nginx-deployment created"
    And within 2 minutes deployment "default/nginx-deployment" has 2 available replicas
    And within 2 minutes deployment "team-a/nginx-deployment" has 2 available replicas
    When I run "kubectl get deployment --namespace=team-a"
    Then the output table matches:
      | NAME             | READY |
      | nginx-deployment | 2/2   |
    When I run "kubectl create -f nginx.yml --namespace=team-a"
    Then the command fails with:
      """
      Error from server (AlreadyExists): error when creating "nginx.yml": deployments.apps "nginx-deployment" already exists
      """
    And the cluster is unchanged
