Feature: The architecture of a cluster (chapters 2 and 4)
  A cluster is a pool of machines: a master (control plane) running kube-apiserver,
  kube-scheduler, kube-controller-manager, etcd and the Pod network, and nodes running kubelet,
  kube-proxy and the Pod network. Everything but kubelet runs in containers; kubelet is a
  systemd service on each machine.

  In current kubeadm clusters the master is called the control-plane node; flannel installs into
  its own namespace, kube-flannel. kube-proxy's forwarding of Service traffic is checked with the
  Services chapter; here, that it runs on every node.

  Background:
    Given a cluster with 3 nodes

  @claim:arch.master-and-nodes @claim:arch.master-components @claim:arch.etcd
  Scenario: The master runs the control plane, etcd and the Pod network
    When I run "kubectl get pods --all-namespaces -o wide"
    Then the output table contains rows:
      | NAMESPACE    | NAME                               | STATUS  | IP             | NODE       |
      | kube-flannel | kube-flannel-ds-[a-z0-9]{5}        | Running | 192.168.56.100 | k8s-master |
      | kube-system  | etcd-k8s-master                    | Running | 192.168.56.100 | k8s-master |
      | kube-system  | kube-apiserver-k8s-master          | Running | 192.168.56.100 | k8s-master |
      | kube-system  | kube-controller-manager-k8s-master | Running | 192.168.56.100 | k8s-master |
      | kube-system  | kube-proxy-[a-z0-9]{5}             | Running | 192.168.56.100 | k8s-master |
      | kube-system  | kube-scheduler-k8s-master          | Running | 192.168.56.100 | k8s-master |
    And the output has no line matching "^kube-system\s+(etcd|kube-apiserver|kube-controller-manager|kube-scheduler)-k8s-node"
    And pod "kube-system/etcd-k8s-master" has "spec.containers[0].command" matching "--data-dir=/var/lib/etcd"

  @claim:arch.master-components @claim:arch.etcd
  Scenario: kubectl get componentstatuses reports the control plane healthy (deprecated since v1.19)
    When I run "kubectl get cs"
    Then the output table matches:
      | NAME               | STATUS  | MESSAGE | ERROR |
      | controller-manager | Healthy | ok      |       |
      | scheduler          | Healthy | ok      |       |
      | etcd-0             | Healthy | ok      |       |
    And the error output contains "Warning: v1 ComponentStatus is deprecated in v1.19+"

  @claim:arch.master-and-nodes @claim:arch.master-components @claim:arch.node-components @claim:arch.kube-proxy
  Scenario: Every node runs kube-proxy and the Pod network; only the master runs the control plane
    Then daemonset "kube-system/kube-proxy" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And daemonset "kube-flannel/kube-flannel-ds" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And every pod of daemonset "kube-system/kube-proxy" is Running
    And every pod of daemonset "kube-flannel/kube-flannel-ds" is Running
    And pod "kube-system/kube-scheduler-k8s-master" has "spec.nodeName" equal to "k8s-master"
    And pod "kube-system/kube-controller-manager-k8s-master" has "spec.nodeName" equal to "k8s-master"
    When I run "kubectl get daemonset --all-namespaces"
    Then the output table matches:
      | NAMESPACE    | NAME            | DESIRED | CURRENT | READY |
      | kube-flannel | kube-flannel-ds | 3       | 3       | 3     |
      | kube-system  | kube-proxy      | 3       | 3       | 3     |
    When I run "kubectl get nodes"
    Then the output table matches:
      | NAME       | STATUS | ROLES         |
      | k8s-master | Ready  | control-plane |
      | k8s-node1  | Ready  | <none>        |
      | k8s-node2  | Ready  | <none>        |

  @claim:arch.kubelet-not-a-container
  Scenario: kubelet is not a Pod: it runs on each machine as a service
    When I run "kubectl get pods --all-namespaces"
    Then the output has no line matching "kubelet"
    And the output has a line matching "^kube-system\s+kube-apiserver-k8s-master\s"
    And node "k8s-node1" has "status.nodeInfo.kubeletVersion" equal to "v1.34.0"
    And node "k8s-node1" has "status.daemonEndpoints.kubeletEndpoint.Port" equal to "10250"

  @claim:arch.apiserver-rest
  Scenario: The API server serves the Kubernetes API over HTTPS, behind the Service kubernetes
    When I run "kubectl get service kubernetes"
    Then the output table matches:
      | NAME       | TYPE      | CLUSTER-IP | EXTERNAL-IP | PORT(S) |
      | kubernetes | ClusterIP | 10.96.0.1  | <none>      | 443/TCP   |
    And service "kubernetes" has "spec.ports[0].name" equal to "https"
    And pod "kube-system/kube-apiserver-k8s-master" has "spec.containers[0].command" matching "--secure-port=6443"

  @claim:arch.kubelet-agent @claim:node.runs-containers
  Scenario: The kubelet of the chosen node pulls the image, starts the containers and reports their state
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.7.9
      """
    Then pod "web" has "spec.nodeName" matching "^k8s-node[12]$"
    And pod "web" has no "status.containerStatuses[0].state.running"
    And within 1 minute pod "web" is Running
    And pod "web" has "status.containerStatuses[0].image" matching "nginx:1.7.9"
    And pod "web" has "status.containerStatuses[0].ready" equal to "true"
    And pod "web" has "status.hostIP" matching "^192\.168\.56\.10[12]$"
    And there is an event "Pulling" for pod "web" with message matching "^Pulling image \"nginx:1.7.9\"$"
    And there is an event "Started" for pod "web" with message matching "^Started container:? nginx$"

  @claim:cluster.resources
  Scenario: The nodes are a pool of compute, storage and network resources
    When I run "kubectl describe node k8s-node1"
    Then the output has a line matching "^Capacity:$"
    And the output has a line matching "^  cpu:\s+\d+$"
    And the output has a line matching "^  memory:\s+\d+Ki$"
    And the output has a line matching "^  ephemeral-storage:\s+\d+Ki$"
    And the output has a line matching "^  pods:\s+110$"
    And the output has a line matching "^PodCIDR:\s+10.244.1.0/24$"
    And the output has a line matching "^  InternalIP:\s+192.168.56.101$"
    And node "k8s-node2" has "spec.podCIDR" equal to "10.244.2.0/24"
    And node "k8s-node2" has "status.allocatable.pods" equal to "110"

  @claim:node.runs-containers
  Scenario: A node's kubelet renews its Lease every 10 seconds, until the node fails
    When 65 seconds pass
    And I run "kubectl describe node k8s-node1"
    Then the output has a line matching "^  HolderIdentity:\s+k8s-node1$"
    And the output has a line matching "^  RenewTime:\s+Wed, 01 Jan 2025 00:01:10 \+0000$"
    When node "k8s-node1" fails
    And 2 minutes pass
    And I run "kubectl describe node k8s-node1"
    Then the output has a line matching "^  RenewTime:\s+Wed, 01 Jan 2025 00:01:10 \+0000$"
    And the output has a line matching "^  Ready\s+Unknown\s"
