Feature: DaemonSet (chapter 5.2)
  A DaemonSet runs one Pod on each node - precisely, on each node that matches its nodeSelector
  or affinity and whose taints it tolerates. A node that joins gets one; a node that leaves
  loses it. The book's system DaemonSets are kube-proxy and the flannel network, both on the
  host's network.

  Dated: the book's flannel DaemonSet lived in kube-system; current flannel installs into its own
  namespace kube-flannel. The book's node-exporter-daemonset.yml says extensions/v1beta1; the
  runnable examples/node-exporter-daemonset.yml is apps/v1 with the selector it requires. The
  book calls the field hostName; it is hostNetwork.

  Background:
    Given a cluster with 3 nodes

  @claim:ds.one-per-node
  Scenario: The system DaemonSets run one Pod on every node, the control plane included
    When I run "kubectl get daemonset --namespace=kube-system"
    Then the output table has columns:
      | NAME | DESIRED | CURRENT | READY | UP-TO-DATE | AVAILABLE | NODE SELECTOR | AGE |
    And the output table matches:
      | NAME       | DESIRED | CURRENT | READY | NODE SELECTOR          |
      | kube-proxy | 3       | 3       | 3     | kubernetes.io/os=linux |
    And daemonset "kube-system/kube-proxy" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And daemonset "kube-flannel/kube-flannel-ds" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And every pod of daemonset "kube-system/kube-proxy" runs on a different node

  @claim:ds.one-per-node @claim:ds.host-network
  Scenario: The book's node exporter runs once on each worker, on the node's own network
    Given the example file "node-exporter-daemonset.yml"
    When I run "kubectl apply -f node-exporter-daemonset.yml"
    Then the output contains "daemonset.apps/node-exporter-daemonset created"
    And within 2 minutes every pod of daemonset "node-exporter-daemonset" is Running
    And daemonset "node-exporter-daemonset" has one pod on each of nodes "k8s-node1, k8s-node2"
    And every pod of daemonset "node-exporter-daemonset" has the IP of its node
    When I run "kubectl get pod -o wide"
    Then the output table matches:
      | NAME                                | READY | STATUS  | IP             | NODE      |
      | node-exporter-daemonset-[a-z0-9]{5} | 1/1   | Running | 192.168.56.101 | k8s-node1 |
      | node-exporter-daemonset-[a-z0-9]{5} | 1/1   | Running | 192.168.56.102 | k8s-node2 |
    And daemonset "node-exporter-daemonset" has "status.desiredNumberScheduled" equal to "2"
    And daemonset "node-exporter-daemonset" has "status.numberReady" equal to "2"

  @claim:ds.host-network
  Scenario: Without hostNetwork a Pod gets its own IP from the node's Pod CIDR
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: own-ip
      spec:
        nodeSelector:
          kubernetes.io/hostname: k8s-node1
        containers:
        - name: nginx
          image: nginx:1.7.9
      """
    Then within 1 minute pod "own-ip" is Running
    And pod "own-ip" has "status.podIP" matching "^10\.244\.1\.\d+$"
    And pod "own-ip" has "status.hostIP" equal to "192.168.56.101"

  @claim:ds.one-per-node
  Scenario: A node that joins the cluster gets the DaemonSet's Pod
    Given the example file "node-exporter-daemonset.yml"
    And I run "kubectl apply -f node-exporter-daemonset.yml"
    And within 2 minutes daemonset "node-exporter-daemonset" has one pod on each of nodes "k8s-node1, k8s-node2"
    When node "k8s-node3" joins the cluster
    Then within 2 minutes daemonset "node-exporter-daemonset" has one pod on each of nodes "k8s-node1, k8s-node2, k8s-node3"
    And within 1 minute every pod of daemonset "node-exporter-daemonset" is Running

  @claim:ds.one-per-node
  Scenario: A node that leaves the cluster loses the DaemonSet's Pod
    Given the example file "node-exporter-daemonset.yml"
    And I run "kubectl apply -f node-exporter-daemonset.yml"
    And within 2 minutes daemonset "node-exporter-daemonset" has one pod on each of nodes "k8s-node1, k8s-node2"
    When I run "kubectl delete node k8s-node2"
    Then within 2 minutes daemonset "node-exporter-daemonset" has one pod on each of nodes "k8s-node1"
    And daemonset "node-exporter-daemonset" has "status.desiredNumberScheduled" equal to "1"

  @claim:ds.one-per-node
  Scenario: A DaemonSet with a nodeSelector runs only on the matching nodes
    Given node "k8s-node2" is labelled disktype=ssd
    When I apply:
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: ssd-monitor
      spec:
        selector:
          matchLabels:
            app: ssd-monitor
        template:
          metadata:
            labels:
              app: ssd-monitor
          spec:
            nodeSelector:
              disktype: ssd
            containers:
            - name: main
              image: busybox
              command: ["sh", "-c", "sleep 100000"]
      """
    Then within 2 minutes daemonset "ssd-monitor" has one pod on each of nodes "k8s-node2"
    When I run "kubectl label node k8s-node1 disktype=ssd"
    Then within 2 minutes daemonset "ssd-monitor" has one pod on each of nodes "k8s-node1, k8s-node2"

  @claim:kubectl.edit-shows-state @claim:ds.host-network
  Scenario: kubectl edit shows the flannel DaemonSet's configuration and status
    When I run "kubectl edit daemonset kube-flannel-ds --namespace=kube-flannel"
    Then the output has a line matching "^kind: DaemonSet$"
    And the output has a line matching "^      hostNetwork: true$"
    And the output has a line matching "^status:$"
    And the output has a line matching "^  numberReady: 3$"
    And the output has a line matching "^  desiredNumberScheduled: 3$"
    And the cluster is unchanged

  @claim:ds.one-per-node
  Scenario: kubectl rollout status follows a DaemonSet's rolling update node by node
    RollingUpdate with maxUnavailable 1 replaces one node's Pod at a time; rollout status reads
    the DaemonSet's updatedNumberScheduled and numberAvailable (DaemonSetStatusViewer), one line per
    write of the DaemonSet: the old Pod's deletion and the new Pod's creation are writes of their own.
    Given the example file "node-exporter-daemonset.yml"
    And I run "kubectl apply -f node-exporter-daemonset.yml"
    And within 2 minutes every pod of daemonset "node-exporter-daemonset" is Running
    When I run "kubectl set image daemonset/node-exporter-daemonset node-exporter=prom/node-exporter:v1.8.0"
    And I run "kubectl rollout status daemonset/node-exporter-daemonset"
    Then the output is:
      """
      Waiting for daemon set "node-exporter-daemonset" rollout to finish: 1 out of 2 new pods have been updated...
      Waiting for daemon set "node-exporter-daemonset" rollout to finish: 1 out of 2 new pods have been updated...
      Waiting for daemon set "node-exporter-daemonset" rollout to finish: 1 out of 2 new pods have been updated...
      Waiting for daemon set "node-exporter-daemonset" rollout to finish: 1 of 2 updated pods are available...
      daemon set "node-exporter-daemonset" successfully rolled out

      """
    And daemonset "node-exporter-daemonset" has one pod on each of nodes "k8s-node1, k8s-node2"
