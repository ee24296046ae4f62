import { ExecError, TemplateSet, type FuncMap } from './template/exec';
import { ParseError } from './template/parse';
import { sprigFuncs } from './template/sprig';
import { FuncError, GoStruct, isMap, toPlain, type GoMap, type GoValue } from './template/values';
import { parseYaml, toGoYaml } from './goyaml';
import type { Chart } from './chart';

// Helm's pkg/engine: every template of the chart and its subcharts is parsed into one set (so
// defines are shared), each non-partial file (name not starting with "_") is executed with the
// values scoped to its chart, "<no value>" is blanked, and errors are cleaned as Helm cleans them.

export class RenderError extends Error {}

export interface ReleaseInfo {
  readonly name: string;
  readonly namespace: string;
  readonly revision: number;
  readonly isInstall: boolean;
  readonly isUpgrade: boolean;
}

export interface RenderOptions {
  readonly kubeVersion: string;
  /** Helm's lookup against the cluster; the empty map when not connected (helm template). */
  readonly lookup?: (apiVersion: string, kind: string, namespace: string, name: string) => GoMap;
  /** helm lint: required/fail do not stop rendering. */
  readonly lintMode?: boolean;
}

export const HELM_VERSION = 'v3.17.3';
/** Helm's recursionMaxNums for include. */
const RECURSION_MAX = 1000;

/** The rendered text of every template file, by its full name (mychart/templates/x.yaml). */
export function renderChart(chart: Chart, values: GoMap, release: ReleaseInfo, opts: RenderOptions): Map<string, string> {
  const set = new TemplateSet({ ...sprigFuncs(), ...helmFuncs(opts) });
  const included = new Map<string, number>();
  const include = (name: GoValue, data: GoValue): GoValue => {
    const n = String(name);
    const count = included.get(n) ?? 0;
    if (count > RECURSION_MAX) throw new FuncError(`rendering template has a nested reference name: ${n}: unable to execute template`);
    included.set(n, count + 1);
    try {
      return set.execute(n, data);
    } catch (e) {
      if (e instanceof ExecError) throw new FuncError(e.message);
      // JavaScript's stack ends before Helm's 1000 nested includes; the error is Helm's
      if (e instanceof RangeError) throw new FuncError(`rendering template has a nested reference name: ${n}: unable to execute template`);
      throw e;
    } finally {
      included.set(n, count);
    }
  };
  let tplCount = 0;
  const tpl = (text: GoValue, vals: GoValue): GoValue => {
    const src = String(text);
    const name = `__tpl_${tplCount++}`;
    const clone = set.clone();
    try {
      clone.addFile(name, src);
    } catch (e) {
      if (e instanceof ParseError) throw new FuncError(`cannot parse template ${JSON.stringify(src)}: ${e.message}`);
      throw e;
    }
    try {
      return clone.execute(name, vals).replace(/<no value>/g, '');
    } catch (e) {
      if (e instanceof ExecError) throw new FuncError(`error during tpl function execution for ${JSON.stringify(src)}: ${e.message}`);
      throw e;
    }
  };
  set.addFuncs({ include, tpl });

  const entries = collect(chart, chart.metadata.name, values, release, opts);
  // sortTemplates: deeper paths first, then by name (Helm parses in this order)
  const sorted = [...entries].sort((a, b) => {
    const da = a.name.split('/').length;
    const db = b.name.split('/').length;
    return da !== db ? db - da : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  for (const e of sorted) {
    try {
      set.addFile(e.name, e.text);
    } catch (err) {
      if (err instanceof ParseError) throw new RenderError(cleanupParseError(e.name, err.message));
      throw err;
    }
  }
  const out = new Map<string, string>();
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.split('/').pop()!.startsWith('_')) continue;
    const data: GoMap = { ...e.vals, Template: new GoStruct('chartutil.Values', { Name: e.name, BasePath: e.basePath }) as unknown as GoValue } as GoMap;
    try {
      out.set(e.name, set.execute(e.name, data).replace(/<no value>/g, ''));
    } catch (err) {
      if (err instanceof ExecError) throw new RenderError(cleanupExecError(e.name, err.message));
      throw err;
    }
  }
  return out;
}

interface Entry { readonly name: string; readonly text: string; readonly vals: GoMap; readonly basePath: string }

function collect(chart: Chart, prefix: string, values: GoMap, release: ReleaseInfo, opts: RenderOptions): Entry[] {
  const top: GoMap = {
    Values: values,
    Release: { Name: release.name, Namespace: release.namespace, Revision: BigInt(release.revision), IsUpgrade: release.isUpgrade, IsInstall: release.isInstall, Service: 'Helm' },
    Chart: chartStruct(chart),
    Capabilities: capabilities(opts.kubeVersion),
    Files: filesStruct(chart),
  };
  const out: Entry[] = chart.templates.map((t) => ({ name: `${prefix}/${t.name}`, text: t.data, vals: top, basePath: `${prefix}/templates` }));
  for (const dep of chart.dependencies) {
    const sub = isMap(values[dep.metadata.name]) ? (values[dep.metadata.name] as GoMap) : {};
    out.push(...collect(dep, `${prefix}/charts/${dep.metadata.name}`, sub, release, opts));
  }
  return out;
}

const METADATA_FIELDS: Record<string, string> = {
  name: 'Name', home: 'Home', sources: 'Sources', version: 'Version', description: 'Description', keywords: 'Keywords',
  maintainers: 'Maintainers', icon: 'Icon', apiVersion: 'APIVersion', condition: 'Condition', tags: 'Tags', appVersion: 'AppVersion',
  deprecated: 'Deprecated', annotations: 'Annotations', kubeVersion: 'KubeVersion', dependencies: 'Dependencies', type: 'Type',
};

function chartStruct(chart: Chart): GoStruct {
  const fields: Record<string, GoValue> = {};
  for (const [yamlKey, goKey] of Object.entries(METADATA_FIELDS)) {
    const v = chart.metadata[yamlKey];
    fields[goKey] = v === undefined ? (['sources', 'keywords', 'maintainers', 'dependencies'].includes(yamlKey) ? null : yamlKey === 'deprecated' ? false : yamlKey === 'annotations' ? null : '') : v;
  }
  return new GoStruct('*chart.Metadata', fields);
}

function capabilities(kubeVersion: string): GoStruct {
  const [major, minor] = kubeVersion.replace(/^v/, '').split('.');
  const kv = new GoStruct('chartutil.KubeVersion', { Version: kubeVersion, Major: major, Minor: minor, GitVersion: () => kubeVersion, String: () => kubeVersion });
  const apiVersions = ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'autoscaling/v2', 'autoscaling/v1', 'policy/v1', 'rbac.authorization.k8s.io/v1', 'storage.k8s.io/v1', 'apiextensions.k8s.io/v1'];
  return new GoStruct('*chartutil.Capabilities', {
    KubeVersion: kv,
    APIVersions: new GoStruct('chartutil.VersionSet', { Has: (v: GoValue) => apiVersions.includes(String(v)) || /\/(Deployment|Service|Pod|ConfigMap|Secret|Ingress)$/.test(String(v)) }),
    HelmVersion: new GoStruct('chartutil.BuildInfo', { Version: HELM_VERSION, GitCommit: '', GitTreeState: 'clean', GoVersion: 'go1.23.7' }),
  });
}

function filesStruct(chart: Chart): GoStruct {
  const byName = new Map(chart.files.map((f) => [f.name, f.data]));
  return new GoStruct('chart.Files', {
    Get: (name: GoValue) => byName.get(String(name)) ?? '',
    GetBytes: (name: GoValue) => byName.get(String(name)) ?? '',
    Lines: (name: GoValue) => (byName.get(String(name)) ?? '').split('\n'),
    Glob: (pattern: GoValue) => {
      const re = new RegExp(`^${String(pattern).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*').replace(/\?/g, '.')}$`);
      const out: GoMap = {};
      for (const [n, d] of byName) if (re.test(n)) out[n] = d;
      return out;
    },
  });
}

function helmFuncs(opts: RenderOptions): FuncMap {
  const wrap = (msg: string): string => `HELM_ERR_START${msg}HELM_ERR_END`;
  return {
    toYaml: (v) => { try { return toGoYaml(toPlain(v)).replace(/\n$/, ''); } catch { return ''; } },
    fromYaml: (s) => { try { const v = parseYaml(String(s)); return isMap(v) ? v : {}; } catch (e) { return { Error: (e as Error).message }; } },
    fromYamlArray: (s) => { try { const v = parseYaml(String(s)); return Array.isArray(v) ? v : []; } catch (e) { return [(e as Error).message]; } },
    toJson: (v) => goJson(toPlain(v)),
    toPrettyJson: (v) => goJson(toPlain(v), 2),
    toRawJson: (v) => JSON.stringify(toPlain(v)),
    fromJson: (s) => { try { const v = JSON.parse(String(s)) as GoValue; return isMap(v) ? v : {}; } catch (e) { return { Error: (e as Error).message }; } },
    fromJsonArray: (s) => { try { const v = JSON.parse(String(s)) as GoValue; return Array.isArray(v) ? v : []; } catch (e) { return [(e as Error).message]; } },
    required: (warn, val) => {
      if (val === null || val === undefined || val === '') {
        if (opts.lintMode) return '';
        throw new FuncError(wrap(String(warn)));
      }
      return val;
    },
    fail: (msg) => {
      if (opts.lintMode) return '';
      throw new FuncError(wrap(String(msg)));
    },
    lookup: (apiVersion, kind, namespace, name) => (opts.lookup ? opts.lookup(String(apiVersion), String(kind), String(namespace), String(name)) : {}),
  };
}

/** encoding/json's Marshal: sorted keys, <, > and & escaped. */
function goJson(v: unknown, indent?: number): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]));
    return x;
  };
  return JSON.stringify(sortKeys(v), null, indent).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** engine.cleanupParseError: `parse error at (file:line): message`. */
function cleanupParseError(filename: string, message: string): string {
  const tokens = message.split(': ');
  if (tokens.length === 1) return `parse error in (${filename}): ${message}`;
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

/** engine.cleanupExecError: required/fail messages become `execution error at (file:line:col): message`. */
function cleanupExecError(filename: string, message: string): string {
  const tokens = splitN(message, ': ', 3);
  if (tokens.length !== 3) return `execution error in (${filename}): ${message}`;
  const m = /HELM_ERR_START([\s\S]*)HELM_ERR_END/.exec(tokens[2]);
  if (m !== null) return `execution error at (${tokens[1]}): ${m[1]}`;
  return message;
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i === -1) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}
