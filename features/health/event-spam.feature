Feature: A probe that keeps failing does not flood the cluster with events
  The kubelet records an Unhealthy event at every failed probe through client-go's event correlator
  (tools/record/events_cache.go). Its spam filter lets one source write 25 events about an object
  at once, then one more every 5 minutes (a token bucket per source and object); repeats of one
  event are one Event whose count grows, and that count includes the failures the filter dropped.
  kubectl describe shows such an Event once: "<age of the last write> (x<count> over <age of the first>)".

  Background:
    Given a cluster with 3 nodes
    And the file "readiness.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: readiness
      spec:
        containers:
        - name: readiness
          image: busybox
          args: ["/bin/sh", "-c", "sleep 100000"]
          readinessProbe:
            exec:
              command: ["cat", "/tmp/healthy"]
            initialDelaySeconds: 10
            periodSeconds: 5
      """

  @claim:kubectl.describe-pod
  Scenario: After most of an hour of failing readiness probes the last Unhealthy write is minutes old
    The probe worker starts with the kubelet's first sync of the Pod, at 0 s, and ticks at 0, 5, 10 ...;
    the sandbox takes 1 s and busybox's pull 3 s, so the container starts at 4 s and the first tick at
    or after 4 + 10 s is at 15 s. Pulling (at 1 s), Pulled, Created and Started take 4 of the kubelet's
    25 tokens for the Pod; the failures at 15, 20 ... 115 s take the other 21. The bucket then refills
    one token per 300 s from its first take at 1 s: the failures at the first ticks after 301, 601 ...
    3301 s (305, 605 ... 3305 s) are written and the rest are dropped, so at 59 minutes (3540 s) the
    last write is 3m55s old, not the 0 s of the last failure.
    When I run "kubectl apply -f readiness.yml"
    And 59 minutes pass
    And I run "kubectl describe pod readiness"
    Then the output has a line matching "^  Warning\s+Unhealthy\s+3m55s \(x\d+ over 58m\)\s+kubelet\s+Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory$"
    And pod "readiness" has "status.conditions[type=Ready].status" equal to "False"

  @claim:kubectl.describe-pod
  Scenario: The Unhealthy count in kubectl describe includes the failures the spam filter dropped
    The write at 3305 s carries the recorder's count, 659: every failure from 15 s to 3305 s, the
    627 dropped ones included (the failures after 3305 s, up to 3540 s, are counted, but not written
    yet); the first failure is 3525 s old: 58m.
    When I run "kubectl apply -f readiness.yml"
    And 59 minutes pass
    And I run "kubectl describe pod readiness"
    Then the output has a line matching "^  Warning\s+Unhealthy\s+3m55s \(x659 over 58m\)\s+kubelet\s+Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory$"
