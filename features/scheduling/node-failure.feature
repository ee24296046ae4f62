Feature: A failed node's Pods are replaced elsewhere (chapter 5.1)
  Nodes run the containers and report their state; when one stops reporting, the control plane
  notices and, after a while, recreates its Pods on healthy nodes so the replica count holds.

  Dated: the book shows the lost node's Pods as Unknown. Current Kubernetes marks the node
  NotReady (Ready condition Unknown) after node-monitor-grace-period (50 s since v1.32), taints it
  node.kubernetes.io/unreachable:NoExecute, and evicts its Pods only when their default
  toleration of that taint (tolerationSeconds 300) runs out: they then show Terminating until the
  node comes back, and the ReplicaSet creates replacements at once. DaemonSet Pods tolerate the
  taint forever and are not evicted.

  Background:
    Given a cluster with 3 nodes
    And the file "nginx.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web_server
        template:
          metadata:
            labels:
              app: web_server
          spec:
            containers:
            - name: nginx
              image: nginx:1.7.9
      """
    And I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 3 available replicas
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node1, k8s-node2"

  @claim:node.failure-reschedule @claim:node.runs-containers
  Scenario: The node turns NotReady, and after the 300 s toleration its Pods move to k8s-node1
    When node "k8s-node2" fails
    Then for 30 seconds node "k8s-node2" stays Ready
    And within 30 seconds node "k8s-node2" is NotReady
    And node "k8s-node2" has "status.conditions[type=Ready].status" equal to "Unknown"
    And node "k8s-node2" has taint "node.kubernetes.io/unreachable:NoExecute"
    And for 4 minutes the pods of deployment "nginx-deployment" still run on nodes "k8s-node1, k8s-node2"
    And within 2 minutes the pods of deployment "nginx-deployment" run on nodes "k8s-node1"
    And within 1 minute 3 pods of deployment "nginx-deployment" are running
    When I run "kubectl get nodes"
    Then the output table contains rows:
      | NAME      | STATUS   |
      | k8s-node2 | NotReady |
      | k8s-node1 | Ready    |
    When I run "kubectl get pod -o wide"
    Then the output table contains rows:
      | NAME                                    | STATUS      | NODE      |
      | nginx-deployment-[4-9bcdf]+-[a-z0-9]{5} | Terminating | k8s-node2 |
      | nginx-deployment-[4-9bcdf]+-[a-z0-9]{5} | Running     | k8s-node1 |
      | nginx-deployment-[4-9bcdf]+-[a-z0-9]{5} | Running     | k8s-node1 |
      | nginx-deployment-[4-9bcdf]+-[a-z0-9]{5} | Running     | k8s-node1 |

  @claim:node.failure-reschedule @claim:ds.one-per-node
  Scenario: DaemonSet Pods on the failed node are not evicted
    When node "k8s-node2" fails
    And 7 minutes pass
    Then daemonset "kube-system/kube-proxy" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And 3 pods of deployment "nginx-deployment" are running

  @claim:node.failure-reschedule
  Scenario: When the node recovers the old Pods are cleaned up and the new ones stay
    When node "k8s-node2" fails
    And 7 minutes pass
    And node "k8s-node2" recovers
    Then within 1 minute node "k8s-node2" is Ready
    And node "k8s-node2" has no taint "node.kubernetes.io/unreachable:NoExecute"
    And within 1 minute there are 3 pods labelled app=web_server
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node1"
