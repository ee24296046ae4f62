Feature: Parallel Jobs (chapter 5.3)
  parallelism sets how many Pods of a Job run at the same time; completions sets how many must
  succeed. The Job controller never runs more than parallelism Pods, nor more than the
  completions still outstanding (manageJob: wantActive = min(completions - succeeded, parallelism)).
  Without completions the Job is a work queue: it is complete when any Pod has succeeded and none
  is still running, and COMPLETIONS reads "2/1 of 2".

  Background:
    Given a cluster with 3 nodes

  @claim:job.parallelism
  Scenario: parallelism: 2 runs two Pods at once
    Given the example file "myjob-parallelism.yml" as "myjob.yml"
    When I run "kubectl apply -f myjob.yml"
    Then job "myjob" completes within 1 minute with 2 pods active at its busiest
    And job "myjob" owns 2 pods
    And job "myjob" has "status.succeeded" equal to "2"
    And every pod of job "myjob" has "status.phase" equal to "Succeeded"
    When I run "kubectl get jobs"
    Then the output table matches:
      | NAME  | STATUS   | COMPLETIONS | DURATION | AGE |
      | myjob | Complete | 2/1 of 2    | \d+s     | .+  |

  @claim:job.completions @claim:job.parallelism
  Scenario: completions: 6 with parallelism: 2 runs six Pods, two at a time
    Given the example file "myjob-completions.yml" as "myjob.yml"
    When I run "kubectl apply -f myjob.yml"
    Then job "myjob" completes within 3 minutes with 2 pods active at its busiest
    And job "myjob" owns 6 pods
    And job "myjob" has "status.succeeded" equal to "6"
    And there is an event "Completed" for job "myjob"
    When I run "kubectl get jobs"
    Then the output table matches:
      | NAME  | STATUS   | COMPLETIONS | DURATION | AGE |
      | myjob | Complete | 6/6         | \d+s     | .+  |
    When I run "kubectl get pods"
    Then the output table has 6 rows

  @claim:job.completions
  Scenario: The Job is not complete until completions Pods have succeeded
    Given I apply:
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: slow
      spec:
        completions: 3
        parallelism: 1
        template:
          spec:
            containers:
            - name: work
              image: busybox
              command: ["sh", "-c", "sleep 30"]
            restartPolicy: Never
      """
    Then job "slow" completes within 3 minutes with 1 pod active at its busiest
    And job "slow" owns 3 pods
    And job "slow" has "status.succeeded" equal to "3"
    And job "slow" has "status.completionTime" matching "^2025-01-01T00:01:"
