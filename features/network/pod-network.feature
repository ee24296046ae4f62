Feature: The Pod network (chapter 12.1)
  Every Pod has its own IP from its node's Pod CIDR (10.244.N.0/24 with flannel). Pods and nodes
  reach any Pod IP directly, without NAT; hosts outside the cluster cannot route to Pod IPs. The
  containers of a Pod share its network namespace: one IP, one port space, localhost between them.

  Background:
    Given a cluster with 3 nodes
    And I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-a
        labels:
          app: web
      spec:
        nodeName: k8s-node1
        containers:
        - name: httpd
          image: httpd
          ports:
          - containerPort: 80
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-b
        labels:
          app: web
      spec:
        nodeName: k8s-node2
        containers:
        - name: httpd
          image: httpd
          ports:
          - containerPort: 80
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        nodeName: k8s-node1
        containers:
        - name: busybox
          image: busybox
          command: ["sh", "-c", "sleep 36000"]
      """
    And within 1 minute pod "web-a" is Running
    And within 1 minute pod "web-b" is Running
    And within 1 minute pod "client" is Running

  @claim:net.pod-ip-no-nat @claim:net.pod-ip-reachable @claim:pod.ip-inside-cluster
  Scenario: Pod IPs are reachable from every Pod and node, not from outside the cluster
    Then pod "web-a" has "status.podIP" matching "^10\.244\.1\.\d+$"
    And pod "web-b" has "status.podIP" matching "^10\.244\.2\.\d+$"
    And pod "client" can reach pod "web-a" on port 80
    And pod "client" can reach pod "web-b" on port 80
    And node "k8s-master" can reach pod "web-b" on port 80
    And node "k8s-node1" can reach pod "web-b" on port 80
    And from outside the cluster pod "web-a" cannot be reached on port 80
    When I remember the IP of pod "web-b" as "$WEB_B"
    And I run "kubectl exec client -- wget -q -O - http://$WEB_B/"
    Then the output contains "It works!"

  @claim:ds.host-network
  Scenario: A hostNetwork Pod answers on its node's address, from Pods and from other nodes
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: node-web
      spec:
        hostNetwork: true
        nodeName: k8s-node2
        containers:
        - name: nginx
          image: nginx
          ports:
          - containerPort: 80
      """
    And I remember the IP of node "k8s-node2" as "$NODE"
    Then within 1 minute pod "client" can reach "$NODE:80"
    And a connection from node "k8s-node1" to "$NODE:80" is answered
    And a connection from node "k8s-node1" to "$NODE:8080" is refused

  @claim:net.no-port-conflicts-between-pods
  Scenario: Two Pods listen on the same port without conflict, each on its own IP
    Then pod "web-a" has "spec.containers[0].ports[0].containerPort" equal to "80"
    And pod "web-b" has "spec.containers[0].ports[0].containerPort" equal to "80"
    And pod "client" can reach pod "web-a" on port 80
    And pod "client" can reach pod "web-b" on port 80

  @claim:net.service-abstraction
  Scenario: A recreated Pod gets a new IP
    When I remember the IP of pod "web-a" as "$OLD"
    And I run "kubectl delete pod web-a"
    And I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-a
        labels:
          app: web
      spec:
        nodeName: k8s-node1
        containers:
        - name: httpd
          image: httpd
      """
    Then within 1 minute pod "web-a" is Running
    And pod "web-a" no longer has the IP "$OLD"
    And a connection from pod "client" to "$OLD:80" times out

  @claim:pod.shared-network @claim:net.pod-shares-namespaces
  Scenario: The containers of one Pod share its IP and reach each other on localhost
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: duo
      spec:
        containers:
        - name: web
          image: httpd
        - name: sidecar
          image: busybox
          command: ["sh", "-c", "sleep 36000"]
      """
    Then within 1 minute pod "duo" is Running
    And pod "duo" has "status.podIPs.length" equal to "1"
    And pod "duo" can reach "localhost:80"
    And pod "client" can reach pod "duo" on port 80
    And a connection from pod "client" to "localhost:80" is refused
    When I run "kubectl exec duo -c sidecar -- wget -q -O - http://127.0.0.1/"
    Then the output contains "It works!"

  @claim:pod.shared-network
  Scenario: Two containers of one Pod cannot both listen on the same port
    The second httpd fails to bind port 80 in the shared network namespace and exits; restarted
    with back-off, it keeps failing, so the Pod never becomes Ready.
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: clash
      spec:
        containers:
        - name: one
          image: httpd
        - name: two
          image: httpd
      """
    And 1 minute passes
    Then pod "clash" has "status.conditions[type=Ready].status" equal to "False"
    And pod "clash" has "status.containerStatuses[0].restartCount" equal to "0"
    And pod "clash" has "status.containerStatuses[1].lastState.terminated.exitCode" equal to "1"
    When I run "kubectl logs clash -c two --previous"
    Then the output contains "(98)Address in use: AH00072: make_sock: could not bind to address [::]:80"
