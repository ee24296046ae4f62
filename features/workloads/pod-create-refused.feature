Feature: A controller whose Pods the API server refuses says so on its own object
  When the ServiceAccount admission plugin refuses the Pods a DaemonSet, StatefulSet or Job
  creates (the template names a ServiceAccount that does not exist), nothing is created: the
  controller records a Warning FailedCreate event with the API server's error on the object that
  owns the Pods, keeps its status as it is, and retries with its work queue's back-off. Nothing
  watches ServiceAccounts: once the account exists, the Pods come at the next retry.

  Background:
    Given a cluster with 3 nodes

  Scenario: A DaemonSet whose ServiceAccount is missing runs no Pods until the account exists
    Given I apply:
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            serviceAccountName: builder
            containers:
            - name: agent
              image: nginx
      """
    When 1 minute passes
    And I run "kubectl describe daemonset agent"
    Then the output has a line matching "^Desired Number of Nodes Scheduled: 2$"
    And the output has a line matching "^Current Number of Nodes Scheduled: 0$"
    And the output has a line matching "^  Warning\s+FailedCreate\s+.*\s+daemonset-controller\s+Error creating: pods \"agent-\" is forbidden: error looking up service account default/builder: serviceaccount \"builder\" not found$"
    And within 1 second there are 0 pods labelled app=agent
    When I run "kubectl create serviceaccount builder"
    Then within 2 minutes daemonset "agent" has one pod on each of nodes "k8s-node1, k8s-node2"

  Scenario: An OrderedReady StatefulSet whose ServiceAccount is missing does not go past web-0
    Given I apply:
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        serviceName: web
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            serviceAccountName: builder
            containers:
            - name: web
              image: nginx
      """
    When 1 minute passes
    And I run "kubectl describe statefulset web"
    Then the output has a line matching "^Pods Status:\s+0 Running / 0 Waiting / 0 Succeeded / 0 Failed$"
    And the output has a line matching "^  Warning\s+FailedCreate\s+.*\s+statefulset-controller\s+create Pod web-0 in StatefulSet web failed error: pods \"web-0\" is forbidden: error looking up service account default/builder: serviceaccount \"builder\" not found$"
    And the output has no line matching "web-1"
    When I run "kubectl create serviceaccount builder"
    Then within 2 minutes statefulset "web" has 2 ready replicas

  Scenario: A Job whose ServiceAccount is missing starts no Pod until the account exists
    Given I apply:
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: pi
      spec:
        template:
          spec:
            serviceAccountName: builder
            restartPolicy: Never
            containers:
            - name: pi
              image: busybox
              command: ["echo", "hello"]
      """
    When 1 minute passes
    And I run "kubectl describe job pi"
    Then the output has a line matching "^Pods Statuses:\s+0 Active \(0 Ready\) / 0 Succeeded / 0 Failed$"
    And the output has a line matching "^  Warning\s+FailedCreate\s+.*\s+job-controller\s+Error creating: pods \"pi-\" is forbidden: error looking up service account default/builder: serviceaccount \"builder\" not found$"
    When I run "kubectl get job pi"
    Then the output has a line matching "^pi\s+Running\s+0/1\s"
    When I run "kubectl create serviceaccount builder"
    Then within 2 minutes job "pi" completes
