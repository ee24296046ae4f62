Feature: Run an application (chapter 1.3)
  The book's first application: the Kubernetes Bootcamp image, run as a Deployment whose Pod
  lands on a worker node.

  Dated: the book runs `kubectl run kubernetes-bootcamp --image=... --port=8080`, which created a
  Deployment in 2018. Since kubectl 1.18 `kubectl run` creates a single bare Pod;
  `kubectl create deployment` is how current kubectl makes a Deployment. Both are shown.

  Background:
    Given a cluster with 3 nodes

  @claim:deploy.runs-app
  Scenario: Creating a Deployment starts its Pod on a worker node
    When I run "kubectl create deployment kubernetes-bootcamp --image=docker.io/jocatalin/kubernetes-bootcamp:v1"
    Then the output contains "deployment.apps/kubernetes-bootcamp created"
    And within 2 minutes deployment "kubernetes-bootcamp" has 1 available replica
    When I run "kubectl get deployments"
    Then the output table has columns:
      | NAME | READY | UP-TO-DATE | AVAILABLE | AGE |
    And the output table matches:
      | NAME                | READY | UP-TO-DATE | AVAILABLE |
      | kubernetes-bootcamp | 1/1   | 1          | 1         |
    When I run "kubectl get pods -o wide"
    Then the output table matches:
      | NAME                                        | READY | STATUS  | NODE                |
      | kubernetes-bootcamp-[4-9bcdf]+-[a-z0-9]{5}  | 1/1   | Running | k8s-node1\|k8s-node2 |

  @claim:deploy.runs-app
  Scenario: The book's kubectl run now creates a bare Pod, not a Deployment
    When I run "kubectl run kubernetes-bootcamp --image=docker.io/jocatalin/kubernetes-bootcamp:v1 --port=8080"
    Then the output contains "pod/kubernetes-bootcamp created"
    And within 2 minutes pod "kubernetes-bootcamp" is Running
    And deployment "kubernetes-bootcamp" does not exist
    And pod "kubernetes-bootcamp" has "spec.containers[0].ports[0].containerPort" equal to "8080"
    And pod "kubernetes-bootcamp" has no "metadata.ownerReferences"

  Scenario: kubectl run --overrides patches the generated Pod before it is created
    When I run "kubectl run pinned --image=nginx --overrides='{\"spec\":{\"nodeName\":\"k8s-node2\"}}'"
    Then the output contains "pod/pinned created"
    And within 1 minute pod "pinned" is Running
    And pod "pinned" has "spec.nodeName" equal to "k8s-node2"
    When I run "kubectl run tuned --image=nginx --override-type=strategic --overrides='{\"spec\":{\"containers\":[{\"name\":\"tuned\",\"env\":[{\"name\":\"MODE\",\"value\":\"fast\"}]}]}}'"
    Then pod "tuned" has "spec.containers[0].image" equal to "nginx"
    And pod "tuned" has "spec.containers[0].env[0].value" equal to "fast"
    When I run "kubectl run broken --image=nginx --overrides='{\"spec\":{\"containers\":[{\"name\":\"broken\"}]}}'"
    Then the command fails with "spec.containers[0].image: Required value"
    When I run "kubectl run other --image=nginx --override-type=yaml --overrides={}"
    Then the command fails with "error: invalid override type: yaml"

  @claim:pod.scheduled-together @claim:pod.shared-network
  Scenario: The containers of one Pod run together on one node, behind one IP address
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-and-sidecar
      spec:
        containers:
        - name: web
          image: httpd
          ports:
          - containerPort: 80
        - name: sidecar
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
      """
    Then within 2 minutes pod "web-and-sidecar" is Running
    When I run "kubectl get pod web-and-sidecar -o wide"
    Then the output table matches:
      | NAME            | READY | STATUS  | IP              | NODE                 |
      | web-and-sidecar | 2/2   | Running | 10\.244\.\d+\.\d+ | k8s-node1\|k8s-node2 |
    And pod "web-and-sidecar" has "status.containerStatuses.length" equal to "2"
    And pod "web-and-sidecar" has "status.podIPs.length" equal to "1"
    And pod "web-and-sidecar" has "status.containerStatuses[name=sidecar].state.running.startedAt" matching "^\d{4}-"
    And pod "web-and-sidecar" has "status.containerStatuses[name=web].state.running.startedAt" matching "^\d{4}-"

  @claim:pod.shared-network
  Scenario: Containers of one Pod reach each other on localhost
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-and-sidecar
      spec:
        containers:
        - name: web
          image: httpd
          ports:
          - containerPort: 80
        - name: sidecar
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
      """
    And within 2 minutes pod "web-and-sidecar" is Running
    When I run "kubectl exec web-and-sidecar -c sidecar -- wget -q -O - http://localhost:80/"
    Then the output contains "It works!"
