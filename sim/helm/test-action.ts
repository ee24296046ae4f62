import { advanceUntil, applyManifests, submit, viewOf } from '../index';
import type { Cluster } from '../engine/types';
import type { KubeObject } from '../api/types';
import { parseYaml } from './goyaml';
import { toPlain, type GoMap } from './template/values';
import { history } from './actions';
import { storeSecrets } from './kube';
import { releaseSecret, type Hook, type Release } from './release';
import { isoAt } from './time';

// helm test (action.ReleaseTesting.Run -> execHook for the "test" event): each test hook's object
// is created (an old one of the same name deleted first: the default before-hook-creation policy),
// then helm waits until its Pod succeeds or fails; the release records each hook's last run.

export type TestResult = { readonly cluster: Cluster; readonly release: Release; readonly failed: readonly string[] } | { readonly error: string };

export function testRelease(cluster: Cluster, name: string, namespace: string, timeoutMs: number): TestResult {
  const all = history(cluster, namespace, name);
  if (all.length === 0) return { error: 'release: not found' };
  const rel = all[all.length - 1];
  let c = cluster;
  const hooks: Hook[] = [];
  const failed: string[] = [];
  for (const h of rel.hooks) {
    if (!h.events.includes('test')) { hooks.push(h); continue; }
    const obj = parseYaml(h.manifest) as GoMap;
    const ns = namespace;
    if (viewOf(c).get(h.kind, ns, h.name) !== undefined) {
      const d = submit(c, [{ verb: 'delete', ref: { kind: h.kind, namespace: ns, name: h.name }, reason: 'helm test: before-hook-creation' }], 'helm');
      c = d.cluster;
      c = advanceUntil(c, timeoutMs, (v) => v.get(h.kind, ns, h.name) === undefined).cluster;
    }
    const started = isoAt(c.config.epochMs + c.nowMs);
    const r = applyManifests(c, JSON.stringify(toPlain(obj)), { mode: 'create', source: h.path, namespace: ns });
    if (r.errors.length > 0) return { error: `unable to create hook ${h.name}: ${r.errors.join('; ')}` };
    c = r.cluster;
    const phaseOf = (v: ReturnType<typeof viewOf>): string | undefined => (v.get<KubeObject>('Pod', ns, h.name) as unknown as { status?: { phase?: string } } | undefined)?.status?.phase;
    const waited = advanceUntil(c, timeoutMs, (v) => h.kind !== 'Pod' || phaseOf(v) === 'Succeeded' || phaseOf(v) === 'Failed');
    c = waited.cluster;
    const phase = h.kind !== 'Pod' ? 'Succeeded' : phaseOf(viewOf(c)) ?? 'Unknown';
    if (!waited.reached) failed.push(`timed out waiting for the condition`);
    else if (phase !== 'Succeeded') failed.push(`pod ${h.name} failed`);
    hooks.push({ ...h, last_run: { started_at: started, completed_at: isoAt(c.config.epochMs + c.nowMs), phase: waited.reached ? phase : 'Running' } });
  }
  const release: Release = { ...rel, hooks };
  const stored = storeSecrets(c, [releaseSecret(release, Math.floor((c.config.epochMs + c.nowMs) / 1000), true)]);
  if (stored.error !== undefined) return { error: stored.error };
  return { cluster: stored.cluster, release, failed };
}
