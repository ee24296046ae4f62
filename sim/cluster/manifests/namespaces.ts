// The namespaces a kubeadm cluster starts with.
export const NAMESPACES_YAML = ['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((name) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    kubernetes.io/metadata.name: ${name}
`).join('---\n');
