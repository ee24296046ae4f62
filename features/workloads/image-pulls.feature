Feature: A node pulls images one at a time
  The kubelet pulls images one after another (KubeletConfiguration serializeImagePulls, true by
  default: pkg/kubelet/images/puller.go serialImagePuller). A container's pull request is made,
  and its "Pulling image" event recorded, at once; the request then waits for the pulls queued
  before it on the node. The Pulled event gives both times: the pull itself, and the time since
  the request, the wait included (image_manager.go: "in %v (%v including waiting)").

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
    When 5 seconds pass
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
    When 3 seconds pass
    Then 1 pod of deployment "web" is running
    When 1 second passes
    Then 3 pods of deployment "web" are running
    And there is an event "Pulled" for a pod of deployment "web" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 3s \(3s including waiting\)\."
    And there is an event "Pulled" for a pod of deployment "web" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 500ms \(3.5s including waiting\)\."
    And there is an event "Pulled" for a pod of deployment "web" with message matching "^Successfully pulled image \"nginx:1.7.9\" in 500ms \(4s including waiting\)\."
