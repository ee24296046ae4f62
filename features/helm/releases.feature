Feature: Helm 3 releases: install, upgrade, rollback, history, list, uninstall
  A release is an installed instance of a chart. Helm 3 has no Tiller: the helm client renders the
  chart, creates the objects, and records each revision as a Secret
  sh.helm.release.v1.<release>.v<revision> (type helm.sh/release.v1) in the release's namespace.

  Background:
    Given a cluster with 2 nodes

  @claim:helm.release @claim:helm.summary
  Scenario: The same chart installed twice makes two releases, each with its own objects
    When I run "helm install web examples/helm/mychart"
    Then the command succeeds
    And the output contains:
      """
      NAME: web
      """
    And the output has a line matching "^LAST DEPLOYED: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$"
    And the output contains:
      """
      NAMESPACE: default
      STATUS: deployed
      REVISION: 1
      TEST SUITE: None
      NOTES:
      mychart is installed as release web (revision 1).
      Reach it in the cluster at web-mychart.default:80
      """
    When I run "helm install shop examples/helm/mychart"
    Then the command succeeds
    And deployment "web-mychart" exists
    And deployment "shop-mychart" exists
    And within 2 minutes deployment "shop-mychart" has 1 available replica
    When I run "helm list"
    Then the output has a line matching "^shop\s*\tdefault\s*\t1\s*\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC\s*\tdeployed\s*\tmychart-0.1.0\s*\t2.4.41\s*$"
    And the output has a line matching "^web\s*\tdefault\s*\t1\s*\t.*\tdeployed\s*\tmychart-0.1.0\s*\t2.4.41\s*$"
    And the output has a line matching "^NAME\s*\tNAMESPACE\tREVISION\tUPDATED\s*\tSTATUS\s*\tCHART\s*\tAPP VERSION$"

  @claim:helm.release
  Scenario: A release name is in use until the release is uninstalled
    Given I run "helm install web examples/helm/mychart"
    When I run "helm install web examples/helm/mychart"
    Then the command fails with "Error: INSTALLATION FAILED: cannot re-use a name that is still in use"

  @claim:helm.tiller
  Scenario: Helm 3 has no Tiller - releases are Secrets in the release's namespace (the book's Helm 2 is obsolete)
    When I run "helm init"
    Then the command fails with:
      """
      Error: unknown command "init" for "helm"
      Run 'helm --help' for usage.
      """
    When I run "kubectl get pods -n kube-system"
    Then the output has no line matching "tiller"
    When I run "helm install web examples/helm/mychart"
    And I run "kubectl get secrets --show-labels"
    Then the output has a line matching "^sh\.helm\.release\.v1\.web\.v1\s+helm\.sh/release\.v1\s+1\s+\S+\s+.*name=web,owner=helm,status=deployed,version=1"
    When I run "kubectl get deployment web-mychart -o yaml"
    Then the output contains "app.kubernetes.io/managed-by: Helm"
    And the output contains "meta.helm.sh/release-name: web"
    And the output contains "meta.helm.sh/release-namespace: default"

  @claim:helm.tiller
  Scenario: Helm 3 needs a release name, or --generate-name (Helm 2 made one up)
    When I run "helm install examples/helm/mychart"
    Then the command fails with "Error: INSTALLATION FAILED: must either provide a name or specify --generate-name"
    When I run "helm install examples/helm/mychart --generate-name"
    Then the command succeeds
    And the output has a line matching "^NAME: mychart-\d+$"

  @claim:helm.upgrade @claim:helm.capabilities
  Scenario: Upgrade and rollback each record a new revision; rollback restores the old manifest
    Given I run "helm install web examples/helm/mychart"
    When I run "helm upgrade web examples/helm/mychart --set replicaCount=3"
    Then the command succeeds
    And the output contains:
      """
      Release "web" has been upgraded. Happy Helming!
      NAME: web
      """
    And the output contains "REVISION: 2"
    And within 2 minutes deployment "web-mychart" has 3 available replicas
    When I run "helm get values web"
    Then the output is:
      """
      USER-SUPPLIED VALUES:
      replicaCount: 3
      """
    When I run "helm rollback web 1"
    Then the output is:
      """
      Rollback was a success! Happy Helming!
      """
    And within 2 minutes deployment "web-mychart" has 1 available replica
    When I run "helm history web"
    Then the output has a line matching "^REVISION\tUPDATED\s*\tSTATUS\s*\tCHART\s*\tAPP VERSION\tDESCRIPTION\s*$"
    And the output has a line matching "^1\s*\t\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\tsuperseded\tmychart-0.1.0\t2.4.41\s*\tInstall complete\s*$"
    And the output has a line matching "^2\s*\t.*\tsuperseded\tmychart-0.1.0\t2.4.41\s*\tUpgrade complete\s*$"
    And the output has a line matching "^3\s*\t.*\tdeployed\s*\tmychart-0.1.0\t2.4.41\s*\tRollback to 1\s*$"
    When I run "kubectl get secrets --show-labels"
    Then the output has a line matching "^sh\.helm\.release\.v1\.web\.v2\s.*status=superseded,version=2$"
    And the output has a line matching "^sh\.helm\.release\.v1\.web\.v3\s.*status=deployed,version=3$"

  @claim:helm.capabilities @claim:helm.package-manager
  Scenario: Uninstall deletes the release's objects and its records, unless --keep-history
    Given I run "helm install web examples/helm/mychart"
    And I run "helm install shop examples/helm/mychart"
    When I run "helm uninstall web"
    Then the output is:
      """
      release "web" uninstalled
      """
    And deployment "web-mychart" does not exist
    And service "web-mychart" does not exist
    When I run "helm uninstall shop --keep-history"
    And I run "kubectl get secrets --show-labels"
    Then the output has no line matching "^sh\.helm\.release\.v1\.web\."
    And the output has a line matching "^sh\.helm\.release\.v1\.shop\.v1\s.*status=uninstalled,version=1$"
    When I run "helm list"
    Then the output table has 0 rows
    When I run "helm list --uninstalled"
    Then the output has a line matching "^shop\s*\tdefault\s*\t1\s*\t.*\tuninstalled\t"
    When I run "helm history web"
    Then the command fails with "Error: release: not found"

  @claim:helm.upgrade
  Scenario: Upgrading a release that does not exist fails; --install installs it
    When I run "helm upgrade web examples/helm/mychart"
    Then the command fails with "Error: UPGRADE FAILED: \"web\" has no deployed releases"
    When I run "helm upgrade --install web examples/helm/mychart"
    Then the output contains:
      """
      Release "web" does not exist. Installing it now.
      NAME: web
      """

  @claim:helm.capabilities
  Scenario: helm test runs the chart's test hooks and records the outcome with the release
    Given I run "helm create web"
    And I run "helm install web web"
    And within 2 minutes deployment "web" has 1 available replica
    When I run "helm test web"
    Then the output contains:
      """
      REVISION: 1
      TEST SUITE:     web-test-connection
      """
    And the output contains "Phase:          Succeeded"
    When I run "kubectl scale deployment web --replicas=0"
    And 30 seconds pass
    And I run "helm test web"
    Then the command fails with:
      """
      Error: 1 error occurred:
      	* pod web-test-connection failed
      """
    When I run "helm status web"
    Then the output contains "Phase:          Failed"
