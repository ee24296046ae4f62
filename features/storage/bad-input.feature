Feature: Bad PersistentVolume, PersistentVolumeClaim and StorageClass input gets the API server's message
  Nothing is stored when a manifest is invalid; the messages are pkg/apis/core/validation's and
  pkg/apis/storage/validation's own.

  Background:
    Given a cluster with 3 nodes

  @claim:pv.pvc-roles
  Scenario: A PV needs access modes, a storage capacity and exactly one volume source
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: code-pv
      spec:
        storageClassName: nfs
      """
    Then the apply is rejected with:
      """
      The PersistentVolume "code-pv" is invalid: 
      * spec.accessModes: Required value
      * spec.capacity: Required value
      * spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"
      * spec: Required value: must specify a volume type
      """
    And the cluster is unchanged

  @claim:pv.reclaim-policies
  Scenario: A reclaim policy other than Retain, Recycle or Delete is refused
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: mypv1}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        persistentVolumeReclaimPolicy: Wipe
        nfs: {server: 192.168.56.105, path: /nfsdata/pv1}
      """
    Then the apply is rejected with "spec.persistentVolumeReclaimPolicy: Unsupported value: \"Wipe\": supported values: \"Delete\", \"Recycle\", \"Retain\""
    And the cluster is unchanged

  @claim:pv.pvc-roles
  Scenario: A claim must ask for at least one access mode and for a storage size
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: mypvc1}
      spec:
        storageClassName: nfs
      """
    Then the apply is rejected with:
      """
      The PersistentVolumeClaim "mypvc1" is invalid: 
      * spec.accessModes: Required value: at least 1 access mode is required
      * spec.resources[storage]: Required value
      """
    And the cluster is unchanged

  @claim:pv.access-modes
  Scenario: An access mode Kubernetes does not know is refused with the list of those it does
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: mypvc1}
      spec:
        accessModes: [ReadWrite]
        resources: {requests: {storage: 1Gi}}
      """
    Then the apply is rejected with "spec.accessModes: Unsupported value: \"ReadWrite\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""
    And the cluster is unchanged

  Scenario: A misspelt field is an unknown field under strict decoding
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: mypv1}
      spec:
        capacity: {storage: 1Gi}
        acessModes: [ReadWriteOnce]
        nfs: {server: 192.168.56.105, path: /nfsdata/pv1}
      """
    Then the apply is rejected with "strict decoding error: unknown field \"spec.acessModes\""
    And the cluster is unchanged

  Scenario: A bound claim's spec cannot change, except to ask for more storage
    Given the example file "storage/nfs-pv1.yml"
    And the example file "storage/nfs-pvc1.yml"
    And I run "kubectl apply -f nfs-pv1.yml"
    And I run "kubectl apply -f nfs-pvc1.yml"
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: mypvc1}
      spec:
        accessModes: [ReadWriteMany]
        resources: {requests: {storage: 1Gi}}
        storageClassName: nfs
      """
    Then the apply is rejected with "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
    And the cluster is unchanged

  @claim:pv.dynamic-provisioning
  Scenario: A StorageClass needs a provisioner, and its reclaimPolicy is Delete or Retain
    When I apply:
      """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: standard}
      reclaimPolicy: Recycle
      """
    Then the apply is rejected with:
      """
      The StorageClass "standard" is invalid: 
      * provisioner: Required value
      * reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"
      """
    And the cluster is unchanged

  @claim:pv.pvc-roles
  Scenario: A Pod that names a claim that does not exist is not scheduled
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: orphan}
      spec:
        containers:
        - name: app
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
          volumeMounts:
          - {name: data, mountPath: /data}
        volumes:
        - name: data
          persistentVolumeClaim: {claimName: nope}
      """
    Then for 1 minute pod "orphan" stays Pending
    And there is an event "FailedScheduling" for pod "orphan" with message matching "^0/3 nodes are available: persistentvolumeclaim \"nope\" not found\. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling\.$"
