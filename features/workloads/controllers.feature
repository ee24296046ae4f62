Feature: Controllers manage Pods (chapter 2)
  Kubernetes rarely creates Pods directly: controllers (Deployment, ReplicaSet, DaemonSet,
  StatefulSet, Job...) hold the desired replicas and placement and keep creating Pods to match.
  The kube-controller-manager runs them. Job is covered with the Jobs chapter (5.3); the four
  other kinds the book lists are checked here.

  Background:
    Given a cluster with 3 nodes

  @claim:controller.manages-pods @claim:controller.kinds
  Scenario Outline: A <kind> creates the Pods and is their controller
    Given I apply:
      """
      apiVersion: apps/v1
      kind: <kind>
      metadata:
        name: web
      spec:
        <replicas>
        <service>
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: httpd
              image: httpd
      """
    Then within 2 minutes <pods> pods of <word> "web" are running
    And every pod of <word> "web" has "metadata.ownerReferences[0].kind" equal to "<owner>"
    And every pod of <word> "web" has "metadata.ownerReferences[0].controller" equal to "true"

    Examples:
      | kind        | word        | replicas    | service          | pods | owner       |
      | Deployment  | deployment  | replicas: 2 |                  | 2    | ReplicaSet  |
      | ReplicaSet  | replicaset  | replicas: 2 |                  | 2    | ReplicaSet  |
      | StatefulSet | statefulset | replicas: 2 | serviceName: web | 2    | StatefulSet |
      | DaemonSet   | daemonset   |             |                  | 2    | DaemonSet   |

  @claim:controller.manages-pods
  Scenario: A Pod created directly has no controller and is not replaced
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: lonely
        labels:
          app: lonely
      spec:
        containers:
        - name: nginx
          image: nginx:1.7.9
      """
    And within 2 minutes pod "lonely" is Running
    When I delete pod "lonely"
    Then within 2 minutes there are 0 pods labelled app=lonely
    And pod "lonely" does not exist

  @claim:deploy.keeps-desired-state @claim:arch.controller-manager
  Scenario: A deleted Pod of a Deployment is replaced
    Given the example file "nginx.yml"
    And I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    When I pick a pod of deployment "nginx-deployment" as "$POD"
    And I run "kubectl delete pod $POD"
    Then within 2 minutes 2 pods of deployment "nginx-deployment" are running
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And within 1 minute there are 2 pods labelled app=web_server

  Scenario: A Deployment deleted in the foreground waits for its Pods, at its next generation
    The API server marks an object that waits on finalizers (store.go markAsDeleting): deletion
    timestamp now, deletionGracePeriodSeconds 0, and metadata.generation one more.
    Given I run "kubectl create deployment sleeper --image=busybox --replicas=2 -- sleep 3600"
    And within 2 minutes deployment "sleeper" has 2 available replicas
    When I run "kubectl delete deployment sleeper --cascade=foreground --wait=false"
    Then deployment "sleeper" has "metadata.generation" equal to "2"
    And deployment "sleeper" has "metadata.deletionGracePeriodSeconds" equal to "0"
    And deployment "sleeper" has "metadata.finalizers[0]" equal to "foregroundDeletion"
    And within 2 minutes deployment "sleeper" does not exist

  @claim:arch.controller-manager @claim:deploy.keeps-desired-state
  Scenario: A Deployment whose ReplicaSet is deleted creates it again
    Given the example file "nginx.yml"
    And I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    When I pick a replicaset of deployment "nginx-deployment" as "$RS"
    And I run "kubectl delete replicaset $RS"
    Then within 3 minutes deployment "nginx-deployment" has 2 available replicas
    And deployment "nginx-deployment" owns 1 replicaset

  @claim:rs.replicas
  Scenario: A ReplicaSet keeps its number of Pod replicas
    Given I apply:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: frontend
      spec:
        replicas: 3
        selector:
          matchLabels:
            tier: frontend
        template:
          metadata:
            labels:
              tier: frontend
          spec:
            containers:
            - name: nginx
              image: nginx:1.7.9
      """
    Then within 2 minutes replicaset "frontend" has 3 ready replicas
    When I delete a pod of replicaset "frontend"
    Then within 2 minutes replicaset "frontend" has 3 ready replicas
    When I run "kubectl scale replicaset frontend --replicas=1"
    Then within 1 minute there is 1 pod labelled tier=frontend
    And replicaset "frontend" has "spec.replicas" equal to "1"

  @claim:sts.stable-names
  Scenario: A StatefulSet names its Pods by ordinal and gives a deleted Pod its name back
    Given I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nginx
      spec:
        clusterIP: None
        selector:
          app: nginx
        ports:
        - port: 80
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        serviceName: nginx
        replicas: 3
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.7.9
      """
    Then within 3 minutes statefulset "web" has 3 ready replicas
    When I run "kubectl get pods -l app=nginx"
    Then the output table matches:
      | NAME  | READY | STATUS  |
      | web-0 | 1/1   | Running |
      | web-1 | 1/1   | Running |
      | web-2 | 1/1   | Running |
    When I delete pod "web-1"
    Then within 2 minutes pod "web-1" is Running
    And within 1 minute statefulset "web" has 3 ready replicas
    And pod "web-1" has "metadata.ownerReferences[0].name" equal to "web"
    # A rolling update replaces each Pod under its own name, highest ordinal first; rollout status
    # answers from the default partition 0 (StatefulSetStatusViewer's partitioned branch).
    When I run "kubectl set image statefulset/web nginx=nginx:1.9.1"
    And I run "kubectl rollout status statefulset/web"
    Then the output has a line matching "^partitioned roll out complete: 3 new pods have been updated\.\.\.$"
    And pod "web-0" has "spec.containers[0].image" equal to "nginx:1.9.1"
    And pod "web-2" has "spec.containers[0].image" equal to "nginx:1.9.1"

  @claim:sts.stable-names
  Scenario: A Deployment's replacement Pod gets a new name
    Given the example file "nginx.yml"
    And I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    When I pick a pod of deployment "nginx-deployment" as "$POD"
    And I run "kubectl delete pod $POD"
    Then within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And within 1 minute pod "$POD" does not exist
