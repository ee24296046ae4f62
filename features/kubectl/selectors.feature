Feature: Label and field selectors select as the API server selects
  `kubectl get -l` sends a label query and `--field-selector` a field selector; the API server
  parses both (apimachinery labels.Parse and fields.ParseSelector), keeps only the fields a kind
  offers, and refuses the rest with a BadRequest that kubectl prefixes with what was asked.

  Background:
    Given a cluster with 2 nodes
    And the file "web.yml":
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
            labels: {app: web, tier: front}
          spec:
            containers:
            - name: web
              image: nginx:1.27
      """
    And I run "kubectl apply -f web.yml"
    And within 2 minutes deployment "web" has 2 available replicas

  Scenario: kubectl get -L prints the value of each label asked for in a column of its own
    When I run "kubectl get pods -o wide -L app -L tier,version"
    Then the output table has columns:
      | NAME | READY | STATUS | RESTARTS | AGE | IP | NODE | NOMINATED NODE | READINESS GATES | APP | TIER | VERSION |
    And the output table matches:
      | NAME   | APP | TIER  | VERSION |
      | web-.* | web | front |         |
      | web-.* | web | front |         |
    When I run "kubectl get nodes --label-columns kubernetes.io/hostname --show-labels"
    Then the output table has columns:
      | NAME | STATUS | ROLES | AGE | VERSION | HOSTNAME | LABELS |
    And the output table contains rows:
      | NAME      | HOSTNAME  | LABELS                                |
      | k8s-node1 | k8s-node1 | .*kubernetes.io/hostname=k8s-node1.* |

  Scenario: A field selector lists the Pods a node runs, across namespaces
    When I run "kubectl get pods -A --field-selector spec.nodeName=k8s-master -o name"
    Then the output contains "pod/kube-apiserver-k8s-master"
    And the output does not contain "pod/web-"
    When I run "kubectl get pods -A --field-selector=status.phase!=Running"
    Then the error output contains "No resources found"

  Scenario: Set-based label queries, existence and its negation
    When I run "kubectl get pods -l 'tier in (front,back),app!=db'"
    Then the output table has 2 rows
    When I run "kubectl get pods -A -l '!k8s-app,tier' -o name"
    Then the output has a line matching "^pod/web-"
    And the output has no line matching "coredns"
    When I run "kubectl get pods -l 'tier notin (front)'"
    Then the error output contains "No resources found in default namespace."

  Scenario: A field the kind does not offer is refused, with the server's words
    When I run "kubectl get pods --field-selector status.hostIP=192.168.56.101"
    Then the command fails with "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"status.hostIP=192.168.56.101\": field label not supported: status.hostIP"
    When I run "kubectl get deployments --field-selector spec.replicas=2"
    Then the command fails with "Error from server (BadRequest): Unable to find \"apps/v1, Resource=deployments\" that match label selector \"\", field selector \"spec.replicas=2\": \"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""

  Scenario: A label query labels.Parse cannot read is refused, and nothing is deleted
    When I run "kubectl delete pods -l 'app not in (web)'"
    Then the command fails with "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"app not in (web)\", field selector \"\": unable to parse requirement: found 'not', expected: in, notin, =, ==, !=, gt, lt"
    And the cluster is unchanged

  Scenario: kubectl logs -l reads every selected Pod, the last 10 lines of each unless told
    Given the file "counter.yml":
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: counter
      spec:
        completions: 2
        parallelism: 2
        template:
          spec:
            restartPolicy: Never
            containers:
            - name: count
              image: busybox
              command: ["sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo line $i; done"]
      """
    When I run "kubectl apply -f counter.yml"
    And 30 seconds pass
    And I run "kubectl logs -l job-name=counter"
    Then the output has a line matching "^line 3$"
    And the output has no line matching "^line 2$"
    When I run "kubectl logs -l job-name=counter --tail=1 --prefix"
    Then the output has a line matching "^\[pod/counter-[a-z0-9]{5}/count\] line 12$"
    And the output has no line matching "line 11$"
    When I run "kubectl logs counter -l job-name=counter"
    Then the command fails with "error: only a selector (-l) or a POD name is allowed"
