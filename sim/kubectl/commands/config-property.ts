import type { Kubeconfig, KubeconfigCluster, KubeconfigContext, KubeconfigUser } from './kubeconfig';

// `kubectl config set|unset PROPERTY_NAME [VALUE]` (cmd/config/set.go modifyConfig over the steps
// navigation_step_parser.go reads): a dotted path through the kubeconfig's fields, by their JSON
// names, where a map key runs until a part that names a field of the map's values (so a context
// called "a.b" is `contexts.a.b.namespace`). The fields simulated are the ones the model keeps.

type Kind = 'string' | 'bool' | 'bytes';

/** A field by its JSON name: its kind and the model property it lives in. */
interface Field { readonly kind: Kind; readonly key: string }

const CLUSTER_FIELDS: Readonly<Record<string, Field>> = {
  server: { kind: 'string', key: 'server' },
  'tls-server-name': { kind: 'string', key: 'tlsServerName' },
  'insecure-skip-tls-verify': { kind: 'bool', key: 'insecureSkipTlsVerify' },
  'certificate-authority': { kind: 'string', key: 'caFile' },
  'certificate-authority-data': { kind: 'bytes', key: 'caData' },
  'proxy-url': { kind: 'string', key: 'proxyUrl' },
};
const USER_FIELDS: Readonly<Record<string, Field>> = {
  'client-certificate': { kind: 'string', key: 'certFile' },
  'client-certificate-data': { kind: 'bytes', key: 'certData' },
  'client-key': { kind: 'string', key: 'keyFile' },
  'client-key-data': { kind: 'bytes', key: 'keyData' },
  token: { kind: 'string', key: 'token' },
  username: { kind: 'string', key: 'username' },
  password: { kind: 'string', key: 'password' },
};
const CONTEXT_FIELDS: Readonly<Record<string, Field>> = {
  cluster: { kind: 'string', key: 'cluster' },
  user: { kind: 'string', key: 'user' },
  namespace: { kind: 'string', key: 'namespace' },
};

const MAPS = { clusters: CLUSTER_FIELDS, users: USER_FIELDS, contexts: CONTEXT_FIELDS } as const;
type MapName = keyof typeof MAPS;
type Entry = KubeconfigCluster | KubeconfigUser | KubeconfigContext;

const SUPPORTED = 'current-context, contexts.NAME[.cluster|.user|.namespace], clusters.NAME[.server|.certificate-authority-data|...], users.NAME[.token|.username|.password|...]';

/**
 * modifyConfig: `set` (a value) or unset (undefined). Returns the new kubeconfig, or kubectl's error
 * (without "error: ").
 */
export function setProperty(config: Kubeconfig, path: string, set: { value: string; rawBytes: boolean } | undefined): { config: Kubeconfig } | { error: string } {
  const parts = path.split('.');
  const unknown = { error: `kubespec: kubectl config ${set ? 'set' : 'unset'} ${path}: the simulated kubeconfig has ${SUPPORTED}` };
  if (parts[0] === 'current-context') {
    if (parts.length > 1) return { error: `can't have more steps after a string. ${parts.slice(1).join('.')}` };
    return { config: { ...config, currentContext: set?.value ?? '' } };
  }
  if (!(parts[0] in MAPS)) return unknown;
  const mapName = parts[0] as MapName;
  const fields = MAPS[mapName];
  const list = config[mapName] as readonly Entry[];
  if (parts.length === 1) {
    if (set !== undefined) return unknown; // "can't set a map to a value: map[...]"
    return { config: { ...config, [mapName]: [] } };
  }
  // findNameStep: the key runs to the first later part that names a field of the entries.
  const rest = parts.slice(1);
  const at = rest.findIndex((p, i) => i > 0 && p in fields);
  const key = (at === -1 ? rest : rest.slice(0, at)).join('.');
  const fieldPath = at === -1 ? [] : rest.slice(at);
  const existing = list.find((e) => e.name === key);
  const without = list.filter((e) => e.name !== key);
  if (fieldPath.length === 0) {
    if (set !== undefined) return unknown; // setting a whole entry to a string
    return { config: { ...config, [mapName]: without } }; // SetMapIndex(key, zero): delete, present or not
  }
  if (existing === undefined && set === undefined) return { error: `current map key \`${key}\` is invalid` };
  const field = fields[fieldPath[0]];
  if (fieldPath.length > 1) return { error: `can't have more steps after a ${field.kind === 'bytes' ? 'bytes' : field.kind === 'bool' ? 'bool' : 'string'}. ${fieldPath.slice(1).join('.')}` };
  let value: string | boolean | undefined;
  if (set === undefined) value = undefined;
  else if (field.kind === 'bool') {
    const b = parseBool(set.value);
    if (b === undefined) return { error: `strconv.ParseBool: parsing "${set.value}": invalid syntax` };
    value = b;
  } else if (field.kind === 'bytes') {
    if (set.rawBytes) value = Buffer.from(set.value, 'utf8').toString('base64');
    else {
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(set.value)) return { error: `error decoding input value: illegal base64 data at input byte ${badBase64At(set.value)}` };
      value = set.value;
    }
  } else value = set.value;
  const entry = { ...(existing ?? { name: key }), [field.key]: value } as Entry;
  return { config: { ...config, [mapName]: existing === undefined ? [...list, entry] : list.map((e) => (e.name === key ? entry : e)) } };
}

/** strconv.ParseBool's accepted spellings. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** base64.CorruptInputError's offset: the first character outside the alphabet, else the length rounded down to a quantum. */
function badBase64At(s: string): number {
  const i = s.search(/[^A-Za-z0-9+/=]/);
  return i !== -1 ? i : s.length - (s.length % 4);
}
