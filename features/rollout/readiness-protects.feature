Feature: Health checks protect a rolling update (book 8.5)
  app.v2 never passes its readiness probe. The rollout creates maxSurge new Pods and removes
  maxUnavailable old ones, then stalls: the old replicas keep serving. After progressDeadlineSeconds
  (600) the Progressing condition turns False with reason ProgressDeadlineExceeded; the rollout is
  neither stopped nor rolled back by that. `kubectl rollout undo` goes back to app.v1.
  The book records the revisions with --record, which is deprecated (see history.feature).

  Background:
    Given a cluster with 3 nodes
    And the example file "app.v1.yml"
    And the example file "app.v2.yml"
    And I run "kubectl apply -f app.v1.yml"
    And the rollout of deployment "app" completes within 2 minutes

  @claim:rollout.readiness-protects @claim:rollout.max-surge @claim:rollout.max-unavailable @claim:rollout.bigger-faster
  Scenario: A new version that never becomes ready stalls at 8 old available + 5 new, as the book shows
    The defaults 25%/25% of 10 replicas resolve to maxSurge 3 (2.5 rounded up) and maxUnavailable 2 (2.5 rounded down).
    When I run "kubectl apply -f app.v2.yml"
    And 2 minutes pass
    Then during the rollout the replicasets of deployment "app" were scaled old+new as "10+0, 10+3, 8+3, 8+5"
    And deployment "app" has "status.replicas" equal to "13"
    And deployment "app" has "status.updatedReplicas" equal to "5"
    And deployment "app" has 8 available replicas
    And for 5 minutes at least 8 replicas of deployment "app" are available throughout
    And for 5 minutes at most 13 pods of deployment "app" exist throughout

  @claim:rollout.readiness-protects
  Scenario: The Progressing condition turns False with ProgressDeadlineExceeded 600 seconds after the last progress
    When I run "kubectl apply -f app.v2.yml"
    And 9m59s pass
    Then deployment "app" has "status.conditions[type=Progressing].reason" equal to "ReplicaSetUpdated"
    When 2 seconds pass
    Then deployment "app" has "status.conditions[type=Progressing].status" equal to "False"
    And deployment "app" has "status.conditions[type=Progressing].reason" equal to "ProgressDeadlineExceeded"
    And deployment "app" has "status.conditions[type=Progressing].message" matching "^ReplicaSet \"app-[a-z0-9]+\" has timed out progressing\.$"
    And deployment "app" has 8 available replicas

  @claim:rollout.readiness-protects
  Scenario: kubectl rollout status waits, then fails once the progress deadline is exceeded
    When I run "kubectl apply -f app.v2.yml"
    And I run "kubectl rollout status deployment/app"
    Then the command fails with:
      """
      error: deployment "app" exceeded its progress deadline
      """
    And deployment "app" has 8 available replicas

  @claim:rollout.undo-after-failure @claim:rollout.undo
  Scenario: kubectl rollout undo after the stalled rollout brings back app.v1 under a new revision
    When I run "kubectl apply -f app.v2.yml"
    And 1 minute passes
    And I run "kubectl rollout undo deployment app"
    Then the output is:
      """
      deployment.apps/app rolled back
      """
    And the rollout of deployment "app" completes within 2 minutes
    And at all times during the rollout of deployment "app" at least 8 replicas are available
    And deployment "app" has "metadata.annotations[\"deployment.kubernetes.io/revision\"]" equal to "3"
    And every pod of deployment "app" has "spec.containers[0].args[2]" equal to "sleep 10; touch /tmp/healthy; sleep 30000"
    When I run "kubectl rollout history deployment app"
    Then the output is:
      """
      deployment.apps/app 
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>

      """
