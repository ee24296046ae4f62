Feature: Bad Service and NetworkPolicy input gets one clear message and changes nothing
  The API server's own messages: invalid ports, node ports out of range or already taken, invalid
  CIDRs in an ipBlock. A selector that matches nothing and a targetPort name no Pod declares are
  valid: the Service simply has no endpoints.

  Background:
    Given a cluster with 3 nodes
    And the example file "httpd.yml"
    And the example file "busybox.yml"
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes deployment "httpd" has 3 ready replicas
    And within 2 minutes pod "busybox" is Running

  Scenario: A port out of range
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: bad-port
      spec:
        selector:
          run: httpd
        ports:
        - port: 70000
          targetPort: 80
      """
    Then the apply is rejected with "spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive"
    And the cluster is unchanged

  Scenario: A node port out of range
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: bad-node-port
      spec:
        type: NodePort
        selector:
          run: httpd
        ports:
        - port: 8080
          targetPort: 80
          nodePort: 40000
      """
    Then the apply is rejected with "spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"
    And the cluster is unchanged

  Scenario: A node port another Service holds
    Given I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: first
      spec:
        type: NodePort
        selector:
          run: httpd
        ports:
        - port: 8080
          targetPort: 80
          nodePort: 30000
      """
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: second
      spec:
        type: NodePort
        selector:
          run: httpd
        ports:
        - port: 8080
          targetPort: 80
          nodePort: 30000
      """
    Then the apply is rejected with "The Service \"second\" is invalid: spec.ports[0].nodePort: Invalid value: 30000: provided port is already allocated"
    And the cluster is unchanged

  Scenario: A NetworkPolicy with an invalid CIDR
    When I apply:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: bad-cidr
      spec:
        podSelector: {}
        ingress:
        - from:
          - ipBlock:
              cidr: 192.168.56.0/33
      """
    Then the apply is rejected with "spec.ingress[0].from[0].ipBlock.cidr: Invalid value: \"192.168.56.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"
    And the cluster is unchanged

  Scenario: kubectl expose of something without a port
    When I run "kubectl expose pod busybox"
    Then the command fails with "error: couldn't find port via --port flag or introspection"
    When I run "kubectl expose deployment nothing-here --port=80"
    Then the command fails with "Error from server (NotFound): deployments.apps \"nothing-here\" not found"
    When I run "kubectl expose node k8s-node1 --port=80"
    Then the command fails with "error: cannot expose a Node"
    And service "busybox" does not exist

  Scenario: Two ports of one Service with the same port number
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: dup
      spec:
        selector:
          run: httpd
        ports:
        - name: a
          port: 80
        - name: b
          port: 80
      """
    Then the apply is rejected with "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"
    And the cluster is unchanged

  Scenario: A targetPort name no Pod declares is valid, but gives no endpoints
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: named
      spec:
        selector:
          run: httpd
        ports:
        - port: 8080
          targetPort: web
      """
    Then service "named" has no ready endpoints
    And a connection from pod "busybox" to "named:8080" is refused
