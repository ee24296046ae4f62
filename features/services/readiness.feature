Feature: Readiness decides which Pods receive Service traffic (chapters 8.3, 8.4)
  A Pod that is not Ready stays listed in its Service's Endpoints (notReadyAddresses) but kube-proxy
  sends it nothing; when it becomes Ready it joins the load-balancing pool, when it stops being
  Ready it leaves. While scaling up, new Pods get traffic only once their readiness probe succeeds.

  Background:
    Given a cluster with 3 nodes
    And the example file "busybox.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 1 minute pod "busybox" is Running

  @claim:readiness.gates-traffic @claim:svc.selects-by-label
  Scenario: A Pod joins and leaves the Service's endpoints as its readiness probe passes and fails
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: httpd
              image: httpd
              readinessProbe:
                exec:
                  command: ["cat", "/tmp/healthy"]
                periodSeconds: 5
      ---
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
    Then within 1 minute 1 pod of deployment "web" is running
    And for 30 seconds service "web" has 0 ready endpoints
    And a connection from pod "busybox" to "web:8080" is refused
    When I pick a pod of deployment "web" as "$WEB"
    And I run "kubectl exec $WEB -- touch /tmp/healthy"
    Then within 10 seconds service "web" has 1 ready endpoint
    And pod "busybox" can reach "web:8080"
    When I run "kubectl exec $WEB -- rm /tmp/healthy"
    Then within 20 seconds service "web" has 0 ready endpoints
    And a connection from pod "busybox" to "web:8080" is refused
    # A Pod whose labels no longer match leaves the Service too.
    When I run "kubectl exec $WEB -- touch /tmp/healthy"
    Then within 10 seconds service "web" has 1 ready endpoint
    When I run "kubectl label pod $WEB app=other --overwrite"
    Then service "web" has no ready endpoints

  @claim:readiness.scale-up @claim:readiness.gates-traffic
  Scenario: Scaling up sends no traffic to Pods that are not ready yet
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: httpd
              image: httpd
              readinessProbe:
                httpGet:
                  path: /
                  port: 80
                initialDelaySeconds: 10
                periodSeconds: 5
      ---
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
    Then within 1 minute deployment "web" has 2 ready replicas
    When I scale deployment "web" to 5 replicas
    And 5 seconds pass
    Then 5 pods of deployment "web" are running
    And service "web" has 2 ready endpoints
    And 1000 connections from pod "busybox" to "web:8080" are all answered by ready pods
    And within 30 seconds service "web" has 5 ready endpoints
    And 3000 connections from pod "busybox" to "web:8080" are balanced over the pods of deployment "web" within 4%

  Scenario: A selector that matches nothing is valid; the Service has no endpoints and refuses connections
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nobody
      spec:
        selector:
          app: nobody
        ports:
        - port: 80
      """
    Then service "nobody" has no ready endpoints
    And "nobody" resolves to the ClusterIP of service "nobody" from namespace "default"
    And a connection from pod "busybox" to "nobody:80" is refused
    When I run "kubectl get endpoints nobody"
    Then the output table matches:
      | NAME   | ENDPOINTS | AGE |
      | nobody | <none>    | .*  |
    When I run "kubectl get endpointslices -l kubernetes.io/service-name=nobody"
    Then the output table matches:
      | NAME               | ADDRESSTYPE | PORTS   | ENDPOINTS | AGE |
      | nobody-[a-z0-9]{5} | IPv4        | <unset> | <unset>   | .*  |
