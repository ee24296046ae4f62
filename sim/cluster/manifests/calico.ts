// calico.yaml (projectcalico v3.29 manifest install): DaemonSet calico-node and Deployment
// calico-kube-controllers in kube-system. canal.yaml: DaemonSet canal (calico-node for policy,
// kube-flannel for the network) and the same controllers. RBAC, CRDs and ConfigMaps left out.

export const CALICO_NODE_IMAGE = 'docker.io/calico/node:v3.29.3';
export const CALICO_CONTROLLERS_IMAGE = 'docker.io/calico/kube-controllers:v3.29.3';

const NODE_TOLERATIONS = `      tolerations:
      - effect: NoSchedule
        operator: Exists
      - key: CriticalAddonsOnly
        operator: Exists
      - effect: NoExecute
        operator: Exists
`;

const KUBE_CONTROLLERS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: calico-kube-controllers
  namespace: kube-system
  labels:
    k8s-app: calico-kube-controllers
spec:
  replicas: 1
  selector:
    matchLabels:
      k8s-app: calico-kube-controllers
  strategy:
    type: Recreate
  template:
    metadata:
      name: calico-kube-controllers
      namespace: kube-system
      labels:
        k8s-app: calico-kube-controllers
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
      - key: node-role.kubernetes.io/master
        effect: NoSchedule
      - key: node-role.kubernetes.io/control-plane
        effect: NoSchedule
      serviceAccountName: calico-kube-controllers
      priorityClassName: system-cluster-critical
      containers:
      - name: calico-kube-controllers
        image: ${CALICO_CONTROLLERS_IMAGE}
        imagePullPolicy: IfNotPresent
        env:
        - name: ENABLED_CONTROLLERS
          value: node,loadbalancer
        - name: DATASTORE_TYPE
          value: kubernetes
`;

function nodeDaemonSet(name: string, containers: string): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  namespace: kube-system
  labels:
    k8s-app: ${name}
spec:
  selector:
    matchLabels:
      k8s-app: ${name}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        k8s-app: ${name}
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      hostNetwork: true
${NODE_TOLERATIONS}      serviceAccountName: ${name}
      terminationGracePeriodSeconds: 0
      priorityClassName: system-node-critical
      containers:
${containers}`;
}

const CALICO_NODE_CONTAINER = `      - name: calico-node
        image: ${CALICO_NODE_IMAGE}
        imagePullPolicy: IfNotPresent
        env:
        - name: DATASTORE_TYPE
          value: kubernetes
        - name: CALICO_NETWORKING_BACKEND
          value: NETWORKING_BACKEND
        - name: CLUSTER_TYPE
          value: k8s,bgp
        securityContext:
          privileged: true
        resources:
          requests:
            cpu: 250m
`;

// calico.yaml's ServiceAccounts come before the workloads that run as them.
const CALICO_ACCOUNTS = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: calico-kube-controllers
  namespace: kube-system
---
`;

export const CALICO_YAML = `${CALICO_ACCOUNTS}apiVersion: v1
kind: ServiceAccount
metadata:
  name: calico-node
  namespace: kube-system
---
${nodeDaemonSet('calico-node', CALICO_NODE_CONTAINER.replace('NETWORKING_BACKEND', 'bird'))}---
${KUBE_CONTROLLERS}`;

export const CANAL_YAML = `${CALICO_ACCOUNTS}apiVersion: v1
kind: ServiceAccount
metadata:
  name: canal
  namespace: kube-system
---
${nodeDaemonSet('canal', `${CALICO_NODE_CONTAINER.replace('NETWORKING_BACKEND', 'none')}      - name: kube-flannel
        image: docker.io/flannel/flannel:v0.26.7
        imagePullPolicy: IfNotPresent
        command:
        - /opt/bin/flanneld
        - --ip-masq
        - --kube-subnet-mgr
        securityContext:
          privileged: true
`)}---
${KUBE_CONTROLLERS}`;
