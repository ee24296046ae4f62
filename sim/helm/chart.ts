import { parseYaml, YamlError } from './goyaml';
import { isMap, type GoMap, type GoValue } from './template/values';
import type { HelmIo } from './io';

// A chart in memory (Helm's pkg/chart.Chart) and its loader (pkg/chart/loader LoadFiles, then
// Metadata.Validate): Chart.yaml, values.yaml, templates/**, charts/<sub>/** and the other files.

export interface ChartFile { readonly name: string; readonly data: string }

export interface ChartMetadata {
  readonly apiVersion: string;
  readonly name: string;
  readonly version: string;
  readonly appVersion?: string;
  readonly description?: string;
  readonly type?: string;
  readonly [key: string]: GoValue;
}

export interface Chart {
  readonly metadata: ChartMetadata;
  readonly values: GoMap;
  /** values.yaml as written, for `helm show values`. */
  readonly rawValues: string;
  readonly templates: readonly ChartFile[];
  readonly files: readonly ChartFile[];
  readonly dependencies: readonly Chart[];
}

export class ChartError extends Error {}

/** Loads a chart from its files (paths relative to the chart directory). Throws ChartError. */
export function loadChartFiles(files: ReadonlyMap<string, string>): Chart {
  const own = new Map<string, string>();
  const subcharts = new Map<string, Map<string, string>>();
  for (const [path, data] of files) {
    const m = /^charts\/([^/]+)\/(.+)$/.exec(path);
    if (m !== null) {
      if (!subcharts.has(m[1])) subcharts.set(m[1], new Map());
      subcharts.get(m[1])!.set(m[2], data);
    } else {
      own.set(path, data);
    }
  }
  const chartYaml = own.get('Chart.yaml');
  if (chartYaml === undefined) throw new ChartError('Chart.yaml file is missing');
  let meta: GoValue;
  try {
    meta = parseYaml(chartYaml);
  } catch (e) {
    throw new ChartError(`cannot load Chart.yaml: ${(e as Error).message}`);
  }
  if (!isMap(meta)) throw new ChartError('cannot load Chart.yaml: error converting YAML to JSON: Chart.yaml is not a map');
  const metadata = validateMetadata(meta);
  let values: GoMap = {};
  const rawValues = own.get('values.yaml') ?? '';
  if (rawValues.trim() !== '') {
    let v: GoValue;
    try {
      v = parseYaml(rawValues);
    } catch (e) {
      throw new ChartError(`cannot load values.yaml: ${(e as Error).message}`);
    }
    if (v !== null && !isMap(v)) throw new ChartError('cannot load values.yaml: error unmarshaling JSON: json: cannot unmarshal array into Go value of type map[string]interface {}');
    values = (v ?? {}) as GoMap;
  }
  const templates: ChartFile[] = [];
  const other: ChartFile[] = [];
  for (const [name, data] of [...own].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name.startsWith('templates/')) templates.push({ name, data });
    else if (name !== 'Chart.yaml' && name !== 'values.yaml' && name !== 'requirements.yaml' && name !== 'requirements.lock' && name !== 'Chart.lock' && name !== '.helmignore') other.push({ name, data });
  }
  const dependencies = [...subcharts.keys()].sort().map((name) => loadChartFiles(subcharts.get(name)!));
  return { metadata, values, rawValues, templates, files: other, dependencies };
}

/** chart.Metadata.Validate. */
function validateMetadata(m: GoMap): ChartMetadata {
  const s = (k: string): string | undefined => (m[k] === null || m[k] === undefined ? undefined : typeof m[k] === 'number' ? String(m[k]) : String(m[k]));
  if (s('apiVersion') === undefined) throw new ChartError('validation: chart.metadata.apiVersion is required');
  if (s('name') === undefined) throw new ChartError('validation: chart.metadata.name is required');
  if (s('version') === undefined) throw new ChartError('validation: chart.metadata.version is required');
  if (!/^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(s('version')!)) throw new ChartError(`validation: chart.metadata.version "${s('version')}" is invalid`);
  const type = s('type');
  if (type !== undefined && type !== '' && type !== 'application' && type !== 'library') throw new ChartError('validation: chart.metadata.type must be application or library');
  return { ...m, apiVersion: s('apiVersion')!, name: s('name')!, version: s('version')!, ...(s('appVersion') !== undefined ? { appVersion: s('appVersion') } : {}) } as ChartMetadata;
}

/** Reads a chart directory through io; undefined when `dir` is not a directory. */
export function readChartDir(io: HelmIo, dir: string): Map<string, string> | undefined {
  const names = io.listDir(dir);
  if (names === undefined) return undefined;
  const files = new Map<string, string>();
  for (const n of names) {
    const data = io.readFile(`${dir.replace(/\/+$/, '')}/${n}`);
    if (data !== undefined) files.set(n, data);
  }
  return files;
}

export { YamlError };

/** A dependency as Chart.yaml (apiVersion v2) lists it. */
export interface Dependency { readonly name: string; readonly alias?: string; readonly condition?: string; readonly version?: string; readonly repository?: string }

export function dependenciesOf(chart: Chart): Dependency[] {
  const deps = chart.metadata.dependencies;
  if (!Array.isArray(deps)) return [];
  return deps.filter(isMap).map((d) => ({
    name: String(d.name ?? ''),
    ...(typeof d.alias === 'string' ? { alias: d.alias } : {}),
    ...(typeof d.condition === 'string' ? { condition: d.condition } : {}),
  }));
}

/** action.CheckDependencies: every dependency Chart.yaml lists must be in charts/. */
export function checkDependencies(chart: Chart): string | undefined {
  const have = new Set(chart.dependencies.map((d) => d.metadata.name));
  const missing = dependenciesOf(chart).filter((d) => !have.has(d.name)).map((d) => d.name);
  if (missing.length === 0) return undefined;
  return `An error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`;
}

/** chartutil.ProcessDependencyEnabled, conditions only: a dependency whose condition is false is left out. */
export function enabledDependencies(chart: Chart, values: GoMap): Chart {
  const conds = new Map(dependenciesOf(chart).filter((d) => d.condition !== undefined).map((d) => [d.alias ?? d.name, d.condition!]));
  const kept = chart.dependencies.filter((dep) => {
    const cond = conds.get(dep.metadata.name);
    if (cond === undefined) return true;
    for (const path of cond.split(',').map((c) => c.trim())) {
      let cur: GoValue = values;
      for (const k of path.split('.')) cur = isMap(cur) ? cur[k] : undefined;
      if (typeof cur === 'boolean') return cur;
    }
    return true;
  });
  return kept.length === chart.dependencies.length ? chart : { ...chart, dependencies: kept };
}
