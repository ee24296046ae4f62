Feature: RBAC authorizes every request by the bindings of its user
  The API server's RBAC authorizer (plugin/pkg/auth/authorizer/rbac) allows a request when a rule
  of a role bound to the user, one of its groups or its service account covers the verb, the API
  group, the resource (with its subresource) and the name: ClusterRoleBindings everywhere,
  RoleBindings in their own namespace. Nothing is denied outright; what no rule allows is
  forbidden. kubectl's --as makes each request come from another user (the kubeadm admin may
  impersonate anyone); `kubectl auth can-i` asks the authorizer directly.

  Background:
    Given a cluster with 2 nodes
    And I apply:
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team-a
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: app
        namespace: team-a
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: pod-reader
        namespace: team-a
      rules:
      - apiGroups: [""]
        resources: ["pods", "pods/log"]
        verbs: ["get", "list", "watch"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: app-reads-pods
        namespace: team-a
      subjects:
      - kind: ServiceAccount
        name: app
      roleRef:
        kind: Role
        name: pod-reader
        apiGroup: rbac.authorization.k8s.io
      """

  Scenario: a Role bound to a ServiceAccount lets it read pods in its own namespace only
    Then service account "team-a/app" can list "pods" in namespace "team-a"
    And service account "team-a/app" can get "pods/log" in namespace "team-a"
    And service account "team-a/app" cannot get "pods/exec" in namespace "team-a"
    And service account "team-a/app" cannot delete "pods" in namespace "team-a"
    And service account "team-a/app" cannot list "pods" in namespace "default"
    And service account "team-a/app" cannot list "pods" at the cluster scope
    And service account "team-b/app" cannot list "pods" in namespace "team-a"
    When I run "kubectl run web --image=nginx -n team-a"
    And I run "kubectl get pods -n team-a -o name --as=system:serviceaccount:team-a:app"
    Then the output is:
      """
      pod/web
      """
    When I run "kubectl get pods --as=system:serviceaccount:team-a:app"
    Then the command fails with:
      """
      Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:team-a:app" cannot list resource "pods" in API group "" in the namespace "default"
      """
    When I run "kubectl delete pod web -n team-a --as=system:serviceaccount:team-a:app"
    Then the command fails with:
      """
      Error from server (Forbidden): pods "web" is forbidden: User "system:serviceaccount:team-a:app" cannot delete resource "pods" in API group "" in the namespace "team-a"
      """
    And pod "team-a/web" exists

  Scenario: a refused request names the resource, its group and its scope as the API server words it
    When I run "kubectl get nodes --as jane"
    Then the command fails with:
      """
      Error from server (Forbidden): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope
      """
    When I run "kubectl get deployment web -n team-a --as jane"
    Then the command fails with:
      """
      Error from server (Forbidden): deployments.apps "web" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "team-a"
      """
    Given the file "pod.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: web
          image: nginx
      """
    When I run "kubectl create -f pod.yml --as jane"
    Then the command fails with:
      """
      Error from server (Forbidden): error when creating "pod.yml": pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default"
      """
    And pod "web" does not exist

  Scenario: kubectl auth can-i answers as the impersonated user: yes, or no with exit code 1
    When I run "kubectl auth can-i list pods -n team-a --as system:serviceaccount:team-a:app"
    Then the output is:
      """
      yes
      """
    When I run "kubectl auth can-i create pods -n team-a --as system:serviceaccount:team-a:app"
    Then the command exits with code 1
    And the output is:
      """
      no
      """
    When I run "kubectl auth can-i --list -n team-a --as system:serviceaccount:team-a:app"
    Then the output has a line matching "^pods/log\s+\[\]\s+\[\]\s+\[get list watch\]$"
    And the output has a line matching "^pods\s+\[\]\s+\[\]\s+\[get list watch\]$"
    And the output has a line matching "^selfsubjectaccessreviews.authorization.k8s.io\s+\[\]\s+\[\]\s+\[create\]$"
    When I run "kubectl auth whoami --as system:serviceaccount:team-a:app"
    Then the output is:
      """
      ATTRIBUTE   VALUE
      Username    system:serviceaccount:team-a:app
      Groups      [system:serviceaccounts system:serviceaccounts:team-a system:authenticated]
      """

  Scenario: a binding to a role that does not exist grants nothing, and says so
    Given I apply:
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: jane-reads
        namespace: team-a
      subjects:
      - kind: User
        name: jane
        apiGroup: rbac.authorization.k8s.io
      roleRef:
        kind: Role
        name: secret-reader
        apiGroup: rbac.authorization.k8s.io
      """
    When I run "kubectl auth can-i get secrets -n team-a --as jane"
    Then the command exits with code 1
    And the output is:
      """
      no - RBAC: role.rbac.authorization.k8s.io "secret-reader" not found
      """

  Scenario: a RoleBinding to a ClusterRole grants it in one namespace, a ClusterRoleBinding in all
    Given I apply:
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: jane-views-team-a
        namespace: team-a
      subjects:
      - kind: User
        name: jane
        apiGroup: rbac.authorization.k8s.io
      roleRef:
        kind: ClusterRole
        name: view
        apiGroup: rbac.authorization.k8s.io
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: auditors-view
      subjects:
      - kind: Group
        name: auditors
        apiGroup: rbac.authorization.k8s.io
      - kind: User
        name: alice
        apiGroup: rbac.authorization.k8s.io
      - kind: ServiceAccount
        name: auditor
        namespace: team-a
      roleRef:
        kind: ClusterRole
        name: view
        apiGroup: rbac.authorization.k8s.io
      """
    Then user "jane" can list "deployments.apps" in namespace "team-a"
    And user "jane" cannot list "deployments.apps" in namespace "default"
    And user "jane" cannot get "secrets" in namespace "team-a"
    And user "jane" cannot list "deployments.apps" at the cluster scope
    And user "alice" can list "deployments.apps" at the cluster scope
    And user "alice" cannot get "secrets" in namespace "team-a"
    And service account "team-a/auditor" can list "deployments.apps" at the cluster scope
    When I run "kubectl get deployments -A --as bob --as-group auditors"
    Then the command succeeds
    When I run "kubectl get deployments -A --as jane"
    Then the command fails with "User \"jane\" cannot list resource \"deployments\" in API group \"apps\" at the cluster scope"

  Scenario: a new ClusterRole labelled aggregate-to-edit adds its rules to edit and admin, not view
    Given I apply:
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: jane-edits
        namespace: team-a
      subjects:
      - kind: User
        name: jane
        apiGroup: rbac.authorization.k8s.io
      roleRef:
        kind: ClusterRole
        name: edit
        apiGroup: rbac.authorization.k8s.io
      """
    Then user "jane" can create "deployments.apps" in namespace "team-a"
    And user "jane" cannot create "widgets.example.com" in namespace "team-a"
    When I apply:
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: widgets-edit
        labels:
          rbac.authorization.k8s.io/aggregate-to-edit: "true"
      rules:
      - apiGroups: ["example.com"]
        resources: ["widgets"]
        verbs: ["get", "list", "create", "delete"]
      """
    Then user "jane" can create "widgets.example.com" in namespace "team-a"
    When I run "kubectl get clusterrole admin -o yaml"
    Then the output contains "- widgets"
    When I run "kubectl get clusterrole view -o yaml"
    Then the output does not contain "widgets"
    When I run "kubectl delete clusterrole widgets-edit"
    Then user "jane" cannot create "widgets.example.com" in namespace "team-a"
