Feature: Node maintenance with taint, cordon, drain and uncordon
  kubectl taint changes a node's taints (pkg/cmd/taint), kubectl cordon marks it unschedulable
  and kubectl drain cordons it and then evicts its Pods through the Eviction API, waiting until
  they are gone (pkg/cmd/drain, pkg/drain). Mirror (static) Pods are never evicted; DaemonSet
  Pods stop the drain unless --ignore-daemonsets, Pods that declare no controller unless --force,
  and Pods with emptyDir volumes unless --delete-emptydir-data. PodDisruptionBudgets are not
  simulated: every eviction is allowed.

  Background:
    Given a cluster with 3 nodes
    And the example file "nginx.yml"

  @claim:sched.all-nodes-by-default
  Scenario: Removing the control-plane taint lets ordinary Pods land on k8s-master
    When I run "kubectl taint nodes k8s-master node-role.kubernetes.io/control-plane-"
    Then the output is:
      """
      node/k8s-master untainted
      """
    And node "k8s-master" has no taint "node-role.kubernetes.io/control-plane:NoSchedule"
    When I run "kubectl apply -f nginx.yml"
    And I run "kubectl scale deployment nginx-deployment --replicas=9"
    Then within 2 minutes 9 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-master, k8s-node1, k8s-node2"
    When I run "kubectl taint nodes k8s-master node-role.kubernetes.io/control-plane-"
    Then the command fails with:
      """
      error: taint "node-role.kubernetes.io/control-plane" not found
      """

  Scenario: A second value for the same key and effect needs --overwrite
    When I run "kubectl taint nodes k8s-node1 dedicated=web:NoSchedule"
    Then the output is:
      """
      node/k8s-node1 tainted
      """
    When I run "kubectl taint nodes k8s-node1 dedicated=db:NoSchedule"
    Then the command fails with:
      """
      error: node k8s-node1 already has dedicated taint(s) with same effect(s) and --overwrite is false
      """
    When I run "kubectl taint nodes k8s-node1 dedicated=db:NoSchedule --overwrite"
    Then the output is:
      """
      node/k8s-node1 modified
      """
    And node "k8s-node1" has "spec.taints[0].value" equal to "db"
    When I run "kubectl taint nodes k8s-node1"
    Then the command fails with "error: at least one taint update is required"

  @claim:sched.all-nodes-by-default
  Scenario: A NoSchedule taint keeps new Pods off a node; a NoExecute taint evicts the Pods already there
    When I run "kubectl taint nodes k8s-node1 dedicated=web:NoSchedule"
    And I run "kubectl apply -f nginx.yml"
    And I run "kubectl scale deployment nginx-deployment --replicas=4"
    Then within 2 minutes 4 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node2"
    When I run "kubectl taint nodes k8s-node1 dedicated-"
    And I run "kubectl taint nodes k8s-node2 maintenance=now:NoExecute"
    Then within 2 minutes the pods of deployment "nginx-deployment" run on nodes "k8s-node1"
    And within 2 minutes 4 pods of deployment "nginx-deployment" are running
    And daemonset "kube-system/kube-proxy" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"

  Scenario: cordon keeps new Pods off a node without touching the Pods on it; uncordon undoes it
    When I run "kubectl cordon k8s-node1"
    Then the output is:
      """
      node/k8s-node1 cordoned
      """
    And within 10 seconds node "k8s-node1" has "spec.taints[0].key" equal to "node.kubernetes.io/unschedulable"
    When I run "kubectl cordon k8s-node1"
    Then the output is:
      """
      node/k8s-node1 already cordoned
      """
    When I run "kubectl get nodes"
    Then the output table contains rows:
      | NAME      | STATUS                   |
      | k8s-node1 | Ready,SchedulingDisabled |
      | k8s-node2 | Ready                    |
    When I run "kubectl apply -f nginx.yml"
    Then within 2 minutes 2 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node2"
    When I run "kubectl uncordon k8s-node1"
    Then the output is:
      """
      node/k8s-node1 uncordoned
      """
    And node "k8s-node1" has no "spec.unschedulable"

  Scenario: drain refuses DaemonSet Pods and bare Pods, but has already cordoned the node
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bare
      spec:
        nodeName: k8s-node1
        containers:
        - name: nginx
          image: nginx:1.7.9
      """
    And within 1 minute pod "bare" has "status.phase" equal to "Running"
    When I run "kubectl drain k8s-node1"
    Then the command fails with:
      """
      There are pending nodes to be drained:
       k8s-node1
      cannot delete Pods that declare no controller (use --force to override): default/bare
      """
    And the error output contains "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-flannel/kube-flannel-ds-"
    And node "k8s-node1" has "spec.unschedulable" equal to "true"
    And pod "bare" exists
    When I run "kubectl drain k8s-node1 --ignore-daemonsets"
    Then the command fails with:
      """
      error: unable to drain node "k8s-node1" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...
      """

  Scenario: drain --ignore-daemonsets evicts the Deployment's Pods, which come back on the other worker
    When I run "kubectl apply -f nginx.yml"
    And I run "kubectl scale deployment nginx-deployment --replicas=4"
    Then within 2 minutes 4 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node1, k8s-node2"
    When I run "kubectl drain k8s-node1 --ignore-daemonsets"
    Then the output contains "node/k8s-node1 cordoned"
    And the output has a line matching "^evicting pod default/nginx-deployment-\w+-\w+$"
    And the output has a line matching "^pod/nginx-deployment-\w+-\w+ evicted$"
    And the output has a line matching "^node/k8s-node1 drained$"
    And the error output contains "Warning: ignoring DaemonSet-managed Pods: kube-flannel/kube-flannel-ds-"
    And within 2 minutes 4 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node2"
    And daemonset "kube-system/kube-proxy" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    When I run "kubectl uncordon k8s-node1"
    Then the output is:
      """
      node/k8s-node1 uncordoned
      """
