import type { Change, Controller } from '../engine/types';
import type { Node } from '../api/types';
import { NODE_LEASE_DURATION_SECONDS, NODE_LEASE_NAMESPACE, microTime, type Lease } from './types';

// The kubelet's node lease controller at start (component-helpers/apimachinery/lease controller.go
// ensureLease + kubelet nodelease setNodeOwnerFunc): one Lease per node in kube-node-lease, holder
// the node, 40 s, owned by the Node. It is written once: its renewals every 10 s are not writes
// here but derived when read from the kubelet's heartbeat (renewal.ts), as node-lifecycle reads it.

export const NODE_LEASE_CONTROLLER = 'node-lease';

export const nodeLeaseController: Controller = {
  name: NODE_LEASE_CONTROLLER,
  watches: { Node: (_v, after, before) => (after !== undefined && before === undefined ? [after.metadata.name] : []) },
  reconcile: (view, name, ctx) => {
    const node = view.get<Node>('Node', '', name);
    if (node === undefined || view.get('Namespace', '', NODE_LEASE_NAMESPACE) === undefined || view.get('Lease', NODE_LEASE_NAMESPACE, name) !== undefined) return { changes: [] };
    const lease: Lease = {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
      metadata: {
        name, namespace: NODE_LEASE_NAMESPACE, uid: '', resourceVersion: '', creationTimestamp: '',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }],
      },
      spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(ctx.config.epochMs, ctx.nowMs) },
    };
    const changes: Change[] = [{ verb: 'create', object: lease }];
    return { changes };
  },
};
