Feature: Chart dependencies in Helm 3
  Helm 3 charts (Chart.yaml apiVersion v2) list their dependencies in Chart.yaml - the book's
  requirements.yaml is Helm 2's (apiVersion v1) way. A dependency is a chart in charts/; it renders
  with the values under its name in the parent's values, plus the parent's global values, and a
  condition can switch it off.

  Background:
    Given a cluster with 2 nodes
    And the file "shop/Chart.yaml":
      """
      apiVersion: v2
      name: shop
      version: 1.0.0
      dependencies:
        - name: cache
          version: 0.1.0
          condition: cache.enabled
      """
    And the file "shop/values.yaml":
      """
      global:
        env: prod
      cache:
        enabled: true
        size: 64
      """
    And the file "shop/templates/cm.yaml":
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Name }}-shop
      data:
        env: {{ .Values.global.env }}
      """
    And the file "shop/charts/cache/Chart.yaml":
      """
      apiVersion: v2
      name: cache
      version: 0.1.0
      """
    And the file "shop/charts/cache/values.yaml":
      """
      size: 16
      port: 6379
      """
    And the file "shop/charts/cache/templates/cm.yaml":
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Name }}-{{ .Chart.Name }}
      data:
        size: {{ .Values.size | quote }}
        port: {{ .Values.port | quote }}
        env: {{ .Values.global.env }}
      """

  @claim:helm.chart @claim:helm.chart-files
  Scenario: A dependency renders with its own defaults, the parent's values for it, and globals
    When I run "helm template web shop"
    Then the output contains:
      """
      # Source: shop/charts/cache/templates/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: web-cache
      data:
        size: "64"
        port: "6379"
        env: prod
      """
    When I run "helm install web shop --set cache.enabled=false"
    Then the command succeeds
    When I run "kubectl get configmaps"
    Then the output has a line matching "^web-shop\s"
    And the output has no line matching "^web-cache\s"

  @claim:helm.chart-files
  Scenario: A dependency listed in Chart.yaml but missing from charts/ stops the install
    Given the file "lonely/Chart.yaml":
      """
      apiVersion: v2
      name: lonely
      version: 1.0.0
      dependencies:
        - name: mysql
          version: 9.4.0
          repository: https://charts.bitnami.com/bitnami
      """
    When I run "helm install web lonely"
    Then the command fails with "Error: INSTALLATION FAILED: An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: mysql"
