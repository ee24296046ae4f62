Feature: Revisions, history and rollback to a revision (book 7.2)
  Every change of the Pod template makes a new ReplicaSet and revision (scaling does not).
  `kubectl rollout undo --to-revision=N` copies revision N's template back into the Deployment;
  the controller re-adopts that ReplicaSet under a new, highest revision, so N disappears from the
  history and reappears as the newest. The book records each command with --record; that flag is
  deprecated: kubectl warns, and the CHANGE-CAUSE column shows the kubernetes.io/change-cause
  annotation, which current practice sets by hand.

  Background:
    Given a cluster with 3 nodes
    And the example file "httpd.v1.yml"
    And the example file "httpd.v2.yml"
    And the example file "httpd.v3.yml"

  @claim:rollout.record-change-cause @claim:rollout.revisions
  Scenario: --record still fills CHANGE-CAUSE but is deprecated
    When I run "kubectl apply -f httpd.v1.yml --record"
    Then the error output contains "Flag --record has been deprecated, --record will be removed in the future"
    And the rollout of deployment "httpd" completes within 1 minute
    When I run "kubectl apply -f httpd.v2.yml --record"
    And I run "kubectl apply -f httpd.v3.yml --record"
    Then the rollout of deployment "httpd" completes within 2 minutes
    When I run "kubectl rollout history deployment httpd"
    Then the output is:
      """
      deployment.apps/httpd 
      REVISION  CHANGE-CAUSE
      1         kubectl apply --filename=httpd.v1.yml --record=true
      2         kubectl apply --filename=httpd.v2.yml --record=true
      3         kubectl apply --filename=httpd.v3.yml --record=true

      """

  @claim:rollout.record-change-cause
  Scenario: Current practice: annotate kubernetes.io/change-cause yourself
    Given I run "kubectl apply -f httpd.v1.yml"
    And the rollout of deployment "httpd" completes within 1 minute
    When I run "kubectl set image deployment/httpd httpd=httpd:2.2.32"
    And I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: httpd
        annotations:
          kubernetes.io/change-cause: "image updated to 2.4.16"
      spec:
        replicas: 3
        selector:
          matchLabels:
            run: httpd
        template:
          metadata:
            labels:
              run: httpd
          spec:
            containers:
              - name: httpd
                image: httpd:2.4.16
                ports:
                  - containerPort: 80
      """
    And I run "kubectl rollout history deployment/httpd"
    Then the output is:
      """
      deployment.apps/httpd 
      REVISION  CHANGE-CAUSE
      1         <none>
      2         <none>
      3         image updated to 2.4.16

      """

  @claim:rollout.record-change-cause
  Scenario: kubectl annotate sets the change-cause of the revision just made
    The Deployment controller copies the Deployment's annotations to its new ReplicaSet, whose
    kubernetes.io/change-cause is what rollout history prints; the change-cause annotation may be
    replaced without --overwrite, any other needs it.
    Given I run "kubectl apply -f httpd.v1.yml"
    And the rollout of deployment "httpd" completes within 1 minute
    When I run "kubectl set image deployment/httpd httpd=httpd:2.2.32"
    And I run "kubectl annotate deployment/httpd kubernetes.io/change-cause='httpd 2.2.32'"
    Then the output is:
      """
      deployment.apps/httpd annotated

      """
    And the rollout of deployment "httpd" completes within 2 minutes
    When I run "kubectl annotate deployment httpd kubernetes.io/change-cause='httpd 2.2.32, retried'"
    And I run "kubectl rollout history deployment/httpd"
    Then the output is:
      """
      deployment.apps/httpd 
      REVISION  CHANGE-CAUSE
      1         <none>
      2         httpd 2.2.32, retried

      """
    When I run "kubectl annotate deployment httpd team=web"
    And I run "kubectl annotate deployment httpd team=db"
    Then the command fails with "error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (web)"
    And the cluster is unchanged

  @claim:rollout.revisions
  Scenario: Scaling makes no new revision; a template change does
    Given I run "kubectl apply -f httpd.v1.yml"
    When I run "kubectl scale deployment httpd --replicas=5"
    And I run "kubectl rollout history deployment/httpd"
    Then the output contains "1         <none>"
    And the output does not contain "2         <none>"
    And deployment "httpd" owns 1 replicaset

  @claim:rollout.revisions @claim:rollout.undo
  Scenario: rollout undo --to-revision=1 moves revision 1 to the top of the history as revision 4
    Given I run "kubectl apply -f httpd.v1.yml"
    And the rollout of deployment "httpd" completes within 1 minute
    And I run "kubectl apply -f httpd.v2.yml"
    And the rollout of deployment "httpd" completes within 2 minutes
    And I run "kubectl apply -f httpd.v3.yml"
    And the rollout of deployment "httpd" completes within 2 minutes
    When I run "kubectl rollout undo deployment httpd --to-revision=1"
    Then the output is:
      """
      deployment.apps/httpd rolled back
      """
    And the rollout of deployment "httpd" completes within 2 minutes
    And every pod of deployment "httpd" has "spec.containers[0].image" equal to "httpd:2.2.31"
    And deployment "httpd" owns 3 replicasets
    When I run "kubectl rollout history deployment httpd"
    Then the output is:
      """
      deployment.apps/httpd 
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>
      4         <none>

      """
    When I run "kubectl rollout history deployment httpd --revision=4"
    Then the output contains "deployment.apps/httpd with revision #4"
    And the output contains "Image:         httpd:2.2.31"

  @claim:rollout.undo
  Scenario: rollout undo to the revision already running is skipped
    Given I run "kubectl apply -f httpd.v1.yml"
    And I run "kubectl apply -f httpd.v2.yml"
    When I run "kubectl rollout undo deployment httpd --to-revision=2"
    Then the output is:
      """
      deployment.apps/httpd skipped rollback (current template already matches revision 2)
      """

  @claim:rollout.undo
  Scenario: rollout restart sets kubectl.kubernetes.io/restartedAt and rolls every Pod
    Given I run "kubectl apply -f httpd.v1.yml"
    And the rollout of deployment "httpd" completes within 1 minute
    When I run "kubectl rollout restart deployment/httpd"
    Then the output is:
      """
      deployment.apps/httpd restarted
      """
    And deployment "httpd" has "spec.template.metadata.annotations[\"kubectl.kubernetes.io/restartedAt\"]" matching "^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"
    And the rollout of deployment "httpd" completes within 2 minutes
    And deployment "httpd" owns 2 replicasets

  @claim:rollout.revisions
  Scenario: A paused Deployment does not roll out until it is resumed
    Given I run "kubectl apply -f httpd.v1.yml"
    And the rollout of deployment "httpd" completes within 1 minute
    When I run "kubectl rollout pause deployment/httpd"
    Then the output is:
      """
      deployment.apps/httpd paused
      """
    When I run "kubectl set image deployment/httpd httpd=httpd:2.2.32"
    And 1 minute passes
    Then deployment "httpd" owns 1 replicaset
    And every pod of deployment "httpd" has "spec.containers[0].image" equal to "httpd:2.2.31"
    When I run "kubectl rollout resume deployment/httpd"
    Then the output is:
      """
      deployment.apps/httpd resumed
      """
    And the rollout of deployment "httpd" completes within 2 minutes
    And every pod of deployment "httpd" has "spec.containers[0].image" equal to "httpd:2.2.32"
