Feature: Prometheus exporters: kube-state-metrics (chapter 14.3)
  Prometheus pulls metrics from exporters over HTTP, stores them and answers PromQL; Grafana draws
  them. An exporter publishes its figures as a page in the Prometheus text format. For the state of
  the cluster's objects that exporter is kube-state-metrics: a Deployment in kube-system serving
  /metrics on port 8080 of the Service kube-state-metrics, one gauge family per fact
  (kube_deployment_status_replicas_available, kube_pod_status_phase, kube_node_status_condition),
  each line the metric name, its labels (namespace and object name first) and the value, the
  figures being the API objects' state at the time of the scrape.

  Background:
    Given a cluster with 3 nodes
    And the example file "monitoring/kube-state-metrics.yaml"
    And the example file "nginx.yml"

  @claim:mon.prometheus
  Scenario: kube-state-metrics exposes object state in the Prometheus text format
    When I run "kubectl apply -f kube-state-metrics.yaml"
    Then the output contains:
      """
      deployment.apps/kube-state-metrics created
      service/kube-state-metrics created
      """
    When I run "kubectl apply -f nginx.yml"
    Then within 1 minute deployment "kube-system/kube-state-metrics" has 1 available replica
    And within 1 minute deployment "nginx-deployment" has 2 available replicas
    When I scrape kube-state-metrics
    Then the output contains:
      """
      # HELP kube_deployment_status_replicas_available [STABLE] The number of available replicas per deployment.
      # TYPE kube_deployment_status_replicas_available gauge
      """
    And the output contains:
      """
      kube_deployment_status_replicas_available{namespace="default",deployment="nginx-deployment"} 2
      """
    And the output contains:
      """
      kube_deployment_spec_replicas{namespace="default",deployment="nginx-deployment"} 2
      """
    And the output has a line matching "^kube_pod_status_phase\{namespace=\"default\",pod=\"nginx-deployment-[a-z0-9]+-[a-z0-9]{5}\",uid=\"[0-9a-f-]+\",phase=\"Running\"\} 1$"
    And the output has a line matching "^kube_pod_status_phase\{namespace=\"default\",pod=\"nginx-deployment-[a-z0-9]+-[a-z0-9]{5}\",uid=\"[0-9a-f-]+\",phase=\"Pending\"\} 0$"
    And the output contains:
      """
      kube_node_status_condition{node="k8s-node1",condition="Ready",status="true"} 1
      kube_node_status_condition{node="k8s-node1",condition="Ready",status="false"} 0
      kube_node_status_condition{node="k8s-node1",condition="Ready",status="unknown"} 0
      """

  @claim:mon.prometheus
  Scenario: Each scrape reads the objects as they are then
    When I run "kubectl apply -f kube-state-metrics.yaml"
    And I run "kubectl apply -f nginx.yml"
    Then within 1 minute deployment "nginx-deployment" has 2 available replicas
    When I scale deployment "nginx-deployment" to 1 replica
    And 30 seconds pass
    And I scrape kube-state-metrics
    Then the output contains:
      """
      kube_deployment_status_replicas_available{namespace="default",deployment="nginx-deployment"} 1
      """
    # A failed node's Pods are evicted after 5 minutes (tolerationSeconds 300) and replaced elsewhere,
    # kube-state-metrics' own Pod too if it ran there.
    When node "k8s-node2" fails
    And 7 minutes pass
    And I scrape kube-state-metrics
    Then the output contains:
      """
      kube_node_status_condition{node="k8s-node2",condition="Ready",status="true"} 0
      kube_node_status_condition{node="k8s-node2",condition="Ready",status="false"} 0
      kube_node_status_condition{node="k8s-node2",condition="Ready",status="unknown"} 1
      """

  @claim:mon.prometheus
  Scenario: There is nothing to scrape until kube-state-metrics is ready
    When I scrape kube-state-metrics
    Then the command fails with "services \"kube-state-metrics\" not found in namespace kube-system"
    When I run "kubectl apply -f kube-state-metrics.yaml"
    And I scrape kube-state-metrics
    Then the command fails with "Service kube-system/kube-state-metrics has no ready kube-state-metrics endpoint"
