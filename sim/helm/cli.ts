import type { Cluster } from '../engine/types';
import { FlagError, parseArgs, str, bool, list, type FlagSpec, type ParsedArgs } from '../kubectl/flags';
import { clientNamespace } from '../kubectl/client-config';
import { adminKubeconfig } from '../kubectl/commands/kubeconfig';
import { ChartError, checkDependencies, loadChartFiles, readChartDir, type Chart } from './chart';
import { userValues, ValuesError } from './values';
import { history, install, latestReleases, render, rollback, uninstall, upgrade } from './actions';
import { coalesceValues } from './values';
import { toGoYaml } from './goyaml';
import { toPlain, type GoMap, type GoValue } from './template/values';
import { ansic, goTimeString, isoAt } from './time';
import { indexDirectory, loadArchive, packageChart } from './package';
import { uitable } from './uitable';
import { createChart } from './create';
import { lintChart } from './lint';
import { testRelease } from './test-action';
import { HELM_VERSION } from './engine';
import type { Release } from './release';
import type { HelmIo, HelmWrite } from './io';

// helm over the simulator: `runHelm(cluster, ['install', 'web', './mychart'], io)` returns the next
// cluster, what Helm 3 prints, and the files it wrote (helm create). Pure: files come through io.

export interface HelmResult {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly writes: readonly HelmWrite[];
}

interface Ctx {
  readonly cluster: Cluster;
  readonly args: ParsedArgs;
  readonly io: HelmIo;
  readonly namespace: string;
}

type Out = { cluster?: Cluster; stdout?: string; error?: string; writes?: HelmWrite[] };

interface HelmCommand {
  readonly use: string;
  readonly aliases?: readonly string[];
  readonly flags: readonly FlagSpec[];
  readonly minArgs?: number;
  readonly run: (ctx: Ctx) => Out;
  readonly subcommands?: Readonly<Record<string, HelmCommand>>;
}

const GLOBAL: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'debug', kind: 'bool' },
  { name: 'kube-context', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'help', short: 'h', kind: 'bool' },
];

const VALUES_FLAGS: readonly FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'stringArray' },
  { name: 'set', kind: 'stringArray' },
  { name: 'set-string', kind: 'stringArray' },
];

const INSTALL_FLAGS: readonly FlagSpec[] = [
  ...VALUES_FLAGS,
  { name: 'generate-name', short: 'g', kind: 'bool' },
  { name: 'dry-run', kind: 'string', noOptDefVal: 'client' },
  { name: 'version', kind: 'string' },
  { name: 'wait', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
  { name: 'atomic', kind: 'bool' },
  { name: 'create-namespace', kind: 'bool' },
  { name: 'description', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
];

// ------------------------------------------------------------------ chart location

/** action.ChartPathOptions.LocateChart + loader.Load. */
function locateChart(ctx: Ctx, ref: string): Chart | { error: string } {
  const name = ref.trim().replace(/\/+$/, '');
  const dir = readChartDir(ctx.io, name);
  if (dir !== undefined) {
    try {
      return loadChartFiles(dir);
    } catch (e) {
      if (e instanceof ChartError) return { error: e.message };
      throw e;
    }
  }
  const file = ctx.io.readFile(name);
  if (file !== undefined) {
    if (!file.startsWith('\x1f\x8b')) return { error: `file '${name}' does not appear to be a gzipped archive; got 'text/plain; charset=utf-8'` };
    return loadArchive(file);
  }
  if (name.startsWith('/') || name.startsWith('.')) return { error: `path ${JSON.stringify(name)} not found` };
  if (/^(https?|oci):\/\//.test(name)) return { error: `kubespec has no network: cannot download ${JSON.stringify(name)}` };
  const slash = name.indexOf('/');
  if (slash === -1) return { error: `non-absolute URLs should be in form of repo_name/path_to_chart, got: ${name}` };
  return { error: `repo ${name.slice(0, slash)} not found` };
}

function readValues(ctx: Ctx): { values: GoMap } | { error: string } {
  const files: { path: string; text: string }[] = [];
  for (const path of list(ctx.args, 'values')) {
    const text = ctx.io.readFile(path);
    if (text === undefined) return { error: `open ${path}: no such file or directory` };
    files.push({ path, text });
  }
  try {
    return { values: userValues(files, list(ctx.args, 'set'), list(ctx.args, 'set-string')) };
  } catch (e) {
    if (e instanceof ValuesError) return { error: e.message };
    throw e;
  }
}

// ------------------------------------------------------------------ printers

/** cmd/helm/status.go statusPrinter.WriteTable. */
export function printStatus(r: Release, debug: boolean): string {
  let out = `NAME: ${r.name}\n`;
  if (r.info.last_deployed !== '') out += `LAST DEPLOYED: ${ansic(r.info.last_deployed)}\n`;
  out += `NAMESPACE: ${r.namespace}\nSTATUS: ${r.info.status}\nREVISION: ${r.version}\n`;
  const tests = r.hooks.filter((h) => h.events.includes('test'));
  if (tests.length === 0) out += 'TEST SUITE: None\n';
  for (const h of tests) {
    if (h.last_run === undefined) continue; // not run yet: Helm prints nothing for it
    out += `TEST SUITE:     ${h.name}\nLast Started:   ${ansic(h.last_run.started_at)}\nLast Completed: ${ansic(h.last_run.completed_at)}\nPhase:          ${h.last_run.phase}\n`;
  }
  if (debug) {
    out += `USER-SUPPLIED VALUES:\n${toGoYaml(toPlain(r.config))}\n`;
    out += `COMPUTED VALUES:\n${toGoYaml(toPlain(coalesceValues(r.chart, r.config)))}\n`;
  }
  if (r.info.description.toLowerCase() === 'dry run complete' || debug) {
    out += 'HOOKS:\n';
    for (const h of r.hooks) out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    out += `MANIFEST:\n${r.manifest}\n`;
  }
  if ((r.info.notes ?? '').length > 0) out += `NOTES:\n${r.info.notes!.trim()}\n`;
  return out;
}

function chartLabel(r: Release): string { return `${r.chart.metadata.name}-${r.chart.metadata.version}`; }

function encode(r: unknown, format: string | undefined): string | undefined {
  if (format === 'json') return `${JSON.stringify(toPlain(r as GoValue))}\n`;
  if (format === 'yaml') return toGoYaml(toPlain(r as GoValue));
  return undefined;
}

// ------------------------------------------------------------------ commands

const installCmd: HelmCommand = {
  use: 'install [NAME] [CHART]',
  flags: INSTALL_FLAGS,
  minArgs: 1,
  run: (ctx) => {
    const a = ctx.args.positional;
    const generate = bool(ctx.args, 'generate-name');
    if (a.length > 2) return { error: `INSTALLATION FAILED: expected at most two arguments, unexpected arguments: ${a.slice(2).join(', ')}` };
    if (a.length === 2 && generate) return { error: 'INSTALLATION FAILED: cannot set --generate-name and also specify a name' };
    if (a.length === 1 && !generate) return { error: 'INSTALLATION FAILED: must either provide a name or specify --generate-name' };
    const chartRef = a.length === 2 ? a[1] : a[0];
    let name = a[0];
    if (a.length === 1) {
      let base = chartRef.replace(/\/+$/, '').split('/').pop() ?? '';
      if (base === '.' || base === '') base = 'chart';
      if (base.includes('.')) base = base.slice(0, base.indexOf('.'));
      name = `${base}-${Math.floor((ctx.cluster.config.epochMs + ctx.cluster.nowMs) / 1000)}`;
    }
    return doInstall(ctx, name, chartRef, 'INSTALLATION FAILED');
  },
};

function doInstall(ctx: Ctx, name: string, chartRef: string, prefix: string, lead = ''): Out {
  const v = readValues(ctx);
  if ('error' in v) return { error: `${prefix}: ${v.error}` };
  const values = v.values;
  const chart = locateChart(ctx, chartRef);
  if ('error' in chart) return { error: `${prefix}: ${chart.error}` };
  const missing = checkDependencies(chart);
  if (missing !== undefined) return { error: `${prefix}: ${missing}` };
  const dry = ctx.args.values.get('dry-run');
  const dryRun = dry !== undefined && dry !== 'none' && dry !== 'false';
  const r = install(ctx.cluster, { name, namespace: ctx.namespace, chart, config: values, dryRun, createNamespace: bool(ctx.args, 'create-namespace') });
  if ('error' in r) return { error: `${prefix}: ${r.error}` };
  const enc = encode(r.release, str(ctx.args, 'output'));
  return { cluster: r.cluster, stdout: enc ?? lead + printStatus(r.release, bool(ctx.args, 'debug')) };
}

const upgradeCmd: HelmCommand = {
  use: 'upgrade [RELEASE] [CHART]',
  flags: [...INSTALL_FLAGS, { name: 'install', short: 'i', kind: 'bool' }, { name: 'reuse-values', kind: 'bool' }, { name: 'reset-values', kind: 'bool' }, { name: 'force', kind: 'bool' }],
  run: (ctx) => {
    const a = ctx.args.positional;
    if (a.length !== 2) return { error: `"helm upgrade" requires 2 arguments\n\nUsage:  helm upgrade [RELEASE] [CHART] [flags]` };
    const [name, chartRef] = a;
    if (bool(ctx.args, 'install') && history(ctx.cluster, ctx.namespace, name).length === 0) {
      return doInstall(ctx, name, chartRef, 'INSTALLATION FAILED', `Release "${name}" does not exist. Installing it now.\n`);
    }
    const v = readValues(ctx);
    if ('error' in v) return { error: `UPGRADE FAILED: ${v.error}` };
    const values = v.values;
    const chart = locateChart(ctx, chartRef);
    if ('error' in chart) return { error: `UPGRADE FAILED: ${chart.error}` };
    const dry = ctx.args.values.get('dry-run');
    const r = upgrade(ctx.cluster, { name, namespace: ctx.namespace, chart, config: values, dryRun: dry !== undefined && dry !== 'none' && dry !== 'false', reuseValues: bool(ctx.args, 'reuse-values'), resetValues: bool(ctx.args, 'reset-values') });
    if ('error' in r) return { error: `UPGRADE FAILED: ${r.error}` };
    const enc = encode(r.release, str(ctx.args, 'output'));
    return { cluster: r.cluster, stdout: enc ?? `Release "${name}" has been upgraded. Happy Helming!\n${printStatus(r.release, bool(ctx.args, 'debug'))}` };
  },
};

const rollbackCmd: HelmCommand = {
  use: 'rollback <RELEASE> [REVISION]',
  flags: [{ name: 'wait', kind: 'bool' }, { name: 'timeout', kind: 'string' }, { name: 'force', kind: 'bool' }, { name: 'dry-run', kind: 'bool' }],
  minArgs: 1,
  run: (ctx) => {
    const [name, rev] = ctx.args.positional;
    let revision = 0;
    if (rev !== undefined) {
      if (!/^-?\d+$/.test(rev)) return { error: `strconv.Atoi: parsing ${JSON.stringify(rev)}: invalid syntax` };
      revision = Number(rev);
    }
    const r = rollback(ctx.cluster, name, ctx.namespace, revision);
    if ('error' in r) return { error: r.error };
    return { cluster: r.cluster, stdout: 'Rollback was a success! Happy Helming!\n' };
  },
};

const uninstallCmd: HelmCommand = {
  use: 'uninstall RELEASE_NAME [...]',
  aliases: ['del', 'delete', 'un'],
  flags: [{ name: 'keep-history', kind: 'bool' }, { name: 'dry-run', kind: 'bool' }, { name: 'wait', kind: 'bool' }, { name: 'timeout', kind: 'string' }],
  minArgs: 1,
  run: (ctx) => {
    let cluster = ctx.cluster;
    let stdout = '';
    for (const name of ctx.args.positional) {
      const r = uninstall(cluster, name, ctx.namespace, bool(ctx.args, 'keep-history'));
      if ('error' in r) return { cluster, stdout, error: r.error };
      cluster = r.cluster;
      stdout += `release "${name}" uninstalled\n`;
    }
    return { cluster, stdout };
  },
};

const listCmd: HelmCommand = {
  use: 'list',
  aliases: ['ls'],
  flags: [
    { name: 'all', short: 'a', kind: 'bool' }, { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'uninstalled', kind: 'bool' },
    { name: 'superseded', kind: 'bool' }, { name: 'deployed', kind: 'bool' }, { name: 'failed', kind: 'bool' }, { name: 'pending', kind: 'bool' },
    { name: 'short', short: 'q', kind: 'bool' }, { name: 'output', short: 'o', kind: 'string' }, { name: 'filter', short: 'f', kind: 'string' },
  ],
  run: (ctx) => {
    const all = bool(ctx.args, 'all');
    const wanted = new Set<string>();
    for (const s of ['uninstalled', 'superseded', 'deployed', 'failed', 'pending']) if (bool(ctx.args, s)) wanted.add(s);
    const mask = (status: string): boolean => {
      if (all) return true;
      if (wanted.size === 0) return status === 'deployed' || status === 'failed';
      return wanted.has(status) || (wanted.has('pending') && status.startsWith('pending'));
    };
    const filter = str(ctx.args, 'filter');
    const rels = latestReleases(ctx.cluster, bool(ctx.args, 'all-namespaces') ? undefined : ctx.namespace)
      .filter((r) => mask(r.info.status))
      .filter((r) => filter === undefined || new RegExp(filter).test(r.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (bool(ctx.args, 'short')) return { stdout: rels.map((r) => `${r.name}\n`).join('') };
    const o = str(ctx.args, 'output');
    const rows = rels.map((r) => ({ name: r.name, namespace: r.namespace, revision: String(r.version), updated: r.info.last_deployed === '' ? '' : goTimeString(r.info.last_deployed), status: r.info.status, chart: chartLabel(r), app_version: r.chart.metadata.appVersion ?? '' }));
    if (o === 'json' || o === 'yaml') return { stdout: encode(rows, o)! };
    const table = [['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'], ...rows.map((r) => [r.name, r.namespace, r.revision, r.updated, r.status, r.chart, r.app_version])];
    return { stdout: `${uitable(table)}\n` };
  },
};

const historyCmd: HelmCommand = {
  use: 'history RELEASE_NAME',
  aliases: ['hist'],
  flags: [{ name: 'max', kind: 'int', default: 256 }, { name: 'output', short: 'o', kind: 'string' }],
  minArgs: 1,
  run: (ctx) => {
    const h = history(ctx.cluster, ctx.namespace, ctx.args.positional[0]);
    if (h.length === 0) return { error: 'release: not found' };
    const max = (ctx.args.values.get('max') as number | undefined) ?? 256;
    const shown = h.slice(-max);
    const rows = shown.map((r) => ({ revision: r.version, updated: r.info.last_deployed, status: r.info.status, chart: chartLabel(r), app_version: r.chart.metadata.appVersion ?? '', description: r.info.description }));
    const o = str(ctx.args, 'output');
    if (o === 'json' || o === 'yaml') return { stdout: encode(rows, o)! };
    const table = [['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'], ...rows.map((r) => [String(r.revision), ansic(r.updated), r.status, r.chart, r.app_version, r.description])];
    return { stdout: `${uitable(table, 60)}\n` };
  },
};

function releaseAt(ctx: Ctx, name: string, revision: number | undefined): Release | { error: string } {
  const h = history(ctx.cluster, ctx.namespace, name);
  const r = revision !== undefined && revision > 0 ? h.find((x) => x.version === revision) : h[h.length - 1];
  return r ?? { error: 'release: not found' };
}

const statusCmd: HelmCommand = {
  use: 'status RELEASE_NAME',
  flags: [{ name: 'revision', kind: 'int' }, { name: 'output', short: 'o', kind: 'string' }, { name: 'show-desc', kind: 'bool' }],
  minArgs: 1,
  run: (ctx) => {
    const r = releaseAt(ctx, ctx.args.positional[0], ctx.args.values.get('revision') as number | undefined);
    if ('error' in r) return r;
    return { stdout: encode(r, str(ctx.args, 'output')) ?? printStatus(r, bool(ctx.args, 'debug')) };
  },
};

const getFlags: readonly FlagSpec[] = [{ name: 'revision', kind: 'int' }, { name: 'all', short: 'a', kind: 'bool' }, { name: 'output', short: 'o', kind: 'string' }];
const getCmd: HelmCommand = {
  use: 'get',
  flags: [],
  run: () => ({ error: 'subcommand is required' }),
  subcommands: {
    values: {
      use: 'values RELEASE_NAME', flags: getFlags, minArgs: 1,
      run: (ctx) => {
        const r = releaseAt(ctx, ctx.args.positional[0], ctx.args.values.get('revision') as number | undefined);
        if ('error' in r) return r;
        const all = bool(ctx.args, 'all');
        const v = all ? coalesceValues(r.chart, r.config) : r.config;
        const o = str(ctx.args, 'output');
        if (o === 'json' || o === 'yaml') return { stdout: encode(v, o)! };
        return { stdout: `${all ? 'COMPUTED VALUES' : 'USER-SUPPLIED VALUES'}:\n${Object.keys(v).length === 0 && !all ? 'null\n' : toGoYaml(toPlain(v))}` };
      },
    },
    manifest: {
      use: 'manifest RELEASE_NAME', flags: getFlags, minArgs: 1,
      run: (ctx) => {
        const r = releaseAt(ctx, ctx.args.positional[0], ctx.args.values.get('revision') as number | undefined);
        if ('error' in r) return r;
        return { stdout: `${r.manifest}\n` };
      },
    },
    notes: {
      use: 'notes RELEASE_NAME', flags: getFlags, minArgs: 1,
      run: (ctx) => {
        const r = releaseAt(ctx, ctx.args.positional[0], ctx.args.values.get('revision') as number | undefined);
        if ('error' in r) return r;
        return { stdout: (r.info.notes ?? '') === '' ? '' : `NOTES:\n${r.info.notes}\n` };
      },
    },
  },
};

const templateCmd: HelmCommand = {
  use: 'template [NAME] [CHART]',
  flags: [...INSTALL_FLAGS, { name: 'skip-tests', kind: 'bool' }, { name: 'show-only', short: 's', kind: 'stringArray' }],
  minArgs: 1,
  run: (ctx) => {
    const a = ctx.args.positional;
    const name = a.length >= 2 ? a[0] : 'release-name';
    const chartRef = a.length >= 2 ? a[1] : a[0];
    const v = readValues(ctx);
    if ('error' in v) return { error: v.error };
    const values = v.values;
    const chart = locateChart(ctx, chartRef);
    if ('error' in chart) return { error: chart.error };
    const r = render(undefined, chart, values, { name, namespace: ctx.namespace, revision: 1, isInstall: true, isUpgrade: false }, ctx.cluster.config.kubernetesVersion);
    if ('error' in r) return { error: r.error };
    let out = `${r.manifest.trim()}\n`;
    for (const h of r.hooks) {
      if (bool(ctx.args, 'skip-tests') && h.events.includes('test')) continue;
      out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    }
    return { stdout: out };
  },
};

const createCmd: HelmCommand = {
  use: 'create NAME',
  flags: [{ name: 'starter', short: 'p', kind: 'string' }],
  minArgs: 1,
  run: (ctx) => {
    const path = ctx.args.positional[0];
    const r = createChart(path);
    if ('error' in r) return { error: r.error };
    return { stdout: `Creating ${path}\n`, writes: r.writes };
  },
};

const lintCmd: HelmCommand = {
  use: 'lint PATH',
  flags: [...VALUES_FLAGS, { name: 'strict', kind: 'bool' }, { name: 'quiet', kind: 'bool' }],
  run: (ctx) => {
    const paths = ctx.args.positional.length > 0 ? ctx.args.positional : ['.'];
    const v = readValues(ctx);
    if ('error' in v) return { error: v.error };
    const values = v.values;
    let out = '';
    let failed = 0;
    for (const p of paths) {
      const files = readChartDir(ctx.io, p);
      const res = lintChart(p, files, values, ctx.cluster.config.kubernetesVersion);
      out += `==> Linting ${p}\n${res.messages.map((m) => `${m}\n`).join('')}\n`;
      if (res.failed) failed++;
    }
    const summary = `${paths.length} chart(s) linted, ${failed} chart(s) failed`;
    return failed > 0 ? { stdout: out, error: summary } : { stdout: `${out}${summary}\n` };
  },
};

function showSub(what: 'values' | 'chart' | 'readme' | 'all'): HelmCommand {
  return {
    use: `${what} [CHART]`, flags: [{ name: 'version', kind: 'string' }], minArgs: 1,
    run: (ctx) => {
      const chart = locateChart(ctx, ctx.args.positional[0]);
      if ('error' in chart) return { error: chart.error };
      // sigs.k8s.io/yaml goes through JSON and a map: the keys come out sorted
      const chartYaml = toGoYaml(toPlain(chart.metadata as unknown as GoValue));
      if (what === 'values') return { stdout: chart.rawValues };
      if (what === 'chart') return { stdout: chartYaml };
      const readme = chart.files.find((f) => /^readme(\.md|\.txt)?$/i.test(f.name))?.data ?? '';
      if (what === 'readme') return { stdout: readme };
      return { stdout: `${chartYaml}---\n${chart.rawValues}${readme === '' ? '' : `---\n${readme}`}` };
    },
  };
}

const showCmd: HelmCommand = {
  use: 'show', aliases: ['inspect'], flags: [],
  run: () => ({ error: 'subcommand is required' }),
  subcommands: { values: showSub('values'), chart: showSub('chart'), readme: showSub('readme'), all: showSub('all') },
};

const repoCmd: HelmCommand = {
  use: 'repo', flags: [],
  run: () => ({ error: 'subcommand is required' }),
  subcommands: {
    list: { use: 'list', flags: [{ name: 'output', short: 'o', kind: 'string' }], run: () => ({ error: 'no repositories to show' }) },
    ls: { use: 'list', flags: [{ name: 'output', short: 'o', kind: 'string' }], run: () => ({ error: 'no repositories to show' }) },
    add: { use: 'add [NAME] [URL]', flags: [], minArgs: 2, run: (ctx) => ({ error: `kubespec has no network: cannot reach ${JSON.stringify(ctx.args.positional[1])} to add repository ${JSON.stringify(ctx.args.positional[0])}` }) },
    update: { use: 'update', flags: [], run: () => ({ error: 'no repositories found. You must add one before updating' }) },
    index: {
      use: 'index [DIR]', flags: [{ name: 'url', kind: 'string' }, { name: 'merge', kind: 'string' }], minArgs: 1,
      run: (ctx) => {
        const r = indexDirectory(ctx.io, ctx.args.positional[0], str(ctx.args, 'url'), isoAt(ctx.cluster.config.epochMs + ctx.cluster.nowMs));
        if ('error' in r) return { error: r.error };
        return { writes: [r] };
      },
    },
  },
};

const searchCmd: HelmCommand = {
  use: 'search', flags: [],
  run: () => ({ error: 'subcommand is required' }),
  subcommands: { repo: { use: 'repo [keyword]', flags: [], run: () => ({ error: 'no repositories configured' }) } },
};

const packageCmd: HelmCommand = {
  use: 'package [CHART_PATH] [...]',
  flags: [{ name: 'destination', short: 'd', kind: 'string', default: '.' }, { name: 'version', kind: 'string' }, { name: 'app-version', kind: 'string' }],
  minArgs: 1,
  run: (ctx) => {
    const writes: HelmWrite[] = [];
    let stdout = '';
    for (const p of ctx.args.positional) {
      const files = readChartDir(ctx.io, p);
      if (files === undefined) return { stdout, writes, error: `stat ${p}: no such file or directory` };
      const r = packageChart(files, str(ctx.args, 'destination') ?? '.', Math.floor((ctx.cluster.config.epochMs + ctx.cluster.nowMs) / 1000));
      if ('error' in r) return { stdout, writes, error: r.error };
      writes.push(r.write);
      stdout += `Successfully packaged chart and saved it to: ${r.write.path}\n`;
    }
    return { stdout, writes };
  },
};

const testCmd: HelmCommand = {
  use: 'test [RELEASE]',
  flags: [{ name: 'timeout', kind: 'string', default: '5m0s' }, { name: 'logs', kind: 'bool' }, { name: 'filter', kind: 'stringArray' }],
  minArgs: 1,
  run: (ctx) => {
    const timeout = parseGoDuration(str(ctx.args, 'timeout') ?? '5m0s');
    if (timeout === undefined) return { error: `invalid argument "${str(ctx.args, 'timeout')}" for "--timeout" flag: time: invalid duration "${str(ctx.args, 'timeout')}"` };
    const r = testRelease(ctx.cluster, ctx.args.positional[0], ctx.namespace, timeout);
    if ('error' in r) return { error: r.error };
    const stdout = printStatus(r.release, false);
    if (r.failed.length > 0) return { cluster: r.cluster, stdout, error: `${r.failed.length} error${r.failed.length === 1 ? '' : 's'} occurred:\n${r.failed.map((f) => `\t* ${f}\n`).join('')}` };
    return { cluster: r.cluster, stdout };
  },
};

/** Go's time.ParseDuration for the forms used with --timeout (5m0s, 300s, 1h). */
function parseGoDuration(s: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(s)) return undefined;
  let ms = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) ms += Number(m[1]) * { h: 3600000, m: 60000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms'];
  return ms;
}

const versionCmd: HelmCommand = {
  use: 'version', flags: [{ name: 'short', kind: 'bool' }, { name: 'template', kind: 'string' }],
  run: (ctx) => ({ stdout: bool(ctx.args, 'short') ? `${HELM_VERSION}+g0000000\n` : `version.BuildInfo{Version:"${HELM_VERSION}", GitCommit:"0000000000000000000000000000000000000000", GitTreeState:"clean", GoVersion:"go1.23.7"}\n` }),
};

const COMMANDS: Record<string, HelmCommand> = {};
for (const c of [installCmd, upgradeCmd, rollbackCmd, uninstallCmd, listCmd, historyCmd, statusCmd, getCmd, templateCmd, createCmd, lintCmd, showCmd, repoCmd, searchCmd, versionCmd, packageCmd, testCmd]) {
  const name = c.use.split(' ')[0];
  COMMANDS[name] = c;
  for (const a of c.aliases ?? []) COMMANDS[a] = c;
}

/** Helm 3 commands kubespec does not simulate: an honest message rather than "unknown command". */
const NOT_SIMULATED = new Set(['pull', 'push', 'dependency', 'dep', 'plugin', 'registry', 'env', 'verify', 'completion']);

export function runHelm(cluster: Cluster, argv: readonly string[], io: HelmIo): HelmResult {
  try {
    return runHelmCommand(cluster, argv, io);
  } catch (e) {
    // never an unhandled exception: a simulator bug is reported as one, and nothing changes
    return { cluster, stdout: '', stderr: `Error: kubespec: helm ${argv.join(' ')}: internal error (a simulator bug, please report it): ${(e as Error).message}\n`, exitCode: 1, writes: [] };
  }
}

/**
 * helm's EnvSettings.Namespace: the kubeconfig loader's Namespace() (-n, else the namespace of the
 * --kube-context or current context), "default" when that fails or names none.
 */
function helmNamespace(cluster: Cluster, args: ParsedArgs, io: HelmIo): string {
  const ns = clientNamespace(io.kubeconfig?.() ?? adminKubeconfig(cluster), { namespace: str(args, 'namespace'), context: str(args, 'kube-context') });
  return 'error' in ns ? 'default' : ns.namespace;
}

function runHelmCommand(cluster: Cluster, argv: readonly string[], io: HelmIo): HelmResult {
  const args = argv[0] === 'helm' ? argv.slice(1) : argv;
  const fail = (msg: string, c = cluster, stdout = '', writes: HelmWrite[] = []): HelmResult => ({ cluster: c, stdout, stderr: `Error: ${msg}\n`, exitCode: 1, writes });
  const firstWord = args.findIndex((a) => !a.startsWith('-'));
  if (firstWord === -1) return { cluster, stdout: 'The Kubernetes package manager (simulated by kubespec)\n\nUsage:\n  helm [command]\n', stderr: '', exitCode: 0, writes: [] };
  const word = args[firstWord];
  let cmd = COMMANDS[word];
  let path = `helm ${word}`;
  if (cmd === undefined) {
    if (NOT_SIMULATED.has(word)) return fail(`kubespec does not simulate "helm ${word}" yet; supported: ${Object.keys(COMMANDS).filter((k) => COMMANDS[k].use.startsWith(k)).sort().join(', ')}`);
    return fail(`unknown command ${JSON.stringify(word)} for "helm"\nRun 'helm --help' for usage.`);
  }
  let rest = [...args.slice(0, firstWord), ...args.slice(firstWord + 1)];
  if (cmd.subcommands !== undefined) {
    const subIdx = rest.findIndex((a) => !a.startsWith('-'));
    const sub = subIdx === -1 ? undefined : cmd.subcommands[rest[subIdx]];
    if (sub === undefined) return fail(subIdx === -1 ? `"${path}" requires a subcommand` : `unknown command ${JSON.stringify(rest[subIdx])} for ${JSON.stringify(path)}`);
    path = `${path} ${sub.use.split(' ')[0]}`;
    rest = [...rest.slice(0, subIdx), ...rest.slice(subIdx + 1)];
    cmd = sub;
  }
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(rest, [...cmd.flags, ...GLOBAL.filter((g) => !cmd.flags.some((f) => f.name === g.name || (g.short !== undefined && f.short === g.short)))]);
  } catch (e) {
    if (e instanceof FlagError) return fail(e.message);
    throw e;
  }
  if (bool(parsed, 'help')) return { cluster, stdout: `Usage:\n  ${path.replace(/ \S+$/, '')} ${cmd.use}\n`, stderr: '', exitCode: 0, writes: [] };
  if (cmd.minArgs !== undefined && parsed.positional.length < cmd.minArgs) {
    return fail(`"${path}" requires at least ${cmd.minArgs} argument${cmd.minArgs === 1 ? '' : 's'}\n\nUsage:  ${path.replace(/ \S+$/, '')} ${cmd.use} [flags]`);
  }
  const out = cmd.run({ cluster, args: parsed, io, namespace: helmNamespace(cluster, parsed, io) });
  if (out.error !== undefined) return fail(out.error, out.cluster ?? cluster, out.stdout ?? '', out.writes ?? []);
  return { cluster: out.cluster ?? cluster, stdout: out.stdout ?? '', stderr: '', exitCode: 0, writes: out.writes ?? [] };
}
