import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyProfile, type DebugTarget, type Profile } from './profiles';

// profiles.go: what each profile does to the debug Pod, per target.

const probe = { tcpSocket: { port: 80 } };
function specFor(target: DebugTarget): Record<string, unknown> {
  if (target === 'ephemeral') return { ephemeralContainers: [{ name: 'dbg', image: 'busybox' }] };
  if (target === 'node') return { containers: [{ name: 'dbg', image: 'busybox' }], securityContext: { runAsUser: 1000 } };
  return { containers: [{ name: 'app', image: 'nginx', livenessProbe: probe, readinessProbe: probe, startupProbe: probe }, { name: 'dbg', image: 'busybox' }], hostNetwork: true };
}
const applied = (p: Profile, t: DebugTarget) => { const s = specFor(t); applyProfile(p, s, 'dbg', t); return s; };

test('legacy: nothing for a Pod; for a node the host namespaces and / at /host', () => {
  assert.deepEqual(applied('legacy', 'ephemeral'), specFor('ephemeral'));
  assert.deepEqual(applied('legacy', 'copy'), specFor('copy'));
  const node = applied('legacy', 'node');
  assert.deepEqual([node.hostNetwork, node.hostPID, node.hostIPC, node.volumes], [true, true, true, [{ name: 'host-root', hostPath: { path: '/' } }]]);
  assert.deepEqual((node.containers as { volumeMounts?: unknown }[])[0].volumeMounts, [{ mountPath: '/host', name: 'host-root' }]);
  assert.deepEqual(node.securityContext, { runAsUser: 1000 }, 'legacy keeps the Pod securityContext');
});

test('general: SYS_PTRACE for the debug container; a copy shares processes and loses liveness/readiness probes; a node Pod loses its securityContext', () => {
  assert.deepEqual((applied('general', 'ephemeral').ephemeralContainers as { securityContext?: unknown }[])[0].securityContext, { capabilities: { add: ['SYS_PTRACE'] } });
  const copy = applied('general', 'copy');
  assert.equal(copy.shareProcessNamespace, true);
  assert.deepEqual(Object.keys((copy.containers as Record<string, unknown>[])[0]), ['name', 'image', 'startupProbe']);
  assert.equal(applied('general', 'node').securityContext, undefined);
});

test('baseline and restricted: isolated namespaces; restricted runs as non-root with every capability dropped', () => {
  const copy = applied('baseline', 'copy');
  assert.deepEqual([copy.hostNetwork, copy.shareProcessNamespace], [undefined, true]);
  assert.deepEqual((copy.containers as { securityContext?: unknown }[])[1].securityContext, { capabilities: { add: ['SYS_PTRACE'] } });
  assert.equal(applied('baseline', 'node').hostNetwork, undefined);
  assert.deepEqual((applied('restricted', 'ephemeral').ephemeralContainers as { securityContext?: unknown }[])[0].securityContext, { runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
  assert.equal(applied('restricted', 'node').securityContext, undefined);
});
