Feature: Rolling update (book 1.6, 7, 7.1)
  A Deployment replaces its Pods a few at a time: the new ReplicaSet is scaled up by at most
  maxSurge above the desired count, the old ones down as long as no more than maxUnavailable
  replicas are unavailable. The book's httpd example rolls from httpd:2.2.31 to 2.2.32.

  Background:
    Given a cluster with 3 nodes
    And the example file "httpd.v1.yml"
    And the example file "httpd.v2.yml"

  @claim:rollout.definition @claim:rollout.pods-replaced-gradually
  Scenario: kubectl apply of a changed image rolls the httpd Deployment one Pod at a time
    Given I run "kubectl apply -f httpd.v1.yml"
    And the rollout of deployment "httpd" completes within 1 minute
    When I run "kubectl apply -f httpd.v2.yml"
    Then the rollout of deployment "httpd" completes within 2 minutes
    And during the rollout the replicasets of deployment "httpd" were scaled old+new as "3+0, 3+1, 2+1, 2+2, 1+2, 1+3, 0+3"
    And every pod of deployment "httpd" has "spec.containers[0].image" equal to "httpd:2.2.32"
    And deployment "httpd" owns 2 replicasets

  @claim:rollout.zero-downtime
  Scenario: During the rollout at most replicas + maxSurge Pods exist and at least replicas - maxUnavailable are available
    The defaults 25%/25% of 3 replicas resolve to maxSurge 1 (rounded up) and maxUnavailable 0 (rounded down).
    Given I run "kubectl apply -f httpd.v1.yml"
    And the rollout of deployment "httpd" completes within 1 minute
    When I run "kubectl apply -f httpd.v2.yml"
    Then at all times during the rollout of deployment "httpd" at most 4 pods exist
    And at all times during the rollout of deployment "httpd" at least 3 replicas are available
    And at all times during the rollout of deployment "httpd" at least 3 pods are ready

  @claim:rollout.pods-replaced-gradually
  Scenario: kubectl set image and kubectl rollout status print kubectl's progress lines
    rollout status prints the status line of every watch event of the Deployment (RunStatus), so a
    line repeats for each write of the Deployment's status that leaves the line as it was.
    Given I run "kubectl create deployment nginx --image=nginx:1.7.9 --replicas=3"
    And the rollout of deployment "nginx" completes within 1 minute
    When I run "kubectl set image deployment/nginx nginx=nginx:1.9.1"
    Then the output is:
      """
      deployment.apps/nginx image updated
      """
    When I run "kubectl rollout status deployment/nginx"
    Then the output is:
      """
      Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...
      Waiting for deployment "nginx" rollout to finish: 2 out of 3 new replicas have been updated...
      Waiting for deployment "nginx" rollout to finish: 2 out of 3 new replicas have been updated...
      Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...
      Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...
      deployment "nginx" successfully rolled out
      """
    And deployment "nginx" has 3 available replicas

  Scenario: kubectl set resources changes the Pod template, so the Deployment rolls out
    Given I run "kubectl create deployment nginx --image=nginx:1.7.9 --replicas=3"
    And the rollout of deployment "nginx" completes within 1 minute
    When I run "kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi --requests=cpu=0.1"
    Then the output is:
      """
      deployment.apps/nginx resource requirements updated
      """
    And the rollout of deployment "nginx" completes within 1 minute
    And deployment "nginx" owns 2 replicasets
    And every pod of deployment "nginx" has "spec.containers[0].resources.requests.cpu" equal to "100m"
    And every pod of deployment "nginx" has "spec.containers[0].resources.requests.memory" equal to "512Mi"
    When I run "kubectl set resources deployment nginx --requests=cpu=1"
    Then the command fails with "error: failed to patch resources update to pod template Deployment.apps \"nginx\" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 200m"
    And deployment "nginx" owns 2 replicasets

  @claim:rollout.tunable-batch @claim:rollout.max-surge @claim:rollout.max-unavailable @claim:rollout.bigger-faster
  Scenario Outline: maxSurge <surge> and maxUnavailable <unavailable> of <replicas> replicas set the size of each step
    maxSurge rounds up and maxUnavailable rounds down (ResolveFenceposts); each sync of the deployment
    controller either scales the new ReplicaSet up to at most replicas + maxSurge Pods, or scales old
    ones down while at least replicas - maxUnavailable stay available. Every new Pod's sandbox takes
    1 s; a node pulls one image at a time (the kubelet's serial image puller): the first new Pod on
    each of the two workers is ready after its 3 s pull, those that asked at the same time 0.5 s apart
    after it (the layers are there by then), so old Pods go one per worker at a time; Pods created
    after the pulls start 1 s later, together with those still pulling in turn (with 10, 3 and 2: the
    two created 4 s after the new image was set and the last pull, at 5 s, make 7 new Pods available,
    so 3 old ones go at once).
    Given I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: <replicas>
        strategy:
          rollingUpdate:
            maxSurge: <surge>
            maxUnavailable: <unavailable>
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: httpd
              image: httpd:2.2.31
      """
    And the rollout of deployment "web" completes within 2 minutes
    When I run "kubectl set image deployment/web httpd=httpd:2.2.32"
    Then the rollout of deployment "web" completes within 5 minutes
    And during the rollout the replicasets of deployment "web" were scaled old+new as "<steps>"

    Examples:
      | replicas | surge | unavailable | steps |
      | 10       | 3     | 2           | 10+0, 10+3, 8+3, 8+5, 6+5, 6+7, 4+7, 4+9, 1+9, 1+10, 0+10 |
      | 10       | 0     | 25%         | 10+0, 8+0, 8+2, 6+2, 6+4, 4+4, 4+6, 2+6, 2+8, 0+8, 0+10 |
      | 4        | 30%   | 30%         | 4+0, 4+2, 3+2, 3+3, 1+3, 1+4, 0+4 |
      | 3        | 10%   | 10%         | 3+0, 3+1, 2+1, 2+2, 1+2, 1+3, 0+3 |
      | 10       | 100%  | 0           | 10+0, 10+10, 8+10, 6+10, 4+10, 2+10, 0+10 |
