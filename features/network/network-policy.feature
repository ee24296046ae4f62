Feature: NetworkPolicy (chapter 12.3)
  A NetworkPolicy selects Pods by label and lists who may talk to them. A Pod that some policy
  selects for a direction accepts only what the union of those policies allows; a Pod no policy
  selects accepts everything. The network plugin enforces the policies: Calico and Canal do;
  Flannel accepts the objects and enforces nothing. A blocked connection is dropped, so the
  client times out. NodePort traffic (externalTrafficPolicy Cluster) reaches the Pods from the
  node's address, because kube-proxy masquerades it.

  Background:
    Given the example file "httpd.yml"
    And the example file "httpd-svc-nodeport.yml"
    And the example file "busybox.yml"
    And the example file "access-httpd-policy.yml"
    And the example file "access-httpd-policy-ipblock.yml"

  @claim:netpol.selects-pods @claim:netpol.only-allowed @claim:netpol.plugin-support
  Scenario: The book's access-httpd policy with canal: only Pods labelled access=true reach httpd
    Given a cluster with 3 nodes using canal
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f httpd-svc-nodeport.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes deployment "httpd" has 3 ready replicas
    And within 1 minute pod "busybox" is Running
    And pod "busybox" can reach "httpd-svc:8080"
    When I run "kubectl apply -f access-httpd-policy.yml"
    Then the output contains "networkpolicy.networking.k8s.io/access-httpd created"
    When I run "kubectl get networkpolicy"
    Then the output table matches:
      | NAME         | POD-SELECTOR | AGE |
      | access-httpd | run=httpd    | .*  |
    And a connection from pod "busybox" to "httpd-svc:8080" times out
    When I run "kubectl exec busybox -- wget -q -O - httpd-svc:8080"
    Then the command fails with "wget: download timed out"
    # The book starts a second busybox with --labels="access=true" and checks with wget --spider.
    When I run "kubectl run test --rm -ti --labels=\"access=true\" --image=busybox /bin/sh" and type:
      """
      wget --spider --timeout=1 httpd-svc:8080
      exit
      """
    Then the error output contains "Connecting to httpd-svc:8080"
    And the error output contains "remote file exists"
    When I run "kubectl label pod busybox access=true"
    Then pod "busybox" can reach "httpd-svc:8080"
    And from outside the cluster "192.168.56.101:30000" does not answer

  @claim:netpol.selects-pods
  Scenario: The second version admits the hosts' network 192.168.56.0/24, so the NodePort answers again
    Given a cluster with 3 nodes using canal
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f httpd-svc-nodeport.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes deployment "httpd" has 3 ready replicas
    And within 1 minute pod "busybox" is Running
    When I run "kubectl apply -f access-httpd-policy.yml"
    Then from outside the cluster "192.168.56.101:30000" does not answer
    When I run "kubectl apply -f access-httpd-policy-ipblock.yml"
    Then the output contains "networkpolicy.networking.k8s.io/access-httpd configured"
    And from outside the cluster port 30000 answers on every node
    # busybox (10.244.x.x, not labelled) is still kept out.
    And a connection from pod "busybox" to "httpd-svc:8080" times out

  @claim:netpol.plugin-support
  Scenario: With flannel the policy is accepted but not enforced
    Given a cluster with 3 nodes using flannel
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f httpd-svc-nodeport.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes deployment "httpd" has 3 ready replicas
    And within 1 minute pod "busybox" is Running
    When I run "kubectl apply -f access-httpd-policy.yml"
    Then the output contains "networkpolicy.networking.k8s.io/access-httpd created"
    And pod "busybox" can reach "httpd-svc:8080"
    And from outside the cluster "192.168.56.101:30000" answers

  @claim:netpol.only-allowed @claim:netpol.selects-pods
  Scenario: The reachability matrix of a namespace with a default-deny and an allow policy (calico)
    Given a cluster with 3 nodes using calico
    And I apply:
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: other
        labels:
          team: other
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: a, labels: {app: a}}
      spec: {containers: [{name: c, image: httpd}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: b, labels: {app: b}}
      spec: {containers: [{name: c, image: httpd}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: c, labels: {app: c}}
      spec: {containers: [{name: c, image: httpd}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: x, namespace: other, labels: {app: x}}
      spec: {containers: [{name: c, image: httpd}]}
      ---
      # Labelled like b, but in another namespace: a podSelector alone means the policy's namespace.
      apiVersion: v1
      kind: Namespace
      metadata:
        name: third
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: "y", namespace: third, labels: {app: b}}
      spec: {containers: [{name: c, image: httpd}]}
      ---
      # Nothing may reach the Pods of default...
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny}
      spec:
        podSelector: {}
      ---
      # ...but a, from b and from any Pod of namespace other.
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: allow-a}
      spec:
        podSelector: {matchLabels: {app: a}}
        ingress:
        - from:
          - podSelector: {matchLabels: {app: b}}
          - namespaceSelector: {matchLabels: {team: other}}
          ports:
          - port: 80
      """
    And within 1 minute pod "a" is Running
    And within 1 minute pod "other/x" is Running
    And within 1 minute pod "third/y" is Running
    Then the reachability on port 80 is:
      |         | a | b | c | other/x | third/y |
      | a       | X | X | X | .       | .       |
      | b       | . | X | X | .       | .       |
      | c       | X | X | X | .       | .       |
      | other/x | . | X | X | .       | .       |
      | third/y | X | X | X | .       | .       |
    And the reachability on port 8080 is:
      |         | a | b | other/x |
      | b       | X | X | .       |
      | other/x | X | X | .       |
    And pod "b" can reach pod "a" on port 80
    When I remember the IP of pod "a" as "$A_IP"
    Then a connection from pod "c" to "$A_IP:80" times out
    And a connection from pod "other/x" to "$A_IP:80" is answered

  @claim:netpol.egress
  Scenario: An egress policy also blocks DNS unless port 53 is allowed
    Given a cluster with 3 nodes using calico
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f httpd-svc-nodeport.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes deployment "httpd" has 3 ready replicas
    And within 1 minute pod "busybox" is Running
    When I apply:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: busybox-egress
      spec:
        podSelector:
          matchLabels:
            run: busybox
        policyTypes: [Egress]
        egress:
        - to:
          - podSelector:
              matchLabels:
                run: httpd
          ports:
          - port: 80
      """
    Then "httpd-svc" does not resolve from pod "busybox"
    And a connection from pod "busybox" to "httpd-svc:8080" does not resolve
    When I remember the ClusterIP of service "httpd-svc" as "$VIP"
    Then pod "busybox" can reach "$VIP:8080"
    When I apply:
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: busybox-dns
      spec:
        podSelector:
          matchLabels:
            run: busybox
        policyTypes: [Egress]
        egress:
        - to:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: kube-system
            podSelector:
              matchLabels:
                k8s-app: kube-dns
          ports:
          - protocol: UDP
            port: 53
          - protocol: TCP
            port: 53
      """
    Then "httpd-svc" resolves to the ClusterIP of service "httpd-svc" from pod "busybox"
    And pod "busybox" can reach "httpd-svc:8080"
    And a connection from pod "busybox" to "kubernetes.default:443" times out

  @claim:netpol.selects-pods
  Scenario: kubectl describe networkpolicy shows who may connect
    Given a cluster with 3 nodes using calico
    When I run "kubectl apply -f access-httpd-policy-ipblock.yml"
    And I run "kubectl describe networkpolicy access-httpd"
    Then the output contains:
      """
      Spec:
        PodSelector:     run=httpd
        Allowing ingress traffic:
          To Port: 80/TCP
          From:
            PodSelector: access=true
          From:
            IPBlock:
              CIDR: 192.168.56.0/24
              Except: 
        Not affecting egress traffic
        Policy Types: Ingress
      """
