Feature: kubectl exec and attach on a workload
  `kubectl exec deploy/web -- CMD` and `kubectl attach deploy/web` run in one of the workload's
  Pods: the most active one (sort.Reverse(podutils.ActivePods): assigned, Running, ready, ready
  longest, fewest restarts, oldest). A workload that has no Pod yet is watched for one for
  --pod-running-timeout (1m0s), then kubectl gives up.

  Background:
    Given a cluster with 2 nodes

  Scenario: exec on a Deployment scaled to zero waits a minute for a Pod, then times out
    When I run "kubectl create deployment web --image=nginx --replicas=0"
    And I run "kubectl exec deploy/web -- hostname"
    Then the command fails with:
      """
      error: timed out waiting for the condition
      """
    When I run "kubectl get deployment web"
    Then the output has a line matching "^web\s+0/0\s+0\s+0\s+60s$"
    When I run "kubectl attach deploy/web --pod-running-timeout=5s"
    Then the command fails with "error: timed out waiting for the condition"
    When I run "kubectl get deployment web"
    Then the output has a line matching "^web\s+0/0\s+0\s+0\s+65s$"

  Scenario: exec picks a running Pod of the Deployment; a kind without a Pod selector is refused
    When I run "kubectl create deployment web --image=nginx --replicas=2"
    And 30 seconds pass
    And I run "kubectl exec deploy/web -- hostname"
    Then the command succeeds
    And the output has a line matching "^web-\w+-\w{5}$"
    When I run "kubectl create configmap cm"
    And I run "kubectl exec configmap/cm -- ls"
    Then the command fails with "error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented"

  Scenario: attach to a Pod that is still Pending fails at once instead of waiting for it to run
    # attach.go AttachOptions.Run takes the Pod as it is; only a workload without any Pod is waited for.
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: stuck
      spec:
        replicas: 1
        selector:
          matchLabels: {app: stuck}
        template:
          metadata:
            labels: {app: stuck}
          spec:
            nodeSelector: {disktype: none}
            containers:
            - name: web
              image: nginx
      """
    And I pick a pod of deployment "stuck" as "$POD"
    And I run "kubectl attach pod/$POD"
    Then the command fails with "Error from server (BadRequest): pod stuck-"
    And the error output contains "does not have a host assigned"
    And the error output contains "If you don't see a command prompt, try pressing enter."
    When I run "kubectl attach deployment/stuck -q"
    Then the command fails with "does not have a host assigned"
    When I run "kubectl get deployment stuck"
    Then the output has a line matching "^stuck\s+0/1\s+1\s+0\s+0s$"
    When I run "kubectl run web --image=nginx"
    And I run "kubectl attach web -q"
    Then the command fails with "error: unable to upgrade connection: container web not found in pod web_default"
    When 30 seconds pass
    And I run "kubectl attach web -q"
    Then the command succeeds
