Feature: Stored objects read back without their empty omitempty fields
  The API server stores every object through its Go types: a field tagged `omitempty` that holds
  its zero value (0, false, "", an empty list or map) is not written, so `kubectl get -o yaml`
  never shows it. A pointer field keeps a zero it points at (replicas: 0, terminationGracePeriodSeconds: 0).

  Background:
    Given a cluster with 2 nodes

  Scenario: Empty labels, annotations, ports' zero hostPort/hostIP/name are dropped; pointer zeros are kept
    Given the file "web.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels: {}
      spec:
        replicas: 0
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
            annotations: {}
          spec:
            terminationGracePeriodSeconds: 0
            containers:
            - name: web
              image: nginx:1.25
              env:
              - name: EMPTY
                value: ""
              ports:
              - containerPort: 80
                hostPort: 0
                hostIP: ""
                name: ""
              livenessProbe:
                httpGet:
                  port: 80
                initialDelaySeconds: 0
      """
    When I run "kubectl apply -f web.yml"
    And I run "kubectl get deployment web -o jsonpath={.spec}"
    Then the output does not contain "annotations"
    And the output does not contain "hostPort"
    And the output does not contain "hostIP"
    And the output does not contain "\"\""
    And the output does not contain "initialDelaySeconds"
    And the output contains "\"replicas\":0"
    And the output contains "\"terminationGracePeriodSeconds\":0"
    When I run "kubectl get deployment web -o yaml"
    Then the output does not contain "labels: {}"
    And deployment "web" has no "metadata.labels"
    And deployment "web" has no "spec.template.metadata.annotations"
    And deployment "web" has "spec.template.spec.containers[0].ports" equal to "[{\"containerPort\":80,\"protocol\":\"TCP\"}]"

  Scenario: A Service's empty selector, externalIPs and port name are dropped; without a selector it gets no Endpoints
    Given the file "svc.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: svc
      spec:
        type: NodePort
        selector: {}
        externalIPs: []
        loadBalancerSourceRanges: []
        ports:
        - port: 80
          name: ""
          nodePort: 0
      """
    When I run "kubectl apply -f svc.yml"
    And I run "kubectl get service svc -o jsonpath={.spec}"
    Then the output does not contain "selector"
    And the output does not contain "externalIPs"
    And the output does not contain "loadBalancerSourceRanges"
    And the output does not contain "\"name\""
    And service "svc" has "spec.ports[0].nodePort" matching "^3[0-9]{4}$"
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=svc"
    Then the error output contains "No resources found in default namespace."

  Scenario: A Job's empty template labels and annotations, a ConfigMap's empty data are dropped
    Given the file "job.yml":
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: once
      spec:
        template:
          metadata:
            labels: {}
            annotations: {}
          spec:
            restartPolicy: Never
            containers:
            - name: c
              image: busybox
              command: ["true"]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: empty
        annotations: {}
      data: {}
      """
    When I run "kubectl create -f job.yml"
    Then job "once" has no "spec.template.metadata.annotations"
    And job "once" has "spec.template.metadata.labels.job-name" equal to "once"
    And configmap "empty" has no "metadata.annotations"
    And configmap "empty" has no "data"
    When I pick a pod of job "once" as "$POD"
    Then pod "$POD" has no "metadata.annotations"

  Scenario: Validation sees the manifest as decoded: an empty template labels map is {} in its message, not nil
    Given the file "bad.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: bad
      spec:
        selector:
          matchLabels:
            app: bad
        template:
          metadata:
            labels: {}
          spec:
            containers:
            - name: c
              image: nginx
      """
    When I run "kubectl apply -f bad.yml"
    Then the command fails with:
      """
      The Deployment "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{}: `selector` does not match template `labels`
      """
    And the cluster is unchanged
