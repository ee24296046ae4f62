Feature: Secrets hold sensitive data, base64-encoded (chapter 10.1-10.3)
  A Secret keeps passwords and keys; a Pod reads them as files of a volume or as environment
  variables. Values in `data` are base64; `stringData` takes plain text and is stored encoded in
  `data` (it is never returned). kubectl describe shows each key with its size, never its value.

  Background:
    Given a cluster with 3 nodes

  @claim:config.creation-methods @claim:secret.base64
  Scenario: A Secret from --from-literal stores each value base64-encoded
    When I run "kubectl create secret generic mysecret --from-literal=username=admin --from-literal=password=123456"
    Then the output contains "secret/mysecret created"
    When I run "kubectl get secret mysecret -o jsonpath={.data.username}"
    Then the output is:
      """
      YWRtaW4=
      """
    When I run "kubectl get secret mysecret -o jsonpath={.data.password}"
    Then the output is:
      """
      MTIzNDU2
      """
    When I run "kubectl get secrets mysecret"
    Then the output table matches:
      | NAME     | TYPE   | DATA | AGE  |
      | mysecret | Opaque | 2    | \d+s |

  @claim:config.creation-methods
  Scenario: A Secret from --from-file takes the file name as the key and the content as the value
    Given the file "username":
      """
      admin
      """
    And the file "password":
      """
      123456
      """
    When I run "kubectl create secret generic mysecret --from-file=./username --from-file=./password"
    Then the output contains "secret/mysecret created"
    When I run "kubectl get secret mysecret -o jsonpath={.data}"
    Then the output contains "username"
    And the output contains "password"

  @claim:config.creation-methods
  Scenario: A Secret from --from-env-file takes one key=value per line
    Given the file "env.txt":
      """
      username=admin
      password=123456
      """
    When I run "kubectl create secret generic mysecret --from-env-file=env.txt"
    Then the output contains "secret/mysecret created"
    When I run "kubectl get secret mysecret -o jsonpath={.data.username}"
    Then the output is:
      """
      YWRtaW4=
      """
    When I run "kubectl get secret mysecret -o jsonpath={.data.password}"
    Then the output is:
      """
      MTIzNDU2
      """

  @claim:config.creation-methods @claim:secret.base64
  Scenario: The book's mysecret.yml carries base64 values
    Given the example file "mysecret.yml"
    When I run "kubectl apply -f mysecret.yml"
    Then the output contains "secret/mysecret created"
    When I run "kubectl get secret mysecret -o jsonpath={.data.password}"
    Then the output is:
      """
      MTIzNDU2
      """
    And I run "kubectl get secret mysecret -o jsonpath={.type}"
    Then the output is:
      """
      Opaque
      """

  @claim:secret.base64
  Scenario: A plain-text value in data is rejected, without echoing it
    Given the file "bad-secret.yml":
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        username: admin
        password: MTIzNDU2
      """
    When I run "kubectl apply -f bad-secret.yml"
    Then the command fails with:
      """
      Error from server (BadRequest): error when creating "bad-secret.yml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4
      """

  @claim:secret.base64
  Scenario: stringData takes plain text, is stored encoded in data and never returned
    (kubectl create, not apply: apply would keep the whole manifest, stringData included, in the
    last-applied-configuration annotation, as real kubectl does.)
    Given the file "string-secret.yml":
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        username: cm9vdA==
      stringData:
        username: admin
        password: "123456"
      """
    When I run "kubectl create -f string-secret.yml"
    Then the output contains "secret/mysecret created"
    When I run "kubectl get secret mysecret -o jsonpath={.data.username}"
    Then the output is:
      """
      YWRtaW4=
      """
    When I run "kubectl get secret mysecret -o yaml"
    Then the output contains "password: MTIzNDU2"
    And the output does not contain "stringData"

  @claim:secret.describe-hides-values
  Scenario: kubectl describe secret shows each key's size, never its value
    Given the example file "mysecret.yml"
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl describe secret mysecret"
    Then the output contains:
      """
      Type:  Opaque

      Data
      ====
      password:  6 bytes
      username:  5 bytes
      """
    And the output does not contain "admin"
    And the output does not contain "123456"
    And the output does not contain "YWRtaW4="

  @claim:secret.consumption @claim:secret.volume-files
  Scenario: Mounted at /etc/foo, each key is a file holding the decoded value, mode 0644
    Given the example file "mysecret.yml"
    And the example file "mypod.yml"
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl apply -f mypod.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- ls /etc/foo"
    Then the output contains "username"
    And the output contains "password"
    When I run "kubectl exec mypod -- cat /etc/foo/username"
    Then the output is:
      """
      admin
      """
    When I run "kubectl exec mypod -- cat /etc/foo/password"
    Then the output is:
      """
      123456
      """
    And pod "mypod" has "spec.volumes[0].secret.defaultMode" equal to "420"

  @claim:secret.volume-files
  Scenario: items select keys and give them their own paths
    Given the example file "mysecret.yml"
    And the example file "mypod-items.yml"
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl apply -f mypod-items.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- cat /etc/foo/my-group/my-username"
    Then the output is:
      """
      admin
      """
    When I run "kubectl exec mypod -- cat /etc/foo/username"
    Then the command fails with "No such file or directory"

  @claim:secret.consumption @claim:secret.env-static
  Scenario: Environment variables from a Secret are set when the container starts
    Given the example file "mysecret.yml"
    And the example file "mypod-env.yml"
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl apply -f mypod-env.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- printenv SECRET_USERNAME SECRET_PASSWORD"
    Then the output is:
      """
      admin
      123456
      """

  @claim:secret.env-static
  Scenario: The container's environment keeps the first value after the Secret changes
    Given the example file "mysecret.yml"
    And the example file "mypod-env-loop.yml"
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl apply -f mypod-env-loop.yml"
    Then within 1 minute pod "mypod" is Running
    When I apply:
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        username: YWRtaW4=
        password: YWJjZGVm
      """
    And 2 minutes pass
    And I run "kubectl logs mypod"
    Then the output contains "password is 123456"
    And the output does not contain "abcdef"

  @claim:secret.env-static
  Scenario: kubectl exec sees the environment the container started with
    Given the example file "mysecret.yml"
    And the example file "mypod-env.yml"
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl apply -f mypod-env.yml"
    Then within 1 minute pod "mypod" is Running
    When I apply:
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        username: YWRtaW4=
        password: YWJjZGVm
      """
    And 2 minutes pass
    And I run "kubectl exec mypod -- printenv SECRET_PASSWORD"
    Then the output is:
      """
      123456
      """

  @claim:secret.volume-updates
  Scenario: Files of a mounted Secret follow its updates at the kubelet's next pod sync
    The kubelet re-syncs every Pod once a --sync-frequency (1 minute) plus up to 50% jitter and then
    re-projects its secret volumes (the Secret cache is watch-based, so it adds no delay): the files
    change 60 to 90 seconds after the container started, never earlier.
    Given the example file "mysecret.yml"
    And the example file "mypod.yml"
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl apply -f mypod.yml"
    Then within 1 minute pod "mypod" is Running
    When I apply:
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        username: YWRtaW4=
        password: YWJjZGVm
      """
    And I run "kubectl exec mypod -- cat /etc/foo/password"
    Then the output is:
      """
      123456
      """
    When 59 seconds pass
    And I run "kubectl exec mypod -- cat /etc/foo/password"
    Then the output is:
      """
      123456
      """
    When 31 seconds pass
    And I run "kubectl exec mypod -- cat /etc/foo/password"
    Then the output is:
      """
      abcdef
      """

  @claim:secret.volume-updates
  Scenario: A key mounted as a single file with subPath never follows updates
    A subPath mount is a bind mount of the file as it was when the container started (only a
    restarted container would see the new value).
    Given the example file "mysecret.yml"
    And the file "mypod-subpath.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: mypod
      spec:
        containers:
        - name: mypod
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
          volumeMounts:
          - name: foo
            mountPath: /etc/foo/password
            subPath: password
        volumes:
        - name: foo
          secret:
            secretName: mysecret
      """
    And I run "kubectl apply -f mysecret.yml"
    When I run "kubectl apply -f mypod-subpath.yml"
    Then within 1 minute pod "mypod" is Running
    When I apply:
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        username: YWRtaW4=
        password: YWJjZGVm
      """
    And 5 minutes pass
    And I run "kubectl exec mypod -- cat /etc/foo/password"
    Then the output is:
      """
      123456
      """

  @claim:secret.consumption
  Scenario: A Pod whose env names a missing Secret does not start its container until the Secret exists
    The kubelet cannot build the container's environment (makeEnvironmentVariables): the container
    waits in CreateContainerConfigError, and the pod worker tries again 10 to 15 seconds later.
    Given the example file "mysecret.yml"
    And the example file "mypod-env.yml"
    When I run "kubectl apply -f mypod-env.yml"
    And 1 minute passes
    And I run "kubectl get pods"
    Then the output table matches:
      | NAME  | READY | STATUS                     | RESTARTS | AGE   |
      | mypod | 0/1   | CreateContainerConfigError | 0        | \d+s  |
    And pod "mypod" has "status.containerStatuses[0].state.waiting.message" equal to "secret \"mysecret\" not found"
    And there is an event "Failed" for pod "mypod" with message matching "^Error: secret \"mysecret\" not found$"
    When I run "kubectl apply -f mysecret.yml"
    Then within 15 seconds pod "mypod" is Running
    When I run "kubectl exec mypod -- printenv SECRET_USERNAME"
    Then the output is:
      """
      admin
      """

  @claim:secret.consumption
  Scenario: A Secret without the key the env names gives CreateContainerConfigError too
    Given the file "partial-secret.yml":
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: mysecret
      data:
        password: MTIzNDU2
      """
    And the example file "mypod-env.yml"
    And I run "kubectl apply -f partial-secret.yml"
    When I run "kubectl apply -f mypod-env.yml"
    And 30 seconds pass
    Then pod "mypod" has "status.containerStatuses[0].state.waiting.reason" equal to "CreateContainerConfigError"
    And pod "mypod" has "status.containerStatuses[0].state.waiting.message" equal to "couldn't find key username in Secret default/mysecret"
    And there is an event "Failed" for pod "mypod" with message matching "^Error: couldn't find key username in Secret default/mysecret$"

  @claim:secret.consumption
  Scenario: An optional reference to a missing Secret does not stop the container
    Given the file "mypod-optional.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: mypod
      spec:
        containers:
        - name: mypod
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
          env:
          - name: SECRET_USERNAME
            valueFrom:
              secretKeyRef:
                name: mysecret
                key: username
                optional: true
          envFrom:
          - secretRef:
              name: othersecret
              optional: true
      """
    When I run "kubectl apply -f mypod-optional.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- sh -c 'echo ${SECRET_USERNAME-unset}'"
    Then the output is:
      """
      unset
      """

  @claim:secret.consumption
  Scenario: A Pod whose volume names a missing Secret stays ContainerCreating until the Secret exists
    MountVolume.SetUp fails and is retried with exponential back-off (0.5 s, doubling, at most 2m2s);
    the sandbox is not created, so the Pod has no IP yet. (Older kubelets also reported "Unable to
    attach or mount volumes: ... timed out waiting for the condition" every two minutes; current ones
    do not report that time-out.)
    Given the example file "mysecret.yml"
    And the example file "mypod.yml"
    When I run "kubectl apply -f mypod.yml"
    And 1 minute passes
    And I run "kubectl get pods -o wide"
    Then the output table matches:
      | NAME  | READY | STATUS            | RESTARTS | AGE  | IP     | NODE     | NOMINATED NODE | READINESS GATES |
      | mypod | 0/1   | ContainerCreating | 0        | \d+s | <none> | k8s-node\d | <none>         | <none>          |
    And there is an event "FailedMount" for pod "mypod" with message matching "^MountVolume.SetUp failed for volume \"foo\" : secret \"mysecret\" not found$"
    When I run "kubectl apply -f mysecret.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- cat /etc/foo/username"
    Then the output is:
      """
      admin
      """
