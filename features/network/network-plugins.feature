Feature: The Pod network is a CNI plugin (chapter 12.1)
  Kubernetes leaves the Pod network to a CNI plugin, chosen when the cluster is built (kubeadm
  installs none; `kubespec shell --network flannel|calico|canal|none`). Each plugin runs an agent
  Pod on every node; it marks the node's network available, and the Pods get addresses from the
  node's Pod CIDR. Whether NetworkPolicy is enforced depends on the plugin (network-policy.feature).

  @claim:net.cni @claim:net.pod-ip-no-nat
  Scenario Outline: The <plugin> agent runs on every node and Pods get addresses from the node's Pod CIDR
    Given a cluster with 3 nodes using <plugin>
    Then daemonset "<daemonset>" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And node "k8s-node1" has "status.conditions[type=NetworkUnavailable].reason" equal to "<reason>"
    And node "k8s-node1" has "spec.podCIDR" equal to "10.244.1.0/24"
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeName: k8s-node2
        containers:
        - name: httpd
          image: httpd
      """
    Then within 1 minute pod "web" is Running
    And pod "web" has "status.podIP" matching "^10\.244\.2\.\d+$"
    And node "k8s-node1" can reach pod "web" on port 80

    Examples:
      | plugin  | daemonset                   | reason      |
      | flannel | kube-flannel/kube-flannel-ds | FlannelIsUp |
      | calico  | kube-system/calico-node     | CalicoIsUp  |
      | canal   | kube-system/canal           | FlannelIsUp |

  @claim:net.switch-plugin-rebuild @claim:netpol.plugin-support
  Scenario: Switching plugins means building the cluster again
    The plugin is part of how a cluster was built (kubeadm reset and init with the new plugin);
    the same manifests on a rebuilt cluster with calico get the policy enforced.
    Given a cluster with 3 nodes using flannel
    And the example file "httpd.yml"
    And the example file "busybox.yml"
    And the example file "access-httpd-policy.yml"
    When I run "kubectl apply -f httpd.yml -f busybox.yml -f access-httpd-policy.yml"
    Then within 2 minutes deployment "httpd" has 3 ready replicas
    And within 1 minute pod "busybox" is Running
    When I pick a pod of deployment "httpd" as "$WEB"
    Then pod "busybox" can reach pod "$WEB" on port 80
    Given a cluster with 3 nodes using calico
    When I run "kubectl apply -f httpd.yml -f busybox.yml -f access-httpd-policy.yml"
    Then within 2 minutes deployment "httpd" has 3 ready replicas
    And within 1 minute pod "busybox" is Running
    When I pick a pod of deployment "httpd" as "$WEB"
    Then a connection from pod "busybox" to pod "$WEB" on port 80 times out
