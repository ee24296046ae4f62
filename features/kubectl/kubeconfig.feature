Feature: kubectl's kubeconfig: contexts, their namespace, and who the admin is
  kubectl reads kubeadm's admin.conf (its copy ~/.kube/config): one context,
  kubernetes-admin@kubernetes. `kubectl config set-context` / `use-context` / `delete-context`
  rewrite it, and every later command reads the current context again: its namespace is the
  default namespace (clientcmd's DirectClientConfig.Namespace), and a context that is not there
  stops the command before it talks to the server. The admin user is in the group
  kubeadm:cluster-admins, bound to cluster-admin: `kubectl auth can-i` says yes to everything.

  Background:
    Given a cluster with 2 nodes

  Scenario: set-context --current --namespace changes the namespace later commands default to
    When I run "kubectl create deployment web --image=nginx"
    And I run "kubectl config set-context --current --namespace=kube-system"
    Then the output is:
      """
      Context "kubernetes-admin@kubernetes" modified.
      """
    When I run "kubectl get pods"
    Then the output has a line matching "^etcd-k8s-master\s+1/1\s+Running"
    And the output has no line matching "^web-"
    When I run "kubectl get pods -n default"
    Then the output has a line matching "^web-\w+-\w{5}\s"
    When I run "kubectl config get-contexts"
    Then the output table matches:
      | CURRENT | NAME                        | CLUSTER    | AUTHINFO         | NAMESPACE   |
      | \*      | kubernetes-admin@kubernetes | kubernetes | kubernetes-admin | kube-system |
    When I run "kubectl config view --minify -o jsonpath={.contexts[0].context.namespace}"
    Then the output is:
      """
      kube-system
      """
    When I run "kubectl create configmap settings --from-literal=a=b"
    Then the output is:
      """
      configmap/settings created
      """
    And configmap "kube-system/settings" exists

  Scenario: a second context, switched to with use-context, and deleted
    When I run "kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev"
    Then the output is:
      """
      Context "dev" created.
      """
    When I run "kubectl config use-context dev"
    Then the output is:
      """
      Switched to context "dev".
      """
    When I run "kubectl create namespace dev"
    And I run "kubectl run probe --image=nginx"
    Then pod "dev/probe" exists
    When I run "kubectl config delete-context dev"
    Then the output is:
      """
      deleted context dev from /root/.kube/config
      """
    And the error output contains "warning: this removed your active context, use \"kubectl config use-context\" to select a different one"
    When I run "kubectl get pods"
    Then the command fails with:
      """
      Error in configuration: context was not found for specified context: dev
      """

  Scenario: an unknown --context, --cluster or --user stops the command before it runs
    When I run "kubectl get pods --context staging"
    Then the command fails with:
      """
      Error in configuration: context was not found for specified context: staging
      """
    When I run "kubectl get pods -n default --context staging"
    Then the command fails with:
      """
      error: context "staging" does not exist
      """
    When I run "kubectl get pods --cluster staging"
    Then the command fails with:
      """
      Error in configuration: no server found for cluster "staging"
      """
    When I run "kubectl get pods --user staging"
    Then the command fails with:
      """
      error: auth info "staging" does not exist
      """
    When I run "kubectl get pods --context kubernetes-admin@kubernetes -n kube-system"
    Then the command succeeds

  Scenario: kubectl version without a reachable server prints the client's version, then the error
    When I run "kubectl config set-context empty"
    And I run "kubectl config use-context empty"
    And I run "kubectl version"
    Then the command exits with code 1
    And the error output contains "The connection to the server localhost:8080 was refused - did you specify the right host or port?"
    And the output is:
      """
      Client Version: v1.34.0
      Kustomize Version: v5.7.1
      """

  Scenario: the kubeadm admin can do anything (cluster-admin), with kubectl's warnings for odd questions
    When I run "kubectl auth can-i delete deployments -n kube-system"
    Then the output is:
      """
      yes
      """
    When I run "kubectl auth can-i list widgets"
    Then the output is:
      """
      yes
      """
    And the error output contains "Warning: the server doesn't have a resource type 'widgets'"
    When I run "kubectl auth can-i --list"
    Then the output has a line matching "^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$"
    And the output has a line matching "^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$"
    When I run "kubectl auth whoami"
    Then the output is:
      """
      ATTRIBUTE   VALUE
      Username    kubernetes-admin
      Groups      [kubeadm:cluster-admins system:authenticated]
      """
