Feature: Bad rollout and probe settings are refused with Kubernetes' own messages (book 7, 8)
  The API server validates the strategy and the probes before anything is stored, and kubectl's
  rollout undo checks the history client side. Nothing changes in the cluster.

  Background:
    Given a cluster with 3 nodes

  @claim:rollout.max-unavailable
  Scenario Outline: A rolling update strategy with <maxSurge>/<maxUnavailable> is refused
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxSurge: <maxSurge>
            maxUnavailable: <maxUnavailable>
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx
      """
    Then the apply is rejected with:
      """
      <message>
      """
    And the cluster is unchanged

    # The API server renders an IntOrString value with Go's %#v (its String method has a pointer
    # receiver), e.g. intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}.
    Examples:
      | maxSurge | maxUnavailable | message |
      | 0        | 0              | The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0 |
      | 0%       | 0%             | The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0 |
      | 1        | 150%           | The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100% |
      | abc      | 1              | The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%') |

    Examples: what is refused, whatever the rendering of the value
      | maxSurge | maxUnavailable | message |
      | 0        | 0              | may not be 0 when `maxSurge` is 0 |
      | 0%       | 0%             | may not be 0 when `maxSurge` is 0 |
      | 1        | 150%           | spec.strategy.rollingUpdate.maxUnavailable: Invalid value: |
      | abc      | 1              | spec.strategy.rollingUpdate.maxSurge: Invalid value: |

  @claim:probe.period-and-threshold
  Scenario: successThreshold other than 1 on a liveness probe is refused
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
          args: ["/bin/sh", "-c", "sleep 600"]
          livenessProbe:
            exec:
              command: ["cat", "/tmp/healthy"]
            successThreshold: 2
      """
    Then the apply is rejected with:
      """
      The Pod "liveness" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1
      """
    And the cluster is unchanged

  @claim:probe.period-and-threshold
  Scenario: A negative periodSeconds is refused
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: readiness
      spec:
        containers:
        - name: readiness
          image: busybox
          args: ["/bin/sh", "-c", "sleep 600"]
          readinessProbe:
            exec:
              command: ["cat", "/tmp/healthy"]
            periodSeconds: -5
      """
    Then the apply is rejected with:
      """
      The Pod "readiness" is invalid: spec.containers[0].readinessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0
      """
    And the cluster is unchanged

  @claim:rollout.revisions
  Scenario: rollout undo to a revision that does not exist
    Given the example file "httpd.v1.yml"
    And the example file "httpd.v2.yml"
    And I run "kubectl apply -f httpd.v1.yml"
    And I run "kubectl apply -f httpd.v2.yml"
    When I run "kubectl rollout undo deployment httpd --to-revision=5"
    Then the command fails with:
      """
      error: unable to find specified revision 5 in history
      """
    And the cluster is unchanged

  @claim:rollout.undo
  Scenario: rollout undo with no history
    Given the example file "httpd.v1.yml"
    And I run "kubectl apply -f httpd.v1.yml"
    When I run "kubectl rollout undo deployment httpd"
    Then the command fails with:
      """
      error: no rollout history found for deployment "httpd"
      """
    And the cluster is unchanged

  @claim:rollout.revisions
  Scenario: rollout history --revision of a revision that does not exist
    Given the example file "httpd.v1.yml"
    And I run "kubectl apply -f httpd.v1.yml"
    When I run "kubectl rollout history deployment httpd --revision=3"
    Then the command fails with:
      """
      error: unable to find the specified revision
      """

  @claim:rollout.undo
  Scenario: A paused Deployment cannot be rolled back
    Given the example file "httpd.v1.yml"
    And the example file "httpd.v2.yml"
    And I run "kubectl apply -f httpd.v1.yml"
    And I run "kubectl apply -f httpd.v2.yml"
    And I run "kubectl rollout pause deployment httpd"
    When I run "kubectl rollout undo deployment httpd"
    Then the command fails with:
      """
      error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/httpd' and try again
      """
    And the cluster is unchanged
