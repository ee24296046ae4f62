import type { Cluster } from '../engine/types';
import type { KubeObject } from '../api/types';
import { applyManifests, viewOf } from '../index';
import { coalesceValues } from './values';
import { renderChart, RenderError, type ReleaseInfo } from './engine';
import { ManifestError, manifestText, parseManifestText, sortManifests } from './manifests';
import { createResources, deleteResources, deleteSecrets, storeSecrets, updateResources } from './kube';
import { releaseOf, releaseSecret, type Release, type ReleaseStatus } from './release';
import { isoAt } from './time';
import { toPlain, type GoMap, type GoValue } from './template/values';
import { checkDependencies, enabledDependencies, type Chart } from './chart';

// Helm's pkg/action over the simulator: install, upgrade, rollback, uninstall, and the release
// history read from the Secrets driver. Each returns the next cluster and the release, or Helm's error.

export type ActionResult = { readonly cluster: Cluster; readonly release: Release } | { readonly error: string };

/** chartutil.ValidateReleaseName. */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export function validateReleaseName(name: string): string | undefined {
  if (name === '' || name.length > 53 || !RELEASE_NAME.test(name)) {
    return `release name ${JSON.stringify(name)}: invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`;
  }
  return undefined;
}

/** Every stored revision of `name` in `namespace`, oldest first. */
export function history(cluster: Cluster, namespace: string, name: string): Release[] {
  const secrets = viewOf(cluster).select<KubeObject>('Secret', namespace, { matchLabels: { owner: 'helm', name } });
  return secrets.map(releaseOf).filter((r): r is Release => r !== undefined && r.name === name).sort((a, b) => a.version - b.version);
}

/** The releases of a namespace ('' for all), latest revision of each. */
export function latestReleases(cluster: Cluster, namespace: string | undefined): Release[] {
  const view = viewOf(cluster);
  const secrets = namespace === undefined ? view.list<KubeObject>('Secret') : view.select<KubeObject>('Secret', namespace, { matchLabels: { owner: 'helm' } });
  const latest = new Map<string, Release>();
  for (const s of secrets) {
    if (s.metadata.labels?.owner !== 'helm') continue;
    const r = releaseOf(s);
    if (r === undefined) continue;
    const k = `${r.namespace}/${r.name}`;
    const cur = latest.get(k);
    if (cur === undefined || r.version > cur.version) latest.set(k, r);
  }
  return [...latest.values()];
}

function nowIso(cluster: Cluster): string { return isoAt(cluster.config.epochMs + cluster.nowMs); }
function nowUnix(cluster: Cluster): number { return Math.floor((cluster.config.epochMs + cluster.nowMs) / 1000); }

export interface Rendered { readonly manifest: string; readonly manifests: ReturnType<typeof sortManifests>['manifests']; readonly hooks: Release['hooks']; readonly notes: string }

/** action.renderResources: render, split, sort; NOTES.txt of the top chart only. */
export function render(cluster: Cluster | undefined, chart: Chart, config: GoMap, info: ReleaseInfo, kubeVersion: string): Rendered | { error: string } {
  const values = coalesceValues(chart, config);
  const enabled = enabledDependencies(chart, values);
  let files: Map<string, string>;
  try {
    files = renderChart(enabled, values, info, {
      kubeVersion,
      lookup: cluster === undefined ? undefined : (apiVersion, kind, ns, name) => lookup(cluster, kind, ns, name),
    });
  } catch (e) {
    if (e instanceof RenderError) return { error: e.message };
    throw e;
  }
  const notesKey = `${chart.metadata.name}/templates/NOTES.txt`;
  const notes = files.get(notesKey) ?? '';
  for (const k of [...files.keys()]) if (k.endsWith('NOTES.txt')) files.delete(k);
  try {
    const sorted = sortManifests(files);
    return { manifest: manifestText(sorted.manifests), manifests: sorted.manifests, hooks: sorted.hooks, notes };
  } catch (e) {
    if (e instanceof ManifestError) return { error: e.message };
    throw e;
  }
}

function lookup(cluster: Cluster, kind: string, namespace: string, name: string): GoMap {
  const view = viewOf(cluster);
  if (name === '') return { items: view.list<KubeObject>(kind, namespace === '' ? undefined : namespace).map((o) => toPlain(o as unknown as GoValue) as GoValue) } as GoMap;
  const o = view.get<KubeObject>(kind, namespace, name);
  return o === undefined ? {} : (JSON.parse(JSON.stringify(o)) as GoMap);
}

export interface InstallOptions {
  readonly name: string;
  readonly namespace: string;
  readonly chart: Chart;
  readonly config: GoMap;
  readonly dryRun: boolean;
  readonly description?: string;
  /** --create-namespace: Helm creates it, labelled name=<namespace>. */
  readonly createNamespace?: boolean;
}

/** action.Install.Run. */
export function install(cluster: Cluster, o: InstallOptions): ActionResult {
  const bad = validateReleaseName(o.name);
  if (bad !== undefined) return { error: bad };
  if (o.chart.metadata.type !== undefined && o.chart.metadata.type !== '' && o.chart.metadata.type !== 'application') return { error: `${o.chart.metadata.type} charts are not installable` };
  const existing = history(cluster, o.namespace, o.name);
  if (!o.dryRun && existing.length > 0 && existing[existing.length - 1].info.status !== 'uninstalled') return { error: 'cannot re-use a name that is still in use' };
  const r = render(cluster, o.chart, o.config, { name: o.name, namespace: o.namespace, revision: 1, isInstall: true, isUpgrade: false }, cluster.config.kubernetesVersion);
  if ('error' in r) return r;
  const now = nowIso(cluster);
  const base: Release = {
    name: o.name, namespace: o.namespace, version: 1, chart: o.chart, config: o.config, manifest: r.manifest, hooks: r.hooks,
    info: { first_deployed: now, last_deployed: now, deleted: '', description: 'Initial install underway', status: 'pending-install', notes: r.notes },
  };
  if (o.dryRun) return { cluster, release: { ...base, info: { ...base.info, description: 'Dry run complete' } } };
  // an uninstalled release kept with --keep-history is replaced: its old records go
  let c = cluster;
  if (o.createNamespace && viewOf(c).get('Namespace', '', o.namespace) === undefined) {
    const ns = applyManifests(c, JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.namespace, labels: { name: o.namespace } } }), { mode: 'create', source: 'helm' });
    if (ns.errors.length > 0) return { error: ns.errors.join('; ') };
    c = ns.cluster;
  }
  if (existing.length > 0) {
    const d = deleteSecrets(c, o.namespace, existing.map((x) => `sh.helm.release.v1.${x.name}.v${x.version}`));
    if (d.error !== undefined) return { error: d.error };
    c = d.cluster;
  }
  const applied = createResources(c, [...r.manifests], o.name, o.namespace);
  if (applied.error !== undefined) {
    return { error: applied.error };
  }
  const release: Release = { ...base, info: { ...base.info, status: 'deployed', description: 'Install complete' } };
  const stored = storeSecrets(applied.cluster, [releaseSecret(release, nowUnix(cluster), false)]);
  if (stored.error !== undefined) return { error: stored.error };
  return { cluster: stored.cluster, release };
}

export interface UpgradeOptions {
  readonly name: string;
  readonly namespace: string;
  readonly chart: Chart;
  readonly config: GoMap;
  readonly dryRun: boolean;
  readonly reuseValues: boolean;
  readonly resetValues: boolean;
}

function supersede(r: Release): Release {
  return { ...r, info: { ...r.info, status: 'superseded' } };
}

/** action.Upgrade.Run: a new revision; the last deployed one becomes superseded. */
export function upgrade(cluster: Cluster, o: UpgradeOptions): ActionResult {
  const bad = validateReleaseName(o.name);
  if (bad !== undefined) return { error: bad };
  const missing = checkDependencies(o.chart);
  if (missing !== undefined) return { error: missing };
  const all = history(cluster, o.namespace, o.name);
  if (all.length === 0) return { error: `"${o.name}" has no deployed releases` };
  const last = all[all.length - 1];
  const deployed = [...all].reverse().find((r) => r.info.status === 'deployed');
  if (deployed === undefined && last.info.status === 'uninstalled') return { error: `"${o.name}" has no deployed releases` };
  const current = deployed ?? last;
  const config = o.reuseValues ? mergeConfig(current.config, o.config) : o.config;
  const version = last.version + 1;
  const r = render(cluster, o.chart, config, { name: o.name, namespace: o.namespace, revision: version, isInstall: false, isUpgrade: true }, cluster.config.kubernetesVersion);
  if ('error' in r) return r;
  const now = nowIso(cluster);
  const release: Release = {
    name: o.name, namespace: o.namespace, version, chart: o.chart, config, manifest: r.manifest, hooks: r.hooks,
    info: { first_deployed: current.info.first_deployed, last_deployed: now, deleted: '', description: 'Upgrade complete', status: 'deployed', notes: r.notes },
  };
  if (o.dryRun) return { cluster, release: { ...release, info: { ...release.info, status: 'pending-upgrade', description: 'Dry run complete' } } };
  const applied = updateResources(cluster, parseManifestText(current.manifest), r.manifests, o.name, o.namespace, 'UPGRADE FAILED');
  if (applied.error !== undefined) return { error: applied.error };
  const stored = storeSecrets(applied.cluster, [releaseSecret(supersede(current), nowUnix(cluster), true), releaseSecret(release, nowUnix(cluster), false)]);
  if (stored.error !== undefined) return { error: stored.error };
  return { cluster: stored.cluster, release };
}

function mergeConfig(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const p = out[k];
    out[k] = typeof v === 'object' && v !== null && !Array.isArray(v) && typeof p === 'object' && p !== null && !Array.isArray(p) ? mergeConfig(p as GoMap, v as GoMap) : v;
  }
  return out;
}

/** action.Rollback.Run: the target revision's chart, values and manifest as a new revision. */
export function rollback(cluster: Cluster, name: string, namespace: string, revision: number): ActionResult {
  const bad = validateReleaseName(name);
  if (bad !== undefined) return { error: bad };
  const all = history(cluster, namespace, name);
  if (all.length === 0) return { error: 'release: not found' };
  const last = all[all.length - 1];
  const targetVersion = revision > 0 ? revision : last.version - 1;
  if (targetVersion < 1) return { error: 'release has no 0 version' };
  const target = all.find((r) => r.version === targetVersion);
  if (target === undefined) return { error: `release: not found` };
  const current = [...all].reverse().find((r) => r.info.status === 'deployed') ?? last;
  const now = nowIso(cluster);
  const release: Release = {
    ...target, version: last.version + 1,
    info: { first_deployed: current.info.first_deployed, last_deployed: now, deleted: '', description: `Rollback to ${targetVersion}`, status: 'deployed', notes: target.info.notes },
  };
  const applied = updateResources(cluster, parseManifestText(current.manifest), parseManifestText(target.manifest), name, namespace, 'rollback');
  if (applied.error !== undefined) return { error: applied.error };
  const superseded = all.filter((r) => r.info.status === 'deployed').map(supersede);
  const stored = storeSecrets(applied.cluster, [...superseded.map((r) => releaseSecret(r, nowUnix(cluster), true)), releaseSecret(release, nowUnix(cluster), false)]);
  if (stored.error !== undefined) return { error: stored.error };
  return { cluster: stored.cluster, release };
}

/** action.Uninstall.Run: delete the objects, then the records (or keep them, marked uninstalled). */
export function uninstall(cluster: Cluster, name: string, namespace: string, keepHistory: boolean): ActionResult {
  const all = history(cluster, namespace, name);
  if (all.length === 0) return { error: `uninstall: Release not loaded: ${name}: release: not found` };
  const last = all[all.length - 1];
  if (last.info.status === 'uninstalled') {
    if (!keepHistory) {
      const d = deleteSecrets(cluster, namespace, all.map((r) => `sh.helm.release.v1.${r.name}.v${r.version}`));
      if (d.error !== undefined) return { error: d.error };
      return { cluster: d.cluster, release: last };
    }
    return { error: `the release named "${name}" is already deleted` };
  }
  const del = deleteResources(cluster, parseManifestText(last.manifest), namespace);
  if (del.error !== undefined) return { error: del.error };
  const release: Release = { ...last, info: { ...last.info, status: 'uninstalled' as ReleaseStatus, deleted: nowIso(cluster), description: 'Uninstallation complete' } };
  if (keepHistory) {
    const stored = storeSecrets(del.cluster, [releaseSecret(release, nowUnix(cluster), true)]);
    if (stored.error !== undefined) return { error: stored.error };
    return { cluster: stored.cluster, release };
  }
  const d = deleteSecrets(del.cluster, namespace, all.map((r) => `sh.helm.release.v1.${r.name}.v${r.version}`));
  if (d.error !== undefined) return { error: d.error };
  return { cluster: d.cluster, release };
}
