Feature: Deployment (chapter 5.1)
  The book's nginx Deployment, run from its configuration file nginx.yml.

  Dated: the book's nginx.yml says apiVersion extensions/v1beta1, which Kubernetes stopped
  serving in v1.16. The runnable examples/nginx.yml uses apps/v1, which also requires
  spec.selector (matching the template's labels); the book's file is kept as
  examples/book/nginx.yml and the first scenario shows what current Kubernetes says to it.

  Background:
    Given a cluster with 3 nodes
    And the example file "nginx.yml"

  @claim:manifest.fields
  Scenario: The book's extensions/v1beta1 manifest is refused by current Kubernetes
    Given the example file "book/nginx.yml" as "book-nginx.yml"
    When I run "kubectl apply -f book-nginx.yml"
    Then the command fails with:
      """
      no matches for kind "Deployment" in version "extensions/v1beta1"
      """
    And the cluster is unchanged

  @claim:deploy.through-replicaset
  Scenario: The Deployment creates a ReplicaSet, which creates the Pods
    When I run "kubectl apply -f nginx.yml"
    Then the output is:
      """
      deployment.apps/nginx-deployment created
      """
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    When I run "kubectl get deployment"
    Then the output table matches:
      | NAME             | READY | UP-TO-DATE | AVAILABLE |
      | nginx-deployment | 2/2   | 2          | 2         |
    When I run "kubectl describe deployment nginx-deployment"
    Then the output has a line matching "^Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable$"
    And the output has a line matching "^NewReplicaSet:\s+nginx-deployment-[4-9bcdf]+ \(2/2 replicas created\)$"
    And the output has a line matching "ScalingReplicaSet\s+.*deployment-controller\s+Scaled up replica set nginx-deployment-[4-9bcdf]+ (from 0 )?to 2$"
    When I run "kubectl get replicaset"
    Then the output table matches:
      | NAME                        | DESIRED | CURRENT | READY |
      | nginx-deployment-[4-9bcdf]+ | 2       | 2       | 2     |
    When I pick a replicaset of deployment "nginx-deployment" as "$RS"
    And I run "kubectl describe replicaset $RS"
    Then the output has a line matching "^Controlled By:\s+Deployment/nginx-deployment$"
    And the output has a line matching "SuccessfulCreate\s+.*replicaset-controller\s+Created pod: $RS-[a-z0-9]{5}$"
    When I run "kubectl get pod"
    Then the output table matches:
      | NAME                   | READY | STATUS  | RESTARTS |
      | $RS-[a-z0-9]{5}        | 1/1   | Running | 0        |
      | $RS-[a-z0-9]{5}        | 1/1   | Running | 0        |
    When I pick a pod of deployment "nginx-deployment" as "$POD"
    And I run "kubectl describe pod $POD"
    Then the output has a line matching "^Controlled By:\s+ReplicaSet/$RS$"
    And every replicaset of deployment "nginx-deployment" has "metadata.ownerReferences[0].kind" equal to "Deployment"
    And every pod of deployment "nginx-deployment" has "metadata.ownerReferences[0].name" equal to "$RS"

  @claim:naming.child-from-parent
  Scenario: Children are named after their parent plus a hash or a random suffix
    When I run "kubectl apply -f nginx.yml"
    Then within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And every replicaset of deployment "nginx-deployment" has "metadata.name" matching "^nginx-deployment-[4-9bcdf]{1,10}$"
    And every replicaset of deployment "nginx-deployment" has "metadata.labels.pod-template-hash" matching "^[4-9bcdf]{1,10}$"
    And every pod of deployment "nginx-deployment" has "metadata.name" matching "^nginx-deployment-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$"
    And every pod of deployment "nginx-deployment" has "metadata.generateName" matching "^nginx-deployment-[4-9bcdf]{1,10}-$"

  @claim:naming.child-from-parent @claim:manifest.declarative
  Scenario: The ReplicaSet's name comes from the Pod template, so re-creating the Deployment gives the same name
    When I run "kubectl apply -f nginx.yml"
    And I pick a replicaset of deployment "nginx-deployment" as "$RS"
    And I run "kubectl delete -f nginx.yml"
    Then within 2 minutes there are 0 replicasets labelled app=web_server
    When I run "kubectl apply -f nginx.yml"
    Then replicaset "$RS" exists

  @claim:manifest.declarative
  Scenario: Applying the same file again changes nothing
    When I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And I run "kubectl apply -f nginx.yml"
    Then the output is:
      """
      deployment.apps/nginx-deployment unchanged
      """
    And the cluster is unchanged
    And deployment "nginx-deployment" owns 1 replicaset
    And deployment "nginx-deployment" has "metadata.generation" equal to "1"

  @claim:manifest.declarative
  Scenario: kubectl apply on a Deployment made by kubectl create warns and records the missing annotation
    When I run "kubectl create -f nginx.yml"
    And I run "kubectl apply -f nginx.yml --dry-run=client"
    Then the error output is empty
    When I run "kubectl apply -f nginx.yml"
    Then the output is:
      """
      deployment.apps/nginx-deployment configured
      """
    And the error output contains "Warning: resource deployments/nginx-deployment is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically."
    When I run "kubectl apply -f nginx.yml"
    Then the output is:
      """
      deployment.apps/nginx-deployment unchanged
      """
    And the error output is empty

  @claim:manifest.declarative
  Scenario: kubectl create --save-config stores last-applied-configuration, so a later apply does not warn
    When I run "kubectl create --save-config -f nginx.yml"
    Then deployment "nginx-deployment" has "metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]" matching "nginx:1.7.9"
    When I run "kubectl apply -f nginx.yml"
    Then the output is:
      """
      deployment.apps/nginx-deployment unchanged
      """
    And the error output is empty

  Scenario: Fields left at their Go zero value are not shown, as the API server omits them
    When I run "kubectl create deployment web --image=nginx"
    And I run "kubectl get deployment web -o yaml"
    Then the output contains "progressDeadlineSeconds: 600"
    And the output does not contain "minReadySeconds"
    And deployment "web" has no "spec.minReadySeconds"
    When I pick a replicaset of deployment "web" as "$RS"
    Then replicaset "$RS" has no "spec.minReadySeconds"

  Scenario: A container without resources shows resources: {}, a struct the API server always writes
    When I run "kubectl apply -f nginx.yml"
    And I run "kubectl get deployment nginx-deployment -o yaml"
    Then the output contains "resources: {}"
    And deployment "nginx-deployment" has "spec.template.spec.containers[0].resources" equal to "{}"
    And every pod of deployment "nginx-deployment" has "spec.containers[0].resources" equal to "{}"

  @claim:manifest.declarative
  Scenario: The file describes the end state; a changed file is applied as a change
    When I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    Given the file "nginx.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web_server
        template:
          metadata:
            labels:
              app: web_server
          spec:
            containers:
            - name: nginx
              image: nginx:1.7.9
      """
    When I run "kubectl apply -f nginx.yml"
    Then the output is:
      """
      deployment.apps/nginx-deployment configured
      """
    And within 2 minutes deployment "nginx-deployment" has 3 available replicas
    And deployment "nginx-deployment" owns 1 replicaset

  Scenario: kubectl diff shows what applying a changed file would change, and changes nothing
    Given I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And the file "nginx.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web_server
        template:
          metadata:
            labels:
              app: web_server
          spec:
            containers:
            - name: nginx
              image: nginx:1.9.1
      """
    When I run "kubectl diff -f nginx.yml"
    Then the command exits with code 1
    And the cluster is unchanged
    And the output has a line matching "^diff -u -N /tmp/LIVE-\d+/apps\.v1\.Deployment\.default\.nginx-deployment /tmp/MERGED-\d+/apps\.v1\.Deployment\.default\.nginx-deployment$"
    And the output contains:
      """
         creationTimestamp: "2025-01-01T00:00:07Z"
      -  generation: 1
      +  generation: 2
         name: nginx-deployment
      """
    And the output has a line matching "^--- /tmp/LIVE-\d+/apps\.v1\.Deployment\.default\.nginx-deployment\t2025-01-01 00:00:\d\d\.\d{9} \+0000$"
    And the output has a line matching "^@@ -\d+,7 \+\d+,7 @@$"
    And the output contains:
      """
      -  replicas: 2
      +  replicas: 3
         revisionHistoryLimit: 10
      """
    And the output contains:
      """
      -      - image: nginx:1.7.9
      +      - image: nginx:1.9.1
      """
    When I run "kubectl apply -f nginx.yml"
    And I run "kubectl diff -f nginx.yml"
    Then the command succeeds
    And the output does not contain "nginx"
    When I run "kubectl diff -f nginx.yml --force"
    Then the command exits with code 2
    And the error output contains "error: unknown flag: --force"
    And the error output contains "See 'kubectl diff -h' for help and examples"

  @claim:manifest.fields
  Scenario: replicas defaults to 1
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: one
      spec:
        selector:
          matchLabels:
            app: one
        template:
          metadata:
            labels:
              app: one
          spec:
            containers:
            - name: nginx
              image: nginx:1.7.9
      """
    Then deployment "one" has "spec.replicas" equal to "1"
    And within 2 minutes deployment "one" has 1 available replica

  @claim:deploy.scale
  Scenario: Scaling out and in by editing replicas in the file, as the book does
    When I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    Given the file "nginx.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 5
        selector:
          matchLabels:
            app: web_server
        template:
          metadata:
            labels:
              app: web_server
          spec:
            containers:
            - name: nginx
              image: nginx:1.7.9
      """
    When I run "kubectl apply -f nginx.yml"
    Then within 2 minutes 5 pods of deployment "nginx-deployment" are running
    And the pods of deployment "nginx-deployment" run on nodes "k8s-node1, k8s-node2"
    And no pod of deployment "nginx-deployment" runs on node "k8s-master"
    Given the file "nginx.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web_server
        template:
          metadata:
            labels:
              app: web_server
          spec:
            containers:
            - name: nginx
              image: nginx:1.7.9
      """
    When I run "kubectl apply -f nginx.yml"
    Then within 2 minutes there are 3 pods labelled app=web_server
    And deployment "nginx-deployment" has 3 available replicas

  @claim:deploy.scale
  Scenario: kubectl scale changes the number of replicas online
    The new Pods go one to each worker, which has the image already; each still waits a second for
    its sandbox (RunPodSandbox: the pause container and the CNI plugin's ADD), so right after the
    scale they are ContainerCreating, without an IP.
    When I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And I run "kubectl scale deployment nginx-deployment --replicas=4"
    Then the output contains "deployment.apps/nginx-deployment scaled"
    When I run "kubectl get deployment nginx-deployment"
    Then the output table matches:
      | NAME             | READY | UP-TO-DATE | AVAILABLE |
      | nginx-deployment | 2/4   | 4          | 2         |
    When I run "kubectl get pods -o wide"
    Then the output has a line matching "^nginx-deployment-\S+\s+0/1\s+ContainerCreating\s+0\s+0s\s+<none>\s+k8s-node1\s"
    And the output has a line matching "^nginx-deployment-\S+\s+0/1\s+ContainerCreating\s+0\s+0s\s+<none>\s+k8s-node2\s"
    And within 1 second deployment "nginx-deployment" has 4 available replicas
    When I run "kubectl scale deployment nginx-deployment --replicas=1"
    Then within 2 minutes there is 1 pod labelled app=web_server
    And deployment "nginx-deployment" has 1 available replica

  @claim:kubectl.delete
  Scenario: kubectl delete deployment removes its ReplicaSet and Pods too
    When I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And I run "kubectl delete deployment nginx-deployment"
    Then the output contains "deployment.apps \"nginx-deployment\" deleted"
    And deployment "nginx-deployment" does not exist
    And within 2 minutes there are 0 replicasets labelled app=web_server
    And within 2 minutes there are 0 pods labelled app=web_server

  @claim:kubectl.delete
  Scenario: kubectl delete -f removes what the file describes
    When I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And I run "kubectl delete -f nginx.yml"
    Then the output contains "deployment.apps \"nginx-deployment\" deleted"
    And within 2 minutes there are 0 pods labelled app=web_server
    When I run "kubectl get deployment,replicaset,pod"
    Then the error output contains "No resources found in default namespace."

  @claim:kubectl.edit-shows-state
  Scenario: kubectl edit shows the Deployment's configuration and its current status
    When I run "kubectl apply -f nginx.yml"
    And within 2 minutes deployment "nginx-deployment" has 2 available replicas
    And I run "kubectl edit deployment nginx-deployment"
    Then the output has a line matching "^  replicas: 2$"
    And the output has a line matching "^status:$"
    And the output has a line matching "^  availableReplicas: 2$"
    And the output has a line matching "^  readyReplicas: 2$"
    And the cluster is unchanged
