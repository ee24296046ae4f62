Feature: kubectl get -o go-template prints objects through Go's text/template
  kubectl's GoTemplatePrinter (k8s.io/cli-runtime/pkg/printers/template.go) runs Go's text/template
  over the object's JSON, with the functions exists and base64decode besides Go's builtins. Several
  objects are printed once, as a List; a missing key prints <no value> unless
  --allow-missing-template-keys=false; a template that does not parse is refused before anything is read.

  Background:
    Given a cluster with 2 nodes
    And the file "pods.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: alpha
        labels: {app: web, tier: front}
      spec:
        containers:
        - name: web
          image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: beta
      spec:
        containers:
        - name: web
          image: nginx
        - name: sidecar
          image: busybox
      """
    And I run "kubectl apply -f pods.yml"

  @claim:secret.base64
  Scenario: base64decode prints a Secret's value as the plain text it encodes
    Given the example file "mysecret.yml"
    When I run "kubectl apply -f mysecret.yml"
    And I run "kubectl get secret mysecret -o go-template='{{.data.username | base64decode}}'"
    Then the output is:
      """
      admin
      """
    When I run "kubectl get secret mysecret -o go-template='{{range $k, $v := .data}}{{$k}}={{base64decode $v}}{{\"\n\"}}{{end}}'"
    Then the output is:
      """
      password=123456
      username=admin

      """

  Scenario: several objects are one List: range .items prints each; a map ranges in key order
    When I run "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{\"\n\"}}{{end}}'"
    Then the output is:
      """
      alpha
      beta

      """
    When I run "kubectl get pods -o template='{{.kind}} {{len .items}}{{\"\n\"}}{{range .items}}{{.metadata.name}}: {{range $i, $c := .spec.containers}}{{if $i}}, {{end}}{{$c.name}}{{end}}; {{.metadata.labels}}{{\"\n\"}}{{end}}'"
    Then the output is:
      """
      List 2
      alpha: web; map[app:web tier:front]
      beta: web, sidecar; <no value>

      """

  Scenario: one object is the object itself; --template alone means -o go-template; exists tests a key
    When I run "kubectl get pod alpha --template='{{.kind}}/{{.metadata.name}} {{exists .metadata \"labels\"}} {{if exists .metadata \"ownerReferences\"}}owned{{else}}bare{{end}}'"
    Then the output is:
      """
      Pod/alpha true bare
      """

  Scenario: a missing key prints <no value>, or fails with --allow-missing-template-keys=false
    When I run "kubectl get pod beta -o go-template='{{.metadata.labels.app}}'"
    Then the output is:
      """
      <no value>
      """
    When I run "kubectl get pod beta -o go-template='{{.metadata.labels}}' --allow-missing-template-keys=false"
    Then the command fails with "error: error executing template \"{{.metadata.labels}}\": template: output:1:11: executing \"output\" at <.metadata.labels>: map has no entry for key \"labels\""

  Scenario: a template that does not parse is refused with Go's parse error
    When I run "kubectl get pods -o go-template='{{.metadata.name}'"
    Then the command fails with "error: error parsing template {{.metadata.name}, template: output:1: unexpected \"}\" in operand"
    When I run "kubectl get pods -o go-template"
    Then the command fails with "error: template format specified but no template given"
    When I run "kubectl get pods -o go-template-file=missing.tmpl"
    Then the command fails with "error: error reading --template missing.tmpl, open missing.tmpl: no such file or directory"

  Scenario: -o go-template-file reads the template from a file
    Given the file "names.tmpl":
      """
      {{- range .items }}
      {{ .metadata.name }} {{ len .spec.containers -}}
      {{ end }}
      """
    When I run "kubectl get pods -o go-template-file=names.tmpl"
    Then the output is:
      """

      alpha 1
      beta 2
      """

  Scenario: kubectl config view and kubectl events print through a template too
    When I run "kubectl config view --template='{{.kind}} {{index .contexts 0 \"name\"}}'"
    Then the output is:
      """
      Config kubernetes-admin@kubernetes
      """
    When I run "kubectl events -o go-template='{{.kind}}'"
    Then the output is:
      """
      EventList
      """

  Scenario: --template gives -o jsonpath its expression as well
    When I run "kubectl get pod alpha -o jsonpath --template='{.metadata.labels.tier}'"
    Then the output is:
      """
      front
      """

  Scenario: kubectl get --watch prints each object through the template, not a List
    When I run "kubectl get pod alpha --watch -o go-template='{{.kind}} {{.metadata.name}} {{.status.phase}}{{\"\n\"}}' --request-timeout=1m"
    Then the output is:
      """
      Pod alpha Pending
      Pod alpha Running
      """
    When I run "kubectl get pod alpha --watch -o name --request-timeout=5s"
    Then the output is:
      """
      pod/alpha
      """
