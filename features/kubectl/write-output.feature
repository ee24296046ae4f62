Feature: What kubectl prints for writes: dry runs, several objects, refusals
  kubectl's create, apply, delete and create priorityclass print what kubectl v1.34 prints: a
  client dry run prints the object kubectl holds (nothing is sent), a delete of several objects
  deletes each one it can, and the API server's one-default rule for PriorityClasses holds on
  update as on create. The write commands take kubectl's PrintFlags (-o yaml|json|name|jsonpath|
  go-template), and scale --timeout waits for the scale to be synced.

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

  Scenario: scale --timeout waits until the scale is synced, and gives up naming the object
    # scale.WaitForScaleHasDesiredReplicas: status.replicas must reach --replicas; a StatefulSet
    # creates its next Pod only when the one before is ready, and db-0's image cannot be pulled.
    Given image "nosuchdb" does not exist
    And the file "db.yml":
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        serviceName: db
        replicas: 1
        selector:
          matchLabels:
            app: db
        template:
          metadata:
            labels:
              app: db
          spec:
            containers:
            - name: db
              image: nosuchdb
      """
    And I run "kubectl apply -f db.yml"
    And 1 minute passes
    When I run "kubectl scale statefulset db --replicas=3 --timeout=2s"
    Then the command fails with "error: timed out waiting for \"db\" to be synced"
    When I run "kubectl get statefulset db -o jsonpath={.spec.replicas}"
    Then the output is:
      """
      3
      """
    When I run "kubectl scale statefulset db --replicas=1 --timeout=2m"
    Then the output is:
      """
      statefulset.apps/db scaled
      """
    When I run "kubectl scale statefulset db --replicas=1 --timeout=1min"
    Then the command fails with "error: invalid argument \"1min\" for \"--timeout\" flag: time: invalid duration \"1min\""

  Scenario: the write commands print through -o jsonpath and -o go-template as kubectl get does
    # genericclioptions.PrintFlags: json, yaml, name and the jsonpath / go-template printers.
    When I run "kubectl apply -f cm.yml -o jsonpath={.data.mode}"
    Then the output is:
      """
      fast
      """
    When I run "kubectl create deployment web --image=nginx -o go-template={{.spec.replicas}}"
    Then the output is:
      """
      1
      """
    When I run "kubectl scale deployment web --replicas=2 -o template --template={{.metadata.name}}"
    Then the output is:
      """
      web
      """
    # custom-columns is get's; apply finds that out when it prints, after applying (apply.go printObjects)
    Given I run "kubectl delete configmap settings"
    When I run "kubectl apply -f cm.yml -o custom-columns=NAME:.metadata.name"
    Then the command fails with "error: unable to match a printer suitable for the output format \"custom-columns=NAME:.metadata.name\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
    When I run "kubectl get configmap settings -o name"
    Then the output is:
      """
      configmap/settings
      """
