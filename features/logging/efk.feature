Feature: Cluster logging with Elasticsearch, Fluentd and Kibana (chapter 15)
  Elasticsearch is a search engine that stores the logs and answers queries; Fluentd collects the
  logs from Kubernetes and sends them to Elasticsearch; Kibana is the web UI to browse and search
  them. The book deploys Kubernetes' fluentd-elasticsearch add-on: Elasticsearch as the
  StatefulSet elasticsearch-logging (stable Pod names elasticsearch-logging-0, -1, created in
  order) reached through the Service elasticsearch-logging on port 9200; fluentd as a DaemonSet,
  one Pod on each node it may run on, reading the node's /var/log and
  /var/lib/docker/containers; Kibana as a Deployment behind the Service kibana-logging.

  Dated: the add-on was removed from the kubernetes repository (its manifests here are the
  Kubernetes 1.13 ones, applied unchanged). Its fluentd DaemonSet has no tolerations, so on a
  current kubeadm cluster, whose control-plane node carries the NoSchedule taint
  node-role.kubernetes.io/control-plane, fluentd runs on the workers only.

  Background:
    Given a cluster with 3 nodes
    And the example file "logging/es-statefulset.yaml"
    And the example file "logging/es-service.yaml"
    And the example file "logging/fluentd-es-configmap.yaml"
    And the example file "logging/fluentd-es-ds.yaml"
    And the example file "logging/kibana-deployment.yaml"
    And the example file "logging/kibana-service.yaml"

  @claim:log.elasticsearch-statefulset
  Scenario: Elasticsearch runs as a StatefulSet and is reached through the Service elasticsearch-logging
    When I run "kubectl apply -f es-statefulset.yaml -f es-service.yaml"
    Then the output contains "statefulset.apps/elasticsearch-logging created"
    And the output contains "service/elasticsearch-logging created"
    And within 3 minutes statefulset "kube-system/elasticsearch-logging" has 2 ready replicas
    And pod "kube-system/elasticsearch-logging-0" is Running
    And pod "kube-system/elasticsearch-logging-1" is Running
    And the endpoints of service "kube-system/elasticsearch-logging" are the ready pods of statefulset "kube-system/elasticsearch-logging" on port 9200
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: busybox
          image: busybox
          command: ["sh", "-c", "sleep 3600"]
      """
    Then within 30 seconds pod "client" is Running
    And "elasticsearch-logging.kube-system" resolves to the ClusterIP of service "kube-system/elasticsearch-logging" from namespace "default"
    And pod "client" can reach "elasticsearch-logging.kube-system:9200"

  @claim:log.elasticsearch-statefulset @claim:log.efk
  Scenario: The whole EFK stack: Elasticsearch, fluentd on every schedulable node, Kibana
    The roles the book describes, through the structure that gives them: fluentd is a DaemonSet
    reading each node's /var/log (where the container logs are), Elasticsearch a StatefulSet behind
    its Service, Kibana a Deployment pointed at that Service.
    When I run "kubectl apply -f es-statefulset.yaml -f es-service.yaml -f fluentd-es-configmap.yaml -f fluentd-es-ds.yaml -f kibana-deployment.yaml -f kibana-service.yaml"
    Then the output contains "configmap/fluentd-es-config-v0.1.4 created"
    And the output contains "daemonset.apps/fluentd-es-v2.2.0 created"
    And the output contains "deployment.apps/kibana-logging created"
    And the output contains "service/kibana-logging created"
    And within 3 minutes statefulset "kube-system/elasticsearch-logging" has 2 ready replicas
    And within 1 minute daemonset "kube-system/fluentd-es-v2.2.0" has one pod on each of nodes "k8s-node1, k8s-node2"
    And no pod of daemonset "kube-system/fluentd-es-v2.2.0" runs on node "k8s-master"
    And every pod of daemonset "kube-system/fluentd-es-v2.2.0" has "spec.volumes[0].hostPath.path" equal to "/var/log"
    And within 1 minute deployment "kube-system/kibana-logging" has 1 available replica
    And every pod of deployment "kube-system/kibana-logging" has "spec.containers[0].env[0].value" equal to "http://elasticsearch-logging:9200"
    And within 1 minute service "kube-system/kibana-logging" has 1 ready endpoint
