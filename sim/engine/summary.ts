import type { Deployment, KubeObject, Node, Pod, ReplicaSet } from '../api/types';

// One-line descriptions of an object for the trace: what it is now and, for updates, what moved.

export function summarize(after: KubeObject | undefined, before: KubeObject | undefined): string {
  if (after === undefined) return 'deleted';
  const now = describe(after);
  if (before === undefined) return `created ${now}`.trim();
  if (after.metadata.deletionTimestamp && !before.metadata.deletionTimestamp) return `terminating ${now}`.trim();
  const was = describe(before);
  return was === now ? now : `${was} -> ${now}`;
}

function describe(obj: KubeObject): string {
  switch (obj.kind) {
    case 'Pod': {
      const pod = obj as Pod;
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? 'ready' : 'not-ready';
      const restarts = (pod.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
      const node = pod.spec.nodeName ? ` on ${pod.spec.nodeName}` : '';
      return `${pod.status?.phase ?? 'Pending'} ${ready}${restarts > 0 ? ` restarts=${restarts}` : ''}${node}`;
    }
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      return `replicas=${rs.spec.replicas} ready=${rs.status?.readyReplicas ?? 0} available=${rs.status?.availableReplicas ?? 0}`;
    }
    case 'Deployment': {
      const d = obj as Deployment;
      return `replicas=${d.spec.replicas} updated=${d.status?.updatedReplicas ?? 0} available=${d.status?.availableReplicas ?? 0}`;
    }
    case 'Node': {
      const n = obj as Node;
      const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
      const taints = (n.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).join(',');
      return `Ready=${ready}${n.spec.unschedulable ? ' unschedulable' : ''}${taints ? ` taints=${taints}` : ''}`;
    }
    default:
      return '';
  }
}
