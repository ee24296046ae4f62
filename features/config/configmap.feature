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
