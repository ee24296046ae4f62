Feature: Service types: ClusterIP, NodePort, LoadBalancer, headless (chapters 1.4, 6.4)
  port is the ClusterIP's port, targetPort the Pods' port (it defaults to port and may name a
  container port), nodePort the port opened on every node (30000-32767). A LoadBalancer Service
  needs a cloud provider for its external IP: without one it stays <pending> and still works as a
  NodePort Service. A headless Service (clusterIP: None) has no virtual IP: its name resolves to
  the ready Pods.

  Background:
    Given a cluster with 3 nodes
    And the example file "httpd.yml"
    And the example file "busybox.yml"
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes deployment "httpd" has 3 ready replicas
    And within 2 minutes pod "busybox" is Running

  @claim:svc.type-nodeport @claim:svc.nodeport-access @claim:svc.port-fields @claim:svc.nodeport-iptables @claim:net.external-service-types
  Scenario: The book's NodePort httpd-svc answers on port 30000 of every node, from outside the cluster
    Given the example file "httpd-svc-nodeport.yml"
    When I run "kubectl apply -f httpd-svc-nodeport.yml"
    And I run "kubectl get service httpd-svc"
    Then the output table matches:
      | NAME      | TYPE     | CLUSTER-IP      | EXTERNAL-IP | PORT(S)        | AGE |
      | httpd-svc | NodePort | 10\.\d+\.\d+\.\d+ | <none>      | 8080:30000/TCP | .*  |
    And from outside the cluster port 30000 answers on every node
    And from outside the cluster "192.168.56.101:30000" answers
    And from outside the cluster "192.168.56.100:30000" answers
    And pod "busybox" can reach "httpd-svc:8080"
    # Port 8080 is the ClusterIP's port, not the node's: nothing listens there.
    And a connection from outside the cluster to "192.168.56.101:8080" is refused

  @claim:svc.type-nodeport
  Scenario: Without a nodePort, the API server picks a free one in 30000-32767
    When I run "kubectl expose deployment httpd --port=8080 --target-port=80 --type=NodePort --name=httpd-np"
    Then the output is:
      """
      service/httpd-np exposed
      """
    And service "httpd-np" has "spec.ports[0].nodePort" matching "^(3[01]\d{3}|32[0-6]\d{2}|327[0-5]\d|3276[0-7])$"
    And service "httpd-np" has "spec.ports[0].targetPort" equal to "80"
    And service "httpd-np" has "spec.selector.run" equal to "httpd"
    And within 10 seconds service "httpd-np" has 3 ready endpoints

  @claim:svc.type-loadbalancer @claim:net.external-service-types
  Scenario: A LoadBalancer Service without a cloud provider stays <pending> and works as a NodePort
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-lb
      spec:
        type: LoadBalancer
        selector:
          run: httpd
        ports:
        - port: 8080
          targetPort: 80
          nodePort: 30080
      """
    And 1 minute passes
    And I run "kubectl get service httpd-lb"
    Then the output table matches:
      | NAME     | TYPE         | CLUSTER-IP      | EXTERNAL-IP | PORT(S)        | AGE |
      | httpd-lb | LoadBalancer | 10\.\d+\.\d+\.\d+ | <pending>   | 8080:30080/TCP | .*  |
    And from outside the cluster port 30080 answers on every node
    And pod "busybox" can reach "httpd-lb:8080"

  @claim:svc.port-fields
  Scenario: targetPort defaults to port and may name a container port
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: by-name
      spec:
        selector:
          run: httpd
        ports:
        - name: web
          port: 80
          targetPort: http
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: same-port
      spec:
        selector:
          run: httpd
        ports:
        - port: 80
      """
    Then service "same-port" has "spec.ports[0].targetPort" equal to "80"
    And within 10 seconds service "same-port" has 3 ready endpoints
    And pod "busybox" can reach "same-port:80"
    # The book's httpd Pods name no port "http": nothing to send to.
    And service "by-name" has no ready endpoints
    And a connection from pod "busybox" to "by-name:80" is refused

  @claim:dns.service-records
  Scenario: A headless Service has no ClusterIP; its name resolves to the ready Pods
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-headless
      spec:
        clusterIP: None
        selector:
          run: httpd
        ports:
        - port: 80
      """
    And I run "kubectl get service httpd-headless"
    Then the output table matches:
      | NAME           | TYPE      | CLUSTER-IP | EXTERNAL-IP | PORT(S) | AGE |
      | httpd-headless | ClusterIP | None       | <none>      | 80/TCP  | .*  |
    And within 10 seconds service "httpd-headless" has 3 ready endpoints
    And "httpd-headless" resolves to the ready pods of deployment "httpd" from namespace "default"
    And pod "busybox" can reach "httpd-headless:80"

  @claim:svc.load-balancing
  Scenario: sessionAffinity ClientIP sends one client to one Pod
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: sticky
      spec:
        sessionAffinity: ClientIP
        selector:
          run: httpd
        ports:
        - port: 8080
          targetPort: 80
      """
    Then within 10 seconds service "sticky" has 3 ready endpoints
    And 100 connections from pod "busybox" to "sticky:8080" are all answered by the same pod
    # kube-proxy remembers the client between steps (for sessionAffinityConfig's 10800 s).
    When I remember the pod answering pod "busybox" on "sticky:8080" as "$STICKY"
    And 1 hour passes
    Then 100 connections from pod "busybox" to "sticky:8080" are all answered by pod "$STICKY"

  @claim:svc.type-loadbalancer @claim:net.external-service-types
  Scenario: A cloud provider gives the LoadBalancer Service its external IP, which answers from outside
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-lb
      spec:
        type: LoadBalancer
        selector:
          run: httpd
        ports:
        - port: 80
          nodePort: 30081
      """
    And the cloud provider assigns load balancer IP "203.0.113.7" to service "httpd-lb"
    And I run "kubectl get service httpd-lb"
    Then the output table matches:
      | NAME     | TYPE         | CLUSTER-IP      | EXTERNAL-IP | PORT(S)      | AGE |
      | httpd-lb | LoadBalancer | 10\.\d+\.\d+\.\d+ | 203.0.113.7 | 80:30081/TCP | .*  |
    And service "httpd-lb" has "status.loadBalancer.ingress[0].ip" equal to "203.0.113.7"
    And within 10 seconds service "httpd-lb" has 3 ready endpoints
    And from outside the cluster "203.0.113.7:80" answers
    And from outside the cluster port 30081 answers on every node
    # The load balancer forwards only the Service's ports.
    And from outside the cluster "203.0.113.7:8080" does not answer
    When I run "kubectl describe service httpd-lb"
    Then the output has a line matching "^LoadBalancer Ingress:\s+203\.0\.113\.7$"

  @claim:dns.service-records
  Scenario: An ExternalName Service is only a CNAME: no ClusterIP, no endpoints, no proxying
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: db
      spec:
        type: ExternalName
        externalName: db.example.com
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: ExternalName
        externalName: httpd-headless.default.svc.cluster.local
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-headless
      spec:
        clusterIP: None
        selector:
          run: httpd
        ports:
        - port: 80
      """
    And I run "kubectl get service db web"
    Then the output table matches:
      | NAME | TYPE         | CLUSTER-IP | EXTERNAL-IP                              | PORT(S) | AGE |
      | db   | ExternalName | <none>     | db.example.com                           | <none>  | .*  |
      | web  | ExternalName | <none>     | httpd-headless.default.svc.cluster.local | <none>  | .*  |
    And service "db" has no ready endpoints
    And "db" is a CNAME for "db.example.com" from namespace "default"
    And "db.default.svc.cluster.local" is a CNAME for "db.example.com" from namespace "kube-system"
    # Nothing outside the cluster answers for example.com here: the CNAME leads nowhere.
    And a connection from pod "busybox" to "db:80" does not resolve
    # Pointing at another Service's name, the CNAME leads to its Pods.
    And "web" is a CNAME for "httpd-headless.default.svc.cluster.local" from namespace "default"
    And within 10 seconds service "httpd-headless" has 3 ready endpoints
    And "web" resolves to the ready pods of deployment "httpd" from namespace "default"
    And pod "busybox" can reach "web:80"

  @claim:svc.load-balancing
  Scenario: kube-proxy in IPVS mode takes the ready Pods in turn (round robin)
    Given the cluster's kube-proxy runs in ipvs mode
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: rr
      spec:
        selector:
          run: httpd
        ports:
        - port: 8080
          targetPort: 80
      """
    Then within 10 seconds service "rr" has 3 ready endpoints
    And 99 connections from pod "busybox" to "rr:8080" go round-robin over the pods of deployment "httpd"
    # kube-proxy keeps its place between steps: the turn goes on where it stopped.
    And 100 connections from pod "busybox" to "rr:8080" go round-robin over the pods of deployment "httpd"
    And 2 connections from pod "busybox" to "rr:8080" go round-robin over the pods of deployment "httpd"

  Scenario: kubectl create service makes a Service labelled and selecting app=<name>, one port per --tcp
    kubectl create service (create_service.go) names each port after its --tcp value and selects
    app=<name>, so it finds Pods made by kubectl create deployment <name>.
    When I run "kubectl create deployment web --image=httpd --replicas=2"
    And I run "kubectl create service nodeport web --tcp=8080:80 --node-port=30090"
    Then the output is:
      """
      service/web created
      """
    And within 2 minutes service "web" has 2 ready endpoints
    When I run "kubectl get service web"
    Then the output table matches:
      | NAME | TYPE     | CLUSTER-IP        | EXTERNAL-IP | PORT(S)        | AGE |
      | web  | NodePort | 10\.\d+\.\d+\.\d+ | <none>      | 8080:30090/TCP | .*  |
    And service "web" has "spec.ports[0].name" equal to "8080-80"
    And from outside the cluster port 30090 answers on every node
    When I run "kubectl create service clusterip web --tcp=80"
    Then the command fails with "error: failed to create ClusterIP service: services \"web\" already exists"

  Scenario: describe service lists the external IPs a Service is given
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd-ext
      spec:
        selector:
          run: httpd
        externalIPs:
        - 192.168.56.50
        ports:
        - port: 80
      """
    And I run "kubectl describe service httpd-ext"
    Then the output has a line matching "^External IPs:\s+192\.168\.56\.50$"
