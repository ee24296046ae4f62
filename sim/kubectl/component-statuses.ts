import type { KubeObject, Pod } from '../api/types';
import type { Cluster } from '../engine/types';
import { isPodReady } from '../controllers/util/pod';

// The API server's componentstatuses (pkg/registry/core/componentstatus, deprecated since v1.19):
// computed at each request by probing the controller-manager's and scheduler's /healthz on
// 127.0.0.1 and the etcd backend. Here a component answers when its static Pod is Running and Ready.

/** ComponentStatusStorage.serversToValidate, in the order v1.30+ clusters print them. */
const SERVERS: readonly { readonly name: string; readonly component: string; readonly url: string }[] = [
  { name: 'controller-manager', component: 'kube-controller-manager', url: 'https://127.0.0.1:10257/healthz' },
  { name: 'scheduler', component: 'kube-scheduler', url: 'https://127.0.0.1:10259/healthz' },
  { name: 'etcd-0', component: 'etcd', url: 'https://127.0.0.1:2379/health' },
];

export function componentStatuses(cluster: Cluster): KubeObject[] {
  const pods = cluster.store.list<Pod>('Pod', 'kube-system');
  return SERVERS.map((s) => {
    const pod = pods.find((p) => p.metadata.labels?.component === s.component && p.metadata.labels?.tier === 'control-plane');
    const healthy = pod !== undefined && pod.status?.phase === 'Running' && isPodReady(pod);
    const port = s.url.split(':')[2].split('/')[0];
    // getComponentStatus: a failed probe's message is the client's error text.
    const condition = healthy
      ? { type: 'Healthy', status: 'True', message: 'ok' }
      : { type: 'Healthy', status: 'False', message: `Get "${s.url}": dial tcp 127.0.0.1:${port}: connect: connection refused` };
    return { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name: s.name, creationTimestamp: null }, conditions: [condition] } as unknown as KubeObject;
  });
}
