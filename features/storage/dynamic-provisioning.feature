Feature: Dynamic provisioning through a StorageClass (chapter 9.2)
  When no PV satisfies a claim, a StorageClass's provisioner creates one for it, so administrators
  need not create PVs in advance. The provisioned PV is named pvc-<claim uid>, is bound to the
  claim, and takes the class's reclaimPolicy (Delete when the class does not say). A claim that
  names no class gets the default StorageClass (annotation storageclass.kubernetes.io/is-default-class).
  The book's class uses the in-tree provisioner kubernetes.io/aws-ebs; current Kubernetes has
  removed in-tree cloud provisioners and hands such claims to the CSI driver (ebs.csi.aws.com)
  through CSI migration. The simulated cluster runs a provisioner for every class it is given.

  Background:
    Given a cluster with 3 nodes
    And the example file "storage/standard-sc.yml"
    And the example file "storage/pvc-standard.yml"

  @claim:pv.dynamic-provisioning
  Scenario: The book's StorageClass "standard": a claim gets a new PV with the class's reclaim policy
    When I run "kubectl apply -f standard-sc.yml"
    Then the output is:
      """
      storageclass.storage.k8s.io/standard created
      """
    When I run "kubectl get storageclass"
    Then the output table matches:
      | NAME     | PROVISIONER           | RECLAIMPOLICY | VOLUMEBINDINGMODE | ALLOWVOLUMEEXPANSION | AGE  |
      | standard | kubernetes.io/aws-ebs | Retain        | Immediate         | false                | \d+s |
    When I run "kubectl apply -f pvc-standard.yml"
    Then within 10 seconds claim "mypvc1" is Bound
    When I run "kubectl get pv"
    Then the output table matches:
      | NAME                                     | CAPACITY | ACCESS MODES | RECLAIM POLICY | STATUS | CLAIM          | STORAGECLASS | VOLUMEATTRIBUTESCLASS | REASON | AGE  |
      | pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} | 1Gi | RWO  | Retain         | Bound  | default/mypvc1 | standard     | <unset>               |        | \d+s |
    When I run "kubectl get pvc mypvc1 -o jsonpath={.spec.volumeName}={.metadata.uid}"
    Then the output has a line matching "^pvc-(.+)=\1$"
    When I run "kubectl get events"
    Then the output has a line matching "Normal\s+ExternalProvisioning\s+persistentvolumeclaim/mypvc1\s+Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator"
    And the output has a line matching "Normal\s+ProvisioningSucceeded\s+persistentvolumeclaim/mypvc1\s+Successfully provisioned volume pvc-"

  @claim:pv.dynamic-provisioning
  Scenario: Without a reclaimPolicy the class deletes: deleting the claim deletes the provisioned PV
    Given I apply:
      """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: fast
      provisioner: csi.example.com
      """
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        storageClassName: fast
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 2Gi}}
      """
    Then within 10 seconds claim "data" is Bound
    When I run "kubectl get pv -o jsonpath={.items[0].spec.persistentVolumeReclaimPolicy}"
    Then the output is:
      """
      Delete
      """
    When I run "kubectl delete pvc data"
    And 10 seconds pass
    And I run "kubectl get pv"
    Then the error output contains "No resources found"

  @claim:pv.dynamic-provisioning
  Scenario: A claim that names no class gets the default StorageClass and is provisioned
    Given I apply:
      """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: standard
        annotations:
          storageclass.kubernetes.io/is-default-class: "true"
      provisioner: rancher.io/local-path
      """
    When I run "kubectl get sc"
    Then the output table matches:
      | NAME               | PROVISIONER           | RECLAIMPOLICY | VOLUMEBINDINGMODE | ALLOWVOLUMEEXPANSION | AGE  |
      | standard \(default\) | rancher.io/local-path | Delete        | Immediate         | false                | \d+s |
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then within 10 seconds claim "data" is Bound
    When I run "kubectl get pvc data"
    Then the output table matches:
      | NAME | STATUS | VOLUME   | CAPACITY | ACCESS MODES | STORAGECLASS | VOLUMEATTRIBUTESCLASS | AGE  |
      | data | Bound  | pvc-.+   | 1Gi      | RWO          | standard     | <unset>               | \d+s |

  @claim:pv.dynamic-provisioning
  Scenario: WaitForFirstConsumer: the claim waits for a Pod, and is provisioned on the node the scheduler picks
    The scheduler's VolumeBinding plugin binds the Pod to a node only after its claims are bound: it
    marks the claim with volume.kubernetes.io/selected-node, the provisioner creates a PV reachable
    from that node, and then the Pod is bound there.
    Given I apply:
      """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: local
      provisioner: rancher.io/local-path
      volumeBindingMode: WaitForFirstConsumer
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        storageClassName: local
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then for 1 minute claim "data" stays Pending
    When I run "kubectl get events"
    Then the output has a line matching "Normal\s+WaitForFirstConsumer\s+persistentvolumeclaim/data\s+waiting for first consumer to be created before binding$"
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        nodeSelector: {kubernetes.io/hostname: k8s-node2}
        containers:
        - name: app
          image: busybox
          args: ["/bin/sh", "-c", "echo hi > /data/hi; sleep 30000"]
          volumeMounts:
          - {name: data, mountPath: /data}
        volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
      """
    Then within 10 seconds claim "data" is Bound
    And within 1 minute pod "app" is Running
    When I run "kubectl get pvc data -o yaml"
    Then the output has a line matching "^    volume.kubernetes.io/selected-node: k8s-node2$"
    When I run "kubectl get events"
    Then the output has no line matching "FailedMount|FailedScheduling"
    When I run "kubectl describe pv"
    Then the output contains:
      """
      Node Affinity:   
        Required Terms:  
          Term 0:        kubernetes.io/hostname in [k8s-node2]
      """

  @claim:pv.dynamic-provisioning
  Scenario: A class whose provisioner cannot provision (no-provisioner) leaves the claim Pending
    kubernetes.io/no-provisioner marks classes of pre-created local volumes: nothing is provisioned.
    Given I apply:
      """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: manual
      provisioner: kubernetes.io/no-provisioner
      """
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        storageClassName: manual
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then for 1 minute claim "data" stays Pending
    When I run "kubectl get events"
    Then the output has a line matching "Warning\s+ProvisioningFailed\s+persistentvolumeclaim/data\s+no volume plugin matched name: kubernetes.io/no-provisioner$"
