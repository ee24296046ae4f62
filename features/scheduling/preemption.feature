Feature: A Pod of higher priority preempts Pods of lower priority
  When a Pod fits on no node, the scheduler's DefaultPreemption plugin looks for nodes where removing
  Pods of lower priority would make room (not those a taint or a nodeSelector rules out), keeps as
  few victims as it can, and picks the node whose victims matter least. The victims get the
  DisruptionTarget condition (PreemptionByScheduler) and a Preempted event, and are deleted with
  their grace period; the Pod is nominated to the node (status.nominatedNodeName) and bound there once
  they are gone. A Pod whose PriorityClass says preemptionPolicy: Never waits instead.

  Background:
    Given a cluster with 2 nodes
    And I apply:
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      value: 1000000
      description: for the important ones
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high-polite
      value: 1000000
      preemptionPolicy: Never
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: filler
      spec:
        replicas: 1
        selector:
          matchLabels: {app: filler}
        template:
          metadata:
            labels: {app: filler}
          spec:
            containers:
            - name: sleeper
              image: busybox
              command: ["sh", "-c", "sleep 3600"]
              resources:
                requests:
                  cpu: 1500m
      """
    And within 1 minute 1 pod of deployment "filler" is running

  Scenario: A high-priority Pod preempts a low-priority one on a full node
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: important
      spec:
        priorityClassName: high
        containers:
        - name: web
          image: nginx
          resources:
            requests:
              cpu: 1500m
      """
    And 1 second passes
    Then there is an event "FailedScheduling" for pod "important" with message matching "^0/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint \{node-role.kubernetes.io/control-plane: \}\.$"
    And there is an event "Preempted" for a pod of deployment "filler" with message matching "^Preempted by pod [0-9a-f-]{36} on node k8s-node1$"
    And pod "important" has "status.nominatedNodeName" equal to "k8s-node1"
    And pod "important" is Pending
    # The victim (a shell that ignores SIGTERM) terminates for its 30 s grace period, marked as preempted.
    When I run "kubectl get pods -l app=filler -o jsonpath='{.items[?(@.metadata.deletionTimestamp)].status.conditions[?(@.type==\"DisruptionTarget\")].message}'"
    Then the output is:
      """
      default-scheduler: preempting to accommodate a higher priority pod
      """
    And within 1 minute pod "important" is Running
    And pod "important" has "spec.nodeName" equal to "k8s-node1"
    # Its replacement has no lower-priority Pod to preempt.
    And there is an event "FailedScheduling" for a pod of deployment "filler" with message matching "no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling\.$"
    And 0 pods of deployment "filler" are running

  Scenario: A Pod whose class says preemptionPolicy Never waits instead
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: polite
      spec:
        priorityClassName: high-polite
        containers:
        - name: web
          image: nginx
          resources:
            requests:
              cpu: 1500m
      """
    Then for 1 minute pod "polite" stays Pending
    And 1 pod of deployment "filler" is running
    And there is an event "FailedScheduling" for pod "polite" with message matching "^0/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint \{node-role.kubernetes.io/control-plane: \}\. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never\.$"
    And pod "polite" has no "status.nominatedNodeName"

  Scenario: Preemption does not help where a taint or a nodeSelector rules the node out
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: picky
      spec:
        priorityClassName: high
        nodeSelector:
          disktype: ssd
        containers:
        - name: web
          image: nginx
      """
    Then for 1 minute pod "picky" stays Pending
    And 1 pod of deployment "filler" is running
    And there is an event "FailedScheduling" for pod "picky" with message matching "^0/2 nodes are available: 1 node\(s\) didn't match Pod's node affinity/selector, 1 node\(s\) had untolerated taint \{node-role.kubernetes.io/control-plane: \}\. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling\.$"

  Scenario: A system-node-critical Pod preempts an ordinary one
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: node-agent
        namespace: kube-system
      spec:
        priorityClassName: system-node-critical
        containers:
        - name: agent
          image: nginx
          resources:
            requests:
              cpu: 1
      """
    Then within 1 minute pod "kube-system/node-agent" is Running
    And pod "kube-system/node-agent" has "spec.priority" equal to "2000001000"
    When I run "kubectl get events --field-selector reason=Preempted"
    Then the output has a line matching "^\d+s\s+Normal\s+Preempted\s+pod/filler-\w+-\w+\s+Preempted by pod [0-9a-f-]{36} on node k8s-node1$"
