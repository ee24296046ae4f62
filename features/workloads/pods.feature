Feature: Why Pods (chapter 2)
  A Pod is a group of tightly coupled containers that are managed as one unit and share
  resources: they are scheduled together, share the Pod's network, and share the volumes they
  mount. The book says a volume mounted into a Pod is mounted into every container; precisely,
  each container sees a Pod volume only if it lists it in volumeMounts, at its own mount path.

  Background:
    Given a cluster with 3 nodes

  @claim:pod.why @claim:pod.which-containers
  Scenario: Containers of one Pod share a volume, each at its own path
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: producer-consumer
      spec:
        containers:
        - name: producer
          image: busybox
          volumeMounts:
          - name: shared-volume
            mountPath: /producer_dir
          args: ["/bin/sh", "-c", "echo 'hello world' > /producer_dir/hello; sleep 30000"]
        - name: consumer
          image: busybox
          volumeMounts:
          - name: shared-volume
            mountPath: /consumer_dir
          args: ["/bin/sh", "-c", "cat /consumer_dir/hello; sleep 30000"]
        - name: loner
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
        volumes:
        - name: shared-volume
          emptyDir: {}
      """
    And within 2 minutes pod "producer-consumer" is Running
    When I run "kubectl exec producer-consumer -c consumer -- cat /consumer_dir/hello"
    Then the output is:
      """
      hello world
      """
    When I run "kubectl exec producer-consumer -c loner -- cat /consumer_dir/hello"
    Then the command fails with "No such file or directory"

  @claim:pod.which-containers @claim:pod.scheduled-together
  Scenario: The containers of a Pod are one unit: one node, one status, deleted together
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pair
      spec:
        containers:
        - name: app
          image: nginx:1.7.9
        - name: helper
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
      """
    And within 2 minutes pod "pair" is Running
    When I run "kubectl get pod pair"
    Then the output table matches:
      | NAME | READY | STATUS  | RESTARTS |
      | pair | 2/2   | Running | 0        |
    When I run "kubectl delete pod pair"
    Then the output contains "pod \"pair\" deleted"
    And within 1 minute pod "pair" does not exist

  Scenario: A Pod's generation counts its spec changes, and the kubelet reports the generation it synced
    Kubernetes v1.34 (KEP-5067, PodObservedGenerationTracking Beta): the API server creates a Pod at
    metadata.generation 1 and adds one for each change of its spec and when its graceful deletion
    begins; labels and status writes leave it. The kubelet writes the generation of the Pod it synced
    to status.observedGeneration and to each condition it sets.
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: gen
      spec:
        containers:
        - name: web
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
      """
    And within 2 minutes pod "gen" is Running
    Then pod "gen" has "metadata.generation" equal to "1"
    And pod "gen" has "status.observedGeneration" equal to "1"
    When I run "kubectl get pod gen -o jsonpath='{range .status.conditions[*]}{.type}={.observedGeneration} {end}'"
    Then the output is:
      """
      PodReadyToStartContainers=1 Initialized=1 Ready=1 ContainersReady=1 PodScheduled=1
      """
    When I run "kubectl label pod gen tier=web"
    Then pod "gen" has "metadata.generation" equal to "1"
    When I run "kubectl set image pod/gen web=busybox:1.36"
    Then pod "gen" has "metadata.generation" equal to "2"
    And within 10 seconds pod "gen" has "status.observedGeneration" equal to "2"
    When I run "kubectl get pod gen -o jsonpath='{range .status.conditions[*]}{.type}={.observedGeneration} {end}'"
    Then the output is:
      """
      PodReadyToStartContainers=2 Initialized=2 Ready=2 ContainersReady=2 PodScheduled=2
      """
    When I run "kubectl delete pod gen --wait=false"
    Then pod "gen" has "metadata.generation" equal to "3"
    And pod "gen" has "metadata.deletionGracePeriodSeconds" equal to "30"
    And within 5 seconds pod "gen" has "status.observedGeneration" equal to "3"

  Scenario: A second delete with a shorter grace period makes a terminating Pod end sooner
    The API server only shortens the grace period of a Pod already being deleted: its
    deletionTimestamp moves back by the difference (rest/delete.go BeforeDelete), and the kubelet
    cancels the kill in flight and kills again (a second Killing event) with the shorter period,
    counted from then (pod_workers.go UpdatePod, calculateEffectiveGracePeriod; the cancelled
    StopContainer sends no SIGKILL): shortened 25 s into 30 s, the container dies 10 s later, at
    35 s. A sleeping shell ignores SIGTERM, so the container is killed when the period ends.
    --grace-period=0 --force removes the Pod at once.
    When I run "kubectl run sleeper --image=busybox -- sleep 3600"
    Then within 1 minute pod "sleeper" is running
    When I run "kubectl delete pod sleeper --grace-period=60 --wait=false"
    And 5 seconds pass
    And I run "kubectl delete pod sleeper --grace-period=90 --wait=false"
    And I run "kubectl get pod sleeper -o jsonpath={.metadata.deletionGracePeriodSeconds}"
    Then the output is:
      """
      60
      """
    When I run "kubectl delete pod sleeper --grace-period=10 --wait=false"
    And I run "kubectl get pod sleeper -o jsonpath={.metadata.deletionGracePeriodSeconds}"
    Then the output is:
      """
      10
      """
    When 9 seconds pass
    Then pod "sleeper" exists
    When I run "kubectl get events --field-selector involvedObject.name=sleeper,reason=Killing -o jsonpath={.items[*].count}"
    Then the output is:
      """
      2
      """
    And within 2 seconds pod "sleeper" does not exist
    When I run "kubectl run late --image=busybox -- sleep 3600"
    Then within 1 minute pod "late" is running
    When I run "kubectl delete pod late --grace-period=30 --wait=false"
    And 25 seconds pass
    And I run "kubectl delete pod late --grace-period=10 --wait=false"
    And 9 seconds pass
    Then pod "late" exists
    And within 2 seconds pod "late" does not exist
    When I run "kubectl run sleeper2 --image=busybox -- sleep 3600"
    Then within 1 minute pod "sleeper2" is running
    When I run "kubectl delete pod sleeper2 --grace-period=60 --wait=false"
    And I run "kubectl delete pod sleeper2 --grace-period=0 --force"
    Then pod "sleeper2" does not exist
