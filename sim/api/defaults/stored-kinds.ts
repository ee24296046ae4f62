import { storedSelector, withStoredSelectors } from './selector';
import { isObj, mapSame, omitEmpty, onObj, withField, type Json } from './util';

// The nested omitempty fields that storing drops after validation, by kind (the Go round trip of
// the v1.34 API server: encoding/json skips an empty omitempty slice, map or string; protobuf in
// etcd reads an empty list back as nil, which a field without omitempty writes as null). After
// validation, because the validators print what the decoder made of the manifest: an immutable
// selector's message shows `v1.LabelSelector{MatchLabels:map[string]string{}, ...}` as given.
// Each function returns the object itself when it has nothing to drop (every status write of a
// workload comes through here: a few key look-ups).

/** ObjectReference (a PV's claimRef): every field is an omitempty string. */
const OBJECT_REFERENCE_OMITEMPTY = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

/** PersistentVolumeClaimSpec: accessModes and volumeName omitempty (storageClassName, volumeMode are pointers); its selector; resources' limits and requests. */
export const storedClaimSpec = onObj((spec) => {
  const out = withField(omitEmpty(spec, ['accessModes', 'volumeName']), 'selector', storedSelector);
  return withField(out, 'resources', onObj((r) => omitEmpty(r, ['limits', 'requests'])));
});

/** A workload's spec.selector (a pointer: an empty one stays {}). */
const selectorOfSpec = onObj((spec) => withField(spec, 'selector', storedSelector));

/** A NetworkPolicyPeer: its two selectors (pointers) and ipBlock.except (omitempty). */
const peer = (p: Json): Json => withField(withStoredSelectors(p, ['podSelector', 'namespaceSelector']), 'ipBlock', onObj((b) => omitEmpty(b, ['except'])));
const peers = (key: string) => (rules: unknown) => mapSame(rules, (r) => withField(r, key, (l) => mapSame(l, peer)));

/** PolicyRule: verbs has no omitempty; apiGroups, resources, resourceNames, nonResourceURLs do. */
const POLICY_RULE_OMITEMPTY = ['apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'];
/** Role/ClusterRole rules has no omitempty: none (or an empty list, nil after etcd) reads back as `rules: null`. */
const storedRules = (rules: unknown): unknown => (rules === undefined || (Array.isArray(rules) && rules.length === 0)
  ? null : mapSame(rules, (r) => omitEmpty(r, POLICY_RULE_OMITEMPTY)));
const withRules = (o: Json): Json => (o.rules === undefined ? { ...o, rules: null } : withField(o, 'rules', storedRules));

type Stored = (obj: Json) => Json;

const workload: Stored = (o) => withField(o, 'spec', selectorOfSpec);

const STORED: ReadonlyMap<string, Stored> = new Map(Object.entries({
  Deployment: workload,
  ReplicaSet: workload,
  DaemonSet: workload,
  Job: workload,
  StatefulSet: (o) => withField(workload(o), 'spec', onObj((spec) => withField(spec, 'volumeClaimTemplates',
    (l) => mapSame(l, (t) => withField(t, 'spec', storedClaimSpec))))),
  CronJob: (o) => withField(o, 'spec', onObj((spec) => withField(spec, 'jobTemplate', onObj((jt) => withField(jt, 'spec', selectorOfSpec))))),
  NetworkPolicy: (o) => withField(o, 'spec', onObj((spec) => {
    const out = withField(spec, 'podSelector', storedSelector);
    return withField(withField(out, 'ingress', peers('from')), 'egress', peers('to'));
  })),
  PersistentVolumeClaim: (o) => withField(withField(o, 'spec', storedClaimSpec), 'status', onObj((s) => omitEmpty(s, ['phase', 'accessModes', 'capacity', 'conditions']))),
  // PersistentVolumeSpec: storageClassName is a string here (a pointer in a claim); volumeMode a pointer.
  PersistentVolume: (o) => withField(withField(o, 'spec', onObj((spec) => withField(
    omitEmpty(spec, ['capacity', 'accessModes', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions']),
    'claimRef', onObj((r) => omitEmpty(r, OBJECT_REFERENCE_OMITEMPTY))))), 'status', onObj((s) => omitEmpty(s, ['phase', 'message', 'reason']))),
  Role: withRules,
  // AggregationRule (a pointer) holds clusterRoleSelectors, an omitempty list of LabelSelectors.
  ClusterRole: (o) => withField(withRules(o), 'aggregationRule', onObj((a) => withField(omitEmpty(a, ['clusterRoleSelectors']),
    'clusterRoleSelectors', (l) => mapSame(l, (s) => storedSelector(s) as Json)))),
  // Subjects is an omitempty list.
  RoleBinding: (o) => omitEmpty(o, ['subjects']),
  ClusterRoleBinding: (o) => omitEmpty(o, ['subjects']),
} satisfies Record<string, Stored>));

/** The object with its kind's nested empty omitempty fields dropped; the object itself when none (or a kind without any). */
export function storedKindFields(obj: Json, kind: string): Json {
  const f = STORED.get(kind);
  return f === undefined || !isObj(obj) ? obj : f(obj);
}
