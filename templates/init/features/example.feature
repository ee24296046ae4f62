# An example kubespec spec. Run it with:  npx kubespec run
# Every step used here comes with kubespec ("npx kubespec steps" lists them all); the one in
# features/steps/repository-files.steps.ts is this project's own.
Feature: The web Deployment keeps two replicas running

  Background:
    Given a cluster with 3 nodes

  Scenario: Two replicas become available and a deleted Pod is replaced
    # Inline manifest; to use a manifest of this repository instead, write
    #   Given the repository file "k8s/web.yml"
    # and then apply it with: When I run "kubectl apply -f k8s/web.yml"
    Given the file "web.yml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: httpd
              image: httpd:2.4
      """
    When I run "kubectl apply -f web.yml"
    Then within 2 minutes deployment "web" has 2 available replicas
    When I delete a pod of deployment "web"
    Then within 1 minute deployment "web" has 2 available replicas
    And the pods of deployment "web" are spread over 2 nodes
