Feature: A node pulls images one at a time
  The kubelet pulls images one after another (KubeletConfiguration serializeImagePulls, true by
  default: pkg/kubelet/images/puller.go serialImagePuller). A container's pull request is made,
  and its "Pulling image" event recorded, at once; the request then waits for the pulls queued
  before it on the node. The Pulled event gives both times: the pull itself, and the time since
  the request, the wait included (image_manager.go: "in %v (%v including waiting)").
  Deleting a Pod cancels its sync's context (pod_workers.go): its request, queued or in progress,
  returns "context canceled" as soon as the worker gets to it, and the requests behind it move up.
  A Pod's first pull request comes once its sandbox exists, a second after the kubelet got the Pod
  (RunPodSandbox: the pause container and the CNI plugin's ADD).

  Background:
    Given a cluster with 3 nodes

  @claim:arch.kubelet-agent
  Scenario: A Pod whose pull waits behind another Pod's pull on the node says how long it waited
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeName: k8s-node1
        containers:
        - name: web
          image: nginx:1.7.9
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        nodeName: k8s-node1
        containers:
        - name: tools
          image: busybox:1.36
          args: ["sh", "-c", "sleep 3600"]
      """
    When 6 seconds pass
    Then pod "web" is Running
    And pod "tools" is Pending
    And there is an event "Pulling" for pod "tools" with message matching "^Pulling image \"busybox:1.36\"$"
    When 1 second passes
    Then pod "tools" is Running
    And there is an event "Pulled" for pod "web" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 3s \(3s including waiting\)\. Image size: 67696814 bytes\.$"
    And there is an event "Pulled" for pod "tools" with message matching "^Successfully pulled image \"busybox:1.36\" in 3s \(6s including waiting\)\. Image size: 2155033 bytes\.$"

  Scenario: Replicas that ask for an image while its first pull runs still pull it, quickly, in turn
    A request made while the image is being pulled finds no image yet, so it pulls too; by the time
    the worker takes it the layers are there, and only the manifest is fetched again.
    Given I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            nodeSelector:
              kubernetes.io/hostname: k8s-node1
            containers:
            - name: web
              image: nginx:1.7.9
      """
    When 4 seconds pass
    Then 1 pod of deployment "web" is running
    When 1 second passes
    Then 3 pods of deployment "web" are running
    And there is an event "Pulled" for a pod of deployment "web" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 3s \(3s including waiting\)\."
    And there is an event "Pulled" for a pod of deployment "web" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 500ms \(3.5s including waiting\)\."
    And there is an event "Pulled" for a pod of deployment "web" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 500ms \(4s including waiting\)\."

  Scenario: Deleting a Pod whose pull runs cancels it: the Pod queued behind it pulls the image from then
    Both Pods ask for nginx at once, once their sandboxes exist (1 s). The first pull is cancelled
    1 s in, so nothing landed: the second Pod's request, taken by the worker at once, fetches the
    image in full (3 s) and has waited 4 s in all, where it would have taken a quick 500 ms pull at 3 s.
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: first
      spec:
        nodeName: k8s-node1
        containers:
        - name: web
          image: nginx:1.7.9
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: second
      spec:
        nodeName: k8s-node1
        containers:
        - name: web
          image: nginx:1.7.9
      """
    When 2 seconds pass
    And I run "kubectl delete pod first --wait=false"
    Then pod "first" does not exist
    When I run "kubectl get events --field-selector involvedObject.name=first"
    Then the output contains "Warning   Failed    pod/first   Failed to pull image \"nginx:1.7.9\": rpc error: code = Canceled desc = context canceled"
    And for 2999 milliseconds pod "second" stays Pending
    And within 1 millisecond pod "second" is Running
    And there is an event "Pulled" for pod "second" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 3s \(4s including waiting\)\."

  Scenario: Deleting a Pod whose pull waits in the queue: it goes when the worker reaches it, and the next Pod's pull starts then
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeName: k8s-node1
        containers:
        - name: web
          image: nginx:1.7.9
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        nodeName: k8s-node1
        containers:
        - name: tools
          image: busybox:1.36
          args: ["sh", "-c", "sleep 3600"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: httpd
      spec:
        nodeName: k8s-node1
        containers:
        - name: httpd
          image: httpd:2.4
      """
    When 2 seconds pass
    And I run "kubectl delete pod tools --wait=false"
    Then for 1999 milliseconds pod "tools" stays Terminating
    And within 1 millisecond pod "tools" does not exist
    And for 2999 milliseconds pod "httpd" stays Pending
    And within 1 millisecond pod "httpd" is Running
    And there is an event "Pulled" for pod "httpd" with message matching "^Successfully pulled image \"httpd:2.4\" in 3s \(6s including waiting\)\."
