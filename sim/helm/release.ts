import { gunzipSync, gzipSync } from 'node:zlib';
import type { Chart, ChartFile } from './chart';
import { toPlain, fromJson, type GoMap } from './template/values';
import type { KubeObject } from '../api/types';

// A release (Helm's pkg/release.Release) and its storage as the Secrets driver keeps it
// (pkg/storage/driver/secrets.go, util.go): one Secret per revision, named
// sh.helm.release.v1.<name>.v<revision>, type helm.sh/release.v1, labels name/owner/status/version,
// data.release = base64(gzip(json(release))).

export type ReleaseStatus = 'unknown' | 'deployed' | 'uninstalled' | 'superseded' | 'failed' | 'uninstalling' | 'pending-install' | 'pending-upgrade' | 'pending-rollback';

export interface Hook {
  readonly name: string;
  readonly kind: string;
  readonly path: string;
  readonly manifest: string;
  readonly events: readonly string[];
  /** Set once helm test (or an install hook) ran it. */
  readonly last_run?: { readonly started_at: string; readonly completed_at: string; readonly phase: string };
}

export interface Release {
  readonly name: string;
  readonly namespace: string;
  readonly version: number;
  readonly info: {
    readonly first_deployed: string;
    readonly last_deployed: string;
    readonly deleted: string;
    readonly description: string;
    readonly status: ReleaseStatus;
    readonly notes?: string;
  };
  readonly chart: Chart;
  /** The user-supplied values (-f, --set). */
  readonly config: GoMap;
  readonly manifest: string;
  readonly hooks: readonly Hook[];
}

export const RELEASE_SECRET_TYPE = 'helm.sh/release.v1';

export function secretName(name: string, version: number): string {
  return `sh.helm.release.v1.${name}.v${version}`;
}

/** driver.encodeRelease: gzip, then base64 (the Secret's data adds its own base64 on top). */
export function encodeRelease(r: Release): string {
  const chart = { ...r.chart, templates: r.chart.templates.map(b64File), files: r.chart.files.map(b64File), dependencies: r.chart.dependencies };
  const json = JSON.stringify(toPlain({ ...r, chart } as never));
  return gzipSync(Buffer.from(json, 'utf8')).toString('base64');
}

export function decodeRelease(encoded: string): Release {
  const raw = JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')) as Release;
  const chart = unb64Chart(raw.chart);
  return { ...raw, chart, config: fromJson(raw.config ?? {}) as GoMap };
}

function b64File(f: ChartFile): ChartFile {
  return { name: f.name, data: Buffer.from(f.data, 'utf8').toString('base64') };
}

function unb64Chart(c: Chart): Chart {
  return {
    ...c,
    values: fromJson(c.values) as GoMap,
    templates: c.templates.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64').toString('utf8') })),
    files: c.files.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64').toString('utf8') })),
    dependencies: c.dependencies.map(unb64Chart),
  };
}

/** The Secret holding one revision (newSecretsObject). */
export function releaseSecret(r: Release, nowUnix: number, modified: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: secretName(r.name, r.version),
      namespace: r.namespace,
      labels: { [modified ? 'modifiedAt' : 'createdAt']: String(nowUnix), name: r.name, owner: 'helm', status: r.info.status, version: String(r.version) },
    },
    type: RELEASE_SECRET_TYPE,
    data: { release: Buffer.from(encodeRelease(r), 'utf8').toString('base64') },
  } as unknown as KubeObject;
}

/** Reads a release back from its Secret; undefined when it is not one. */
export function releaseOf(secret: KubeObject): Release | undefined {
  const s = secret as unknown as { type?: string; data?: Record<string, string> };
  if (s.type !== RELEASE_SECRET_TYPE || s.data?.release === undefined) return undefined;
  try {
    return decodeRelease(Buffer.from(s.data.release, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}
