Feature: kubectl describe pod (chapters 3.3 and 5.3)
  kubectl describe pod shows a Pod's details and the events of its start-up: scheduled by
  default-scheduler, then the kubelet pulling the image, creating and starting the container.

  Background:
    Given a cluster with 3 nodes

  @claim:kubectl.describe-pod @claim:arch.kubelet-agent
  Scenario: describe shows where the Pod runs and how it started
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          app: web
      spec:
        nodeSelector:
          kubernetes.io/hostname: k8s-node1
        containers:
        - name: nginx
          image: nginx:1.7.9
      """
    And within 1 minute pod "web" is Running
    When I run "kubectl describe pod web"
    Then the output has a line matching "^Name:\s+web$"
    And the output has a line matching "^Namespace:\s+default$"
    And the output has a line matching "^Node:\s+k8s-node1/192.168.56.101$"
    And the output has a line matching "^Status:\s+Running$"
    And the output has a line matching "^IP:\s+10\.244\.1\.\d+$"
    And the output has a line matching "^Labels:\s+app=web$"
    And the output has a line matching "^Events:$"
    And the output has a line matching "^  Normal\s+Scheduled\s+.*default-scheduler\s+Successfully assigned default/web to k8s-node1$"
    And the output has a line matching "^  Normal\s+Pulling\s+.*kubelet\s+Pulling image \"nginx:1.7.9\"$"
    And the output has a line matching "^  Normal\s+Pulled\s+.*kubelet\s+Successfully pulled image \"nginx:1.7.9\""
    And the output has a line matching "^  Normal\s+Created\s+.*kubelet\s+Created container:? nginx$"
    And the output has a line matching "^  Normal\s+Started\s+.*kubelet\s+Started container:? nginx$"

  @claim:kubectl.describe-pod @claim:arch.kubelet-agent
  Scenario: the kubelet starts a Pod's containers one after another, each after its image is pulled
    The kubelet's SyncPod starts the containers in order, and starting one waits for its image pull
    (kuberuntime_container.go startContainer -> EnsureImageExists): the second image is pulled only
    once the first container has started. The first pull starts once the sandbox exists, a second
    after the Pod was scheduled.
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: two
      spec:
        nodeSelector:
          kubernetes.io/hostname: k8s-node1
        containers:
        - name: web
          image: nginx:1.7.9
        - name: side
          image: busybox:1.36
          args: [/bin/sh, -c, 'sleep 3600']
      """
    When 1 minute passes
    And I run "kubectl describe pod two"
    Then the output contains:
      """
        Normal  Scheduled  60s   default-scheduler  Successfully assigned default/two to k8s-node1
        Normal  Pulling    59s   kubelet            Pulling image "nginx:1.7.9"
        Normal  Pulled     56s   kubelet            Successfully pulled image "nginx:1.7.9" in 3s (3s including waiting). Image size: 67696814 bytes.
        Normal  Created    56s   kubelet            Created container: web
        Normal  Started    56s   kubelet            Started container web
        Normal  Pulling    56s   kubelet            Pulling image "busybox:1.36"
        Normal  Pulled     53s   kubelet            Successfully pulled image "busybox:1.36" in 3s (3s including waiting). Image size: 2155033 bytes.
        Normal  Created    53s   kubelet            Created container: side
        Normal  Started    53s   kubelet            Started container side
      """

  @claim:kubectl.describe-pod
  Scenario: describe shows why a Pod cannot start
    Given image "example.com/no-such-image:v1" does not exist
    And I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: broken
      spec:
        containers:
        - name: app
          image: example.com/no-such-image:v1
      """
    And 1 minute passes
    When I run "kubectl describe pod broken"
    Then the output has a line matching "^Status:\s+Pending$"
    And the output has a line matching "^\s+Reason:\s+(ErrImagePull|ImagePullBackOff)$"
    And the output has a line matching "Warning\s+Failed\s+.*kubelet\s+Failed to pull image \"example.com/no-such-image:v1\""
