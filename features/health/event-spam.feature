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
  Scenario: After an hour of failing readiness probes the last Unhealthy write is minutes old
    The container starts at 3 s. Pulling, Pulled, Created and Started take 4 of the kubelet's 25
    tokens for the Pod; the failures at 13, 18 ... 113 s take the other 21. The bucket then refills
    one token per 300 s: the failures at 303, 603 ... 3303 s are written and the rest are dropped,
    so at 60 minutes the last write is 4m57s old, not the 2 s of the last failure.
    When I run "kubectl apply -f readiness.yml"
    And 60 minutes pass
    And I run "kubectl describe pod readiness"
    Then the output has a line matching "^  Warning\s+Unhealthy\s+4m57s \(x\d+ over 59m\)\s+kubelet\s+Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory$"
    And pod "readiness" has "status.conditions[type=Ready].status" equal to "False"

  @claim:kubectl.describe-pod
  Scenario: The Unhealthy count in kubectl describe includes the failures the spam filter dropped
    The write at 3303 s carries the recorder's count, 659: every failure from 13 s to 3303 s, the
    627 dropped ones included (the failures after 3303 s are counted, but not written yet).
    When I run "kubectl apply -f readiness.yml"
    And 60 minutes pass
    And I run "kubectl describe pod readiness"
    Then the output has a line matching "^  Warning\s+Unhealthy\s+4m57s \(x659 over 59m\)\s+kubelet\s+Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory$"
