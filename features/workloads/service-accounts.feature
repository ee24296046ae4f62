Feature: Every Pod runs as a ServiceAccount
  The book's Pods show a default-token-xxxxx Secret volume. Current Kubernetes (1.24+) no longer
  creates token Secrets: the ServiceAccount admission plugin gives every Pod a projected volume
  kube-api-access-xxxxx (a bound token, the cluster CA from the kube-root-ca.crt ConfigMap, and the
  namespace), mounted read-only at /var/run/secrets/kubernetes.io/serviceaccount. Each namespace
  gets a "default" ServiceAccount and the kube-root-ca.crt ConfigMap from kube-controller-manager.

  Background:
    Given a cluster with 2 nodes

  Scenario: A new namespace gets its default ServiceAccount and the cluster's CA bundle
    When I run "kubectl create namespace team"
    And I run "kubectl get serviceaccounts,configmaps -n team"
    Then the output is:
      """
      NAME                     SECRETS   AGE
      serviceaccount/default   0         0s

      NAME                         DATA   AGE
      configmap/kube-root-ca.crt   1      0s
      """

  Scenario: A Pod mounts the kube-api-access volume in every container
    When I run "kubectl run web --image=nginx"
    And I run "kubectl describe pod web"
    Then the output has a line matching "^Service Account:\s+default$"
    And the output has a line matching "^      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5} \(ro\)$"
    And the output has a line matching "^    Type:\s+Projected \(a volume that contains injected data from multiple sources\)$"
    And the output has a line matching "^    TokenExpirationSeconds:  3607$"
    And the output has a line matching "^    ConfigMapName:\s+kube-root-ca.crt$"
    And the output has a line matching "^QoS Class:                   BestEffort$"

  Scenario: automountServiceAccountToken: false leaves the Pod without the token volume
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: quiet
      spec:
        automountServiceAccountToken: false
        containers:
        - name: app
          image: busybox
          args: ["sleep", "3600"]
      """
    When I run "kubectl get pod quiet -o jsonpath={.spec.volumes}"
    Then the output is:
      """
      """

  Scenario: A Pod naming a ServiceAccount that does not exist is refused by admission
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        serviceAccountName: builder
        containers:
        - name: web
          image: nginx
      """
    Then the apply is rejected with "pods \"web\" is forbidden: error looking up service account default/builder: serviceaccount \"builder\" not found"

  Scenario: A Deployment whose ServiceAccount is missing creates no Pods until the account exists
    Given I apply:
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
            serviceAccountName: builder
            containers:
            - name: web
              image: nginx
      """
    When 1 minute passes
    And I run "kubectl describe deployment web"
    Then the output has a line matching "^  ReplicaFailure\s+True\s+FailedCreate$"
    When I run "kubectl get replicasets"
    Then the output has a line matching "^web-[a-z0-9]+\s+2\s+0\s+0\s"
    When I run "kubectl describe replicaset"
    Then the output has a line matching "Warning\s+FailedCreate\s+.*replicaset-controller\s+Error creating: pods \"web-[a-z0-9]+-\" is forbidden: error looking up service account default/builder: serviceaccount \"builder\" not found$"
    When I run "kubectl create serviceaccount builder"
    Then within 20 minutes deployment "web" has 2 available replicas

  Scenario: A Pod template's serviceAccountName reads back with the deprecated serviceAccount alias
    When I run "kubectl get deployment coredns -n kube-system -o yaml"
    Then the output contains "serviceAccount: coredns"
    And deployment "kube-system/coredns" has "spec.template.spec.serviceAccount" equal to "coredns"

  Scenario: A running container reports its mounts in status, the token read-only with recursiveReadOnly Disabled
    When I run "kubectl run web --image=nginx"
    Then within 1 minute pod "web" has "status.phase" equal to "Running"
    And pod "web" has "status.containerStatuses[0].volumeMounts[0].mountPath" equal to "/var/run/secrets/kubernetes.io/serviceaccount"
    And pod "web" has "status.containerStatuses[0].volumeMounts[0].readOnly" equal to "true"
    And pod "web" has "status.containerStatuses[0].volumeMounts[0].recursiveReadOnly" equal to "Disabled"
