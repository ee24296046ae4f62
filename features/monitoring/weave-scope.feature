Feature: Weave Scope (chapter 14.1)
  Weave Scope visualises and monitors Docker and Kubernetes: a probe (the scope-agent DaemonSet,
  on the host's network and PID namespace, tolerating every NoSchedule taint) runs on every node
  and reports to the app (the weave-scope-app Deployment), whose UI the Service weave-scope-app
  serves on port 80 (container port 4040).

  Dated: Weave Scope is archived (Weaveworks closed in 2024); the manifests are its last
  examples/k8s, applied unchanged. The scenario checks the structure they describe.

  @claim:mon.weave-scope
  Scenario: A Scope agent on every node reports to the Scope app behind the weave-scope-app Service
    Given a cluster with 3 nodes
    And the example file "monitoring/scope.yaml"
    When I run "kubectl apply -f scope.yaml"
    Then the output contains "namespace/weave created"
    And the output contains "deployment.apps/weave-scope-app created"
    And the output contains "service/weave-scope-app created"
    And the output contains "daemonset.apps/weave-scope-agent created"
    And within 1 minute daemonset "weave/weave-scope-agent" has one pod on each of nodes "k8s-master, k8s-node1, k8s-node2"
    And every pod of daemonset "weave/weave-scope-agent" has the IP of its node
    And every pod of daemonset "weave/weave-scope-agent" has "spec.containers[0].args[4]" equal to "weave-scope-app.weave.svc.cluster.local:80"
    And within 1 minute deployment "weave/weave-scope-app" has 1 available replica
    And within 1 minute service "weave/weave-scope-app" has 1 ready endpoint
    When I run "kubectl get daemonset -n weave"
    Then the output table matches:
      | NAME              | DESIRED | CURRENT | READY |
      | weave-scope-agent | 3       | 3       | 3     |
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: busybox
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
      """
    Then within 30 seconds pod "client" is Running
    And pod "client" can reach "weave-scope-app.weave.svc.cluster.local:80"
