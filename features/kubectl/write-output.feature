Feature: What kubectl prints for writes: dry runs, several objects, refusals
  kubectl's create, apply, delete and create priorityclass print what kubectl v1.34 prints: a
  client dry run prints the object kubectl holds (nothing is sent), a delete of several objects
  deletes each one it can, and the API server's one-default rule for PriorityClasses holds on
  update as on create.

  Background:
    Given a cluster with 2 nodes
    And the file "cm.yml":
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: fast
      """

  Scenario: create and apply --dry-run=client -o yaml print the local object, nothing is sent
    When I run "kubectl create -f cm.yml --dry-run=client -o yaml"
    Then the output is:
      """
      apiVersion: v1
      data:
        mode: fast
      kind: ConfigMap
      metadata:
        name: settings
        namespace: default
      """
    When I run "kubectl apply -f cm.yml --dry-run=client -o yaml"
    Then the output contains "kubectl.kubernetes.io/last-applied-configuration: |"
    And the output does not contain "uid:"
    And the cluster is unchanged
    When I run "kubectl apply -f cm.yml --dry-run=server -o yaml"
    Then the output contains "uid:"
    And the cluster is unchanged

  Scenario: kubectl delete of several objects deletes each one it can and reports the rest
    Given I run "kubectl apply -f cm.yml"
    And I run "kubectl create configmap other"
    When I run "kubectl delete configmap settings missing other"
    Then the command fails with:
      """
      Error from server (NotFound): configmaps "missing" not found
      """
    And configmap "settings" does not exist
    And configmap "other" does not exist

  Scenario: create priorityclass, and a second global default refused on update as on create
    When I run "kubectl create priorityclass high --value=1000 --global-default --description=first"
    Then the output is:
      """
      priorityclass.scheduling.k8s.io/high created
      """
    When I run "kubectl create priorityclass other --value=5 --global-default"
    Then the command fails with "error: failed to create priorityclass: priorityclasses.scheduling.k8s.io \"other\" is forbidden: PriorityClass high is already marked as default. Only one default can exist"
    Given the file "low.yml":
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: low
      value: 10
      """
    And I run "kubectl apply -f low.yml"
    Given the file "low.yml":
      """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: low
      value: 10
      globalDefault: true
      """
    When I run "kubectl apply -f low.yml"
    Then the command fails with "for: \"low.yml\": error when patching \"low.yml\": priorityclasses.scheduling.k8s.io \"low\" is forbidden: PriorityClass high is already marked as default. Only one default can exist"
    And the cluster is unchanged
