Feature: kubectl wait, patch and events
  `kubectl wait` blocks until every object it names meets a condition (a status condition, a
  JSONPath value, deletion, creation) or its --timeout (30s by default) runs out; here virtual time
  passes instead. `kubectl patch` sends a strategic merge patch (the default), a JSON merge patch or
  a JSON patch, and the API server validates the result as any update. `kubectl events` lists the
  namespace's events by when they were last seen.

  Background:
    Given a cluster with 2 nodes
    And the file "web.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.27
              ports:
              - containerPort: 80
      """
    And I run "kubectl apply -f web.yml"

  Scenario: wait lets time pass until the Deployment is Available and its Pods are Ready
    When I run "kubectl wait --for=condition=Available deployment/web --timeout=60s"
    Then the output is:
      """
      deployment.apps/web condition met
      """
    And deployment "web" has 2 available replicas
    When I run "kubectl wait --for=condition=Ready pod -l app=web"
    Then the output has a line matching "^pod/web-[a-z0-9]+-[a-z0-9]{5} condition met$"
    And the output does not contain "error"
    When I run "kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 deployment/web --timeout=0"
    Then the output is:
      """
      deployment.apps/web condition met
      """

  Scenario: wait checks the condition at every write of the object, as its watch sees them
    During a rolling update with maxSurge 1 the surge Pod turns available and the old ReplicaSet is
    scaled down at the same instant; the Deployment's status says 3 available replicas for one
    write. kubectl wait checks the condition on each watch event (UntilWithSync), so it sees that
    write, and -o yaml prints the object as that event carried it.
    When I run "kubectl wait --for=condition=Available deployment/web --timeout=60s"
    And I run "kubectl set image deployment/web web=nginx:1.29"
    And I run "kubectl wait --for=jsonpath='{.status.availableReplicas}'=3 deployment/web --timeout=60s -o yaml"
    Then the output has a line matching "^  availableReplicas: 3$"
    And the output has a line matching "^  replicas: 3$"
    And deployment "web" has 2 available replicas

  Scenario: wait gives up at its timeout and names each object it waited for
    When I run "kubectl wait --for=condition=Ready=false pod -l app=web --timeout=5s"
    Then the output has a line matching "^pod/web-[a-z0-9]+-[a-z0-9]{5} condition met$"
    When I run "kubectl wait --for=condition=Available deployment/web --timeout=60s"
    And I run "kubectl wait --for=condition=Ready=false pod -l app=web --timeout=5s"
    Then the command fails with "timed out waiting for the condition on pods/web-"
    When I run "kubectl wait --for=jsonpath='{.spec.replicas}'=3 deployment/web --timeout=10s"
    Then the command fails with "error: timed out waiting for the condition on deployments/web"
    When I run "kubectl wait --for=condition=Ready pod -l app=db"
    Then the command fails with "error: no matching resources found"
    When I run "kubectl wait --for=Ready pod -l app=web"
    Then the command fails with "error: unrecognized condition: \"Ready\""

  Scenario: wait --for=delete returns once the Pod has terminated; --for=create once it exists
    When I run "kubectl run box --image=busybox -- sleep 3600"
    And I run "kubectl wait --for=condition=Ready pod/box"
    And I run "kubectl delete pod box --wait=false"
    And I run "kubectl wait --for=delete pod/box --timeout=60s"
    Then the output is:
      """
      pod/box condition met
      """
    And pod "box" does not exist
    When I run "kubectl wait --for=delete pod/box"
    Then the command succeeds
    When I run "kubectl wait --for=create pod/box --timeout=3s"
    Then the command fails with "error: timed out waiting for the condition"

  Scenario: delete --timeout gives up waiting for a terminating Pod and names it
    kubectl delete waits for the objects to be gone (IsDeleted under one deadline, delete.go). A
    sleeping shell ignores SIGTERM, so the Pod terminates only when its 30 s grace period ends.
    When I run "kubectl run box --image=busybox -- sleep 3600"
    And I run "kubectl wait --for=condition=Ready pod/box"
    And I run "kubectl delete pod box --timeout=5s"
    Then the command fails with "error: timed out waiting for the condition on pods/box"
    And pod "box" exists
    When I run "kubectl delete pod box --timeout=1m"
    Then the command succeeds
    And pod "box" does not exist

  Scenario: A strategic merge patch sets replicas and merges containers by name
    When I run "kubectl patch deployment web -p '{\"spec\":{\"replicas\":3}}'"
    Then the output is:
      """
      deployment.apps/web patched
      """
    And within 1 minute deployment "web" has 3 available replicas
    When I run "kubectl patch deployment web -p '{\"spec\":{\"replicas\":3}}'"
    Then the output is:
      """
      deployment.apps/web patched (no change)
      """
    When I run "kubectl patch deployment web -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"redis:7\"}]}}}}'"
    Then deployment "web" has "spec.template.spec.containers[0].name" equal to "sidecar"
    And deployment "web" has "spec.template.spec.containers[1].name" equal to "web"
    And deployment "web" has "spec.template.spec.containers[1].ports[0].containerPort" equal to "80"

  Scenario: JSON merge patch, a JSON patch that applies all its operations or none, and the scale subresource
    When I run "kubectl patch deployment web --type merge -p '{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}'"
    Then deployment "web" has "metadata.labels.tier" equal to "front"
    When I run "kubectl patch deployment web --type=json -p '[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":2},{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4}]'"
    Then the output is:
      """
      deployment.apps/web patched
      """
    And deployment "web" has "spec.replicas" equal to "4"
    When I run "kubectl patch deployment web --type=json -p '[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":2},{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1}]'"
    Then the command fails with "The request is invalid: the server rejected our request due to an error in our request"
    And deployment "web" has "spec.replicas" equal to "4"
    When I run "kubectl patch deployment web --subresource=scale --type=merge -p '{\"spec\":{\"replicas\":2}}'"
    Then the output is:
      """
      scale.autoscaling/web patched
      """
    And deployment "web" has "spec.replicas" equal to "2"

  Scenario: A patch that makes the object invalid is refused, an unknown field is dropped with a warning
    When I run "kubectl patch deployment web -p '{\"spec\":{\"replicas\":-1}}'"
    Then the command fails with "The Deployment \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"
    When I run "kubectl patch deployment web -p '{\"spec\":{\"replica\":3}}'"
    Then the output is:
      """
      deployment.apps/web patched (no change)
      """
    And the error output contains "Warning: unknown field \"spec.replica\""
    When I run "kubectl patch deployment web --type=strategy -p '{}'"
    Then the command fails with "error: --type must be one of [json merge strategic], not \"strategy\""
    When I run "kubectl patch deployment web -p '{\"spec\":'"
    Then the command fails with "yaml: line 1: did not find expected node content"

  Scenario: kubectl events lists the namespace's events by time, for one object or one type
    When 30 seconds pass
    And I run "kubectl events --for deployment/web"
    Then the output has a line matching "^LAST SEEN   TYPE     REASON              OBJECT           MESSAGE$"
    And the output has a line matching "^30s         Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-\w+ from 0 to 2$"
    When I run "kubectl events"
    Then the output has a line matching "^\d+s\s+Normal\s+Scheduled\s+Pod/web-\S+\s+Successfully assigned default/web-"
    When I run "kubectl events --types=Warning"
    Then the error output contains "No events found in default namespace."
    When I run "kubectl events -A --types=Warning"
    Then the output has a line matching "^kube-system\s+\S+.*\s+Warning\s+FailedScheduling\s+Pod/coredns-"

  Scenario: kubectl events --watch prints each new Event, and a repeated one again with its count
    When I run "kubectl run crash --image=busybox -- sh -c 'sleep 2; exit 1'"
    And I run "kubectl events --watch --for pod/crash --request-timeout=30s"
    Then the output has a line matching "^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$"
    And the output has a line matching "^0s +Normal +Scheduled +Pod/crash +Successfully assigned default/crash to "
    And the output has a line matching "^0s \(x2 over \d+s\) +Normal +Started +Pod/crash +Started container crash$"
    And the output has a line matching "^0s +Warning +BackOff +Pod/crash +Back-off restarting failed container crash in pod crash_default"
    When I run "kubectl get events -w --field-selector involvedObject.name=crash --request-timeout=5s"
    Then the output has a line matching "^\d+s +Warning +BackOff +pod/crash +Back-off restarting failed container crash"
