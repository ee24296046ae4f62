import { parseImageRef } from './image-behaviours';

// Which tar an image ships, for kubectl cp (which runs `tar cf -` / `tar -xmf -` in the container).
// busybox-based images (busybox, alpine, curlimages/curl) have busybox's applet; the Debian- and
// RHEL-based ones (nginx, httpd, ubuntu, debian, centos, node apps) GNU tar; the control plane's
// distroless images (and pause, coredns) none. Any other image is taken to be a Debian-like one.

export type TarFlavour = 'gnu' | 'busybox';

const BUSYBOX = new Set(['busybox', 'alpine', 'curlimages/curl']);
const WITHOUT_TAR = new Set(['pause', 'coredns', 'coredns/coredns', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy']);

/** The image's tar, or undefined when it has none. */
export function tarOf(image: string): TarFlavour | undefined {
  const { repo } = parseImageRef(image);
  const last = repo.split('/').pop()!;
  if (WITHOUT_TAR.has(repo) || WITHOUT_TAR.has(last)) return undefined;
  return BUSYBOX.has(repo) || BUSYBOX.has(last) ? 'busybox' : 'gnu';
}
