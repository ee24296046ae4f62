Feature: Choosing nodes with labels and nodeSelector (chapter 5.1)
  By default the scheduler may use every available node; labels on nodes and a nodeSelector in
  the Pod template narrow the choice. Precisely: every Ready, schedulable node whose taints the
  Pod tolerates - a kubeadm control-plane node carries node-role.kubernetes.io/control-plane:NoSchedule,
  so ordinary Pods do not land on k8s-master.

  Background:
    Given a cluster with 3 nodes

  @claim:sched.all-nodes-by-default
  Scenario: Replicas go to every worker node, never to the tainted control plane
    Given the example file "nginx.yml"
    And node "k8s-master" has taint "node-role.kubernetes.io/control-plane:NoSchedule"
    When I run "kubectl apply -f nginx.yml"
    And I run "kubectl scale deployment nginx-deployment --replicas=6"
    Then within 2 minutes 6 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node1, k8s-node2"
    And no pod of deployment "nginx-deployment" runs on node "k8s-master"

  @claim:labels.key-value
  Scenario: Any resource carries key/value labels
    When I run "kubectl label node k8s-node1 disktype=ssd"
    Then the output contains "node/k8s-node1 labeled"
    And node "k8s-node1" has "metadata.labels.disktype" equal to "ssd"
    When I run "kubectl get node --show-labels"
    Then the output table has columns:
      | NAME | STATUS | ROLES | AGE | VERSION | LABELS |
    And the output table contains rows:
      | NAME      | LABELS                          |
      | k8s-node1 | .*\bdisktype=ssd\b.*            |
      | k8s-node2 | .*kubernetes.io/hostname=k8s-node2.* |
    When I run "kubectl get node k8s-node2 --show-labels"
    Then the output does not contain "disktype"
    Given the example file "nginx.yml"
    When I run "kubectl apply -f nginx.yml"
    And I run "kubectl label deployment nginx-deployment owner=team-a"
    Then deployment "nginx-deployment" has "metadata.labels.owner" equal to "team-a"

  @claim:sched.node-selector @claim:labels.key-value
  Scenario: The book's nodeSelector puts all six replicas on the node labelled disktype=ssd
    Given the example file "nginx-nodeselector.yml" as "nginx.yml"
    When I run "kubectl label node k8s-node1 disktype=ssd"
    And I run "kubectl apply -f nginx.yml"
    Then within 2 minutes 6 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node1"
    When I run "kubectl get pod -o wide"
    Then the output table has 6 rows
    And the output table contains rows:
      | NAME                                      | STATUS  | NODE      |
      | nginx-deployment-[4-9bcdf]+-[a-z0-9]{5}   | Running | k8s-node1 |

  @claim:sched.node-selector
  Scenario: With no matching node the Pods stay Pending until a node gets the label
    Given the example file "nginx-nodeselector.yml" as "nginx.yml"
    When I run "kubectl apply -f nginx.yml"
    Then for 2 minutes every pod of deployment "nginx-deployment" stays Pending
    And there is an event "FailedScheduling" for a pod of deployment "nginx-deployment" with message matching "^0/3 nodes are available: .*node\(s\) didn't match Pod's node affinity/selector"
    When I run "kubectl label node k8s-node2 disktype=ssd"
    Then within 2 minutes 6 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node2"

  @claim:sched.node-selector
  Scenario: Removing the label does not move Pods already running there
    Given the example file "nginx-nodeselector.yml" as "nginx.yml"
    When I run "kubectl label node k8s-node1 disktype=ssd"
    And I run "kubectl apply -f nginx.yml"
    And within 2 minutes 6 pods of deployment "nginx-deployment" are running
    And I run "kubectl label node k8s-node1 disktype-"
    Then the output contains "node/k8s-node1 unlabeled"
    And node "k8s-node1" has no "metadata.labels.disktype"
    And for 5 minutes the pods of deployment "nginx-deployment" still run on nodes "k8s-node1"
    And 6 pods of deployment "nginx-deployment" are running
