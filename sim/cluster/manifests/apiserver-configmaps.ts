import type { KubeObject } from '../../api/types';
import { rootCaPem } from '../../serviceaccount/root-ca';

// The ConfigMaps the kube-apiserver writes in kube-system when it starts:
// extension-apiserver-authentication (its client CA and request-header settings, for extension API
// servers: pkg/controlplane/controller/clusterauthenticationtrust) and
// kube-apiserver-legacy-service-account-token-tracking (the day tracking began:
// pkg/controlplane/controller/legacytokentracking).

/** kubeadm's front-proxy CA, another PEM than the cluster CA. */
export const frontProxyCaPem = (seed: number): string => rootCaPem(seed ^ 0x5f3759df);

export function apiServerConfigMaps(seed: number, isoNow: string): KubeObject[] {
  const cm = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'kube-system' }, data }) as unknown as KubeObject;
  return [
    cm('extension-apiserver-authentication', {
      'client-ca-file': rootCaPem(seed),
      'requestheader-allowed-names': '["front-proxy-client"]',
      'requestheader-client-ca-file': frontProxyCaPem(seed),
      'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
      'requestheader-group-headers': '["X-Remote-Group"]',
      'requestheader-uid-headers': '["X-Remote-Uid"]',
      'requestheader-username-headers': '["X-Remote-User"]',
    }),
    // dateFormat "2006-01-02".
    cm('kube-apiserver-legacy-service-account-token-tracking', { since: isoNow.slice(0, 10) }),
  ];
}
