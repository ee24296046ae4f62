Feature: Volumes give containers storage that outlives them (chapter 9.1)
  A Volume belongs to the Pod, not to a container: containers restart and the Volume stays. Each
  container that mounts it sees it at its own mount path. emptyDir is an empty directory on the
  node that lives as long as the Pod; hostPath mounts a directory of the node itself, whose files
  stay on that node after the Pod is gone.

  Background:
    Given a cluster with 3 nodes

  @claim:emptydir.producer-consumer @claim:vol.shared-by-containers
  Scenario: The book's producer writes into an emptyDir and the consumer reads it at its own path
    Given the example file "storage/producer-consumer.yml" as "emptydir.yml"
    When I run "kubectl apply -f emptydir.yml"
    Then within 1 minute pod "producer-consumer" is Running
    When I run "kubectl logs producer-consumer consumer"
    Then the output is:
      """
      hello world
      """
    When I run "kubectl exec producer-consumer -c producer -- cat /producer_dir/hello"
    Then the output is:
      """
      hello world
      """
    When I run "kubectl exec producer-consumer -c consumer -- ls /producer_dir"
    Then the command fails with "ls: /producer_dir: No such file or directory"

  @claim:vol.shared-by-containers
  Scenario: A container that does not mount the volume does not see it
    A Volume is mounted into each container that lists it in volumeMounts, not into the whole Pod.
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: shared
      spec:
        containers:
        - name: writer
          image: busybox
          args: ["/bin/sh", "-c", "echo note > /shared/note; sleep 30000"]
          volumeMounts:
          - {name: scratch, mountPath: /shared}
        - name: bystander
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
        volumes:
        - name: scratch
          emptyDir: {}
      """
    Then within 1 minute pod "shared" is Running
    When I run "kubectl exec shared -c writer -- cat /shared/note"
    Then the output is:
      """
      note
      """
    When I run "kubectl exec shared -c bystander -- cat /shared/note"
    Then the command fails with "No such file or directory"

  @claim:vol.outlives-container @claim:emptydir.lifecycle
  Scenario: An emptyDir keeps its files when the container restarts; the container's own files do not survive
    Each run appends a line to the emptyDir and to /tmp in the container's own file system, prints
    what both held, and exits 1, so the kubelet restarts it.
    Given the example file "storage/emptydir-restart.yml" as "cache.yml"
    When I run "kubectl apply -f cache.yml"
    Then within 1 minute pod "cache" has "status.containerStatuses[0].restartCount" equal to "1"
    When 5 seconds pass
    When I run "kubectl logs cache --previous"
    Then the output is:
      """
      emptyDir: 
      container fs: 
      """
    When I run "kubectl logs cache"
    Then the output is:
      """
      emptyDir: run
      container fs: 
      """

  @claim:emptydir.lifecycle @claim:vol.outlives-container
  Scenario: An emptyDir is deleted with its Pod: a new Pod of the same name starts with an empty directory
    Whether a Volume outlives the Pod depends on its type: emptyDir does not, hostPath stays on its
    node, a PersistentVolume stays in its storage system (see persistent-volumes.feature).
    Given the example file "storage/emptydir-restart.yml" as "cache.yml"
    When I run "kubectl apply -f cache.yml"
    Then within 1 minute pod "cache" has "status.containerStatuses[0].restartCount" equal to "1"
    When I run "kubectl delete pod cache"
    Then within 1 minute pod "cache" does not exist
    When I run "kubectl apply -f cache.yml"
    Then within 1 minute pod "cache" is Running
    When I run "kubectl logs cache"
    Then the output is:
      """
      emptyDir: 
      container fs: 
      """

  @claim:hostpath.mounts-host-dir @claim:vol.outlives-container
  Scenario: hostPath mounts a directory of the node; its files stay on that node after the Pod is deleted
    Given the example file "storage/hostpath.yml" as "web.yml"
    When I run "kubectl apply -f web.yml"
    Then within 1 minute pod "web" is Running
    When I run "kubectl exec web -- sh -c 'echo hello > /usr/share/web/index.html'"
    Then node "k8s-node1" has the file "/data/web/index.html"
    When I run "kubectl delete pod web"
    Then within 1 minute pod "web" does not exist
    And node "k8s-node1" has the file "/data/web/index.html"
    And node "k8s-node2" has no file "/data/web/index.html"
    When I run "kubectl apply -f web.yml"
    Then within 1 minute pod "web" is Running
    When I run "kubectl exec web -- cat /usr/share/web/index.html"
    Then the output is:
      """
      hello
      """

  @claim:hostpath.mounts-host-dir
  Scenario: A Pod on another node mounting the same hostPath sees that node's directory, not the first one's
    Given the example file "storage/hostpath.yml" as "web.yml"
    When I run "kubectl apply -f web.yml"
    Then within 1 minute pod "web" is Running
    When I run "kubectl exec web -- sh -c 'echo hello > /usr/share/web/index.html'"
    And I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web2
      spec:
        nodeName: k8s-node2
        containers:
        - name: web
          image: busybox
          args: ["/bin/sh", "-c", "sleep 30000"]
          volumeMounts:
          - {name: web-data, mountPath: /usr/share/web}
        volumes:
        - name: web-data
          hostPath:
            path: /data/web
      """
    Then within 1 minute pod "web2" is Running
    When I run "kubectl exec web2 -- ls /usr/share/web"
    Then the output is:
      """
      """

  @claim:vol.backends
  Scenario: emptyDir, hostPath and NFS volumes side by side in one Pod
    The book lists emptyDir, hostPath, GCE PD, AWS EBS, NFS and Ceph. Current Kubernetes still
    builds in emptyDir, hostPath and nfs (and configMap, secret, projected...); the cloud and
    distributed backends (awsElasticBlockStore, gcePersistentDisk, azureDisk, cinder, vsphereVolume,
    rbd, cephfs, glusterfs...) were removed from the kubelet or are served by CSI drivers through
    CSI migration, usually as PersistentVolumes.
    Given NFS server "192.168.56.105" has the file "/nfsdata/shared/motd" containing "from the NFS server"
    And I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: backends
      spec:
        nodeName: k8s-node1
        containers:
        - name: app
          image: busybox
          args: ["/bin/sh", "-c", "echo scratch > /scratch/a; echo host > /host/b; sleep 30000"]
          volumeMounts:
          - {name: scratch, mountPath: /scratch}
          - {name: host, mountPath: /host}
          - {name: nfs, mountPath: /nfs}
        volumes:
        - name: scratch
          emptyDir: {}
        - name: host
          hostPath:
            path: /var/local/backends
        - name: nfs
          nfs:
            server: 192.168.56.105
            path: /nfsdata/shared
      """
    Then within 1 minute pod "backends" is Running
    When I run "kubectl exec backends -- cat /scratch/a /host/b /nfs/motd"
    Then the output is:
      """
      scratch
      host
      from the NFS server
      """
    And node "k8s-node1" has the file "/var/local/backends/b"

  @claim:vol.external-lifecycle
  Scenario: Data on the NFS server belongs to the storage system, not to the cluster
    The NFS server is managed outside Kubernetes: what a Pod writes to an nfs volume is on the
    server, and stays there when the Pod is deleted; another Pod mounting the export reads it.
    Given I apply:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: writer
      spec:
        containers:
        - name: app
          image: busybox
          args: ["/bin/sh", "-c", "echo kept > /data/report; sleep 30000"]
          volumeMounts:
          - {name: export, mountPath: /data}
        volumes:
        - name: export
          nfs:
            server: 192.168.56.105
            path: /nfsdata/reports
      """
    Then within 1 minute pod "writer" is Running
    And NFS server "192.168.56.105" has the file "/nfsdata/reports/report"
    When I run "kubectl delete pod writer"
    Then within 1 minute pod "writer" does not exist
    And NFS server "192.168.56.105" has the file "/nfsdata/reports/report"
