Feature: The objects a fresh kubeadm cluster starts with
  Besides its Pods, a new cluster holds what its components wrote at start-up: the API server's
  bootstrap RBAC policy (ClusterRoles and bindings labelled kubernetes.io/bootstrapping=rbac-defaults,
  one system:controller:<name> role per controller), the Roles and bindings kubeadm adds for
  joining nodes and its add-ons, one ServiceAccount per controller of the controller-manager (which
  kubeadm runs with --use-service-account-credentials), kubeadm's ConfigMaps and its bootstrap token.

  Scenario: The bootstrap RBAC policy: well-known ClusterRoles, with their creation time
    Given a cluster with 3 nodes
    When I run "kubectl get clusterrole"
    Then the output table has columns:
      | NAME | CREATED AT |
    And the output table contains rows:
      | NAME                                     | CREATED AT           |
      | admin                                    | 2025-01-01T00:00:00Z |
      | cluster-admin                            | 2025-01-01T00:00:00Z |
      | edit                                     | 2025-01-01T00:00:00Z |
      | flannel                                  | 2025-01-01T00:00:00Z |
      | kubeadm:get-nodes                        | 2025-01-01T00:00:00Z |
      | system:controller:deployment-controller  | 2025-01-01T00:00:00Z |
      | system:coredns                           | 2025-01-01T00:00:00Z |
      | system:kube-scheduler                    | 2025-01-01T00:00:00Z |
      | system:node                              | 2025-01-01T00:00:00Z |
      | view                                     | 2025-01-01T00:00:00Z |
    When I run "kubectl describe clusterrole cluster-admin"
    Then the output is:
      """
      Name:         cluster-admin
      Labels:       kubernetes.io/bootstrapping=rbac-defaults
      Annotations:  rbac.authorization.kubernetes.io/autoupdate: true
      PolicyRule:
        Resources  Non-Resource URLs  Resource Names  Verbs
        ---------  -----------------  --------------  -----
        *.*        []                 []              [*]
                   [*]                []              [*]
      """
    When I run "kubectl get clusterrole view -o jsonpath={.aggregationRule.clusterRoleSelectors[0].matchLabels}"
    Then the output is:
      """
      {"rbac.authorization.k8s.io/aggregate-to-view":"true"}
      """
    When I run "kubectl describe clusterrole view"
    Then the output has a line matching "^  pods/log +\[\] +\[\] +\[get list watch\]$"
    And the output has a line matching "^  deployments\.apps/scale +\[\] +\[\] +\[get list watch\]$"

  Scenario: Bindings print their role and, wide, their subjects by kind
    Given a cluster with 3 nodes
    When I run "kubectl get clusterrolebinding cluster-admin kubeadm:node-proxier system:public-info-viewer -o wide"
    Then the output table matches:
      | NAME                      | ROLE                                | USERS | GROUPS                                       | SERVICEACCOUNTS        |
      | cluster-admin             | ClusterRole/cluster-admin           |       | system:masters                               |                        |
      | kubeadm:node-proxier      | ClusterRole/system:node-proxier     |       |                                              | kube-system/kube-proxy |
      | system:public-info-viewer | ClusterRole/system:public-info-viewer |     | system:authenticated, system:unauthenticated |                        |
    When I run "kubectl get rolebinding -n kube-public"
    Then the output table matches:
      | NAME                                 | ROLE                                      |
      | kubeadm:bootstrap-signer-clusterinfo | Role/kubeadm:bootstrap-signer-clusterinfo |
      | system:controller:bootstrap-signer   | Role/system:controller:bootstrap-signer   |
    When I run "kubectl describe rolebinding -n kube-system system::leader-locking-kube-scheduler"
    Then the output is:
      """
      Name:         system::leader-locking-kube-scheduler
      Labels:       kubernetes.io/bootstrapping=rbac-defaults
      Annotations:  rbac.authorization.kubernetes.io/autoupdate: true
      Role:
        Kind:  Role
        Name:  system::leader-locking-kube-scheduler
      Subjects:
        Kind            Name                   Namespace
        ----            ----                   ---------
        User            system:kube-scheduler  
        ServiceAccount  kube-scheduler         kube-system
      """

  Scenario: One ServiceAccount per controller of the controller-manager
    Given a cluster with 3 nodes
    When I run "kubectl get serviceaccounts -n kube-system"
    Then the output table has 39 rows
    And the output table contains rows:
      | NAME                       | SECRETS |
      | coredns                    | 0       |
      | default                    | 0       |
      | deployment-controller      | 0       |
      | generic-garbage-collector  | 0       |
      | kube-proxy                 | 0       |
      | node-controller            | 0       |
      | replicaset-controller      | 0       |
      | token-cleaner              | 0       |

  Scenario: kubeadm's ConfigMaps, cluster-info for joining nodes, and the bootstrap token
    Given a cluster with 3 nodes
    When I run "kubectl get configmaps -n kube-system"
    Then the output table matches:
      | NAME                                                 | DATA |
      | coredns                                              | 1    |
      | extension-apiserver-authentication                   | 7    |
      | kube-apiserver-legacy-service-account-token-tracking | 1    |
      | kube-proxy                                           | 2    |
      | kube-root-ca.crt                                     | 1    |
      | kubeadm-config                                       | 1    |
      | kubelet-config                                       | 1    |
    And configmap "kube-system/kubeadm-config" has "data.ClusterConfiguration" matching "kubernetesVersion: v1\.34\.0\n"
    And configmap "kube-system/kubeadm-config" has "data.ClusterConfiguration" matching "podSubnet: 10\.244\.0\.0/16\n"
    When I run "kubectl get configmaps -n kube-public"
    Then the output table matches:
      | NAME             | DATA |
      | cluster-info     | 2    |
      | kube-root-ca.crt | 1    |
    And configmap "kube-public/cluster-info" has "data.kubeconfig" matching "server: https://192\.168\.56\.100:6443\n"
    When I run "kubectl get secrets -n kube-system"
    Then the output table matches:
      | NAME                          | TYPE                          | DATA |
      | bootstrap-token-[a-z0-9]{6}   | bootstrap.kubernetes.io/token | 7    |
    When I run "kubectl get configmaps -n kube-flannel"
    Then the output table matches:
      | NAME             | DATA |
      | kube-flannel-cfg | 2    |
      | kube-root-ca.crt | 1    |
