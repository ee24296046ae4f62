Feature: kubectl cp copies files through tar in the container
  `kubectl cp POD:PATH LOCAL` runs `tar cf - PATH` in the container and unpacks the archive
  locally; `kubectl cp LOCAL POD:PATH` packs the local file and runs `tar -xmf - -C DIR` in the
  container (cmd/cp/cp.go). So the container's image must have tar, tar's own messages are what
  the user sees (GNU tar in nginx, busybox's in busybox), and what tar writes to its stderr while
  copying from a Pod comes out on kubectl's stdout.

  Background:
    Given a cluster with 2 nodes
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: web
          image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: box
      spec:
        containers:
        - name: box
          image: busybox
          command: ["sleep", "3600"]
      """
    And 30 seconds pass

  Scenario: A file copied out of a Pod and into another; tar warns about the absolute path
    When I run "kubectl cp web:/etc/nginx/nginx.conf ./nginx.conf"
    Then the command succeeds
    And the output is:
      """
      tar: Removing leading `/' from member names
      """
    And the file "nginx.conf" contains:
      """
      worker_processes  auto;
      """
    When I run "kubectl cp nginx.conf box:/tmp"
    Then the command succeeds
    When I run "kubectl exec box -- cat /tmp/nginx.conf"
    Then the output contains "worker_processes  auto;"

  Scenario: A missing file in the Pod: tar's errors, and kubectl still exits 0
    # kubernetes/kubectl#980: the archive's end is read before the exec's failure is checked.
    When I run "kubectl cp web:/tmp/no-such-file ./out"
    Then the command succeeds
    And the output is:
      """
      tar: Removing leading `/' from member names
      tar: /tmp/no-such-file: Cannot stat: No such file or directory
      tar: Exiting with failure status due to previous errors
      """
    When I run "kubectl cp box:/tmp/no-such-file ./out"
    Then the output is:
      """
      tar: /tmp/no-such-file: No such file or directory
      tar: error exit delayed from previous errors
      """

  Scenario: Copying into a directory that does not exist in the container fails in tar
    Given the file "app.conf":
      """
      listen 8080;
      """
    When I run "kubectl cp app.conf web:/no/dir/app.conf"
    Then the command exits with code 2
    And the error output contains "tar: /no/dir: Cannot open: No such file or directory"
    And the error output contains "command terminated with exit code 2"
    When I run "kubectl cp missing.conf web:/tmp"
    Then the command fails with "error: missing.conf doesn't exist in local filesystem"

  Scenario: A Pod name and a local directory where kubectl expects a file
    When I run "kubectl cp web:/etc/nginx/nginx.conf ."
    Then the command fails with "error: open .: is a directory"
    When I run "kubectl cp nope:/etc/hosts hosts"
    Then the command fails with "Error from server (NotFound): pods \"nope\" not found"
    When I run "kubectl cp web:/etc/hosts box:/tmp"
    Then the command fails with "error: one of src or dest must be a local file specification"

  Scenario: An image without tar cannot be copied from
    When I run "kubectl cp kube-system/etcd-k8s-master:/etc/hosts hosts"
    Then the command exits with code 126
    And the output contains "exec: \"tar\": executable file not found in"
