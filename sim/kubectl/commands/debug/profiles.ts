// kubectl debug's profiles (staging/src/k8s.io/kubectl/pkg/cmd/debug/profiles.go): what each does
// to the debug Pod's spec, for an ephemeral container (the Pod itself), a copy of a Pod, or a node.
// Specs are plain JSON (the manifest kubectl sends), changed in place on a copy the caller owns.

export const SIMULATED_PROFILES = ['legacy', 'general', 'baseline', 'restricted'] as const;
export type Profile = (typeof SIMULATED_PROFILES)[number];
export type DebugTarget = 'ephemeral' | 'copy' | 'node';

type Json = Record<string, unknown>;

/** Profile.Apply: `spec` is the debug Pod's spec, `container` the debug container's name. */
export function applyProfile(profile: Profile, spec: Json, container: string, target: DebugTarget): void {
  const list = (target === 'ephemeral' ? spec.ephemeralContainers : spec.containers) as Json[];
  const modify = (m: (c: Json) => void) => { for (const c of list) if (c.name === container) m(c); };
  switch (profile) {
    case 'legacy':
      // legacyProfile: nothing for a Pod (copy or ephemeral).
      if (target === 'node') { mountRootPartition(spec, modify); setHostNamespace(spec, true); }
      return;
    case 'general':
      if (target === 'ephemeral') modify((c) => addCapability(c, 'SYS_PTRACE'));
      else if (target === 'copy') { spec.shareProcessNamespace = true; modify((c) => addCapability(c, 'SYS_PTRACE')); removeProbes(spec); }
      else { mountRootPartition(spec, modify); delete spec.securityContext; setHostNamespace(spec, true); }
      return;
    case 'baseline':
      if (target === 'ephemeral') modify((c) => { delete c.securityContext; });
      else if (target === 'copy') {
        delete spec.securityContext; spec.shareProcessNamespace = true; setHostNamespace(spec, false);
        modify((c) => { delete c.securityContext; addCapability(c, 'SYS_PTRACE'); });
        removeProbes(spec);
      } else { delete spec.securityContext; setHostNamespace(spec, false); }
      return;
    case 'restricted': {
      const sc = () => ({ runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
      if (target === 'ephemeral') modify((c) => { c.securityContext = sc(); });
      else if (target === 'copy') { spec.shareProcessNamespace = true; modify((c) => { c.securityContext = sc(); }); removeProbes(spec); }
      delete spec.securityContext;
      setHostNamespace(spec, false);
      return;
    }
  }
}

/** The node's / as hostPath volume host-root, mounted at /host in the debug container. */
function mountRootPartition(spec: Json, modify: (m: (c: Json) => void) => void): void {
  spec.volumes = [...((spec.volumes as Json[] | undefined) ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  modify((c) => { c.volumeMounts = [...((c.volumeMounts as Json[] | undefined) ?? []), { mountPath: '/host', name: 'host-root' }]; });
}

/** setHostNamespace: false is Go's zero value, which the manifest leaves out. */
function setHostNamespace(spec: Json, enabled: boolean): void {
  for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) { if (enabled) spec[f] = true; else delete spec[f]; }
}

function addCapability(c: Json, cap: string): void {
  const sc = { ...((c.securityContext as Json | undefined) ?? {}) };
  const caps = { ...((sc.capabilities as Json | undefined) ?? {}) };
  caps.add = [...((caps.add as string[] | undefined) ?? []), cap];
  sc.capabilities = caps;
  c.securityContext = sc;
}

/** removeProbes: liveness and readiness probes of every container go (startup probes stay). */
function removeProbes(spec: Json): void {
  spec.containers = (spec.containers as Json[]).map((c) => { const { livenessProbe: _l, readinessProbe: _r, ...rest } = c; return rest; });
}
