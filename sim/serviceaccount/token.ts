import type { Pod } from '../api/types';
import type { ClusterView } from '../engine/types';
import { DEFAULT_SERVICE_ACCOUNT, type ServiceAccount } from './types';

// The bound token the kubelet writes into a serviceAccountToken projection (pkg/volume/projected
// collectData -> TokenRequest). With --service-account-extend-token-expiration (default true) the
// API server issues the "warn only" 3607 s request a year's validity and records warnafter
// (pkg/serviceaccount/claims.go). The JWT's shape and claims are Kubernetes'; the signature is not
// a real one: the simulator holds no keys.

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** ExpirationExtensionSeconds: 24 * 365 * 60 * 60. */
const EXTENDED_SECONDS = 31_536_000;

export function serviceAccountToken(view: ClusterView, pod: Pod, expirationSeconds: number): string {
  return tokenText(tokenRequest(view, pod, expirationSeconds));
}

/**
 * Everything a bound token says, captured when the kubelet requests it: a few references to strings
 * the Pod, Node and ServiceAccount already hold. The text (~1.2 KB) is made from it only when read:
 * 150,000 Pods' tokens would cost ~200 MB, and most are never read.
 */
export interface TokenRequest {
  readonly seed: number;
  readonly namespace: string;
  readonly podName: string;
  readonly podUid: string;
  readonly nodeName: string | undefined;
  readonly nodeUid: string | undefined;
  readonly serviceAccountName: string;
  readonly serviceAccountUid: string;
  readonly iat: number;
  readonly expirationSeconds: number;
}

export function tokenRequest(view: ClusterView, pod: Pod, expirationSeconds: number): TokenRequest {
  const namespace = pod.metadata.namespace ?? 'default';
  const serviceAccountName = pod.spec.serviceAccountName || DEFAULT_SERVICE_ACCOUNT;
  const sa = view.get<ServiceAccount>('ServiceAccount', namespace, serviceAccountName);
  const node = pod.spec.nodeName !== undefined ? view.get('Node', '', pod.spec.nodeName) : undefined;
  return {
    seed: view.config.seed, namespace, podName: pod.metadata.name, podUid: pod.metadata.uid,
    nodeName: node?.metadata.name, nodeUid: node?.metadata.uid,
    serviceAccountName, serviceAccountUid: sa?.metadata.uid ?? '',
    iat: Math.floor((view.config.epochMs + view.nowMs) / 1000), expirationSeconds,
  };
}

/** The JWT of a token request: the same text for the same request. */
export function tokenText(r: TokenRequest): string {
  const { iat, expirationSeconds } = r;
  const claims = {
    aud: [ISSUER],
    exp: iat + (expirationSeconds === 3607 ? EXTENDED_SECONDS : expirationSeconds),
    iat,
    iss: ISSUER,
    jti: uuidOf(`${r.podUid}/${iat}`),
    'kubernetes.io': {
      namespace: r.namespace,
      ...(r.nodeName !== undefined ? { node: { name: r.nodeName, uid: r.nodeUid } } : {}),
      pod: { name: r.podName, uid: r.podUid },
      serviceaccount: { name: r.serviceAccountName, uid: r.serviceAccountUid },
      ...(expirationSeconds === 3607 ? { warnafter: iat + expirationSeconds } : {}),
    },
    nbf: iat,
    sub: `system:serviceaccount:${r.namespace}:${r.serviceAccountName}`,
  };
  return `${headerOf(r.seed)}.${base64url(JSON.stringify(claims))}.${signatureOf(`${r.podUid}/${iat}`)}`;
}

const headers = new Map<number, string>();

/** The JWT header: RS256 and the key id of the cluster's service-account signing key (one per seed). */
function headerOf(seed: number): string {
  let h = headers.get(seed);
  if (h === undefined) headers.set(seed, (h = base64url(JSON.stringify({ alg: 'RS256', kid: hashText(`kid/${seed}`, 43) }))));
  return h;
}

/** An RS256 signature's length (342 base64url characters) from a 43-character hash of the token, repeated. */
function signatureOf(text: string): string {
  return hashText(text, 43).repeat(8).slice(0, 342);
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A deterministic base64url string of `length` characters from a text. */
function hashText(text: string, length: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const out: string[] = []; // joined, not concatenated: a string built by += keeps every step alive
  while (out.length < length) { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0; h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0; out.push(URL_ALPHABET[h & 63]); }
  return out.join('');
}

function uuidOf(text: string): string {
  const hex = Buffer.from(hashText(text, 32)).toString('hex').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
