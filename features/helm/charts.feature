Feature: Helm 3 charts: files, values, Go templates, create, lint, dry run
  A chart is a directory: Chart.yaml (apiVersion v2 in Helm 3, which also lists dependencies there
  instead of requirements.yaml), values.yaml with the defaults, templates/ with Go templates,
  templates/_helpers.tpl for named snippets and templates/NOTES.txt for the note printed after an
  install. Values come from values.yaml, then each -f file, then --set.

  Background:
    Given a cluster with 2 nodes

  @claim:helm.chart @claim:helm.chart-files @claim:helm.go-templates
  Scenario: A chart directory renders to manifests; files starting with _ render nothing themselves
    When I run "helm template web examples/helm/mychart"
    Then the command succeeds
    And the output contains:
      """
      ---
      # Source: mychart/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: web-mychart
        labels:
          app.kubernetes.io/name: mychart
          app.kubernetes.io/instance: web
          tier: "web"
      """
    And the output contains:
      """
      ---
      # Source: mychart/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      """
    And the output contains "image: \"httpd:2.4.41\""
    And the output does not contain "_helpers.tpl"
    And the output does not contain "NOTES"

  @claim:helm.values-defaults @claim:helm.set-values
  Scenario: values.yaml gives the defaults; -f files override it in order, --set overrides them; maps merge
    When I run "helm template web examples/helm/mychart -f examples/helm/values-prod.yaml --set replicaCount=5 --set labels.team=blue"
    Then the output contains "replicas: 5"
    And the output contains "image: \"httpd:2.4.62\""
    And the output contains:
      """
          env: "prod"
          team: "blue"
          tier: "web"
      """

  @claim:helm.go-templates
  Scenario: Go template errors name the file, line and column
    Given the file "bad/Chart.yaml":
      """
      apiVersion: v2
      name: bad
      version: 1.0.0
      """
    And the file "bad/templates/cm.yaml":
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Values.db.name }}
      data:
        password: {{ required "db.password is required" .Values.db.password }}
      """
    When I run "helm install bad bad"
    Then the command fails with "Error: INSTALLATION FAILED: template: bad/templates/cm.yaml:4:18: executing \"bad/templates/cm.yaml\" at <.Values.db.name>: nil pointer evaluating interface {}.name"
    When I run "helm install bad bad --set db.name=x"
    Then the command fails with "Error: INSTALLATION FAILED: execution error at (bad/templates/cm.yaml:6:15): db.password is required"
    When I run "kubectl get configmaps"
    Then the output has no line matching "^x\s"

  @claim:helm.show-values
  Scenario: helm show values prints values.yaml (Helm 2's "inspect" survives only as an alias)
    When I run "helm show values examples/helm/mychart"
    Then the output contains:
      """
      # Default values for mychart.
      replicaCount: 1
      """
    When I run "helm inspect values examples/helm/mychart"
    Then the output contains "# Default values for mychart."

  @claim:helm.create @claim:helm.capabilities
  Scenario: helm create scaffolds Helm 3's nginx chart, which installs as it is
    When I run "helm create mychart"
    Then the output is:
      """
      Creating mychart
      """
    When I run "helm show chart mychart"
    Then the output contains "apiVersion: v2"
    And the output contains "appVersion: 1.16.0"
    When I run "helm install web mychart"
    Then the command succeeds
    And the output does not contain "TEST SUITE: None"
    And the output contains "export POD_NAME=$(kubectl get pods --namespace default -l \"app.kubernetes.io/name=mychart,app.kubernetes.io/instance=web\""
    And within 2 minutes deployment "web-mychart" has 1 available replica
    And service "web-mychart" exists
    When I run "kubectl get serviceaccount web-mychart"
    Then the command succeeds

  @claim:helm.lint-and-dry-run
  Scenario: helm lint reports problems; install --dry-run --debug renders without installing
    When I run "helm lint examples/helm/mychart"
    Then the output is:
      """
      ==> Linting examples/helm/mychart
      [INFO] Chart.yaml: icon is recommended

      1 chart(s) linted, 0 chart(s) failed
      """
    When I run "helm install web examples/helm/mychart --dry-run --debug"
    Then the output contains "STATUS: pending-install"
    And the output contains:
      """
      USER-SUPPLIED VALUES:
      {}
      """
    And the output contains "MANIFEST:"
    And the output contains "# Source: mychart/templates/deployment.yaml"
    And deployment "web-mychart" does not exist
    When I run "helm list -a"
    Then the output table has 0 rows

  @claim:helm.lint-and-dry-run
  Scenario: helm lint fails a chart whose template does not parse
    Given the file "broken/Chart.yaml":
      """
      apiVersion: v2
      name: broken
      version: 0.1.0
      """
    And the file "broken/templates/x.yaml":
      """
      kind: ConfigMap
      {{ if .Values.x }}
      """
    When I run "helm lint broken"
    Then the command fails with "Error: 1 chart(s) linted, 1 chart(s) failed"
    When I run "helm template broken"
    Then the command fails with "Error: parse error at (broken/templates/x.yaml:3): unexpected EOF"

  @claim:helm.notes
  Scenario: NOTES.txt is rendered and printed after the install, and kept with the release
    When I run "helm install web examples/helm/mychart -n kube-public"
    Then the output contains:
      """
      NOTES:
      mychart is installed as release web (revision 1).
      Reach it in the cluster at web-mychart.kube-public:80
      """
    When I run "helm get notes web -n kube-public"
    Then the output contains "Reach it in the cluster at web-mychart.kube-public:80"
    When I run "helm install web examples/helm/mychart -n shop"
    Then the command fails with "Error: INSTALLATION FAILED: create: failed to create: namespaces \"shop\" not found"
    When I run "helm install web examples/helm/mychart -n shop --create-namespace"
    Then the output contains "Reach it in the cluster at web-mychart.shop:80"

  @claim:helm.install-sources @claim:helm.repos
  Scenario: Charts install from a directory; Helm 3 starts with no repositories (stable is retired)
    When I run "helm repo list"
    Then the command fails with "Error: no repositories to show"
    When I run "helm install db stable/mysql"
    Then the command fails with "Error: INSTALLATION FAILED: repo stable not found"
    When I run "helm install db ./nowhere"
    Then the command fails with "Error: INSTALLATION FAILED: path \"./nowhere\" not found"
    When I run "helm install web ./examples/helm/mychart/"
    Then the command succeeds

  @claim:helm.install-sources @claim:helm.chart-files
  Scenario: helm package makes a versioned <name>-<version>.tgz, which installs like the directory
    When I run "helm package examples/helm/mychart"
    Then the output is:
      """
      Successfully packaged chart and saved it to: mychart-0.1.0.tgz
      """
    When I run "helm install web mychart-0.1.0.tgz"
    Then the command succeeds
    And within 2 minutes deployment "web-mychart" has 1 available replica
    When I run "helm show chart mychart-0.1.0.tgz"
    Then the output is:
      """
      apiVersion: v2
      appVersion: 2.4.41
      description: The book's chapter 11 chart, in Helm 3's format (Chart.yaml apiVersion v2)
      name: mychart
      type: application
      version: 0.1.0
      """

  @claim:helm.repo-index
  Scenario: helm repo index lists a directory's chart archives in index.yaml, with --url as their address
    Given I run "helm package examples/helm/mychart -d repo"
    When I run "helm repo index repo --url https://charts.example.com/book"
    Then the command succeeds
    And the file "repo/index.yaml" contains:
      """
      apiVersion: v1
      entries:
        mychart:
        - apiVersion: v2
          appVersion: 2.4.41
      """
    And the file "repo/index.yaml" contains:
      """
          name: mychart
          type: application
          urls:
          - https://charts.example.com/book/mychart-0.1.0.tgz
          version: 0.1.0
      generated: "20
      """
