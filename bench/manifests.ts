// The benchmarks' workload: D Deployments x R replicas of one small web container, as one
// multi-document `kubectl apply` text.
export function deploymentManifests(deployments: number, replicas: number, image: string): string {
  const docs: string[] = [];
  for (let i = 0; i < deployments; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
      - name: web
        image: ${image}
        resources:
          requests: {cpu: 10m, memory: 16Mi}
`);
  }
  return docs.join('---\n');
}
