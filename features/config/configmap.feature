Feature: ConfigMaps hold configuration in plain text (chapter 10.4)
  A ConfigMap is created and used like a Secret - four ways to create it, read as volume files or
  environment variables - but its values are stored as plain text.

  Background:
    Given a cluster with 3 nodes

  @claim:configmap.like-secret @claim:config.creation-methods
  Scenario: A ConfigMap from --from-literal stores the values as they are
    When I run "kubectl create configmap myconfigmap --from-literal=config1=xxx --from-literal=config2=yyy"
    Then the output contains "configmap/myconfigmap created"
    When I run "kubectl get configmap myconfigmap -o jsonpath={.data.config1}"
    Then the output is:
      """
      xxx
      """
    When I run "kubectl get cm"
    Then the output table contains rows:
      | NAME        | DATA | AGE  |
      | myconfigmap | 2    | \d+s |

  @claim:configmap.like-secret @claim:config.creation-methods
  Scenario: A ConfigMap from --from-file and --from-env-file
    Given the file "config1":
      """
      xxx
      """
    And the file "env.txt":
      """
      config1=xxx
      config2=yyy
      """
    When I run "kubectl create configmap fromfile --from-file=./config1"
    Then the output contains "configmap/fromfile created"
    When I run "kubectl create configmap fromenv --from-env-file=env.txt"
    Then the output contains "configmap/fromenv created"
    When I run "kubectl get configmap fromenv -o jsonpath={.data.config2}"
    Then the output is:
      """
      yyy
      """

  @claim:configmap.like-secret
  Scenario: The book's ConfigMap, read as files of a volume
    Given the example file "myconfigmap.yml"
    And the example file "mypod-configmap.yml"
    And I run "kubectl apply -f myconfigmap.yml"
    When I run "kubectl apply -f mypod-configmap.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- cat /etc/foo/config1"
    Then the output is:
      """
      xxx
      """
    And pod "mypod" has "spec.volumes[0].configMap.defaultMode" equal to "420"

  @claim:configmap.like-secret
  Scenario: The book's ConfigMap, read as environment variables
    Given the example file "myconfigmap.yml"
    And the example file "mypod-configmap-env.yml"
    And I run "kubectl apply -f myconfigmap.yml"
    When I run "kubectl apply -f mypod-configmap-env.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- printenv CONFIG_1 CONFIG_2"
    Then the output is:
      """
      xxx
      yyy
      """

  Scenario: kubectl set env --from=configmap makes each key a variable, and the Deployment rolls out
    Given I run "kubectl create configmap app-config --from-literal=log.level=debug --from-literal=greeting=hello"
    And I run "kubectl create deployment web --image=nginx:1.27 --replicas=2"
    And the rollout of deployment "web" completes within 1 minute
    When I run "kubectl set env deployment/web --from=configmap/app-config --prefix=APP_"
    Then the output is:
      """
      deployment.apps/web env updated
      """
    And the rollout of deployment "web" completes within 1 minute
    And deployment "web" owns 2 replicasets
    And every pod of deployment "web" has "spec.containers[0].env[1].valueFrom.configMapKeyRef.key" equal to "log.level"
    When I run "kubectl set env deployment/web --list"
    Then the output is:
      """
      # Deployment web, container nginx
      # APP_GREETING from configmap app-config, key greeting
      # APP_LOG_LEVEL from configmap app-config, key log.level
      """
    When I run "kubectl exec deploy/web -- printenv APP_LOG_LEVEL"
    Then the output is:
      """
      debug
      """
    When I run "kubectl set env deployment/web GREETING=hi APP_GREETING-"
    And I run "kubectl set env deployment/web --list --resolve"
    Then the output is:
      """
      # Deployment web, container nginx
      APP_LOG_LEVEL=debug
      GREETING=hi
      """

  @claim:configmap.multiline
  Scenario: A multi-line logging.conf written with | becomes one file with all its lines
    Given the example file "myconfigmap-logging.yml"
    And the example file "mypod-logging.yml"
    And I run "kubectl apply -f myconfigmap-logging.yml"
    When I run "kubectl apply -f mypod-logging.yml"
    Then within 1 minute pod "mypod" is Running
    When I run "kubectl exec mypod -- cat /etc/myapp/logging.conf"
    Then the output is:
      """
      class: logging.handlers.RotatingFileHandler
      formatter: precise
      level: INFO
      filename: %hostname-%timestamp%.log
      """
    When I run "kubectl describe configmap myconfigmap"
    Then the output contains:
      """
      logging.conf:
      ----
      class: logging.handlers.RotatingFileHandler
      """

  @claim:configmap.like-secret @claim:config.creation-methods
  Scenario: Only the volume follows an update of the ConfigMap; the environment keeps its first value
    Both Pods started together; at the kubelet's next sync of the first (60 to 90 seconds later) its
    file changes, while the variable of the second stays as it was when its container started.
    Given the example file "myconfigmap.yml"
    And the example file "mypod-configmap.yml"
    And the file "mypod-env.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: mypod-env
      spec:
        containers:
        - name: mypod
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
          envFrom:
          - configMapRef:
              name: myconfigmap
      """
    And I run "kubectl apply -f myconfigmap.yml"
    When I run "kubectl apply -f mypod-configmap.yml -f mypod-env.yml"
    Then within 1 minute pod "mypod" is Running
    And pod "mypod-env" is Running
    When I apply:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: myconfigmap
      data:
        config1: zzz
        config2: yyy
      """
    And 59 seconds pass
    And I run "kubectl exec mypod -- cat /etc/foo/config1"
    Then the output is:
      """
      xxx
      """
    When 31 seconds pass
    And I run "kubectl exec mypod -- cat /etc/foo/config1"
    Then the output is:
      """
      zzz
      """
    When I run "kubectl exec mypod-env -- printenv config1"
    Then the output is:
      """
      xxx
      """
    # describe names the source of the variables (describeContainerEnvFrom), not their values.
    When I run "kubectl describe pod mypod-env"
    Then the output contains:
      """
          Environment Variables from:
            myconfigmap  ConfigMap  Optional: false
          Environment:   <none>
      """

  @claim:configmap.like-secret
  Scenario: A missing ConfigMap or key stops the container as a missing Secret does
    Given the example file "mypod-configmap-env.yml"
    And the example file "myconfigmap.yml"
    When I run "kubectl apply -f mypod-configmap-env.yml"
    And 20 seconds pass
    Then pod "mypod" has "status.containerStatuses[0].state.waiting.reason" equal to "CreateContainerConfigError"
    And there is an event "Failed" for pod "mypod" with message matching "^Error: configmap \"myconfigmap\" not found$"
    When I run "kubectl create configmap myconfigmap --from-literal=config2=yyy"
    And 20 seconds pass
    Then pod "mypod" has "status.containerStatuses[0].state.waiting.message" equal to "couldn't find key config1 in ConfigMap default/myconfigmap"
    When I run "kubectl delete configmap myconfigmap"
    And I run "kubectl apply -f myconfigmap.yml"
    Then within 15 seconds pod "mypod" is Running

  @claim:configmap.like-secret
  Scenario: A volume item naming a key the ConfigMap lacks fails to mount
    Given the example file "myconfigmap.yml"
    And the file "mypod-items.yml":
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
            mountPath: /etc/foo
        volumes:
        - name: foo
          configMap:
            name: myconfigmap
            items:
            - key: config3
              path: config3
      """
    And I run "kubectl apply -f myconfigmap.yml"
    When I run "kubectl apply -f mypod-items.yml"
    And 1 minute passes
    Then pod "mypod" has "status.containerStatuses[0].state.waiting.reason" equal to "ContainerCreating"
    And there is an event "FailedMount" for pod "mypod" with message matching "^MountVolume.SetUp failed for volume \"foo\" : configmap references non-existent config key: config3$"
