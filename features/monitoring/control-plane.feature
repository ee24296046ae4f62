Feature: Monitoring the control plane (chapters 14.3, 14.4)
  Besides nodes and Pods one wants to watch the control plane itself: are the API server, the
  scheduler and the controller manager healthy, and how loaded are they. Prometheus Operator
  (kube-prometheus) monitors nodes, Pods and these components. In a kubeadm cluster the control
  plane runs as static Pods in kube-system (labels component=<name>, tier=control-plane), so the
  same pipelines that watch Pods watch it: metrics-server gives their CPU and memory (kubectl top),
  kube-state-metrics their state.

  Dated: the book installs Prometheus Operator's Helm chart; the scenarios check the structure it
  relies on with metrics-server and kube-state-metrics, which kube-prometheus also deploys.

  Background:
    Given a cluster with 3 nodes
    And the example file "monitoring/components.yaml"
    And the example file "monitoring/kube-state-metrics.yaml"
    When I run "kubectl apply -f components.yaml"
    And I run "kubectl apply -f kube-state-metrics.yaml"
    Then within 1 minute deployment "kube-system/metrics-server" has 1 available replica
    And within 1 minute deployment "kube-system/kube-state-metrics" has 1 available replica

  @claim:mon.control-plane
  Scenario: The API server, scheduler and controller manager are Pods whose load kubectl top shows
    When I run "kubectl top pod -n kube-system -l tier=control-plane"
    Then the output has a line matching "^NAME +CPU\(cores\) +MEMORY\(bytes\) +$"
    And the output has a line matching "^etcd-k8s-master +\d+m +\d+Mi +$"
    And the output has a line matching "^kube-apiserver-k8s-master +\d+m +\d+Mi +$"
    And the output has a line matching "^kube-controller-manager-k8s-master +\d+m +\d+Mi +$"
    And the output has a line matching "^kube-scheduler-k8s-master +\d+m +\d+Mi +$"
    And the output has no line matching "coredns|kube-proxy|metrics-server"

  @claim:mon.control-plane @claim:mon.prometheus-operator
  Scenario: Nodes, Pods and the control-plane components are all watched
    When I run "kubectl top node"
    Then the output has a line matching "^k8s-master +\d+m +\d+% +\d+Mi +\d+% +$"
    When I run "kubectl top pod -A"
    Then the output has a line matching "^kube-system +coredns-[a-z0-9]+-[a-z0-9]{5} +\d+m +\d+Mi +$"
    And the output has a line matching "^kube-system +kube-scheduler-k8s-master +\d+m +\d+Mi +$"
    When I scrape kube-state-metrics
    Then the output has a line matching "^kube_pod_status_ready\{namespace=\"kube-system\",pod=\"kube-apiserver-k8s-master\",uid=\"[0-9a-f-]+\",condition=\"true\"\} 1$"
    And the output has a line matching "^kube_pod_status_ready\{namespace=\"kube-system\",pod=\"kube-scheduler-k8s-master\",uid=\"[0-9a-f-]+\",condition=\"true\"\} 1$"
    And the output has a line matching "^kube_pod_status_ready\{namespace=\"kube-system\",pod=\"kube-controller-manager-k8s-master\",uid=\"[0-9a-f-]+\",condition=\"true\"\} 1$"
    And the output has a line matching "^kube_node_status_condition\{node=\"k8s-master\",condition=\"Ready\",status=\"true\"\} 1$"
