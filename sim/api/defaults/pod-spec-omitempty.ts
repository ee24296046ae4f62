import { storedSelector, withStoredSelectors } from './selector';
import { isObj, mapSame, omitEmpty, onObj, withField, type Json } from './util';

// The nested structs of a PodSpec (core/v1 types.go) whose omitempty fields the Go round trip
// drops when empty: security contexts, exec handlers, volume sources, affinity and spread terms.
// Pointers (runAsUser 0, privileged false, defaultMode, a selector given as {}) keep their value;
// fields without omitempty (SeccompProfile.type, PodAffinityTerm.topologyKey, NodeSelector's
// nodeSelectorTerms, ProjectedVolumeSource.sources) are left as given. Each function returns its
// argument itself when there is nothing to drop: templates are defaulted once, their Pods share it.

/** SELinuxOptions: user, role, type and level are all omitempty strings. */
const selinux = onObj((o) => omitEmpty(o, ['user', 'role', 'type', 'level']));

/** Capabilities: add and drop are omitempty lists. */
const capabilities = onObj((o) => omitEmpty(o, ['add', 'drop']));

/** A container's SecurityContext: every field is a pointer; capabilities' and seLinuxOptions' own fields go when empty. */
export const storedSecurityContext = onObj((sc) => withField(withField(sc, 'capabilities', capabilities), 'seLinuxOptions', selinux));

/** PodSecurityContext: supplementalGroups and sysctls are omitempty lists; seLinuxOptions as for a container. */
export const storedPodSecurityContext = onObj((sc) => withField(omitEmpty(sc, ['supplementalGroups', 'sysctls']), 'seLinuxOptions', selinux));

/** ExecAction.command is an omitempty list (validation requires it; `command: []` is not stored). */
const exec = onObj((o) => omitEmpty(o, ['command']));

/** A Probe or LifecycleHandler: its exec action. */
export const storedHandler = onObj((h) => withField(h, 'exec', exec));

/** A container's lifecycle hooks' exec actions. */
export const storedLifecycle = onObj((l) => withField(withField(l, 'postStart', storedHandler), 'preStop', storedHandler));

/** ConfigMap and Secret sources: items and the name are omitempty (LocalObjectReference.name, SecretVolumeSource.secretName). */
const configMapSource = onObj((o) => omitEmpty(o, ['name', 'items']));
const secretSource = onObj((o) => omitEmpty(o, ['secretName', 'items']));
const downwardAPISource = onObj((o) => omitEmpty(o, ['items']));
/** A projection's configMap and secret (both LocalObjectReference + items), downwardAPI items. */
const projection = (p: Json): Json => withField(withField(withField(p, 'configMap', configMapSource), 'secret', configMapSource), 'downwardAPI', downwardAPISource);
/** ProjectedVolumeSource.sources has no omitempty (an empty list stays); its projections' fields go. */
const projectedSource = onObj((o) => withField(o, 'sources', (s) => mapSame(s, projection)));

/** A Volume's configMap, secret, downwardAPI and projected sources without their empty omitempty fields. */
export function storedVolumeSources(v: Json): Json {
  let out = v;
  if ('configMap' in v) out = withField(out, 'configMap', configMapSource);
  if ('secret' in v) out = withField(out, 'secret', secretSource);
  if ('downwardAPI' in v) out = withField(out, 'downwardAPI', downwardAPISource);
  if ('projected' in v) out = withField(out, 'projected', projectedSource);
  return out;
}

/** NodeSelectorTerm: matchExpressions and matchFields are omitempty, and so is a requirement's values. */
const requirements = (list: unknown) => mapSame(list, (r) => omitEmpty(r, ['values']));
const nodeSelectorTerm = (t: Json): Json => withField(withField(omitEmpty(t, ['matchExpressions', 'matchFields']), 'matchExpressions', requirements), 'matchFields', requirements);

/** NodeAffinity: the required NodeSelector's terms (a list without omitempty), the preferred list (omitempty). */
const nodeAffinity = onObj((na) => {
  const out = omitEmpty(na, ['preferredDuringSchedulingIgnoredDuringExecution']);
  const required = withField(out, 'requiredDuringSchedulingIgnoredDuringExecution', onObj((ns) => withField(ns, 'nodeSelectorTerms', (l) => mapSame(l, nodeSelectorTerm))));
  return withField(required, 'preferredDuringSchedulingIgnoredDuringExecution', (l) => mapSame(l, (p) => withField(p, 'preference', onObj(nodeSelectorTerm))));
});

/** PodAffinityTerm: namespaces, matchLabelKeys, mismatchLabelKeys omitempty; its two selectors (pointers) in stored form. */
const podAffinityTerm = (t: Json): Json => withStoredSelectors(omitEmpty(t, ['namespaces', 'matchLabelKeys', 'mismatchLabelKeys']), ['labelSelector', 'namespaceSelector']);

/** PodAffinity / PodAntiAffinity: both lists omitempty; weighted terms hold a podAffinityTerm. */
const podAffinity = onObj((pa) => {
  const out = omitEmpty(pa, ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution']);
  const required = withField(out, 'requiredDuringSchedulingIgnoredDuringExecution', (l) => mapSame(l, podAffinityTerm));
  return withField(required, 'preferredDuringSchedulingIgnoredDuringExecution', (l) => mapSame(l, (w) => withField(w, 'podAffinityTerm', onObj(podAffinityTerm))));
});

/** Affinity (its three parts are pointers: `podAffinity: {}` stays) without the parts' empty fields. */
export const storedAffinity = onObj((a) => withField(withField(withField(a, 'nodeAffinity', nodeAffinity), 'podAffinity', podAffinity), 'podAntiAffinity', podAffinity));

/** TopologySpreadConstraint: matchLabelKeys omitempty; labelSelector (a pointer) in stored form. */
export const storedSpreadConstraints = (list: unknown): unknown => mapSame(list, (c) => withField(omitEmpty(c, ['matchLabelKeys']), 'labelSelector', storedSelector));

/** The nested parts of a PodSpec (already without its own empty fields) in stored form; the spec itself when none changes. */
export function storedPodSpecParts(spec: Json): Json {
  let out = spec;
  if (isObj(spec.securityContext)) out = withField(out, 'securityContext', storedPodSecurityContext);
  if (isObj(spec.affinity)) out = withField(out, 'affinity', storedAffinity);
  if (Array.isArray(spec.topologySpreadConstraints)) out = withField(out, 'topologySpreadConstraints', storedSpreadConstraints);
  return out;
}

/** A container's securityContext, probes and lifecycle hooks in stored form; the container itself when none changes. */
export function storedContainerParts(c: Json): Json {
  let out = c;
  if (isObj(c.securityContext)) out = withField(out, 'securityContext', storedSecurityContext);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (isObj(c[probe])) out = withField(out, probe, storedHandler);
  if (isObj(c.lifecycle)) out = withField(out, 'lifecycle', storedLifecycle);
  return out;
}
