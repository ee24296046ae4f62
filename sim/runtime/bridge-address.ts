import type { Node } from '../api/types';

/**
 * The node's addresses in its podCIDR as flannel sets them up: `.1` the cni0 bridge (the Pods'
 * gateway, and the source of what the node itself sends them), `.0` the flannel.1 VXLAN device.
 *
 * | podCIDR        | last | address     |
 * |----------------|------|-------------|
 * | 10.244.1.0/24  | 1    | 10.244.1.1  |
 * | 10.244.2.0/24  | 0    | 10.244.2.0  |
 */
export function podCidrAddress(node: Node | undefined, last: 0 | 1): string | undefined {
  const cidr = node?.spec?.podCIDR;
  if (cidr === undefined) return undefined;
  const base = cidr.split('/')[0].split('.');
  if (base.length !== 4) return undefined;
  base[3] = String(Number(base[3]) + last);
  return base.join('.');
}
