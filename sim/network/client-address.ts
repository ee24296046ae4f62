import type { Node, Pod } from '../api/types';
import type { ClusterView } from '../engine/types';
import { podCidrAddress } from '../runtime/bridge-address';
import type { ConnectResult } from './connect';

// The source address a server's access log shows for a connection that reached it.
// To localhost (another container of the Pod, or itself): 127.0.0.1.
// Pod to Pod and through a ClusterIP: the client Pod's own IP (kube-proxy DNATs, never SNATs).
// A Pod reaching itself through its Service (hairpin): kube-proxy marks it for masquerade
// (KUBE-SEP's `-s <podIP>/32 -j KUBE-MARK-MASQ`), so the source becomes the node's bridge, cni0,
// the .1 of the node's podCIDR. A NodePort or LoadBalancer connection is masqueraded too
// (KUBE-NODEPORTS marks it): the backend's bridge when it runs on the client's node, else the
// client node's flannel.1 address (the .0 of its podCIDR) it leaves through.

export function clientAddress(view: ClusterView, client: Pod, r: Extract<ConnectResult, { result: 'ok' }>, server: Pod): string {
  if (r.ip.startsWith('127.')) return '127.0.0.1';
  const own = (client.spec.hostNetwork ? client.status?.hostIP : client.status?.podIP) ?? '';
  const nodeOf = (p: Pod) => (p.spec.nodeName === undefined ? undefined : view.get<Node>('Node', '', p.spec.nodeName));
  if (r.via === 'service' && client.metadata.uid === server.metadata.uid && !client.spec.hostNetwork) return podCidrAddress(nodeOf(server), 1) ?? own;
  if (r.via === 'nodePort' || r.via === 'loadBalancer') {
    const same = client.spec.nodeName === server.spec.nodeName;
    return podCidrAddress(nodeOf(same ? server : client), same ? 1 : 0) ?? own;
  }
  return own;
}
