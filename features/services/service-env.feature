Feature: Containers get the Services as environment variables
  Besides DNS, the kubelet hands every container Docker-link style variables for the Services of its
  namespace that existed when the container was created, and for default/kubernetes in every
  namespace (pkg/kubelet/envvars FromServices). A Service made later is not in a running
  container's environment; a new container sees it.

  Background:
    Given a cluster with 3 nodes
    And the example file "httpd.yml"
    And the example file "httpd-svc.yml"
    And the example file "busybox.yml"

  Scenario: A Pod started after the Service has its variables; one started before has not
    When I run "kubectl apply -f busybox.yml"
    And within 2 minutes pod "busybox" is Running
    And 10 seconds pass
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f httpd-svc.yml"
    And I run "kubectl exec busybox -- env"
    Then the output contains "KUBERNETES_SERVICE_HOST=10.96.0.1"
    And the output contains "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443"
    And the output does not contain "HTTPD_SVC_SERVICE_HOST"
    When I run "kubectl delete pod busybox"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes pod "busybox" is Running
    And I remember the ClusterIP of service "httpd-svc" as "$VIP"
    And I run "kubectl exec busybox -- env"
    Then the output contains "HTTPD_SVC_SERVICE_HOST=$VIP"
    And the output contains "HTTPD_SVC_SERVICE_PORT=8080"
    And the output contains "HTTPD_SVC_PORT=tcp://$VIP:8080"
    And the output contains "HTTPD_SVC_PORT_8080_TCP_ADDR=$VIP"
    When I run "kubectl exec busybox -- sh -c 'wget -q -O - ${HTTPD_SVC_SERVICE_HOST}:${HTTPD_SVC_SERVICE_PORT}'"
    Then the output contains "<html><body><h1>It works!</h1></body></html>"
