Feature: A cluster made by kubeadm (chapter 3)
  kubeadm init checks the machine, makes a token, certificates and kubeconfig files (not modelled:
  the simulator has no machines; kubectl config reads the admin.conf it would write, and edits the shell's copy of it), runs the control-plane components as containers, installs
  kube-proxy and the DNS add-on, and leaves the Pod network to the administrator. kubelet runs on
  every node and starts the Pods; kubectl is how we deploy and look at everything.

  Dated: the book's kubeadm installed kube-dns; current kubeadm installs CoreDNS, whose Service
  is still named kube-dns. The control-plane components run as static Pods named
  <component>-<node>, here <component>-k8s-master.

  @claim:kubeadm.init-steps
  Scenario: kubeadm's control plane, kube-proxy and CoreDNS run in kube-system
    Given a cluster with 3 nodes
    When I run "kubectl get pods --namespace=kube-system -o wide"
    Then the output table matches:
      | NAME                               | READY | STATUS  | NODE                            |
      | coredns-[4-9bcdf]+-[a-z0-9]{5}     | 1/1   | Running | k8s-master\|k8s-node1\|k8s-node2 |
      | coredns-[4-9bcdf]+-[a-z0-9]{5}     | 1/1   | Running | k8s-master\|k8s-node1\|k8s-node2 |
      | etcd-k8s-master                    | 1/1   | Running | k8s-master                      |
      | kube-apiserver-k8s-master          | 1/1   | Running | k8s-master                      |
      | kube-controller-manager-k8s-master | 1/1   | Running | k8s-master                      |
      | kube-proxy-[a-z0-9]{5}             | 1/1   | Running | k8s-master                      |
      | kube-proxy-[a-z0-9]{5}             | 1/1   | Running | k8s-node1                       |
      | kube-proxy-[a-z0-9]{5}             | 1/1   | Running | k8s-node2                       |
      | kube-scheduler-k8s-master          | 1/1   | Running | k8s-master                      |
    And pod "kube-system/etcd-k8s-master" has "metadata.ownerReferences[0].kind" equal to "Node"
    And pod "kube-system/kube-apiserver-k8s-master" has "spec.hostNetwork" equal to "true"
    And deployment "kube-system/coredns" has 2 available replicas
    And every pod of deployment "kube-system/coredns" has "metadata.labels.k8s-app" equal to "kube-dns"
    When I run "kubectl get service --namespace=kube-system"
    Then the output table matches:
      | NAME     | TYPE      | CLUSTER-IP | EXTERNAL-IP | PORT(S)              |
      | kube-dns | ClusterIP | 10.96.0.10 | <none>      | 53/UDP,53/TCP,9153/TCP |
    And service "kube-system/kube-dns" has "spec.selector.k8s-app" equal to "kube-dns"
    When I run "kubectl get daemonset --namespace=kube-system"
    Then the output table matches:
      | NAME       | DESIRED | CURRENT | READY | UP-TO-DATE | AVAILABLE |
      | kube-proxy | 3       | 3       | 3     | 3          | 3         |

  @claim:kubeadm.components
  Scenario: kubelet runs on every node and kubectl manages the cluster
    Given a cluster with 3 nodes
    When I run "kubectl get nodes"
    Then the output table has columns:
      | NAME | STATUS | ROLES | AGE | VERSION |
    And the output table matches:
      | NAME       | STATUS | ROLES         | VERSION |
      | k8s-master | Ready  | control-plane | v1\.34\.0 |
      | k8s-node1  | Ready  | <none>        | v1\.34\.0 |
      | k8s-node2  | Ready  | <none>        | v1\.34\.0 |
    And node "k8s-node1" has "status.nodeInfo.kubeletVersion" equal to "v1.34.0"
    And node "k8s-node2" has "status.nodeInfo.kubeletVersion" equal to "v1.34.0"
    And node "k8s-master" has "status.nodeInfo.kubeletVersion" equal to "v1.34.0"
    When I apply:
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: probe
      spec:
        selector:
          matchLabels:
            app: probe
        template:
          metadata:
            labels:
              app: probe
          spec:
            tolerations:
            - operator: Exists
            containers:
            - name: pause
              image: registry.k8s.io/pause:3.10
      """
    Then within 2 minutes daemonset "probe" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And within 1 minute every pod of daemonset "probe" is Running
    And there is an event "Started" for a pod of daemonset "probe"

  Scenario: kubectl reads the admin.conf kubeadm wrote, its certificates omitted from view
    Given a cluster with 3 nodes
    When I run "kubectl config current-context"
    Then the output is:
      """
      kubernetes-admin@kubernetes
      """
    When I run "kubectl config view --minify"
    Then the output is:
      """
      apiVersion: v1
      clusters:
      - cluster:
          certificate-authority-data: DATA+OMITTED
          server: https://192.168.56.100:6443
        name: kubernetes
      contexts:
      - context:
          cluster: kubernetes
          user: kubernetes-admin
        name: kubernetes-admin@kubernetes
      current-context: kubernetes-admin@kubernetes
      kind: Config
      preferences: {}
      users:
      - name: kubernetes-admin
        user:
          client-certificate-data: DATA+OMITTED
          client-key-data: DATA+OMITTED
      """
    When I run "kubectl config get-contexts"
    Then the output table matches:
      | CURRENT | NAME                        | CLUSTER    | AUTHINFO         | NAMESPACE |
      | \*      | kubernetes-admin@kubernetes | kubernetes | kubernetes-admin |           |
    When I run "kubectl config set-context --current --namespace=dev"
    Then the output is:
      """
      Context "kubernetes-admin@kubernetes" modified.
      """

  @claim:cluster.pod-network-required @claim:kubectl.describe-pod
  Scenario: Without a Pod network the nodes stay NotReady and the DNS Pods stay Pending
    Given a cluster with 3 nodes and no pod network
    When I run "kubectl get nodes"
    Then the output table matches:
      | NAME       | STATUS   |
      | k8s-master | NotReady |
      | k8s-node1  | NotReady |
      | k8s-node2  | NotReady |
    And node "k8s-node1" has taint "node.kubernetes.io/not-ready:NoSchedule"
    And node "k8s-node1" has "status.conditions[type=Ready].reason" equal to "KubeletNotReady"
    And node "k8s-node1" has "status.conditions[type=Ready].message" matching "network plugin not ready: cni config uninitialized|cni plugin not initialized"
    And every pod of deployment "kube-system/coredns" is Pending
    And every pod of daemonset "kube-system/kube-proxy" is Running
    When I run "kubectl describe pods --namespace=kube-system -l k8s-app=kube-dns"
    Then the output has a line matching "^Status:\s+Pending$"
    And the output has a line matching "Warning\s+FailedScheduling\s+.*default-scheduler\s+0/3 nodes are available: .*untolerated taint.*node.kubernetes.io/not-ready"
    Given the example file "nginx.yml"
    When I run "kubectl apply -f nginx.yml"
    Then for 2 minutes every pod of deployment "nginx-deployment" stays Pending

  @claim:cluster.pod-network-required
  Scenario: Installing the Pod network makes the nodes Ready and lets Pods run
    Given a cluster with 3 nodes and no pod network
    And the example file "kube-flannel.yml"
    When I run "kubectl apply -f kube-flannel.yml"
    Then the output contains:
      """
      namespace/kube-flannel created
      daemonset.apps/kube-flannel-ds created
      """
    And within 2 minutes node "k8s-node1" is Ready
    And within 1 minute node "k8s-node2" is Ready
    And within 2 minutes deployment "kube-system/coredns" has 2 available replicas
