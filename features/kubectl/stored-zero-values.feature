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

  Scenario: A LabelSelector's empty matchLabels and matchExpressions are dropped, the selector itself stays; so are empty capabilities, exec command and volume items
    Given the file "nested.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
          matchExpressions: []
        template:
          metadata:
            labels:
              app: web
          spec:
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                - weight: 1
                  podAffinityTerm:
                    topologyKey: kubernetes.io/hostname
                    namespaces: []
                    labelSelector:
                      matchLabels:
                        app: web
                      matchExpressions: []
            volumes:
            - name: cfg
              configMap:
                name: cfg
                items: []
            containers:
            - name: web
              image: nginx:1.25
              securityContext:
                runAsUser: 0
                capabilities:
                  add: []
                  drop: ["ALL"]
              lifecycle:
                preStop:
                  exec:
                    command: ["sleep", "1"]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: all
      spec:
        podSelector: {}
        ingress:
        - from:
          - podSelector:
              matchLabels: {}
              matchExpressions: []
      """
    When I run "kubectl apply -f nested.yml"
    Then deployment "web" has "spec.selector" equal to "{\"matchLabels\":{\"app\":\"web\"}}"
    And deployment "web" has "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm" equal to "{\"topologyKey\":\"kubernetes.io/hostname\",\"labelSelector\":{\"matchLabels\":{\"app\":\"web\"}}}"
    And deployment "web" has "spec.template.spec.containers[0].securityContext" equal to "{\"runAsUser\":0,\"capabilities\":{\"drop\":[\"ALL\"]}}"
    And deployment "web" has "spec.template.spec.volumes[0].configMap" equal to "{\"name\":\"cfg\",\"defaultMode\":420}"
    When I run "kubectl get networkpolicy all -o yaml"
    Then the output contains:
      """
      spec:
        ingress:
        - from:
          - podSelector: {}
        podSelector: {}
      """

  Scenario: Validation prints the selector as decoded (an empty matchExpressions is []v1.LabelSelectorRequirement{}), the stored one has none
    Given the file "v1.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
          matchExpressions: []
        template:
          metadata:
            labels:
              app: web
              v: "1"
          spec:
            containers:
            - name: web
              image: nginx:1.25
      """
    And the file "v2.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
            v: "1"
          matchExpressions: []
        template:
          metadata:
            labels:
              app: web
              v: "1"
          spec:
            containers:
            - name: web
              image: nginx:1.25
      """
    When I run "kubectl apply -f v1.yml"
    Then deployment "web" has no "spec.selector.matchExpressions"
    When I run "kubectl apply -f v2.yml"
    Then the command fails with:
      """
      The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"1"}, MatchExpressions:[]v1.LabelSelectorRequirement{}}: field is immutable
      """

  Scenario: PersistentVolume, PersistentVolumeClaim and RBAC lists: empty omitempty fields dropped, a claim's storageClassName "" kept, a Role without rules reads rules: null
    Given the file "storage.yml":
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: pv
      spec:
        capacity:
          storage: 1Gi
        accessModes: ["ReadWriteOnce"]
        storageClassName: ""
        mountOptions: []
        hostPath:
          path: /data
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: claim
      spec:
        accessModes: ["ReadWriteOnce"]
        storageClassName: ""
        selector:
          matchLabels: {}
        resources:
          requests:
            storage: 1Gi
          limits: {}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: reader
      rules:
      - apiGroups: [""]
        resources: ["pods"]
        resourceNames: []
        verbs: ["get"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: nothing
      """
    When I run "kubectl apply -f storage.yml"
    Then persistentvolume "pv" has no "spec.storageClassName"
    And persistentvolume "pv" has no "spec.mountOptions"
    And persistentvolumeclaim "claim" has "spec.storageClassName" equal to ""
    And persistentvolumeclaim "claim" has "spec.selector" equal to "{}"
    And persistentvolumeclaim "claim" has "spec.resources" equal to "{\"requests\":{\"storage\":\"1Gi\"}}"
    When I run "kubectl get clusterrole reader -o jsonpath={.rules}"
    Then the output is:
      """
      [{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]
      """
    When I run "kubectl get role nothing -o yaml"
    Then the output contains "rules: null"

  Scenario: -o yaml after a write prints the server's response (stored, before controllers react); kubectl label and --dry-run=client print the local object
    Given the file "cm.yml":
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
        labels: {}
      data:
        a: "1"
      """
    When I run "kubectl create -f cm.yml -o yaml"
    Then the output contains "name: cfg"
    And the output does not contain "labels"
    When I run "kubectl annotate configmap cfg note=x"
    And I run "kubectl annotate configmap cfg note- --dry-run=client -o yaml"
    Then the output contains "annotations: {}"
    When I run "kubectl annotate configmap cfg note- -o yaml"
    Then the output contains "kind: ConfigMap"
    And the output does not contain "annotations"
    When I run "kubectl label configmap cfg tier=web"
    And I run "kubectl label configmap cfg tier- -o yaml"
    Then the output contains "labels: {}"
    And configmap "cfg" has no "metadata.labels"
    When I run "kubectl create deployment web --image=nginx:1.25 -o yaml"
    Then the output contains "status: {}"
    And the output does not contain "deployment.kubernetes.io/revision"
