Feature: kube-proxy's mode is part of the cluster (kubeadm's kube-proxy ConfigMap)
  kubeadm writes kube-proxy's KubeProxyConfiguration into the ConfigMap kube-system/kube-proxy
  (key config.conf), which every kube-proxy Pod reads. `mode: ""` means the default, iptables, as
  the book's cluster runs it; `mode: ipvs` switches to IPVS virtual servers. Changing the mode in a
  running cluster means editing that ConfigMap and restarting kube-proxy.

  @claim:svc.clusterip-iptables
  Scenario: A kubeadm cluster's kube-proxy runs in the default (iptables) mode
    Given a cluster with 3 nodes
    When I run "kubectl get configmap kube-proxy -n kube-system -o yaml"
    Then the output has a line matching '^    mode: ""$'
    And the output has a line matching '^    kind: KubeProxyConfiguration$'
    And the output has a line matching '^    clusterCIDR: 10\.244\.0\.0/16$'

  Scenario: A cluster created with kube-proxy in IPVS mode says so in the ConfigMap; switching back rewrites it
    Given a cluster with 3 nodes whose kube-proxy runs in ipvs mode
    When I run "kubectl get configmap kube-proxy -n kube-system -o yaml"
    Then the output has a line matching '^    mode: ipvs$'
    Given the cluster's kube-proxy runs in iptables mode
    When I run "kubectl get configmap kube-proxy -n kube-system -o yaml"
    Then the output has a line matching '^    mode: ""$'
