import { createHash } from 'node:crypto';
import { toGoYaml } from './goyaml';
import { toPlain, type GoMap, type GoValue } from './template/values';
import { writeTgz, readTgz, archiveBytes, ArchiveError } from './archive';
import { loadChartFiles, ChartError, type Chart } from './chart';
import { compareVersions, parseVersion } from './template/semver';
import type { HelmIo, HelmWrite } from './io';

// helm package (action.Package -> chartutil.Save: <name>-<version>.tgz, entries under <name>/,
// .helmignore'd files left out) and helm repo index (repo.IndexDirectory: every .tgz, its
// metadata, sha256 digest and URL; entries newest version first; keys sorted as sigs.k8s.io/yaml writes).

/** .helmignore, the common subset: names, dir/ patterns and * globs. */
function ignored(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const dir = p.endsWith('/');
    const glob = new RegExp(`^${p.replace(/\/$/, '').replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.')}$`);
    const parts = path.split('/');
    return parts.some((seg, i) => glob.test(seg) && (!dir || i < parts.length - 1)) || glob.test(path);
  });
}

export function packageChart(files: ReadonlyMap<string, string>, dest: string, mtimeSec: number): { write: HelmWrite; chart: Chart } | { error: string } {
  let chart: Chart;
  try {
    chart = loadChartFiles(files);
  } catch (e) {
    if (e instanceof ChartError) return { error: e.message };
    throw e;
  }
  if (chart.metadata.type === 'library' && chart.templates.some((t) => !t.name.split('/').pop()!.startsWith('_'))) return { error: 'library charts may not contain templates' };
  const patterns = (files.get('.helmignore') ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const name = chart.metadata.name;
  const entries = [...files].filter(([p]) => p !== '.helmignore' && !ignored(p, patterns)).sort(([a], [b]) => (a === 'Chart.yaml' ? -1 : b === 'Chart.yaml' ? 1 : a < b ? -1 : 1))
    .map(([p, t]) => [`${name}/${p}`, p === 'Chart.yaml' ? toGoYaml(toPlain(chart.metadata as unknown as GoValue)) : t] as const);
  const file = `${name}-${chart.metadata.version}.tgz`;
  const path = dest === '.' || dest === '' ? file : `${dest.replace(/\/+$/, '')}/${file}`;
  return { write: { path, data: writeTgz(entries, mtimeSec) }, chart };
}

/** Loads a chart from a .tgz (loader.LoadArchive): the entries' first directory is the chart's. */
export function loadArchive(archive: string): Chart | { error: string } {
  let files: Map<string, string>;
  try {
    files = readTgz(archive);
  } catch (e) {
    if (e instanceof ArchiveError) return { error: e.message };
    throw e;
  }
  const inner = new Map<string, string>();
  for (const [p, t] of files) {
    const slash = p.indexOf('/');
    if (slash === -1) continue;
    inner.set(p.slice(slash + 1), t);
  }
  if (inner.size === 0) return { error: 'no files in chart archive' };
  try {
    return loadChartFiles(inner);
  } catch (e) {
    if (e instanceof ChartError) return { error: e.message };
    throw e;
  }
}

/** helm repo index DIR [--url URL]: index.yaml for the .tgz files in DIR (and one level down). */
export function indexDirectory(io: HelmIo, dir: string, url: string | undefined, nowIso: string): HelmWrite | { error: string } {
  const names = (io.listDir(dir) ?? []).filter((n) => /^([^/]+\/)?[^/]+\.tgz$/.test(n)).sort();
  const entries: Record<string, GoMap[]> = {};
  for (const n of names) {
    const data = io.readFile(`${dir.replace(/\/+$/, '')}/${n}`);
    if (data === undefined) continue;
    const chart = loadArchive(data);
    if ('error' in chart) return { error: `error loading ${n}: ${chart.error}` };
    const slash = n.lastIndexOf('/');
    const parent = slash === -1 ? '' : n.slice(0, slash);
    const file = n.slice(slash + 1);
    const base = url === undefined ? parent : [url.replace(/\/+$/, ''), parent].filter((x) => x !== '').join('/');
    const entry: GoMap = {
      ...(toPlain(chart.metadata as unknown as GoValue) as GoMap),
      urls: [base === '' ? file : `${base}/${file}`],
      created: nowIso,
      digest: createHash('sha256').update(archiveBytes(data)).digest('hex'),
    };
    (entries[chart.metadata.name] ??= []).push(entry);
  }
  for (const list of Object.values(entries)) {
    list.sort((a, b) => {
      const va = parseVersion(String(a.version));
      const vb = parseVersion(String(b.version));
      return va && vb ? compareVersions(vb, va) : 0;
    });
  }
  const index = { apiVersion: 'v1', entries, generated: nowIso };
  const path = `${dir.replace(/\/+$/, '')}/index.yaml`;
  return { path, data: toGoYaml(index) };
}
