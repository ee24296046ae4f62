Feature: ControllerRevisions: the history of DaemonSets and StatefulSets
  A DaemonSet or StatefulSet keeps its Pod templates as apps/v1 ControllerRevisions named
  <owner>-<hash>, numbered in the order they were made, owned by it. The DaemonSet's Pods carry the
  revision's hash in controller-revision-hash, a StatefulSet's Pods the revision's name, which its
  status names as currentRevision and updateRevision. `kubectl rollout history` reads them and
  `kubectl rollout undo` patches the object with one revision's template; the controller then gives
  that revision the next number, as a Deployment's ReplicaSet gets (daemon/update.go constructHistory,
  statefulset/stateful_set_control.go getStatefulSetRevisions, kubectl polymorphichelpers rollback.go).

  Background:
    Given a cluster with 3 nodes
    And the file "agent.yml":
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
            containers:
            - name: agent
              image: busybox:1.36
              command: ["sh", "-c", "sleep 3600"]
      """
    And the file "web.yml":
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        serviceName: nginx
        replicas: 2
        selector:
          matchLabels: {app: nginx}
        template:
          metadata:
            labels: {app: nginx}
          spec:
            containers:
            - name: nginx
              image: nginx:1.26
      """

  Scenario: kubeadm's DaemonSets start with revision 1, and their Pods carry its hash
    kubectl has no describer of its own for ControllerRevisions: the generic one prints every field.
    When I run "kubectl get controllerrevisions --all-namespaces"
    Then the output table matches:
      | NAMESPACE    | NAME                        | CONTROLLER                     | REVISION |
      | kube-flannel | kube-flannel-ds-[4-9bcdf]+  | daemonset.apps/kube-flannel-ds | 1        |
      | kube-system  | kube-proxy-[4-9bcdf]+       | daemonset.apps/kube-proxy      | 1        |
    And daemonset "kube-system/kube-proxy" owns 1 controllerrevision
    And every pod of daemonset "kube-system/kube-proxy" has "metadata.labels.controller-revision-hash" matching "^[4-9bcdf]+$"
    When I run "kubectl rollout history daemonset/kube-proxy -n kube-system"
    Then the output is:
      """
      daemonset.apps/kube-proxy 
      REVISION  CHANGE-CAUSE
      1         <none>

      """
    When I run "kubectl describe controllerrevisions -n kube-system"
    Then the output has a line matching "^Name:\s+kube-proxy-[4-9bcdf]+$"
    And the output has a line matching "^      [$]patch:\s+replace$"
    And the output has a line matching "^Revision:\s+1$"

  Scenario: A DaemonSet's new template is revision 2; undo restores revision 1 as revision 3
    Given I run "kubectl apply -f agent.yml"
    And within 1 minute every pod of daemonset "agent" is Running
    When I run "kubectl set image daemonset/agent agent=busybox:1.37"
    And 2 minutes pass
    Then every pod of daemonset "agent" has "spec.containers[0].image" equal to "busybox:1.37"
    When I run "kubectl rollout history daemonset/agent"
    Then the output is:
      """
      daemonset.apps/agent 
      REVISION  CHANGE-CAUSE
      1         <none>
      2         <none>

      """
    When I run "kubectl rollout undo daemonset/agent"
    Then the output is:
      """
      daemonset.apps/agent rolled back

      """
    When 2 minutes pass
    Then every pod of daemonset "agent" has "spec.containers[0].image" equal to "busybox:1.36"
    And daemonset "agent" owns 2 controllerrevisions
    When I run "kubectl rollout history daemonset/agent"
    Then the output is:
      """
      daemonset.apps/agent 
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>

      """
    When I run "kubectl rollout undo daemonset/agent --to-revision=3"
    Then the output is:
      """
      daemonset.apps/agent skipped rollback (current template already matches revision 3)

      """
    When I run "kubectl rollout undo daemonset/agent --to-revision=1"
    Then the command fails with "error: unable to find specified revision 1 in history"
    When I run "kubectl rollout history daemonset/agent --revision=2"
    Then the output contains "Image:      busybox:1.37"

  Scenario: A StatefulSet's status names its revisions, its Pods carry the name, and undo rolls back
    Given I run "kubectl apply -f web.yml"
    And within 2 minutes statefulset "web" has 2 ready replicas
    Then statefulset "web" owns 1 controllerrevision
    And every pod of statefulset "web" has "metadata.labels.controller-revision-hash" matching "^web-[4-9bcdf]+$"
    And statefulset "web" has "status.collisionCount" equal to "0"
    When I run "kubectl set image statefulset/web nginx=nginx:1.27"
    And 2 minutes pass
    Then every pod of statefulset "web" has "spec.containers[0].image" equal to "nginx:1.27"
    When I run "kubectl rollout undo statefulset/web"
    Then the output is:
      """
      statefulset.apps/web rolled back

      """
    When 2 minutes pass
    Then every pod of statefulset "web" has "spec.containers[0].image" equal to "nginx:1.26"
    When I run "kubectl get controllerrevisions"
    Then the output table matches:
      | NAME           | CONTROLLER           | REVISION |
      | web-[4-9bcdf]+ | statefulset.apps/web | 2        |
      | web-[4-9bcdf]+ | statefulset.apps/web | 3        |
    When I run "kubectl rollout undo statefulset/web --to-revision=3"
    Then the output is:
      """
      statefulset.apps/web skipped rollback (current template already matches revision 3)

      """
    When I run "kubectl rollout undo statefulset/web --dry-run=client"
    Then the output contains "statefulset.apps/web will roll back to Pod Template:"
    And the output contains "Image:        nginx:1.27"
    And the output contains " (dry run)"

  Scenario: A DaemonSet with maxSurge starts a node's new Pod beside the old one, then deletes the old one
    Given I apply:
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector:
          matchLabels: {app: agent}
        updateStrategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
        template:
          metadata:
            labels: {app: agent}
          spec:
            containers:
            - name: agent
              image: busybox:1.36
              command: ["sh", "-c", "sleep 3600"]
      """
    And within 1 minute every pod of daemonset "agent" is Running
    When I run "kubectl set image daemonset/agent agent=busybox:1.37"
    Then there are 3 pods labelled app=agent
    When 2 minutes pass
    Then there are 2 pods labelled app=agent
    And every pod of daemonset "agent" has "spec.containers[0].image" equal to "busybox:1.37"
    And daemonset "agent" owns 2 controllerrevisions

  Scenario: revisionHistoryLimit bounds the old revisions a DaemonSet keeps
    Given I run "kubectl apply -f agent.yml"
    And I run "kubectl patch daemonset agent -p '{\"spec\":{\"revisionHistoryLimit\":1}}'"
    And 1 minute passes
    When I run "kubectl set image daemonset/agent agent=busybox:1.37"
    And 2 minutes pass
    And I run "kubectl set image daemonset/agent agent=busybox:1.38"
    And 2 minutes pass
    Then daemonset "agent" owns 2 controllerrevisions
    When I run "kubectl rollout history daemonset/agent"
    Then the output is:
      """
      daemonset.apps/agent 
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>

      """

  Scenario: Revisions go with their owner, or stay orphaned for the next one to adopt
    Given I run "kubectl apply -f agent.yml"
    And within 1 minute every pod of daemonset "agent" is Running
    When I run "kubectl delete daemonset agent --cascade=orphan"
    And I run "kubectl get controllerrevisions"
    Then the output table matches:
      | NAME             | CONTROLLER | REVISION |
      | agent-[4-9bcdf]+ | <none>     | 1        |
    When I run "kubectl apply -f agent.yml"
    And 10 seconds pass
    And I run "kubectl get controllerrevisions"
    Then the output table matches:
      | NAME             | CONTROLLER           | REVISION |
      | agent-[4-9bcdf]+ | daemonset.apps/agent | 1        |
    When I run "kubectl delete daemonset agent"
    And 1 minute passes
    And I run "kubectl get controllerrevisions"
    Then the error output contains "No resources found in default namespace."
