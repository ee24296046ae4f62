Feature: PriorityClasses and the Priority admission plugin
  The API server creates the built-in classes system-node-critical and system-cluster-critical at
  start. A user's PriorityClass (scheduling.k8s.io/v1, short name pc) may not use the reserved
  system- prefix nor exceed 1000000000, and only one may be the global default. The Priority
  admission plugin gives a new Pod its class's value and preemptionPolicy, refuses a Pod whose
  class does not exist, and gives a Pod without a class the global default's. (What the scheduler
  does with priorities: preemption.feature.)

  Background:
    Given a cluster with 2 nodes

  Scenario: The built-in classes are listed with their value and preemption policy, and cannot be deleted
    When I run "kubectl get pc"
    Then the output table matches:
      | NAME                    | VALUE      | GLOBAL-DEFAULT | PREEMPTIONPOLICY     |
      | system-cluster-critical | 2000000000 | false          | PreemptLowerPriority |
      | system-node-critical    | 2000001000 | false          | PreemptLowerPriority |
    When I run "kubectl delete pc system-node-critical"
    Then the command fails with:
      """
      Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted
      """

  Scenario: A Pod naming a missing class is refused; a user class gives its value and policy
    When I run "kubectl run x --image=nginx --overrides='{\"spec\":{\"priorityClassName\":\"high\"}}'"
    Then the command fails with:
      """
      Error from server (Forbidden): pods "x" is forbidden: no PriorityClass with name high was found
      """
    Given I apply:
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      value: 1000
      preemptionPolicy: Never
      description: for the important ones
      """
    When I run "kubectl run x --image=nginx --overrides='{\"spec\":{\"priorityClassName\":\"high\"}}'"
    And I run "kubectl get pod x -o jsonpath={.spec.priority}/{.spec.preemptionPolicy}"
    Then the output is:
      """
      1000/Never
      """

  Scenario: A class and a Pod naming it apply from one file
    kubectl applies the documents of a file in order, so the Priority admission plugin already finds
    the class when the Pod after it is created.
    When I apply:
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      value: 1000
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        priorityClassName: high
        containers:
        - name: c
          image: nginx
      """
    And I run "kubectl get pod p -o jsonpath={.spec.priority}"
    Then the output is:
      """
      1000
      """

  Scenario: A global default class applies to Pods without a class, and there is only one
    Given I apply:
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: normal
      value: 100
      globalDefault: true
      """
    When I run "kubectl run y --image=nginx"
    And I run "kubectl get pod y -o jsonpath={.spec.priorityClassName}/{.spec.priority}"
    Then the output is:
      """
      normal/100
      """
    When I apply:
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: other
      value: 5
      globalDefault: true
      """
    Then the apply is rejected with "priorityclasses.scheduling.k8s.io \"other\" is forbidden: PriorityClass normal is already marked as default. Only one default can exist"

  Scenario: Reserved names and values above the user ceiling are refused
    When I apply:
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: system-mine
      value: 10
      """
    Then the apply is rejected with "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"
    When I apply:
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: huge
      value: 1000000001
      """
    Then the apply is rejected with "value: Forbidden: maximum allowed value of a user defined priority is 1000000000"
