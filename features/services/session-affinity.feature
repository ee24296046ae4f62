Feature: sessionAffinity ClientIP in kube-proxy's iptables mode sticks across wgets from a container (chapter 6.2)
  kubeadm's kube-proxy runs in iptables mode: each new connection to a Service walks the
  KUBE-SVC chain's probability rules, so successive connections land on random Pods. With
  sessionAffinity ClientIP the chain first checks `-m recent --rcheck --seconds <timeoutSeconds>`
  (10800 s by default) and sends a client back to the Pod it reached last; each connection renews
  the entry. The entries live in each node's kernel: connections a step checks and `wget`s run in
  a container on the same node share them.

  Background:
    Given a cluster with 4 nodes
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
  Scenario: A client's wgets go to one Pod for hours, and a step's connections see the same entry
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
        ports:
        - port: 8080
          targetPort: 80
      """
    Then within 10 seconds service "sticky" has 3 ready endpoints
    When I remember the pod answering pod "client" on "sticky:8080" as "$STICKY"
    And 1 hour passes
    And I run "kubectl exec client -- wget -qO- sticky:8080"
    Then the output is:
      """
      $STICKY
      """
    # 3 hours after the first connection, but the wget an hour in renewed the 10800 s entry.
    When 2 hours pass
    And I run "kubectl exec client -- sh -c 'wget -qO- sticky:8080; wget -qO- sticky:8080'"
    Then the output is:
      """
      $STICKY
      $STICKY
      """
    And 50 connections from pod "client" to "sticky:8080" are all answered by pod "$STICKY"
