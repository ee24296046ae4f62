Feature: A Service in front of the httpd Pods (chapter 6.1, 6.2)
  The book's httpd Deployment (3 replicas, port 80) and Service httpd-svc (port 8080, targetPort 80).
  A client Pod reaches the Pods through the Service's ClusterIP; kube-proxy (iptables mode) picks a
  backend for each new connection at random, each of n ready backends with probability 1/n.

  Background:
    Given a cluster with 3 nodes
    And the example file "httpd.yml"
    And the example file "httpd-svc.yml"
    And the example file "busybox.yml"
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f httpd-svc.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes deployment "httpd" has 3 ready replicas
    And within 2 minutes pod "busybox" is Running

  @claim:svc.stable-access @claim:svc.selects-by-label @claim:svc.type-clusterip
  Scenario: kubectl get service shows the ClusterIP and the port; the endpoints are the Pods
    When I run "kubectl get service httpd-svc"
    Then the output table matches:
      | NAME      | TYPE      | CLUSTER-IP                    | EXTERNAL-IP | PORT(S)  | AGE |
      | httpd-svc | ClusterIP | 10\.(9[6-9]\|10[0-9]\|11[01])\.\d+\.\d+ | <none>      | 8080/TCP | .*  |
    And the endpoints of service "httpd-svc" are the ready pods of deployment "httpd" on port 80
    And service "httpd-svc" has 3 ready endpoints
    When I run "kubectl describe service httpd-svc"
    Then the output has a line matching "^TargetPort:\s+80/TCP$"
    And the output has a line matching "^Endpoints:\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80$"
    When I run "kubectl get endpoints httpd-svc"
    Then the output table matches:
      | NAME      | ENDPOINTS                                                        | AGE |
      | httpd-svc | 10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80 | .*  |
    # The book's Endpoints API still answers, with the deprecation warning v1.33 added to it.
    And the error output contains "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"
    When I run "kubectl describe endpoints httpd-svc"
    Then the output has a line matching "^  Addresses:\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+,10\.244\.\d+\.\d+$"
    And the output has a line matching "^  NotReadyAddresses:\s+<none>$"
    # The controller notes when the change it wrote happened (the last Pod turning Ready).
    And the output has a line matching "^Annotations:\s+endpoints\.kubernetes\.io/last-change-trigger-time: 2025-01-01T00:00:\d\dZ$"
    # The EndpointSlice controller mirrors them into a slice named after the Service (generateName).
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=httpd-svc"
    Then the output table matches:
      | NAME                  | ADDRESSTYPE | PORTS | ENDPOINTS                                          | AGE |
      | httpd-svc-[a-z0-9]{5} | IPv4        | 80    | 10\.244\.\d+\.\d+,10\.244\.\d+\.\d+,10\.244\.\d+\.\d+ | .*  |

  @claim:svc.stable-access @claim:dns.same-namespace-short-name
  Scenario: The book's busybox fetches the page through the Service name
    # The book types `wget httpd-svc:8080` in an interactive busybox; busybox wget saves index.html
    # and reports the ClusterIP it connected to (kube-proxy's DNAT is invisible to the client).
    When I run "kubectl exec busybox -- wget httpd-svc:8080"
    Then the error output contains "Connecting to httpd-svc:8080 (10."
    And the command succeeds
    When I remember the ClusterIP of service "httpd-svc" as "$VIP"
    And I run "kubectl exec busybox -- cat index.html"
    Then the output is:
      """
      <html><body><h1>It works!</h1></body></html>
      """
    When I run "kubectl exec busybox -- wget -q -O - httpd-svc:8080"
    Then the output contains "<html><body><h1>It works!</h1></body></html>"
    And pod "busybox" can reach "httpd-svc:8080"
    And pod "busybox" can reach "http://httpd-svc.default.svc.cluster.local:8080/"

  @claim:svc.clusterip-iptables @claim:svc.same-rules-everywhere
  Scenario: The ClusterIP works from every Pod and every node, but not from outside
    When I remember the ClusterIP of service "httpd-svc" as "$VIP"
    Then node "k8s-master" can reach "$VIP:8080"
    And node "k8s-node1" can reach "$VIP:8080"
    And node "k8s-node2" can reach "$VIP:8080"
    And pod "busybox" can reach "$VIP:8080"
    And from outside the cluster "$VIP:8080" does not answer

  @claim:svc.load-balancing
  Scenario: kube-proxy spreads new connections evenly over the ready Pods
    Then 3000 connections from pod "busybox" to "httpd-svc:8080" are balanced over the pods of deployment "httpd" within 4%

  @claim:svc.stable-ip @claim:net.service-abstraction @claim:pod.fragile-app-robust
  Scenario: Pods come and go with new IPs; the Service keeps its IP and follows them
    When I pick a pod of deployment "httpd" as "$OLD"
    And I remember the IP of pod "$OLD" as "$OLD_IP"
    And I remember the ClusterIP of service "httpd-svc" as "$VIP"
    And I delete pod "$OLD"
    Then within 1 minute deployment "httpd" has 3 ready replicas
    And within 1 minute service "httpd-svc" has 3 ready endpoints
    And the endpoints of service "httpd-svc" are the ready pods of deployment "httpd" on port 80
    And pod "busybox" can reach "httpd-svc:8080"
    And pod "busybox" cannot reach "$OLD_IP:80"
    And service "httpd-svc" still has the ClusterIP "$VIP"
    And no pod of deployment "httpd" has the IP "$OLD_IP"

  Scenario: Endpoints written by hand give a Service without a selector its backends
    No controller manages the Endpoints of a Service without a selector: they are what you write.
    Every request for v1 Endpoints draws the API server's deprecation warning (v1.33+). The
    EndpointSlice mirroring controller copies them into an EndpointSlice, which is what kube-proxy
    and `kubectl describe service` read.
    Given the file "external-db.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: external-db
      spec:
        ports:
        - port: 3306
      ---
      apiVersion: v1
      kind: Endpoints
      metadata:
        name: external-db
      subsets:
      - addresses:
        - ip: 192.168.56.200
        ports:
        - port: 3306
      """
    When I run "kubectl apply -f external-db.yml"
    Then the output contains "endpoints/external-db created"
    And the error output contains "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"
    When I run "kubectl get endpoints external-db"
    Then the output table matches:
      | NAME        | ENDPOINTS           |
      | external-db | 192.168.56.200:3306 |
    When I run "kubectl get endpointslices -l endpointslice.kubernetes.io/managed-by=endpointslicemirroring-controller.k8s.io"
    Then the output table matches:
      | NAME                    | ADDRESSTYPE | PORTS | ENDPOINTS      |
      | external-db-[a-z0-9]{5} | IPv4        | 3306  | 192.168.56.200 |
    When I run "kubectl describe service external-db"
    Then the output has a line matching "^Endpoints:\s+192\.168\.56\.200:3306$"
    When I run "kubectl describe endpointslices -l kubernetes.io/service-name=external-db"
    Then the output has a line matching "^  - Addresses:\s+192\.168\.56\.200$"
    And the output has a line matching "^      Ready:\s+true$"
    And the output has a line matching "^    NodeName:\s+<unset>$"
    When I run "kubectl delete endpoints external-db"
    And I run "kubectl get endpointslices -l kubernetes.io/service-name=external-db"
    Then the error output contains "No resources found in default namespace."

  Scenario: describe service shows no endpoints when its slice holds no ready Pod
    kubectl reads the Service's EndpointSlices: the controller's empty placeholder slice prints an
    empty Endpoints line; a Service with no slice at all prints <none>.
    Given the file "nobody.yml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nobody
      spec:
        selector:
          app: nothing-matches
        ports:
        - port: 80
      """
    When I run "kubectl apply -f nobody.yml"
    And I run "kubectl describe service nobody"
    Then the output has a line matching "^Endpoints:\s*$"
    When I run "kubectl describe endpointslices -l kubernetes.io/service-name=nobody"
    Then the output has a line matching "^Ports: <unset>$"
    And the output has a line matching "^Endpoints: <none>$"
    # Stored through protobuf, the placeholder's empty lists read back as null.
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=nobody -o yaml"
    Then the output has a line matching "^  endpoints: null$"
    And the output has a line matching "^  ports: null$"
