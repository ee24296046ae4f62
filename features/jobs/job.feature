Feature: Jobs run work to completion (chapter 5.3)
  Service containers (httpd, a daemon) run until they are stopped; work containers run once and
  exit. A Job runs work containers: it creates Pods until enough of them have succeeded, then it
  is Complete. Its Pods are kept after they finish (with their logs) until the Job is deleted.
  Current Kubernetes prints a STATUS column for Jobs (1.32+) and counts COMPLETIONS as
  succeeded/completions; the book's DESIRED/SUCCESSFUL columns are gone.

  Background:
    Given a cluster with 3 nodes

  @claim:job.runs-to-completion @claim:container.service-vs-work
  Scenario: The book's myjob runs once, completes, and its Pod is kept with its output
    Given the example file "myjob.yml"
    When I run "kubectl apply -f myjob.yml"
    Then the output contains "job.batch/myjob created"
    And within 1 minute job "myjob" completes
    And job "myjob" owns 1 pod
    And every pod of job "myjob" has "status.phase" equal to "Succeeded"
    And every pod of job "myjob" has "metadata.name" matching "^myjob-[bcdfghjklmnpqrstvwxz2456789]{5}$"
    And every pod of job "myjob" has "metadata.labels.job-name" equal to "myjob"
    And there is an event "SuccessfulCreate" for job "myjob" with message matching "^Created pod: myjob-"
    And there is an event "Completed" for job "myjob" with message matching "^Job completed$"
    When 10 minutes pass
    And I run "kubectl get jobs"
    Then the output table matches:
      | NAME  | STATUS   | COMPLETIONS | DURATION | AGE    |
      | myjob | Complete | 1/1         | \d+s     | 10m\d* |
    When I run "kubectl get pods"
    Then the output table matches:
      | NAME        | READY | STATUS    | RESTARTS | AGE    |
      | myjob-\w{5} | 0/1   | Completed | 0        | 10m\d* |
    When I pick a pod of job "myjob" as "$POD"
    And I run "kubectl logs $POD"
    Then the output is:
      """
      hello k8s job!
      """

  @claim:container.service-vs-work @claim:job.runs-to-completion
  Scenario: A service container keeps running where a work container has finished
    Given I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: httpd
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: httpd
        template:
          metadata:
            labels:
              app: httpd
          spec:
            containers:
            - name: httpd
              image: httpd
      """
    And the example file "myjob.yml"
    When I run "kubectl apply -f myjob.yml"
    Then within 1 minute job "myjob" completes
    And for 10 minutes every pod of deployment "httpd" stays Running
    And job "myjob" has "status.succeeded" equal to "1"
    And job "myjob" has no "status.active"

  @claim:job.restart-policy
  Scenario Outline: A Job's restartPolicy must be Never or OnFailure
    When I apply:
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: myjob
      spec:
        template:
          spec:
            containers:
            - name: hello
              image: busybox
              command: ["echo", "hello k8s job!"]
            <restartPolicy>
      """
    Then the apply is rejected with:
      """
      The Job "myjob" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
      """
    And job "myjob" does not exist

    Examples:
      | restartPolicy         |
      | restartPolicy: Always |
      |                       |

  @claim:job.restart-policy
  Scenario: Never and OnFailure are accepted for a Job; a Deployment accepts only Always
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: httpd
              image: httpd
            restartPolicy: Never
      """
    Then the apply is rejected with:
      """
      The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
      """
    Given the example file "myjob.yml"
    And the example file "myjob-invalid-onfailure.yml" as "onfailure.yml"
    When I run "kubectl apply -f myjob.yml"
    Then the command succeeds
    When I run "kubectl delete job myjob"
    And I run "kubectl apply -f onfailure.yml"
    Then the output contains "job.batch/myjob created"

  @claim:job.failure-retries
  Scenario: With restartPolicy Never a failed Pod is kept and a new Pod replaces it, later each time
    The book sees "DESIRED 1, SUCCESSFUL 0" and Pods piling up. Current Kubernetes waits before
    each replacement (10s, 20s, 40s ... capped at 10 minutes) and gives up after backoffLimit
    (default 6) retries: the 7th failure fails the Job with reason BackoffLimitExceeded.
    Given the example file "myjob-invalid-never.yml" as "myjob.yml"
    When I run "kubectl apply -f myjob.yml"
    Then within 2 minutes job "myjob" has created at least 3 pods
    And for 1 minute job "myjob" neither completes nor fails
    And job "myjob" has no "status.conditions"
    When I run "kubectl get job myjob"
    Then the output table matches:
      | NAME  | STATUS  | COMPLETIONS | DURATION | AGE |
      | myjob | Running | 0/1         | .+       | .+  |
    Then within 15 minutes job "myjob" fails with reason "BackoffLimitExceeded"
    And job "myjob" has "status.failed" equal to "7"
    And job "myjob" owns 7 pods
    And every pod of job "myjob" has "status.phase" equal to "Failed"
    And job "myjob" replaced its failed pods after back-offs of "10s, 20s, 40s, 80s, 160s, 320s"
    And there is an event "BackoffLimitExceeded" for job "myjob" with message matching "^Job has reached the specified backoff limit$"
    When I run "kubectl get job myjob"
    Then the output table matches:
      | NAME  | STATUS | COMPLETIONS | DURATION | AGE |
      | myjob | Failed | 0/1         | .+       | .+  |

  @claim:job.failure-retries
  Scenario: With restartPolicy OnFailure the container restarts inside the same Pod
    Container restarts count against backoffLimit too: when they reach 6 the Job fails and its
    Pod is deleted.
    Given the example file "myjob-invalid-onfailure.yml" as "myjob.yml"
    When I run "kubectl apply -f myjob.yml"
    Then within 2 minutes the pod of job "myjob" has restarted 2 times
    And job "myjob" owns 1 pod
    And job "myjob" has no "status.failed"
    Then within 10 minutes job "myjob" fails with reason "BackoffLimitExceeded"
    And there is an event "BackoffLimitExceeded" for job "myjob"
    And within 1 minute there are 0 pods labelled job-name=myjob
