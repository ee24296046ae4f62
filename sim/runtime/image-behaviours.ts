import type { ServerLogStyle } from './server-logs/index';

// What an image does when it runs, as data. Known images (nginx, httpd, busybox...) have built-in
// behaviours; a scenario declares others ("answers 500 on /healthy", "takes 30 seconds to start",
// "exits with code 1 after 10 seconds", "does not exist") with declareImage, which writes the
// `images` runtime table (sim/runtime/images.ts). Any other image runs forever, as a long-running server would.

/** An HTTP answer rule: the first rule matching the path and the container's age wins. */
export interface HttpRule {
  /** Exact path (query ignored); undefined = any path. */
  readonly path?: string;
  readonly status: number;
  /** Applies from this many ms after the container started (default 0). */
  readonly fromMs?: number;
  /** ...until this many ms after the container started (default forever). */
  readonly untilMs?: number;
}

export interface ImageBehaviour {
  /**
   * `server`: a long-running process (its container runs until killed);
   * `shell`: runs its command (default: the image's CMD) in sh and exits when it ends (busybox, alpine);
   * `missing`: the image does not exist in the registry (ErrImagePull, ImagePullBackOff).
   */
  readonly kind: 'server' | 'shell' | 'missing';
  /** Virtual pull time (default 3 s). */
  readonly pullMs?: number;
  readonly sizeBytes?: number;
  /** TCP ports a server listens on (default: any port it is asked on). */
  readonly ports?: readonly number[];
  /** A server listens only this long after the container started ("takes N seconds to start"). */
  readonly startupMs?: number;
  /** The process exits by itself ("exits with code N after N seconds"). */
  readonly exit?: { readonly afterMs: number; readonly code: number };
  /** HTTP answers; default 200 on every path (static file servers: 200 if the file exists, else 404). */
  readonly http?: readonly HttpRule[];
  /** Serve files from this directory of the container's file system (nginx, httpd). */
  readonly docroot?: string;
  /** Files in the image. */
  readonly files?: Readonly<Record<string, string>>;
  /** The image's CMD (run when the container sets no command/args). */
  readonly cmd?: readonly string[];
  /** What SIGTERM does: `exit` at once with this code (nginx: 0), or `ignore` (shell as PID 1: killed at the grace period's end). */
  readonly sigterm?: { readonly exit: number } | 'ignore';
  /** Lines the process writes to its log when it starts. */
  readonly startLog?: readonly string[];
  /** The known image's own start-up and access-log lines (sim/runtime/server-logs), computed when the log is read. */
  readonly serverLog?: ServerLogStyle;
  /** The body of every answer that no rule or file decides; `$HOSTNAME` and `$VERSION` (the tag without its `v`) filled in. */
  readonly reply?: string;
}

// The welcome page's body, the same in both versions of the packaged index.html.
const NGINX_WELCOME_BODY = `<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

// The packaged /usr/share/nginx/html/index.html (615 bytes, as nginx's access log counts it).
const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
${NGINX_WELCOME_BODY}`;

// The older welcome page (612 bytes), before the color-scheme style: the book's nginx:1.7.9 serves it.
const NGINX_INDEX_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
${NGINX_WELCOME_BODY}`;

const SHELL: ImageBehaviour = { kind: 'shell', cmd: ['sh'], sigterm: 'ignore' };

/** Built-in behaviours by repository name (registry and tag stripped). */
const KNOWN: Readonly<Record<string, ImageBehaviour>> = {
  nginx: {
    kind: 'server', ports: [80], docroot: '/usr/share/nginx/html', sigterm: { exit: 0 }, sizeBytes: 67_696_814, serverLog: 'nginx',
    files: { '/usr/share/nginx/html/index.html': NGINX_INDEX, '/usr/share/nginx/html/50x.html': '<html><body><h1>An error occurred.</h1></body></html>\n', '/etc/nginx/nginx.conf': 'user  nginx;\nworker_processes  auto;\n' },
  },
  httpd: {
    kind: 'server', ports: [80], docroot: '/usr/local/apache2/htdocs', sigterm: { exit: 0 }, sizeBytes: 58_119_623, serverLog: 'httpd',
    files: { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' },
  },
  busybox: { ...SHELL, sizeBytes: 2_155_033 },
  alpine: { ...SHELL, sizeBytes: 3_653_068 },
  ubuntu: { ...SHELL, cmd: ['/bin/bash'], sizeBytes: 29_754_290 },
  debian: { ...SHELL, cmd: ['bash'], sizeBytes: 48_480_431 },
  centos: { ...SHELL, cmd: ['/bin/bash'], sizeBytes: 79_650_290 },
  'curlimages/curl': { ...SHELL, cmd: ['curl'], sizeBytes: 11_985_200 },
  // The Kubernetes Basics tutorial's Node.js app (the book's chapter 1): plain text on 8080. Its
  // CMD is in shell form (`sh -c node server.js`): PID 1 ignores SIGTERM and is killed after the grace period.
  'jocatalin/kubernetes-bootcamp': {
    kind: 'server', ports: [8080], sigterm: 'ignore', sizeBytes: 45_000_000, serverLog: 'bootcamp',
    reply: 'Hello Kubernetes bootcamp! | Running on: $HOSTNAME | v=$VERSION\n',
  },
};

/** nginx before 1.19 (1.7.9, 1.14.2...): the same server with the older welcome page. */
const NGINX_BEFORE_1_19: ImageBehaviour = { ...KNOWN.nginx, files: { ...KNOWN.nginx.files, '/usr/share/nginx/html/index.html': NGINX_INDEX_OLD } };

function isNginxBefore119(tag: string): boolean {
  const m = /^1\.(\d+)(?:[.-]|$)/.exec(tag);
  return m !== null && Number(m[1]) < 19;
}

const UNKNOWN: ImageBehaviour = { kind: 'server', sigterm: { exit: 143 }, sizeBytes: 45_000_000 };

export const DEFAULT_PULL_MS = 3000;

/** `docker.io/library/nginx:1.7.9` -> { repo: 'nginx', tag: '1.7.9', full: 'docker.io/library/nginx:1.7.9' }. */
const refCache = new Map<string, { repo: string; tag: string; canonical: string }>();

export function parseImageRef(image: string): { repo: string; tag: string; canonical: string } {
  let hit = refCache.get(image);
  if (hit === undefined) {
    if (refCache.size > 10_000) refCache.clear();
    hit = parseImageRefUncached(image);
    refCache.set(image, hit);
  }
  return hit;
}

function parseImageRefUncached(image: string): { repo: string; tag: string; canonical: string } {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at); rest = rest.slice(0, at); }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) registry = parts.shift()!;
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  const repo = path.startsWith('library/') ? path.slice('library/'.length) : path;
  return { repo, tag, canonical: `${registry}/${path}${digest || `:${tag}`}` };
}

/** The behaviour of an image: a declared one (exact reference, then repository) or the built-in one. */
export function behaviourOf(images: ReadonlyMap<string, unknown>, image: string): ImageBehaviour {
  const ref = parseImageRef(image);
  const declared = images.size === 0 ? undefined : images.get(image) ?? images.get(ref.canonical) ?? images.get(ref.repo);
  if (declared !== undefined) return declared as ImageBehaviour;
  const { repo } = ref;
  if (repo === 'nginx' && isNginxBefore119(ref.tag)) return NGINX_BEFORE_1_19;
  return KNOWN[repo] ?? KNOWN[repo.split('/').pop()!] ?? UNKNOWN;
}

/** Whether the image is one of the built-in ones (for messages and defaults). */
export function isKnownImage(image: string): boolean {
  return parseImageRef(image).repo in KNOWN;
}

/** A stable fake sha256 for an image (imageID, containerID), from its reference. */
const digestCache = new Map<string, string>();

export function fakeDigest(text: string): string {
  let hit = digestCache.get(text);
  if (hit === undefined) {
    if (digestCache.size > 10_000) digestCache.clear();
    hit = digestText('', text);
    digestCache.set(text, hit);
  }
  return hit;
}

/**
 * `prefix` + fakeDigest(text), not memoised (a per-container id: a memo would hold one entry per
 * container ever created). One flat string: a template literal would make a cons string, which
 * costs 32 B more once flattened, for as long as a Pod status holds the id.
 */
export function prefixedDigest(prefix: string, text: string): string {
  return digestText(prefix, text);
}

const HEX = '0123456789abcdef';

/**
 * `prefix` and the 64 hex digits of the fake digest (8 rounds of FNV-1a over the text, each
 * round's hash as 8 digits), built as one string from its character codes.
 */
function digestText(prefix: string, text: string): string {
  const codes = new Array<number>(prefix.length + 64);
  for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
  // FNV-1a on int32 values (Math.imul and ^ read only the low 32 bits): the same bits as on uint32,
  // without the doubles that `>>> 0` makes of values over 2^31 inside the loop.
  let h = 0x811c9dc5 | 0;
  const n = text.length;
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ round, 0x01000193);
    let v = h;
    for (let d = prefix.length + round * 8 + 7; d >= prefix.length + round * 8; d--) { codes[d] = HEX.charCodeAt(v & 15); v >>>= 4; }
  }
  return String.fromCharCode.apply(null, codes);
}

const imageIdCache = new Map<string, string>(); // a memo of a pure function, as refCache

/** The imageID the kubelet reports: `docker.io/library/nginx@sha256:...`. */
export function imageIdOf(image: string): string {
  let id = imageIdCache.get(image);
  if (id === undefined) {
    if (imageIdCache.size > 10_000) imageIdCache.clear();
    id = imageIdUncached(image);
    imageIdCache.set(image, id);
  }
  return id;
}

function imageIdUncached(image: string): string {
  const { canonical } = parseImageRef(image);
  const name = canonical.replace(/[:@].*$/, '').replace(/:[^/]*$/, '');
  const base = canonical.slice(0, canonical.lastIndexOf(':') > canonical.lastIndexOf('/') ? canonical.lastIndexOf(':') : canonical.length);
  return `${base || name}@sha256:${fakeDigest(canonical)}`;
}
