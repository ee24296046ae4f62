// The cluster CA certificate kubeadm generates (CN=kubernetes), as the PEM the root-ca-cert-publisher
// copies into every namespace. Not a real certificate: a stable PEM-shaped body per cluster seed.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const cache = new Map<number, string>();

export function rootCaPem(seed: number): string {
  let pem = cache.get(seed);
  if (pem !== undefined) return pem;
  // A kubeadm CA (RSA 2048, DER ~1,099 bytes) is 1,468 base64 characters: 23 lines of 64 and one of 60.
  let h = (0x9e3779b9 ^ seed) >>> 0;
  const chars: string[] = ['MIIDBTCCAe2gAwIBAgII'];
  for (let n = 20; n < 1465; n++) { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0; h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0; chars.push(B64[h & 63]); }
  const body = `${chars.join('')}Q==`;
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  pem = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  cache.set(seed, pem);
  return pem;
}
