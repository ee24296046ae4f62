Feature: Readiness probes (book 8.3, 8.4)
  A container with a readiness probe starts not ready and becomes ready after successThreshold (1)
  success; failureThreshold (3) consecutive failures make it not ready again. Readiness never
  restarts anything, it only takes the Pod out of the Ready ones (and so out of a Service).

  Background:
    Given a cluster with 3 nodes

  @claim:readiness.threshold @claim:probe.liveness-vs-readiness @claim:readiness.gates-traffic
  Scenario: The book's readiness example: ready at 11 s, not ready after three failures from 31 s
    In seconds after the container started: the probe worker started when the kubelet first synced
    the Pod, 4 s before (the sandbox, 1 s, and busybox's pull, 3 s), and ticks at -4, 1, 6, 11 ...;
    the probe the container's start triggers returns early within the 10 s initial delay, so the
    first probe is the tick at 11 s: ready. The file goes at 30 s: failures at 31, 36, 41 s; not
    ready at 41 s.
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          test: readiness
        name: readiness
      spec:
        restartPolicy: OnFailure
        containers:
        - name: readiness
          image: busybox
          args:
          - /bin/sh
          - -c
          - touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600
          readinessProbe:
            exec:
              command:
              - cat
              - /tmp/healthy
            initialDelaySeconds: 10
            periodSeconds: 5
      """
    Then within 5 minutes the readiness of pod "readiness" changed as "ready at 11s, not-ready at 41s"
    And pod "readiness" has "status.containerStatuses[0].restartCount" equal to "0"
    And pod "readiness" has "status.conditions[type=Ready].status" equal to "False"

  @claim:probe.independent
  Scenario: Readiness flapping: one success makes the Pod ready again, three failures unready
    The worker ticks at 11, 16, 21 ... s after the container started (as in the book's example):
    ready at 11 s; the file goes at 30 s: failures at 31, 36, 41 s (not ready); it is back at 57 s,
    just after the tick at 56 s, so the tick at 1m1s makes the Pod ready; it goes at 77 s, just
    after the tick at 76 s (a success): failures at 81, 86, 91 s, not ready at 1m31s.
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: flappy
      spec:
        containers:
        - name: flappy
          image: busybox
          args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 27; touch /tmp/healthy; sleep 20; rm -rf /tmp/healthy; sleep 600"]
          readinessProbe:
            exec:
              command: ["cat", "/tmp/healthy"]
            initialDelaySeconds: 10
            periodSeconds: 5
      """
    Then within 5 minutes the readiness of pod "flappy" changed as "ready at 11s, not-ready at 41s, ready at 1m1s, not-ready at 1m31s"
    And for 1 minute pod "flappy" is never restarted

  @claim:readiness.scale-up @claim:probe.http-get @claim:health.recommended
  Scenario: When scaling up, new replicas count as available only once their httpGet probe answers 200-399
    Given image "web:v1" takes 20s to start
    And I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: web:v1
              readinessProbe:
                httpGet:
                  path: /
                  port: 80
                periodSeconds: 5
      """
    And within 2 minutes deployment "web" has 2 available replicas
    When I scale deployment "web" to 4 replicas
    Then for 15 seconds at least 2 replicas of deployment "web" are available throughout
    And deployment "web" has 2 available replicas
    And within 30 seconds deployment "web" has 4 available replicas
