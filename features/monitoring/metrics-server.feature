Feature: Resource metrics: metrics-server and kubectl top (chapter 14.2)
  The book installs Heapster, which runs as a Pod, discovers the nodes and gets metrics from each
  kubelet (which reads them from cAdvisor).

  Dated: Heapster is retired. Current Kubernetes serves resource metrics through metrics-server:
  a Deployment in kube-system (k8s-app=metrics-server) registered as the aggregated API
  metrics.k8s.io/v1beta1 (APIService v1beta1.metrics.k8s.io). It scrapes every kubelet's
  /metrics/resource when it starts and then every --metric-resolution (15s in the official
  components.yaml), keeps the last two scrapes and turns cumulative CPU into a rate. `kubectl top`
  reads that API: without it "error: Metrics API not available"; while metrics-server has no ready
  endpoint the API server answers ServiceUnavailable; before a scrape has seen a Pod there is
  nothing to show for it. The scenarios check current behaviour.

  Background:
    Given a cluster with 3 nodes
    And the example file "monitoring/components.yaml"

  @claim:mon.heapster
  Scenario: Without metrics-server there is no Metrics API for kubectl top
    When I run "kubectl top node"
    Then the command fails with "error: Metrics API not available"
    When I run "kubectl top pod -A"
    Then the command fails with "error: Metrics API not available"

  @claim:mon.heapster
  Scenario: metrics-server runs as a Pod in kube-system and kubectl top node shows every node from its kubelet
    When I run "kubectl apply -f components.yaml"
    Then the output contains:
      """
      deployment.apps/metrics-server created
      apiservice.apiregistration.k8s.io/v1beta1.metrics.k8s.io created
      """
    When I run "kubectl top node"
    Then the command fails with "Error from server (ServiceUnavailable): the server is currently unable to handle the request (get nodes.metrics.k8s.io)"
    And within 1 minute deployment "kube-system/metrics-server" has 1 available replica
    And there is 1 pod labelled k8s-app=metrics-server in namespace "kube-system"
    And every pod of deployment "kube-system/metrics-server" has "spec.containers[0].args" matching "--metric-resolution=15s"
    When I run "kubectl top node"
    Then the output has a line matching "^NAME {9}CPU\(cores\) {3}CPU\(%\) {3}MEMORY\(bytes\) {3}MEMORY\(%\) {3}$"
    And the output has a line matching "^k8s-master +\d+m +\d+% +\d+Mi +\d+% +$"
    And the output has a line matching "^k8s-node1 +\d+m +\d+% +\d+Mi +\d+% +$"
    And the output has a line matching "^k8s-node2 +\d+m +\d+% +\d+Mi +\d+% +$"

  @claim:mon.heapster
  Scenario: A container's usage shows in kubectl top pod only after metrics-server scraped it
    Given image "stress:v1" uses 120m CPU and 64Mi memory
    When I run "kubectl apply -f components.yaml"
    Then within 1 minute deployment "kube-system/metrics-server" has 1 available replica
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: stress
      spec:
        replicas: 1
        selector:
          matchLabels: {app: stress}
        template:
          metadata:
            labels: {app: stress}
          spec:
            containers:
            - name: stress
              image: stress:v1
            - name: sidecar
              image: busybox
              command: ["sh", "-c", "sleep 3600"]
      """
    Then within 30 seconds every pod of deployment "stress" is Running
    When I run "kubectl top pod"
    Then the command fails with "error: metrics not available yet"
    When 30 seconds pass
    And I run "kubectl top pod"
    Then the output has a line matching "^NAME +CPU\(cores\) +MEMORY\(bytes\) +$"
    And the output has a line matching "^stress-[a-z0-9]+-[a-z0-9]{5} +120m +65Mi +$"
    When I run "kubectl top pod -l app=stress --containers"
    Then the output has a line matching "^POD +NAME +CPU\(cores\) +MEMORY\(bytes\) +$"
    And the output has a line matching "^stress-[a-z0-9]+-[a-z0-9]{5} +sidecar +0m +1Mi +$"
    And the output has a line matching "^stress-[a-z0-9]+-[a-z0-9]{5} +stress +120m +64Mi +$"

  @claim:mon.heapster
  Scenario: CPU(%) and MEMORY(%) are of the node's allocatable, and a failed node's metrics are unknown
    Given image "stress:v1" uses 1 CPU and 1Gi memory
    When I run "kubectl apply -f components.yaml"
    Then within 1 minute deployment "kube-system/metrics-server" has 1 available replica
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: burner
      spec:
        nodeSelector:
          kubernetes.io/hostname: k8s-node2
        containers:
        - name: burner
          image: stress:v1
      """
    And 1 minute passes
    And I run "kubectl top node k8s-node2"
    Then the output has a line matching "^k8s-node2 +10\d\dm +5\d% +1\d\d\dMi +4\d% +$"
    When node "k8s-node2" fails
    And 30 seconds pass
    And I run "kubectl top node"
    Then the output has a line matching "^k8s-node1 +\d+m +\d+% +\d+Mi +\d+% +$"
    And the output has a line matching "^k8s-node2 +<unknown> +<unknown> +<unknown> +<unknown> +$"

  @claim:mon.heapster
  Scenario: metrics-server discovers a node that joins and shows it once it has scraped its kubelet twice
    When I run "kubectl apply -f components.yaml"
    Then within 1 minute deployment "kube-system/metrics-server" has 1 available replica
    When node "k8s-node3" joins the cluster
    And I run "kubectl top node"
    Then the output has a line matching "^k8s-node3 +<unknown> +<unknown> +<unknown> +<unknown> +$"
    When 30 seconds pass
    And I run "kubectl top node"
    Then the output has a line matching "^k8s-node3 +\d+m +\d+% +\d+Mi +\d+% +$"

  @claim:mon.heapster
  Scenario: kubectl top rejects what kubectl rejects
    When I run "kubectl top node --sort-by=disk"
    Then the command fails with "error: --sort-by accepts only cpu or memory"
    When I run "kubectl top pod web -l app=web"
    Then the command fails with "error: only one of NAME or selector can be provided"
    When I run "kubectl top node a b"
    Then the command fails with:
      """
      error: node [NAME | -l label]
      See 'kubectl top node -h' for help and examples
      """
