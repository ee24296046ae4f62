Feature: Liveness probes restart broken containers (book 8, 8.1, 8.2)
  The kubelet's probe worker for a container starts with the Pod's first sync on its node (before the
  sandbox, 1 s, and the image pull) and ticks every periodSeconds from then on, across restarts (pkg/kubelet/prober/worker.go
  run); a tick probes once initialDelaySeconds have passed since the container started;
  failureThreshold (3) consecutive failures kill the container, which is then restarted
  per restartPolicy. The book's container is a shell as PID 1: it ignores SIGTERM, so it only dies,
  and is restarted, when the Pod's grace period (30 s) ends.

  Background:
    Given a cluster with 3 nodes

  @claim:liveness.custom @claim:probe.exec @claim:probe.initial-delay @claim:probe.period-and-threshold @claim:selfheal.strong
  Scenario: The book's liveness example restarts its container after three failed probes plus the grace period
    In seconds after the container started: the worker started 4 s before it, when the kubelet first
    synced the Pod (the sandbox then takes 1 s and busybox's pull 3 s), so it ticks at -4, 1, 6, 11 ...;
    the first tick at or after the 10 s initial delay is at 11 s. Probes at 11, 16, 21, 26 s succeed;
    the file goes at 30 s; the probes at 31, 36 and 41 s fail; the kill at 41 s waits out the 30 s
    grace period: the container restarts 71 s after it started.
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
    Then pod "liveness" is restarted for the first time 71 seconds after it started
    And there is an event "Unhealthy" for pod "liveness" with message matching "^Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory$"
    And there is an event "Killing" for pod "liveness" with message matching "^Container liveness failed liveness probe, will be restarted$"

  @claim:health.exit-code @claim:probe.period-and-threshold
  Scenario: Liveness restarts come at once until the back-off outgrows the 75 s between kills
    In seconds after the first container started, the worker ticks at 1, 6, 11 ... (it started with
    the Pod's first sync, 4 s before: the sandbox, 1 s, and the busybox pull). The first container:
    probes from 11 s, failures at 31, 36, 41 s, SIGKILL 30 s later and the restart at 1m11s. Each new
    container starts after a 500 ms pull (busybox is :latest, so imagePullPolicy Always pulls at every
    start), at 71.5 s: its probes start at the tick at or after 81.5 s, 86 s; the file goes at 101.5 s;
    failures at 106, 111, 116 s; the restart at 146 s: 75 s a cycle from then on (2m26s, 3m41s, 4m56s,
    6m11s). The kubelet kills and restarts in one SyncPod, whose status still shows the killed
    container running, so the back-off check (kuberuntime_manager.go doBackOff) measures from the
    container before it, which ended 75 s earlier: no wait while the back-off is 10 s, 20 s, 40 s; at
    80 s the sixth start waits, in CrashLoopBackOff, until 80 s after the kill (6m11s + 75 s + 80 s
    = 8m46s); the next kill waits 160 s.
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
    Then within 10 minutes pod "liveness" has been restarted at "1m11s, 2m26s, 3m41s, 4m56s, 6m11s, 8m46s"

  @claim:probe.period-and-threshold @claim:probe.liveness-vs-readiness
  Scenario: The container being killed for its liveness probe stays ready until the grace period ends
    The kubelet wrote the Pod's status as the SyncPod that kills began, and that SyncPod waits out
    the 30 s grace period: the Killing at 41 s (the probes tick 4 s before the container's start
    plus multiples of 5 s) does not make the Pod unready; the container stops at 1m11s. (kubespec then shows the 0.5 s pull of the new container as not ready, where the kubelet,
    still in that SyncPod, would go on showing the old status.)
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
    Then within 2 minutes the readiness of pod "liveness" changed as "ready at 0s, not-ready at 1m11s, ready at 1m11.5s"

  @claim:health.exit-code @claim:probe.liveness-vs-readiness
  Scenario: With restartPolicy Never a failed liveness probe stops the container for good
    computePodActions restarts a container it kills for a probe unless restartPolicy is Never, so the
    Killing event does not say it will be restarted; nginx exits 0 on SIGTERM, so the Pod Succeeded.
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        restartPolicy: Never
        containers:
        - name: web
          image: nginx
          livenessProbe:
            httpGet:
              path: /healthz
              port: 80
      """
    Then within 1 minute pod "once" is Succeeded
    And there is an event "Killing" for pod "once" with message matching "^Container web failed liveness probe$"
    And pod "once" has "status.containerStatuses[0].restartCount" equal to "0"

  @claim:probe.initial-delay
  Scenario: initialDelaySeconds shorter than the start-up time makes a restart loop
    The application needs 60 s before it answers. In seconds after the first container started, the
    worker ticks at -4, 1, 6 ... (it started with the Pod's first sync, before the 1 s sandbox and the
    3 s pull): the first container is probed from the tick at or after 5 s, 6 s, and killed after 3
    failures, at 16 s; it exits on SIGTERM and restarts at once, at a tick, so every later container is probed 5 s
    after its start and killed 15 s after it, before it is ever up. The first three kills restart at
    once (the container before the killed one ended 15 s earlier, outside a 10 s back-off); from the
    20 s back-off on, each restart waits 20 s, 40 s, 80 s, 160 s ... after its kill (61 + 20, 96 +
    40, 151 + 80, 246 + 160), and the Pod shows CrashLoopBackOff while it waits.
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
    Then within 10 minutes pod "slow" has been restarted at "16s, 31s, 46s, 1m21s, 2m16s, 3m51s, 6m46s"
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

  @claim:health.alive-but-broken @claim:liveness.custom @claim:probe.http-get
  Scenario: A process that stays alive while its service answers 500 is restarted only by a liveness probe
    The container's main process never exits, so without a probe Kubernetes sees nothing wrong;
    an httpGet liveness probe (200-399 succeeds) finds the 500s and has the container restarted.
    Given image "shop:v1" answers 500 on "/healthy"
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: unprobed
      spec:
        containers:
        - name: shop
          image: shop:v1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: probed
      spec:
        containers:
        - name: shop
          image: shop:v1
          livenessProbe:
            httpGet:
              path: /healthy
              port: 80
            initialDelaySeconds: 5
            periodSeconds: 5
      """
    Then within 2 minutes pod "probed" has "status.containerStatuses[0].restartCount" equal to "1"
    And there is an event "Unhealthy" for pod "probed" with message matching "^Liveness probe failed: HTTP probe failed with statuscode: 500$"
    And for 5 minutes pod "unprobed" is never restarted
    And pod "unprobed" has "status.conditions[type=Ready].status" equal to "True"

  @claim:probe.default-behaviour @claim:health.exit-code
  Scenario: Without probes a container is ready as soon as it runs, and its exit code decides the restart
    Ready the moment it runs, not ready the moment it exits. The first restart is immediate (the
    kubelet's back-off has no entry yet), later ones wait 10 s, 20 s, 40 s, 80 s; busybox:latest is
    pulled again each time (imagePullPolicy Always), 0.5 s when the node already has it.
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: plain
      spec:
        containers:
        - name: work
          image: busybox
          args: ["/bin/sh", "-c", "sleep 20; exit 1"]
      """
    Then within 5 minutes the readiness of pod "plain" changed as "ready at 0s, not-ready at 20s, ready at 20.5s, not-ready at 40.5s, ready at 51s, not-ready at 1m11s, ready at 1m31.5s, not-ready at 1m51.5s, ready at 2m32s, not-ready at 2m52s, ready at 4m12.5s, not-ready at 4m32.5s"
    And pod "plain" has "status.containerStatuses[0].lastState.terminated.exitCode" equal to "1"
    And pod "plain" has "status.containerStatuses[0].lastState.terminated.reason" equal to "Error"
