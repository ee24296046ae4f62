Feature: kubectl logs shows what the container's process wrote, as the real images write it
  A container's log is its process's stdout and stderr, kept by the kubelet. The official nginx
  image's entrypoint reports the configuration scripts it runs, nginx logs its start at notice
  level and every request it answers in its access log; httpd warns that it has no ServerName
  (naming the Pod IP it found) and logs requests in the common log format. A request from another
  Pod shows that Pod's IP; the kubelet's httpGet probes come from the node as kube-probe.

  Background:
    Given a cluster with 2 nodes
    And I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: busybox
          image: busybox
          command: ["sh", "-c", "sleep 36000"]
      """
    And within 1 minute pod "client" is Running

  Scenario: An nginx Pod logs its start-up, then one access line per request
    When I run "kubectl run web --image=nginx:1.27"
    Then within 1 minute pod "web" is Running
    When I run "kubectl logs web"
    Then the output has a line matching "^/docker-entrypoint\.sh: Configuration complete; ready for start up$"
    And the output has a line matching "^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: nginx/1\.27\.5$"
    And the output has a line matching "^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process \d+$"
    And the output does not contain "GET /"
    When I remember the IP of pod "web" as "$WEB"
    And I remember the IP of pod "client" as "$CLIENT"
    And I run "kubectl exec client -- wget -q -O - http://$WEB/"
    Then the output contains "Welcome to nginx!"
    When I run "kubectl logs web --tail=1"
    Then the output has a line matching "^$CLIENT - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d \+0000\] "
    And the output contains:
      """
      "GET / HTTP/1.1" 200 615 "-" "Wget" "-"
      """

  Scenario: An httpd Pod warns about its ServerName with its Pod IP and logs requests in the common format
    When I run "kubectl run web --image=httpd"
    Then within 1 minute pod "web" is Running
    When I remember the IP of pod "web" as "$WEB"
    And I remember the IP of pod "client" as "$CLIENT"
    And I run "kubectl logs web"
    Then the output has a line matching "^AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using $WEB\. Set the 'ServerName' directive globally to suppress this message$"
    And the output has a line matching "^\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00489: Apache/2\.4\.\d+ \(Unix\) configured -- resuming normal operations$"
    And the output has a line matching "^\[.*\] \[core:notice\] \[pid 1:tid \d+\] AH00094: Command line: 'httpd -D FOREGROUND'$"
    When I run "kubectl exec client -- wget -q -O - http://$WEB/nothing-here"
    Then the command fails with "wget: server returned error: HTTP/1.1 404 Not Found"
    When I run "kubectl logs web --tail=1"
    Then the output has a line matching "^$CLIENT - - \[.*\] "
    And the output contains:
      """
      "GET /nothing-here HTTP/1.1" 404 196
      """

  Scenario: The kubelet's httpGet probes appear in nginx's access log, from the node's bridge address
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: probed
      spec:
        containers:
        - name: nginx
          image: nginx
          readinessProbe:
            httpGet: {path: /, port: 80}
            periodSeconds: 5
      """
    Then within 1 minute pod "probed" is Running
    When 20 seconds pass
    And I run "kubectl logs probed --tail=2"
    Then the output has a line matching "^10\.244\.\d+\.1 - - \[.*\] "
    And the output contains:
      """
      "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.34" "-"
      """

  Scenario: kubectl logs -f follows a container as it writes, and returns once it has exited
    The kubelet sends the lines there are, then each line as the container writes it, and ends the
    stream once the container is no longer running (ReadLogs with follow); virtual time passes
    while kubectl follows. A container still being created has no log yet: the kubelet refuses at
    once (validateContainerLogStatus), and kubectl logs -f does not wait for it.
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: counter
      spec:
        restartPolicy: Never
        containers:
        - name: count
          image: busybox
          command: ["sh", "-c", "echo one; sleep 5; echo two; sleep 5; echo three"]
      """
    And I run "kubectl logs -f counter"
    Then the command fails with:
      """
      Error from server (BadRequest): container "count" in pod "counter" is waiting to start: ContainerCreating
      """
    And within 1 minute pod "counter" is Running
    When I run "kubectl logs -f counter"
    Then the output is:
      """
      one
      two
      three
      """
    And pod "counter" is Succeeded
