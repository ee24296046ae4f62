Feature: CronJobs run Jobs on a schedule (chapter 5.3)
  A CronJob creates a Job at each time its schedule (Linux cron format, 5 fields) names; "*/1 * * * *"
  is every minute. The book's CronJob used batch/v2alpha1, which needed the API server flag
  --runtime-config=batch/v2alpha1=true; that version is no longer served, and batch/v1 CronJob
  (GA since 1.21) needs no flag. Each Job is named <cronjob>-<scheduled time in minutes since
  the Unix epoch>; 3 successful and 1 failed Job are kept (successfulJobsHistoryLimit,
  failedJobsHistoryLimit). concurrencyPolicy (Allow, Forbid, Replace), startingDeadlineSeconds
  and suspend decide what runs. The simulated cluster's clock starts at 2025-01-01T00:00:00Z.

  Background:
    Given a cluster with 3 nodes

  @claim:cronjob.schedule
  Scenario: The book's batch/v2alpha1 CronJob is not served any more
    Given the example file "book/cronjob.yml" as "cronjob.yml"
    When I run "kubectl apply -f cronjob.yml"
    Then the command fails with:
      """
      no matches for kind "CronJob" in version "batch/v2alpha1"
      """
    # The book checked `kubectl api-versions` for batch/v2alpha1 after enabling it; today batch/v1 serves CronJobs.
    When I run "kubectl api-versions"
    Then the output contains "batch/v1"
    And the output does not contain "batch/v2alpha1"

  @claim:cronjob.schedule
  Scenario: */1 * * * * starts a Job every minute and keeps the last 3
    Given the example file "cronjob.yml"
    When I run "kubectl apply -f cronjob.yml"
    Then the output contains "cronjob.batch/hello created"
    When I run "kubectl get cronjob"
    Then the output table matches:
      | NAME  | SCHEDULE    | TIMEZONE | SUSPEND | ACTIVE | LAST SCHEDULE | AGE |
      | hello | \*/1 \* \* \* \* | <none>   | False   | 0      | <none>        | .+  |
    When 62 seconds pass
    Then cronjob "hello" owns 1 job
    And job "hello-28928161" exists
    And job "hello-28928161" has "metadata.annotations[\"batch.kubernetes.io/cronjob-scheduled-timestamp\"]" equal to "2025-01-01T00:01:00Z"
    And there is an event "SuccessfulCreate" for cronjob "hello" with message matching "^Created job hello-28928161$"
    When 5 minutes pass
    Then cronjob "hello" owns 3 jobs
    And job "hello-28928161" does not exist
    And cronjob "hello" has "status.lastScheduleTime" equal to "2025-01-01T00:06:00Z"
    And there is an event "SawCompletedJob" for cronjob "hello" with message matching "^Saw completed job: hello-28928161, condition: Complete$"
    And there is an event "SuccessfulDelete" for cronjob "hello" with message matching "^Deleted job hello-28928161$"
    When I run "kubectl get jobs"
    Then the output table matches:
      | NAME           | STATUS   | COMPLETIONS | DURATION | AGE |
      | hello-28928164 | Complete | 1/1         | .+       | .+  |
      | hello-28928165 | Complete | 1/1         | .+       | .+  |
      | hello-28928166 | Complete | 1/1         | .+       | .+  |
    When I pick a pod of job "hello-28928166" as "$POD"
    And I run "kubectl logs $POD"
    Then the output is:
      """
      hello k8s job!
      """

  @claim:cronjob.schedule
  Scenario: A schedule that is not valid cron is refused with robfig/cron's message
    When I apply:
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: bad
      spec:
        schedule: "*/1 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - name: hello
                  image: busybox
                restartPolicy: OnFailure
      """
    Then the apply is rejected with:
      """
      The CronJob "bad" is invalid: spec.schedule: Invalid value: "*/1 * * *": expected exactly 5 fields, found 4: [*/1 * * *]
      """

  @claim:cronjob.schedule
  Scenario Outline: concurrencyPolicy <policy> with a Job that outlasts the minute
    Given I apply:
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: long
      spec:
        schedule: "*/1 * * * *"
        concurrencyPolicy: <policy>
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - name: work
                  image: busybox
                  command: ["sh", "-c", "sleep 150"]
                restartPolicy: OnFailure
      """
    When 2 minutes pass
    And 5 seconds pass
    Then cronjob "long" owns <jobs> jobs
    And cronjob "long" has "status.active.length" equal to "<active>"
    And there is an event "<event>" for cronjob "long"

    Examples:
      | policy  | jobs | active | event            |
      | Allow   | 2    | 2      | SuccessfulCreate |
      | Forbid  | 1    | 1      | JobAlreadyActive |
      | Replace | 1    | 1      | SuccessfulDelete |

  @claim:cronjob.schedule
  Scenario Outline: A suspended CronJob starts nothing; on resume it runs the missed slot unless startingDeadlineSeconds has passed
    Only the most recent missed time is ever run, never a backlog; with startingDeadlineSeconds
    a slot older than that many seconds is skipped.
    Given I apply:
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: hello
      spec:
        schedule: "*/1 * * * *"
        suspend: true
        <deadline>
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - name: hello
                  image: busybox
                  command: ["echo", "hello k8s job!"]
                restartPolicy: OnFailure
      """
    When 3 minutes pass
    And 20 seconds pass
    Then cronjob "hello" owns 0 jobs
    When I apply:
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: hello
      spec:
        schedule: "*/1 * * * *"
        suspend: false
        <deadline>
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - name: hello
                  image: busybox
                  command: ["echo", "hello k8s job!"]
                restartPolicy: OnFailure
      """
    Then cronjob "hello" owns <jobs> jobs
    And cronjob "hello" <last>
    When 40 seconds pass
    Then cronjob "hello" owns <later> jobs

    Examples:
      | deadline                    | jobs | last                                                          | later |
      |                             | 1    | has "status.lastScheduleTime" equal to "2025-01-01T00:03:00Z" | 2     |
      | startingDeadlineSeconds: 10 | 0    | has no "status.lastScheduleTime"                              | 1     |

  @claim:controllers.summary
  Scenario: Deployment, DaemonSet, Job and CronJob serve different needs side by side
    Given I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
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
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector:
          matchLabels:
            app: agent
        template:
          metadata:
            labels:
              app: agent
          spec:
            containers:
            - name: agent
              image: busybox
              command: ["sh", "-c", "sleep 100000"]
      """
    And the example file "myjob.yml"
    And the example file "cronjob.yml"
    When I run "kubectl apply -f myjob.yml"
    And I run "kubectl apply -f cronjob.yml"
    And 3 minutes pass
    Then 2 pods of deployment "web" are running
    And daemonset "agent" has one pod on each of nodes "k8s-node1, k8s-node2"
    And job "myjob" has "status.conditions[type=Complete].status" equal to "True"
    And cronjob "hello" owns 3 jobs

  @claim:cronjob.schedule
  Scenario: kubectl create cronjob, then a Job by hand from it with kubectl create job --from
    When I run "kubectl create cronjob hello --image=busybox --schedule='*/1 * * *' -- echo hello"
    Then the command fails with:
      """
      error: failed to create cronjob: CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "*/1 * * *": expected exactly 5 fields, found 4: [*/1 * * *]
      """
    When I run "kubectl create cronjob hello --image=busybox --schedule='@hourly' -- echo hello"
    Then the output is:
      """
      cronjob.batch/hello created
      """
    And cronjob "hello" has "spec.jobTemplate.spec.template.spec.restartPolicy" equal to "OnFailure"
    When I run "kubectl create job hello-test --from=cronjob/hello"
    Then the output is:
      """
      job.batch/hello-test created
      """
    And job "hello-test" has "metadata.annotations[\"cronjob.kubernetes.io/instantiate\"]" equal to "manual"
    And job "hello-test" has "metadata.ownerReferences[0].name" equal to "hello"
    When 30 seconds pass
    Then job "hello-test" has "status.succeeded" equal to "1"
    And there is an event "UnexpectedJob" for cronjob "hello" with message matching "^Saw a job that the controller did not create or forgot: hello-test$"
    When I run "kubectl create job hello-test --from=cronjob/hello"
    Then the command fails with:
      """
      error: failed to create job: jobs.batch "hello-test" already exists
      """
    When I run "kubectl create job other --from=cronjob/nope"
    Then the command fails with:
      """
      Error from server (NotFound): cronjobs.batch "nope" not found
      """
