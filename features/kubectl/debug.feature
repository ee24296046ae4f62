Feature: kubectl debug adds an ephemeral container, copies a Pod, or debugs a node
  `kubectl debug POD --image=IMAGE` patches the Pod's pods/ephemeralcontainers subresource with a
  container named debugger-xxxxx; the kubelet starts it once, never restarts it, and reports it in
  status.ephemeralContainerStatuses, apart from the Pod's containers (READY does not count it).
  With -it kubectl waits for it to run and attaches (cmd/debug/debug.go handleAttachPod). The
  API server refuses what an ephemeral container cannot have (ports, probes, resources). Without
  --profile, kubectl v1.34 uses the legacy profile and warns that it is deprecated.

  Background:
    Given a cluster with 2 nodes
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: web
          image: nginx
      """
    And 30 seconds pass

  Scenario: An interactive debug container targeting the web container, left running after the session
    When I run "kubectl debug -it web --image=busybox --target=web" and type:
      """
      echo checked > /tmp/note
      cat /tmp/note
      exit
      """
    Then the output contains "Targeting container \"web\". If you don't see processes from this container it may be because the container runtime doesn't support this feature."
    And the output has a line matching "^Defaulting debug container name to debugger-[a-z0-9]{5}\.$"
    And the output contains "checked"
    And the error output contains "--profile=legacy is deprecated and will be removed in the future."
    And the error output contains "If you don't see a command prompt, try pressing enter."
    And the error output contains "Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c debugger-"
    And pod "web" has "status.ephemeralContainerStatuses[0].ready" equal to "false"
    And pod "web" has "status.ephemeralContainerStatuses[0].state.running.startedAt" matching ".+"
    And pod "web" has "spec.ephemeralContainers[0].targetContainerName" equal to "web"
    When I run "kubectl get pod web"
    Then the output has a line matching "^web\s+1/1\s+Running\s+0\s+"
    When I run "kubectl describe pod web"
    Then the output contains "Ephemeral Containers:"
    And the output has a line matching "^  debugger-[a-z0-9]{5}:$"
    And the output has a line matching "^  Normal  Pulling    \S+\s+kubelet            Pulling image \"busybox\"$"
    And the output has a line matching "Started container debugger-[a-z0-9]{5}$"

  Scenario: Without -i busybox's shell has nothing to read and exits: the container is Completed, not restarted
    When I run "kubectl debug web --image=busybox -c probe --profile=general"
    Then the command succeeds
    And the output does not contain "Defaulting debug container name"
    And within 10 seconds pod "web" has "status.ephemeralContainerStatuses[0].state.terminated.reason" equal to "Completed"
    When 5 minutes pass
    Then pod "web" has "status.ephemeralContainerStatuses[0].restartCount" equal to "0"

  Scenario: The API server refuses a name already taken and fields an ephemeral container cannot have
    When I run "kubectl debug web --image=busybox -c web --profile=general"
    Then the command fails with "The Pod \"web\" is invalid: spec.ephemeralContainers[0].name: Duplicate value: \"web\""
    Given the file "custom.yaml":
      """
      resources:
        limits:
          cpu: 100m
      """
    When I run "kubectl debug web --image=busybox --custom=custom.yaml --profile=general -q"
    Then the command fails with "The Pod \"web\" is invalid: spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container"
    And pod "web" has no "spec.ephemeralContainers"

  Scenario: Debugging a node: a Pod in the host's namespaces on that node, with its root file system at /host
    When I run "kubectl debug node/k8s-node1 --image=busybox --profile=general"
    Then the command succeeds
    And the output has a line matching "^Creating debugging pod node-debugger-k8s-node1-[a-z0-9]{5} with container debugger on node k8s-node1\.$"
    When 10 seconds pass
    And I run "kubectl get pods -o wide"
    Then the output has a line matching "^node-debugger-k8s-node1-[a-z0-9]{5}\s+0/1\s+Completed\s+0\s+\S+\s+192\.168\.56\.101\s+k8s-node1\s"

  Scenario: Debugging a copy of the Pod with process namespace sharing
    When I run "kubectl debug web --copy-to=web-debug --image=busybox --share-processes --profile=general -- sleep 3600"
    Then the command succeeds
    And pod "web-debug" has "spec.shareProcessNamespace" equal to "true"
    And pod "web-debug" has "spec.containers[1].image" equal to "busybox"
    And within 30 seconds pod "web-debug" has "status.phase" equal to "Running"
