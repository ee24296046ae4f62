Feature: kube-proxy in IPVS mode keeps its turn and its sticky clients in the cluster (chapter 6.2)
  In IPVS mode kube-proxy gives every Service port an IPVS virtual server with the rr scheduler:
  each new connection goes to the real server after the one picked last, so n connections reach
  n ready Pods once each. With sessionAffinity ClientIP the virtual server is persistent: a client
  goes back to the same Pod until it has been idle for sessionAffinityConfig.clientIP.timeoutSeconds
  (10800 s by default). The scheduler and the sticky entries live in each node's kernel, so
  successive `wget`s from a container go on where the last one stopped. The book describes the
  iptables mode; IPVS is the other mode kubeadm's KubeProxyConfiguration offers. The simulator
  lists a virtual server's real servers by IP (kube-proxy adds them in no fixed order), so the
  Pods here sit on k8s-node1, k8s-node2 and k8s-node3 to make that order web-1, web-2, web-3.

  Background:
    Given a cluster with 4 nodes whose kube-proxy runs in ipvs mode
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-1
        labels:
          app: web
      spec:
        nodeName: k8s-node1
        containers:
        - name: httpd
          image: httpd
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-2
        labels:
          app: web
      spec:
        nodeName: k8s-node2
        containers:
        - name: httpd
          image: httpd
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-3
        labels:
          app: web
      spec:
        nodeName: k8s-node3
        containers:
        - name: httpd
          image: httpd
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: busybox
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
      """
    Then within 2 minutes pod "client" is Running
    And within 2 minutes pod "web-3" is Running
    # Each httpd serves its own name, so a wget shows which Pod answered.
    When I run "kubectl exec web-1 -- sh -c 'hostname > /usr/local/apache2/htdocs/index.html'"
    And I run "kubectl exec web-2 -- sh -c 'hostname > /usr/local/apache2/htdocs/index.html'"
    And I run "kubectl exec web-3 -- sh -c 'hostname > /usr/local/apache2/htdocs/index.html'"

  @claim:svc.load-balancing
  Scenario: Successive wgets from a container take the Pods in turn (IPVS rr)
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ports:
        - port: 8080
          targetPort: 80
      """
    Then within 10 seconds service "web" has 3 ready endpoints
    When I run "kubectl exec client -- wget -qO- web:8080"
    Then the output is:
      """
      web-1
      """
    When I run "kubectl exec client -- wget -qO- web:8080"
    Then the output is:
      """
      web-2
      """
    When I run "kubectl exec client -- wget -qO- web:8080"
    Then the output is:
      """
      web-3
      """
    # The fourth connection starts the next turn.
    When I run "kubectl exec client -- wget -qO- web:8080"
    Then the output is:
      """
      web-1
      """
    # Connections a step checks go through the same scheduler (they take web-2 and web-3), and
    # one exec may run several wgets: the turn goes on.
    And 2 connections from pod "client" to "web:8080" are all answered by ready pods
    When I run "kubectl exec client -- sh -c 'wget -qO- web:8080; wget -qO- web:8080'"
    Then the output is:
      """
      web-1
      web-2
      """

  @claim:svc.load-balancing
  Scenario: A container's own polling loop takes the Pods in turn too
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ports:
        - port: 8080
          targetPort: 80
      """
    Then within 10 seconds service "web" has 3 ready endpoints
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: poller
      spec:
        containers:
        - name: busybox
          image: busybox
          args: ["/bin/sh", "-c", "while true; do wget -qO- web:8080 >> /tmp/seen; sleep 1; done"]
      """
    And within 1 minute pod "poller" is Running
    And 10 seconds pass
    And I run "kubectl exec poller -- head -4 /tmp/seen"
    Then the output is:
      """
      web-1
      web-2
      web-3
      web-1
      """

  @claim:svc.load-balancing
  Scenario: With sessionAffinity ClientIP, wgets stick to one Pod until the client has been idle for timeoutSeconds
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: sticky
      spec:
        selector:
          app: web
        sessionAffinity: ClientIP
        sessionAffinityConfig:
          clientIP:
            timeoutSeconds: 30
        ports:
        - port: 8080
          targetPort: 80
      """
    Then within 10 seconds service "sticky" has 3 ready endpoints
    When I run "kubectl exec client -- wget -qO- sticky:8080"
    Then the output is:
      """
      web-1
      """
    # Without affinity IPVS rr would send these to web-2 and web-3. Each connection restarts the
    # 30 s timer, so the client is still sticky 50 s after its first wget.
    When 20 seconds pass
    And I run "kubectl exec client -- wget -qO- sticky:8080"
    Then the output is:
      """
      web-1
      """
    When 30 seconds pass
    And I run "kubectl exec client -- wget -qO- sticky:8080"
    Then the output is:
      """
      web-1
      """
    # Idle for longer than timeoutSeconds: the entry has expired and rr picks the next Pod.
    When 31 seconds pass
    And I run "kubectl exec client -- wget -qO- sticky:8080"
    Then the output is:
      """
      web-2
      """
    When I run "kubectl exec client -- wget -qO- sticky:8080"
    Then the output is:
      """
      web-2
      """
