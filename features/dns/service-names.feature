Feature: Services have DNS names (chapter 6.3)
  Every Service gets the name <service>.<namespace>.svc.cluster.local. A Pod's resolv.conf searches
  <namespace>.svc.cluster.local, svc.cluster.local and cluster.local (ndots:5), so the bare name
  works in the Pod's own namespace and <service>.<namespace> from anywhere. The book's kube-dns is
  CoreDNS in current clusters, still behind the Service kube-system/kube-dns (10.96.0.10 with
  kubeadm's defaults). The book's busybox 1.28 nslookup output is what the scenarios check.

  Background:
    Given a cluster with 3 nodes
    And the example file "httpd.yml"
    And the example file "httpd-svc.yml"
    And the example file "busybox.yml"
    And I run "kubectl apply -f httpd.yml"
    And I run "kubectl apply -f httpd-svc.yml"
    And I run "kubectl apply -f busybox.yml"
    And within 2 minutes pod "busybox" is Running

  @claim:dns.service-records @claim:dns.same-namespace-short-name
  Scenario: nslookup httpd-svc from the busybox Pod
    When I run "kubectl exec busybox -- nslookup httpd-svc"
    Then the output has a line matching "^Server:\s+10\.96\.0\.10$"
    And the output has a line matching "^Address 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local$"
    And the output has a line matching "^Name:\s+httpd-svc$"
    And the output has a line matching "^Address 1: 10\.\d+\.\d+\.\d+ httpd-svc\.default\.svc\.cluster\.local$"
    And "httpd-svc" resolves to the ClusterIP of service "httpd-svc" from namespace "default"
    And "httpd-svc.default" resolves to the ClusterIP of service "httpd-svc" from namespace "default"
    And "httpd-svc.default.svc.cluster.local" resolves to the ClusterIP of service "httpd-svc" from namespace "default"

  @claim:dns.service-records @claim:dns.same-namespace-short-name
  Scenario: The book's way: a throw-away busybox shell reaches httpd-svc by name
    The book types into `kubectl run busybox --rm -ti --image=busybox /bin/sh`: the lines after it go
    to the container's shell until exit; then kubectl detaches and --rm deletes the Pod.
    When I run "kubectl run bb --rm -ti --image=busybox /bin/sh" and type:
      """
      wget httpd-svc:8080
      cat index.html
      exit
      """
    Then the output contains "<html><body><h1>It works!</h1></body></html>"
    And the error output contains "Connecting to httpd-svc:8080"
    And the error output contains "Session ended, resume using 'kubectl attach bb -c bb -i -t' command when the pod is running"
    And the output contains "pod \"bb\" deleted from default namespace"
    And within 1 minute pod "bb" does not exist

  @claim:dns.server-is-a-service
  Scenario: The DNS server is CoreDNS behind the Service kube-system/kube-dns
    When I run "kubectl get service kube-dns -n kube-system"
    Then the output table matches:
      | NAME     | TYPE      | CLUSTER-IP | EXTERNAL-IP | PORT(S)                  | AGE |
      | kube-dns | ClusterIP | 10.96.0.10 | <none>      | 53/UDP,53/TCP,9153/TCP   | .*  |
    And the endpoints of service "kube-system/kube-dns" are the ready pods of deployment "kube-system/coredns" on port 53
    And "kube-dns.kube-system" resolves to "10.96.0.10" from namespace "default"

  @claim:dns.other-namespace-qualified @claim:yaml.multi-document
  Scenario: A Service in another namespace needs its namespace in the name (the book's httpd2 in kube-public)
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: httpd2
        namespace: kube-public
      spec:
        replicas: 3
        selector:
          matchLabels:
            run: httpd2
        template:
          metadata:
            labels:
              run: httpd2
          spec:
            containers:
            - name: httpd2
              image: httpd
              ports:
              - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: httpd2-svc
        namespace: kube-public
      spec:
        selector:
          run: httpd2
        ports:
        - protocol: TCP
          port: 8080
          targetPort: 80
      """
    Then deployment "kube-public/httpd2" exists
    And service "kube-public/httpd2-svc" exists
    And within 2 minutes deployment "kube-public/httpd2" has 3 ready replicas
    And "httpd2-svc" does not resolve from namespace "default"
    And "httpd2-svc" resolves to the ClusterIP of service "kube-public/httpd2-svc" from namespace "kube-public"
    And "httpd2-svc.kube-public" resolves to the ClusterIP of service "kube-public/httpd2-svc" from namespace "default"
    And "httpd-svc" does not resolve from namespace "kube-public"
    And "httpd-svc.default.svc.cluster.local" resolves to the ClusterIP of service "httpd-svc" from namespace "kube-public"
    When I run "kubectl exec busybox -- wget -q -O - httpd2-svc:8080"
    Then the command fails with "wget: bad address 'httpd2-svc'"
    When I run "kubectl exec busybox -- wget -q -O - httpd2-svc.kube-public:8080"
    Then the output contains "It works!"

  Scenario: A name that does not exist does not resolve
    When I run "kubectl exec busybox -- nslookup no-such-svc"
    Then the command fails with "nslookup: can't resolve 'no-such-svc'"
    And "no-such-svc" does not resolve from namespace "default"
    And a connection from pod "busybox" to "no-such-svc:80" does not resolve

  @claim:svc.kubernetes-apiserver
  Scenario: The Service kubernetes fronts the API server at the first address of the Service range
    When I run "kubectl get service kubernetes"
    Then the output table matches:
      | NAME       | TYPE      | CLUSTER-IP | EXTERNAL-IP | PORT(S) | AGE |
      | kubernetes | ClusterIP | 10.96.0.1  | <none>      | 443/TCP | .*  |
    And service "kubernetes" has endpoints "192.168.56.100:6443"
    And "kubernetes.default" resolves to "10.96.0.1" from namespace "kube-system"
    And "kubernetes" resolves to "10.96.0.1" from namespace "default"
    And pod "busybox" can reach "kubernetes.default:443"
    And a connection from pod "busybox" to "kubernetes.default:6443" times out

  Scenario: The kubelet writes the Pod's resolv.conf (ClusterFirst)
    When I run "kubectl exec busybox -- cat /etc/resolv.conf"
    Then the output is:
      """
      search default.svc.cluster.local svc.cluster.local cluster.local
      nameserver 10.96.0.10
      options ndots:5
      """
