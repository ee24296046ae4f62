Feature: Bad input gets one clear message and changes nothing
  Every kind of bad manifest or command line is refused the way the API server and kubectl
  refuse it - naming the file, line or field - and the cluster is left as it was.

  Background:
    Given a cluster with 3 nodes

  Scenario: Malformed YAML names the file and the line
    Given the file "broken.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
       labels: {app: web}
      """
    When I run "kubectl apply -f broken.yml"
    Then the command fails with "error: error parsing broken.yml: error converting YAML to JSON: yaml: line 5"
    And the cluster is unchanged

  Scenario: kubectl reads YAML 1.1: an unquoted yes is a boolean, refused where a string belongs
    kubectl decodes manifests with sigs.k8s.io/yaml over go-yaml v2, a YAML 1.1 reader: yes, no,
    on, off, y and n are booleans, and 0400 is an octal number.
    Given the file "debug.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
      spec:
        containers:
        - name: app
          image: nginx:1.27
          env:
          - name: DEBUG
            value: yes
      """
    When I run "kubectl apply -f debug.yml"
    Then the command fails with "Error from server (BadRequest): error when creating \"debug.yml\": Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string"
    And the cluster is unchanged

  Scenario: kubectl reads YAML 1.1: a file mode written 0400 is octal
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: reader
      spec:
        containers:
        - name: app
          image: nginx:1.27
        volumes:
        - name: config
          configMap: {name: settings, optional: true, defaultMode: 0400}
      """
    Then pod "reader" has "spec.volumes[0].configMap.defaultMode" equal to "256"

  Scenario: An unknown kind is not served
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deploymnet
      metadata:
        name: web
      """
    Then the apply is rejected with:
      """
      no matches for kind "Deploymnet" in version "apps/v1"
      """
    And the cluster is unchanged

  @claim:manifest.fields
  Scenario: A manifest without a name is refused
    Given the file "nameless.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          app: web
      spec:
        containers:
        - name: web
          image: httpd
      """
    When I run "kubectl create -f nameless.yml"
    Then the command fails with:
      """
      The Pod "" is invalid: metadata.name: Required value: name or generateName is required
      """
    And the cluster is unchanged
    When I run "kubectl apply -f nameless.yml"
    Then the command fails with:
      """
      from server for: "nameless.yml": resource name may not be empty
      """
    And the cluster is unchanged

  @claim:manifest.fields
  Scenario: A container without an image is refused
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
      """
    Then the apply is rejected with:
      """
      The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value
      """
    And the cluster is unchanged

  @claim:manifest.fields
  Scenario: A container without a name is refused
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - image: httpd
      """
    Then the apply is rejected with:
      """
      The Pod "web" is invalid: spec.containers[0].name: Required value
      """
    And the cluster is unchanged

  Scenario: Negative replicas are refused
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: -1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: httpd
      """
    Then the apply is rejected with:
      """
      The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0
      """
    And the cluster is unchanged

  @claim:manifest.fields
  Scenario: A selector that does not match the template's labels is refused
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: api
          spec:
            containers:
            - name: web
              image: httpd
      """
    Then the apply is rejected with:
      """
      spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`
      """
    And the cluster is unchanged

  @claim:manifest.fields
  Scenario: apps/v1 requires a selector
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: httpd
      """
    Then the apply is rejected with "spec.selector: Required value"
    And the cluster is unchanged

  @claim:manifest.fields
  Scenario: A Pod template needs at least one label
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          spec:
            containers:
            - name: web
              image: httpd
      """
    Then the apply is rejected with "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`"
    And the cluster is unchanged

  Scenario Outline: Names must be valid DNS-1123 names
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: <name>
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: httpd
      """
    Then the apply is rejected with:
      """
      The Deployment "<name>" is invalid: metadata.name: Invalid value: "<name>": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character
      """
    And the cluster is unchanged

    Examples:
      | name             |
      | Nginx_Deployment |
      | web-             |
      | web..example     |

  Scenario: A container name must be a DNS-1123 label
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: Web_Server
          image: httpd
      """
    Then the apply is rejected with:
      """
      spec.containers[0].name: Invalid value: "Web_Server": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character
      """
    And the cluster is unchanged

  Scenario: Creating the same object twice is refused the second time
    Given the example file "nginx.yml"
    And I run "kubectl create -f nginx.yml"
    When I run "kubectl create -f nginx.yml"
    Then the command fails with:
      """
      Error from server (AlreadyExists): error when creating "nginx.yml": deployments.apps "nginx-deployment" already exists
      """
    And the cluster is unchanged

  Scenario Outline: A Deployment's Pods must restart Always
    When I apply:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            restartPolicy: <policy>
            containers:
            - name: web
              image: httpd
      """
    Then the apply is rejected with:
      """
      The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "<policy>": supported values: "Always"
      """
    And the cluster is unchanged

    Examples:
      | policy    |
      | Never     |
      | OnFailure |

  Scenario: A kubectl flag that does not exist
    When I run "kubectl get pods --replica=3"
    Then the command fails with:
      """
      error: unknown flag: --replica
      See 'kubectl get --help' for usage.
      """
    And the cluster is unchanged

  Scenario: A file that does not exist
    When I run "kubectl apply -f nginx.yaml"
    Then the command fails with:
      """
      error: the path "nginx.yaml" does not exist
      """
    And the cluster is unchanged
