Feature: PersistentVolumes and PersistentVolumeClaims (chapter 9.2, 9.4)
  An administrator creates a PersistentVolume (PV), storage in an external system (here the book's
  NFS export 192.168.56.105:/nfsdata/pv1); a user asks for storage with a PersistentVolumeClaim
  (PVC) of a size and access mode, and Kubernetes binds the claim to a PV that satisfies it: the
  smallest Available PV whose capacity covers the request, whose access modes include every mode
  asked for, whose storageClassName is the claim's and whose labels match the claim's selector.
  Pods name only the claim. Deleting the claim reclaims the PV by its reclaim policy.

  Background:
    Given a cluster with 3 nodes
    And the example file "storage/nfs-pv1.yml"
    And the example file "storage/nfs-pvc1.yml"
    And the example file "storage/pod1.yml"

  @claim:pv.static-provisioning @claim:pv.pvc-roles
  Scenario: Static provisioning, as in the book: the PV first, then the claim, then a Pod that writes to it
    When I run "kubectl apply -f nfs-pv1.yml"
    Then the output is:
      """
      persistentvolume/mypv1 created
      """
    When I run "kubectl get pv"
    Then the output table matches:
      | NAME  | CAPACITY | ACCESS MODES | RECLAIM POLICY | STATUS    | CLAIM | STORAGECLASS | VOLUMEATTRIBUTESCLASS | REASON | AGE  |
      | mypv1 | 1Gi      | RWO          | Recycle        | Available |       | nfs          | <unset>               |        | \d+s |
    When I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl get pvc"
    Then the output table matches:
      | NAME   | STATUS | VOLUME | CAPACITY | ACCESS MODES | STORAGECLASS | VOLUMEATTRIBUTESCLASS | AGE  |
      | mypvc1 | Bound  | mypv1  | 1Gi      | RWO          | nfs          | <unset>               | \d+s |
    When I run "kubectl get pv"
    Then the output table matches:
      | NAME  | CAPACITY | ACCESS MODES | RECLAIM POLICY | STATUS | CLAIM          | STORAGECLASS | VOLUMEATTRIBUTESCLASS | REASON | AGE  |
      | mypv1 | 1Gi      | RWO          | Recycle        | Bound  | default/mypvc1 | nfs          | <unset>               |        | \d+s |
    When I run "kubectl get pvc mypvc1 -o jsonpath={.metadata.annotations}"
    Then the output contains "\"pv.kubernetes.io/bind-completed\":\"yes\""
    When I run "kubectl get pv mypv1 -o jsonpath={.spec.claimRef.namespace}/{.spec.claimRef.name}"
    Then the output is:
      """
      default/mypvc1
      """
    When I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl exec mypod1 -- touch /mydata/hello"
    Then NFS server "192.168.56.105" has the file "/nfsdata/pv1/hello"

  @claim:pv.static-provisioning @claim:vol.outlives-container
  Scenario: Files in a PV-backed volume outlive the Pod: a new Pod using the same claim sees them
    Given I run "kubectl apply -f nfs-pv1.yml"
    And I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl exec mypod1 -- sh -c 'echo saved > /mydata/hello'"
    And I run "kubectl delete pod mypod1"
    Then within 1 minute pod "mypod1" does not exist
    When I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl exec mypod1 -- cat /mydata/hello"
    Then the output is:
      """
      saved
      """

  @claim:pv.pvc-roles
  Scenario: The claim binds the smallest Available PV that is big enough
    Given I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-5g}
      spec:
        capacity: {storage: 5Gi}
        accessModes: [ReadWriteOnce]
        storageClassName: nfs
        nfs: {server: 192.168.56.105, path: /nfsdata/pv-5g}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-2g}
      spec:
        capacity: {storage: 2Gi}
        accessModes: [ReadWriteOnce]
        storageClassName: nfs
        nfs: {server: 192.168.56.105, path: /nfsdata/pv-2g}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-512m}
      spec:
        capacity: {storage: 512Mi}
        accessModes: [ReadWriteOnce]
        storageClassName: nfs
        nfs: {server: 192.168.56.105, path: /nfsdata/pv-512m}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-1g-other-class}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        storageClassName: slow
        nfs: {server: 192.168.56.105, path: /nfsdata/pv-slow}
      """
    When I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl get pvc mypvc1"
    Then the output table matches:
      | NAME   | STATUS | VOLUME | CAPACITY | ACCESS MODES | STORAGECLASS | VOLUMEATTRIBUTESCLASS | AGE  |
      | mypvc1 | Bound  | pv-2g  | 2Gi      | RWO          | nfs          | <unset>               | \d+s |
    And volume "pv-5g" is Available
    And volume "pv-1g-other-class" is Available

  @claim:pv.pvc-roles
  Scenario: A claim's selector picks PVs by label
    Given I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: fast, labels: {disk: ssd}}
      spec:
        capacity: {storage: 10Gi}
        accessModes: [ReadWriteOnce]
        nfs: {server: 192.168.56.105, path: /nfsdata/fast}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: cheap, labels: {disk: hdd}}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        nfs: {server: 192.168.56.105, path: /nfsdata/cheap}
      """
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: db}
      spec:
        storageClassName: ""
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
        selector: {matchLabels: {disk: ssd}}
      """
    Then claim "db" is bound to volume "fast"

  @claim:pv.pvc-roles
  Scenario: No PV satisfies the claim: it stays Pending, and a Pod using it is not scheduled until it binds
    With no PV and no class the claim waits (FailedBinding); the scheduler's VolumeBinding plugin
    keeps the Pod Pending. The PV controller looks again every 15 seconds, so a PV created later
    is found, the claim binds, and the Pod is scheduled.
    When I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl apply -f pod1.yml"
    Then for 1 minute pod "mypod1" stays Pending
    And claim "mypvc1" is Pending
    And there is an event "FailedScheduling" for pod "mypod1" with message matching "^0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims\. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling\.$"
    When I run "kubectl get events"
    Then the output has a line matching "Warning\s+ProvisioningFailed\s+persistentvolumeclaim/mypvc1\s+storageclass.storage.k8s.io \"nfs\" not found$"
    When I run "kubectl apply -f nfs-pv1.yml"
    Then within 15 seconds claim "mypvc1" is Bound
    And within 1 minute pod "mypod1" is Running

  @claim:pv.pvc-roles
  Scenario: A claim without a class and without a matching PV reports FailedBinding
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: scratch}
      spec:
        storageClassName: ""
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then claim "scratch" is Pending
    When I run "kubectl get events"
    Then the output has a line matching "Normal\s+FailedBinding\s+persistentvolumeclaim/scratch\s+no persistent volumes available for this claim and no storage class is set$"

  @claim:pv.access-modes
  Scenario: Access modes: a claim binds only a PV that offers every mode it asks for
    ReadWriteOnce (RWO): read-write by one node; ReadOnlyMany (ROX): read-only by many nodes;
    ReadWriteMany (RWX): read-write by many nodes; current Kubernetes adds ReadWriteOncePod (RWOP,
    GA in 1.29): read-write by a single Pod. Matching prefers the PV with the fewest modes.
    Given I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: rwo}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        nfs: {server: 192.168.56.105, path: /nfsdata/rwo}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: shared}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteMany, ReadOnlyMany, ReadWriteOnce]
        nfs: {server: 192.168.56.105, path: /nfsdata/shared}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: single-pod}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOncePod]
        nfs: {server: 192.168.56.105, path: /nfsdata/single}
      """
    When I run "kubectl get pv"
    Then the output table matches:
      | NAME       | CAPACITY | ACCESS MODES | RECLAIM POLICY | STATUS    | CLAIM | STORAGECLASS | VOLUMEATTRIBUTESCLASS | REASON | AGE  |
      | rwo        | 1Gi      | RWO          | Retain         | Available |       |              | <unset>               |        | \d+s |
      | shared     | 1Gi      | RWO,ROX,RWX  | Retain         | Available |       |              | <unset>               |        | \d+s |
      | single-pod | 1Gi      | RWOP         | Retain         | Available |       |              | <unset>               |        | \d+s |
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: many-writers}
      spec:
        storageClassName: ""
        accessModes: [ReadWriteMany]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: one-writer}
      spec:
        storageClassName: ""
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: one-pod}
      spec:
        storageClassName: ""
        accessModes: [ReadWriteOncePod]
        resources: {requests: {storage: 1Gi}}
      """
    Then claim "many-writers" is bound to volume "shared"
    And claim "one-writer" is bound to volume "rwo"
    And claim "one-pod" is bound to volume "single-pod"

  @claim:pv.access-modes
  Scenario: ReadWriteOncePod cannot be combined with other access modes
    When I apply:
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: mixed}
      spec:
        accessModes: [ReadWriteOncePod, ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then the apply is rejected with:
      """
      The PersistentVolumeClaim "mixed" is invalid: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes
      """

  @claim:pv.reclaim-on-pvc-delete @claim:pv.recycler-pod @claim:pv.reclaim-policies
  Scenario: Recycle, as in the book: deleting the claim starts recycler-for-mypv1, which wipes the volume; the PV is Available again
    Recycle is deprecated: only nfs and hostPath ever supported it, and current Kubernetes
    recommends dynamic provisioning with reclaimPolicy Delete instead. It still works as the book
    shows: the PV controller runs a Pod recycler-for-<pv> in namespace default that mounts the
    volume at /scrub and deletes everything in it, then deletes the Pod and clears the claimRef.
    Given I run "kubectl apply -f nfs-pv1.yml"
    And I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl exec mypod1 -- touch /mydata/hello"
    And I run "kubectl delete pod mypod1"
    Then within 1 minute pod "mypod1" does not exist
    And NFS server "192.168.56.105" has the file "/nfsdata/pv1/hello"
    When I run "kubectl delete pvc mypvc1"
    Then the output is:
      """
      persistentvolumeclaim "mypvc1" deleted from default namespace
      """
    When I run "kubectl get pod"
    Then the output table matches:
      | NAME               | READY | STATUS            | RESTARTS | AGE  |
      | recycler-for-mypv1 | 0/1   | ContainerCreating | 0        | \d+s |
    When I run "kubectl get pv"
    Then the output table matches:
      | NAME  | CAPACITY | ACCESS MODES | RECLAIM POLICY | STATUS   | CLAIM          | STORAGECLASS | VOLUMEATTRIBUTESCLASS | REASON | AGE   |
      | mypv1 | 1Gi      | RWO          | Recycle        | Released | default/mypvc1 | nfs          | <unset>               |        | \d+.* |
    Then within 30 seconds volume "mypv1" is Available
    And pod "recycler-for-mypv1" does not exist
    And NFS server "192.168.56.105" has no file "/nfsdata/pv1/hello"
    When I run "kubectl get pv"
    Then the output table matches:
      | NAME  | CAPACITY | ACCESS MODES | RECLAIM POLICY | STATUS    | CLAIM | STORAGECLASS | VOLUMEATTRIBUTESCLASS | REASON | AGE   |
      | mypv1 | 1Gi      | RWO          | Recycle        | Available |       | nfs          | <unset>               |        | \d+.* |
    When I run "kubectl get events"
    Then the output has a line matching "Normal\s+VolumeRecycled\s+persistentvolume/mypv1\s+Volume recycled$"
    # The recycler Pod's own events reach the PV too (recyclerclient waitForPod, newRecyclerEventRecorder).
    When I run "kubectl describe pv mypv1"
    Then the output has a line matching "^  Normal  RecyclerPod\s+\S+\s+persistentvolume-controller  Recycler pod: Successfully assigned default/recycler-for-mypv1 to k8s-node\d$"
    And the output has a line matching "^  Normal  RecyclerPod\s+\S+\s+persistentvolume-controller  Recycler pod: Started container pv-recycler$"

  @claim:pv.reclaim-policies @claim:pv.reclaim-on-pvc-delete
  Scenario: Retain: the PV is Released with its data and is not bound again until the admin recreates it
    Given I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: mypv1}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        persistentVolumeReclaimPolicy: Retain
        storageClassName: nfs
        nfs: {server: 192.168.56.105, path: /nfsdata/pv1}
      """
    And I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl exec mypod1 -- touch /mydata/hello"
    And I run "kubectl delete pod mypod1"
    Then within 1 minute pod "mypod1" does not exist
    When I run "kubectl delete pvc mypvc1"
    Then within 5 seconds volume "mypv1" is Released
    When I run "kubectl get pv"
    Then the output table matches:
      | NAME  | CAPACITY | ACCESS MODES | RECLAIM POLICY | STATUS   | CLAIM          | STORAGECLASS | VOLUMEATTRIBUTESCLASS | REASON | AGE   |
      | mypv1 | 1Gi      | RWO          | Retain         | Released | default/mypvc1 | nfs          | <unset>               |        | \d+.* |
    And NFS server "192.168.56.105" has the file "/nfsdata/pv1/hello"
    When I run "kubectl apply -f nfs-pvc1.yml"
    And 1 minute passes
    Then claim "mypvc1" is Pending
    When I run "kubectl delete pv mypv1"
    And I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: mypv1}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        persistentVolumeReclaimPolicy: Retain
        storageClassName: nfs
        nfs: {server: 192.168.56.105, path: /nfsdata/pv1}
      """
    Then within 15 seconds claim "mypvc1" is Bound
    When I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl exec mypod1 -- ls /mydata"
    Then the output is:
      """
      hello
      """

  @claim:pv.reclaim-policies
  Scenario: Delete on a static NFS PV: no plugin can delete NFS storage, so the PV is Failed
    Only volumes whose plugin or provisioner can delete them honour Delete (dynamically provisioned
    PVs are deleted by their provisioner, see dynamic-provisioning.feature); an NFS export cannot be.
    Given I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: mypv1}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        persistentVolumeReclaimPolicy: Delete
        storageClassName: nfs
        nfs: {server: 192.168.56.105, path: /nfsdata/pv1}
      """
    And I run "kubectl apply -f nfs-pvc1.yml"
    When I run "kubectl delete pvc mypvc1"
    Then within 5 seconds volume "mypv1" is Failed
    When I run "kubectl get pv mypv1 -o jsonpath={.status.message}"
    Then the output is:
      """
      error getting deleter volume plugin for volume "mypv1": no deletable volume plugin matched
      """
    When I run "kubectl get events"
    Then the output has a line matching "Warning\s+VolumeFailedDelete\s+persistentvolume/mypv1\s+error getting deleter volume plugin for volume \"mypv1\": no deletable volume plugin matched$"

  @claim:pv.reclaim-on-pvc-delete
  Scenario: A claim in use by a Pod is not removed until the Pod is gone (pvc-protection)
    Current Kubernetes protects a claim a Pod still uses: deleting it marks it Terminating (the
    kubernetes.io/pvc-protection finalizer) and the PV is reclaimed only once the Pod is deleted.
    Given I run "kubectl apply -f nfs-pv1.yml"
    And I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl delete pvc mypvc1"
    And I run "kubectl get pvc"
    Then the output table matches:
      | NAME   | STATUS      | VOLUME | CAPACITY | ACCESS MODES | STORAGECLASS | VOLUMEATTRIBUTESCLASS | AGE  |
      | mypvc1 | Terminating | mypv1  | 1Gi      | RWO          | nfs          | <unset>               | \d+s |
    And for 1 minute volume "mypv1" stays Bound
    And for 1 minute claim "mypvc1" stays Terminating
    When I run "kubectl delete pod mypod1"
    Then within 1 minute volume "mypv1" is Released
    And within 30 seconds volume "mypv1" is Available

  @claim:pv.separates-duties
  Scenario: The administrator provides the storage; the user's Pod names only its claim
    PV and PVC split the work: the admin knows the NFS server and creates the PV (or, in current
    Kubernetes, a StorageClass that provisions PVs on demand); the user asks for 1Gi ReadWriteOnce
    and mounts the claim. The Pod's manifest carries no server, path or storage type.
    Given I run "kubectl apply -f nfs-pv1.yml"
    When I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    And pod "mypod1" has "spec.volumes[0].persistentVolumeClaim.claimName" equal to "mypvc1"
    And pod "mypod1" has no "spec.volumes[0].nfs"
    When I run "kubectl exec mypod1 -- sh -c 'echo report > /mydata/report'"
    Then NFS server "192.168.56.105" has the file "/nfsdata/pv1/report"

  @claim:pv.pvc-roles @claim:pv.static-provisioning
  Scenario: kubectl describe shows both sides of the binding and the Pod that uses the claim
    Given I run "kubectl apply -f nfs-pv1.yml"
    And I run "kubectl apply -f nfs-pvc1.yml"
    And I run "kubectl apply -f pod1.yml"
    Then within 1 minute pod "mypod1" is Running
    When I run "kubectl describe pv mypv1"
    Then the output contains:
      """
      Name:            mypv1
      Labels:          <none>
      Annotations:     pv.kubernetes.io/bound-by-controller: yes
      Finalizers:      [kubernetes.io/pv-protection]
      StorageClass:    nfs
      Status:          Bound
      Claim:           default/mypvc1
      Reclaim Policy:  Recycle
      Access Modes:    RWO
      VolumeMode:      Filesystem
      Capacity:        1Gi
      Node Affinity:   <none>
      Message:         
      Source:
          Type:      NFS (an NFS mount that lasts the lifetime of a pod)
          Server:    192.168.56.105
          Path:      /nfsdata/pv1
          ReadOnly:  false
      """
    When I run "kubectl describe pvc mypvc1"
    Then the output contains:
      """
      Name:          mypvc1
      Namespace:     default
      StorageClass:  nfs
      Status:        Bound
      Volume:        mypv1
      Labels:        <none>
      Annotations:   pv.kubernetes.io/bind-completed: yes
                     pv.kubernetes.io/bound-by-controller: yes
      Finalizers:    [kubernetes.io/pvc-protection]
      Capacity:      1Gi
      Access Modes:  RWO
      VolumeMode:    Filesystem
      Used By:       mypod1
      """

  @claim:pv.access-modes
  Scenario: A ReadWriteOncePod claim is used by one Pod at a time
    The scheduler's VolumeRestrictions plugin keeps a second Pod that uses the claim Pending until
    the first one is gone. (ReadWriteOnce is one node, not one Pod, and is enforced only by the
    volume's attach; ROX/RWX are labels the storage must honour.)
    Given I apply:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: solo}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOncePod]
        nfs: {server: 192.168.56.105, path: /nfsdata/solo}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: solo}
      spec:
        storageClassName: ""
        accessModes: [ReadWriteOncePod]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: first}
      spec:
        containers:
        - {name: app, image: busybox, args: ["/bin/sh", "-c", "sleep 30000"], volumeMounts: [{name: d, mountPath: /data}]}
        volumes:
        - {name: d, persistentVolumeClaim: {claimName: solo}}
      """
    Then within 1 minute pod "first" is Running
    When I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: second}
      spec:
        containers:
        - {name: app, image: busybox, args: ["/bin/sh", "-c", "sleep 30000"], volumeMounts: [{name: d, mountPath: /data}]}
        volumes:
        - {name: d, persistentVolumeClaim: {claimName: solo}}
      """
    Then for 1 minute pod "second" stays Pending
    And there is an event "FailedScheduling" for pod "second" with message matching "^0/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io/control-plane: \}, 2 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode\. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod\.$"
    When I run "kubectl delete pod first"
    Then within 1 minute pod "second" is Running
