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
