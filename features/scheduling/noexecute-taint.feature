Feature: The taint manager evicts Pods from nodes with NoExecute taints, on its own clock
  A NoExecute taint evicts the Pods that do not tolerate it at once; a Pod that tolerates it with
  tolerationSeconds is deleted that long after the taint eviction controller first saw it under
  the taint (pkg/controller/tainteviction processPodOnNode: the work is created when the
  controller handles the node or Pod update, and a taint's timeAdded is never read). A taint that
  `kubectl taint` adds has no timeAdded (the API server sets none); the node lifecycle
  controller's own taints carry one. When the taint goes before the time is up, the deletion is
  cancelled, and the controller records that on the Pod.

  Background:
    Given a cluster with 3 nodes
    And the file "web.yml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeName: k8s-node2
        tolerations:
        - key: dedicated
          operator: Exists
          effect: NoExecute
          tolerationSeconds: 60
        containers:
        - name: web
          image: nginx
      """
    And I run "kubectl apply -f web.yml"
    And 10 minutes pass

  Scenario: A Pod tolerating a kubectl-added taint for 60 s is deleted 60 s after the taint, not at once
    When I run "kubectl taint node k8s-node2 dedicated=x:NoExecute"
    And I run "kubectl get node k8s-node2 -o jsonpath={.spec.taints[0]}"
    Then the output is:
      """
      {"effect":"NoExecute","key":"dedicated","value":"x"}
      """
    And for 59 seconds pod "web" stays Running
    And within 1 second pod "web" does not exist
    When I run "kubectl get events --field-selector reason=TaintManagerEviction"
    Then the output contains "0s          Normal   TaintManagerEviction   pod/web   Marking for deletion Pod default/web"

  Scenario: Removing the taint before the toleration runs out cancels the deletion
    When I run "kubectl taint node k8s-node2 dedicated=x:NoExecute"
    And 30 seconds pass
    And I run "kubectl taint node k8s-node2 dedicated:NoExecute-"
    Then there is an event "TaintManagerEviction" for pod "web" with message matching "^Cancelling deletion of Pod default/web$"
    And for 5 minutes pod "web" stays Running
