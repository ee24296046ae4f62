import type { KubeObject, Node } from '../types';
import { isObj, objOr } from './util';

// SetDefaults_NodeStatus: allocatable defaults to capacity. The empty lists keep readers simple
// (a Node written by hand has no conditions until its kubelet reports).

export function defaultNode(obj: KubeObject): Node {
  const status = objOr(obj.status);
  const capacity = isObj(status.capacity) ? status.capacity : {};
  return {
    ...obj,
    spec: objOr(obj.spec),
    status: {
      ...status,
      capacity,
      allocatable: isObj(status.allocatable) ? status.allocatable : capacity,
      conditions: Array.isArray(status.conditions) ? status.conditions : [],
      addresses: Array.isArray(status.addresses) ? status.addresses : [],
      nodeInfo: isObj(status.nodeInfo) ? status.nodeInfo : {},
    },
  } as unknown as Node;
}
