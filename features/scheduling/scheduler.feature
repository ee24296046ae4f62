Feature: The scheduler decides where Pods run (chapters 2 and 4.1)
  The master's main job is scheduling: kube-scheduler binds each Pod to a node. It weighs what
  the Pod needs and what the nodes have - by default replicas of one controller are spread over
  the nodes, nodes without enough allocatable CPU or memory for the Pod's requests are filtered
  out, and less loaded nodes score higher.

  Background:
    Given a cluster with 3 nodes

  @claim:master.schedules
  Scenario: The scheduler binds every new Pod to a node and says so
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: httpd
          image: httpd
      """
    Then pod "web" has "spec.nodeName" matching "^k8s-node[12]$"
    And pod "web" has "status.conditions[type=PodScheduled].status" equal to "True"
    And there is an event "Scheduled" for pod "web" with message matching "^Successfully assigned default/web to k8s-node[12]$"
    And pod "kube-system/kube-scheduler-k8s-master" has "spec.nodeName" equal to "k8s-master"

  @claim:arch.scheduler-considers
  Scenario: Replicas of one Deployment are spread over the nodes
    Given the example file "nginx.yml"
    When I run "kubectl apply -f nginx.yml"
    And I run "kubectl scale deployment nginx-deployment --replicas=4"
    Then within 2 minutes 4 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" are spread over 2 nodes
    And each of nodes "k8s-node1, k8s-node2" runs 2 pods of deployment "nginx-deployment"

  @claim:arch.scheduler-considers
  Scenario: A Pod that fits on no node stays Pending, saying why
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: huge
      spec:
        containers:
        - name: app
          image: nginx:1.7.9
          resources:
            requests:
              cpu: "64"
              memory: 1Gi
      """
    Then for 1 minute pod "huge" stays Pending
    And there is an event "FailedScheduling" for pod "huge" with message matching "^0/3 nodes are available: .*2 Insufficient cpu"
    And pod "huge" has no "spec.nodeName"
    And pod "huge" has "status.conditions[type=PodScheduled].reason" equal to "Unschedulable"

  @claim:arch.scheduler-considers
  Scenario: The less loaded node is preferred
    Given node "k8s-node1" is labelled busy=yes
    And I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: heavy
      spec:
        nodeSelector:
          busy: "yes"
        containers:
        - name: app
          image: nginx:1.7.9
          resources:
            requests:
              cpu: 500m
              memory: 512Mi
      """
    And within 2 minutes pod "heavy" is Running
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: light
      spec:
        containers:
        - name: app
          image: httpd
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
      """
    Then pod "light" has "spec.nodeName" equal to "k8s-node2"
