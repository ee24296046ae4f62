Feature: Liveness probes restart broken containers (book 8, 8.1, 8.2)
  The kubelet probes every periodSeconds once initialDelaySeconds have passed since the container
  started; failureThreshold (3) consecutive failures kill the container, which is then restarted
  per restartPolicy. The book's container is a shell as PID 1: it ignores SIGTERM, so it only dies,
  and is restarted, when the Pod's grace period (30 s) ends.

  Background:
    Given a cluster with 3 nodes

  @claim:liveness.custom @claim:probe.exec @claim:probe.initial-delay @claim:probe.period-and-threshold @claim:selfheal.strong
  Scenario: The book's liveness example restarts its container after three failed probes plus the grace period
    Probes at 10, 15, ... 30 s succeed; the file goes at 30 s; the probes at 35, 40 and 45 s fail;
    the kill at 45 s waits out the 30 s grace period: the container restarts 75 s after it started.
    (kubespec anchors the probe ticks at the container's start, the documented model; the real
    kubelet's ticker starts when it admits the Pod, a few seconds earlier, depending on the pull.)
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          test: liveness
        name: liveness
      spec:
        restartPolicy: OnFailure
        containers:
        - name: liveness
          image: busybox
          args:
          - /bin/sh
          - -c
          - touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600
          livenessProbe:
            exec:
              command:
              - cat
              - /tmp/healthy
            initialDelaySeconds: 10
            periodSeconds: 5
      """
    Then pod "liveness" is restarted for the first time 75 seconds after it started
    And there is an event "Unhealthy" for pod "liveness" with message matching "^Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory$"
    And there is an event "Killing" for pod "liveness" with message matching "^Container liveness failed liveness probe, will be restarted$"

  @claim:health.exit-code @claim:probe.period-and-threshold
  Scenario: Restarts back off 10 s, 20 s, 40 s ... between failed containers
    Each cycle: 45 s of probing, 30 s of grace period, then the back-off (none before the first
    restart, then 10 s, 20 s, 40 s, 80 s); the new container starts after a 500 ms pull (busybox is
    :latest, so imagePullPolicy Always pulls at every start).
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness
      spec:
        containers:
        - name: liveness
          image: busybox
          args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600"]
          livenessProbe:
            exec:
              command: ["cat", "/tmp/healthy"]
            initialDelaySeconds: 10
            periodSeconds: 5
      """
    Then within 10 minutes pod "liveness" has been restarted at "1m15s, 2m40.5s, 4m16s, 6m11.5s, 8m47s"

  @claim:probe.initial-delay
  Scenario: initialDelaySeconds shorter than the start-up time makes a restart loop
    The application needs 60 s before it answers; the liveness probe starts after 5 s and kills it
    after 3 failures (15 s), every time, before it is ever up; the back-off grows 10 s, 20 s, 40 s,
    80 s, 160 s between the restarts and the Pod shows CrashLoopBackOff while it waits.
    Given image "slowapp:v1" takes 60s to start
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow
      spec:
        containers:
        - name: slow
          image: slowapp:v1
          livenessProbe:
            httpGet:
              path: /
              port: 80
            initialDelaySeconds: 5
            periodSeconds: 5
      """
    Then within 10 minutes pod "slow" has been restarted at "15s, 40s, 1m15s, 2m10s, 3m45s, 6m40s"
    And pod "slow" is CrashLoopBackOff

  @claim:probe.initial-delay
  Scenario: initialDelaySeconds above the start-up time: no restart
    Given image "slowapp:v1" takes 60s to start
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow
      spec:
        containers:
        - name: slow
          image: slowapp:v1
          livenessProbe:
            httpGet:
              path: /
              port: 80
            initialDelaySeconds: 70
            periodSeconds: 5
      """
    Then for 10 minutes pod "slow" is never restarted
