import type { KubeObject, Pod } from '../../api/types';
import type { ClusterView } from '../../engine/types';
import { viewOver } from '../../engine/view';
import { bytes, cpuMillis } from '../../api/quantity';
import { matchesQuery, parseLabelQuery, type Requirement } from '../../store/label-query';
import { metricsApi, nodeMetrics, podMetrics, type MetricsServer } from '../../metrics/index';
import { F, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, str } from '../flags';
import { printNodes, printPods, type Available, type NodeRow, type PodRow } from './top-printer';
import { matchesFields, parseFieldSelector, parseFieldTerms, type FieldTerm } from '../field-selector';
import { resolveTypes, selectorRefused } from '../resources';

// kubectl top node / top pod (staging/src/k8s.io/kubectl/pkg/cmd/top/top_node.go, top_pod.go) over
// the metrics.k8s.io API that sim/metrics serves: "Metrics API not available" without the
// APIService, ServiceUnavailable while metrics-server has no ready endpoint, "metrics not available
// yet" before its scrapes give a rate, then kubectl's table.

const COMMON = [
  F.selector,
  { name: 'sort-by', kind: 'string' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'use-protocol-buffers', kind: 'bool', default: true },
  { name: 'show-swap', kind: 'bool' },
] as const;

const fail = (ctx: CommandContext, message: string): KubectlResult => failure(ctx.cluster, message);
const usage = (ctx: CommandContext, use: string): KubectlResult => fail(ctx, `error: ${use}\nSee '${ctx.path} -h' for help and examples`);

/** The checks both commands share before asking the API (Validate, the selector, discovery). */
function begin(ctx: CommandContext, use: string, bothMessage: string, fieldSelector = false): { view: ClusterView; server: MetricsServer; name?: string; selector?: readonly Requirement[] } | KubectlResult {
  const { args } = ctx;
  if (args.positional.length > 1) return usage(ctx, use);
  const name = args.positional[0];
  const sortBy = str(args, 'sort-by') ?? '';
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') return fail(ctx, 'error: --sort-by accepts only cpu or memory');
  const selectorText = str(args, 'selector') ?? '';
  if (name !== undefined && (selectorText !== '' || fieldSelector)) return fail(ctx, `error: ${bothMessage}`);
  // top_node.go / top_pod.go: labels.Parse on the client, its error printed as is.
  const parsed = selectorText === '' ? undefined : parseLabelQuery(selectorText);
  if (parsed !== undefined && 'error' in parsed) return fail(ctx, `error: ${parsed.error}`);
  const selector = parsed?.requirements;
  const view = viewOver(ctx.cluster.store, ctx.cluster.nowMs, ctx.cluster.config, ctx.cluster.tables);
  const api = metricsApi(view);
  if (api.state === 'absent') return fail(ctx, 'error: Metrics API not available');
  const resource = ctx.path.endsWith('node') ? 'nodes' : 'pods';
  // client-go's message for a 503 names the request: (get nodes.metrics.k8s.io) or (get nodes.metrics.k8s.io k8s-node1).
  if (api.state === 'unavailable') return fail(ctx, `Error from server (ServiceUnavailable): the server is currently unable to handle the request (get ${resource}.metrics.k8s.io${name !== undefined ? ` ${name}` : ''})`);
  return { view, server: api.server, ...(name !== undefined ? { name } : {}), ...(selector !== undefined ? { selector } : {}) };
}

const isResult = (v: object): v is KubectlResult => 'exitCode' in v;

function available(node: KubeObject, capacity: boolean): Available {
  const st = (node.status ?? {}) as { allocatable?: Record<string, string>; capacity?: Record<string, string> };
  const list = (capacity ? st.capacity : st.allocatable) ?? {};
  return { cpuMillis: cpuMillis(list.cpu) ?? 0, memoryBytes: bytes(list.memory) ?? 0 };
}

export const topNode: Command = {
  name: 'node',
  short: 'Display resource (CPU/memory) usage of nodes',
  flags: [...COMMON, { name: 'show-capacity', kind: 'bool' }],
  run: (ctx) => {
    const b = begin(ctx, 'node [NAME | -l label]', 'only one of NAME or --selector can be provided');
    if (isResult(b)) return b;
    const { view, server, name, selector } = b;
    let nodes: KubeObject[];
    if (name !== undefined) {
      const node = view.get('Node', '', name);
      if (node === undefined) return fail(ctx, `Error from server (NotFound): node "${name}" not found`);
      if (nodeMetrics(view, server, node) === undefined) return fail(ctx, `Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found`);
      nodes = [node];
    } else {
      nodes = view.list('Node').filter((n) => selector === undefined || matchesQuery(n.metadata.labels, selector));
    }
    const withMetrics = nodes.map((n) => ({ n, m: nodeMetrics(view, server, n) }));
    if (!withMetrics.some((x) => x.m !== undefined)) return fail(ctx, 'error: metrics not available yet');
    const sortBy = str(ctx.args, 'sort-by') ?? '';
    const capacity = bool(ctx.args, 'show-capacity');
    const rows: NodeRow[] = withMetrics.filter((x) => x.m !== undefined)
      .map((x) => ({ name: x.n.metadata.name, usage: x.m!.usage, available: available(x.n, capacity) }))
      .sort(sortBy === 'cpu' ? (a, b2) => b2.usage!.cpuMillis - a.usage!.cpuMillis : sortBy === 'memory' ? (a, b2) => b2.usage!.memoryBytes - a.usage!.memoryBytes : byName);
    // Nodes listed but without metrics (their kubelet did not answer) print as <unknown>.
    const missing = withMetrics.filter((x) => x.m === undefined).map((x) => ({ name: x.n.metadata.name, available: available(x.n, capacity) })).sort(byName);
    return { cluster: ctx.cluster, stdout: printNodes([...rows, ...missing], { noHeaders: bool(ctx.args, 'no-headers'), showSwap: bool(ctx.args, 'show-swap') }), stderr: '', exitCode: 0 };
  },
};

export const topPod: Command = {
  name: 'pod',
  short: 'Display resource (CPU/memory) usage of pods',
  flags: [...COMMON, F.allNamespaces, { name: 'containers', kind: 'bool' }, { name: 'sum', kind: 'bool' }, { name: 'field-selector', kind: 'string' }],
  run: (ctx) => {
    const fieldText = str(ctx.args, 'field-selector') ?? '';
    const b = begin(ctx, 'pod [NAME | -l label]', 'only one of NAME or selector can be provided', fieldText !== '');
    if (isResult(b)) return b;
    const parsed = parseFieldTerms(fieldText);
    if ('error' in parsed) return fail(ctx, `error: ${parsed.error}`);
    const fields = parsed.terms;
    const { view, server, name } = b;
    const selector = { labels: b.selector, fields };
    const all = bool(ctx.args, 'all-namespaces');
    let rows: PodRow[];
    if (name !== undefined) {
      const pod = view.get<Pod>('Pod', ctx.namespace, name);
      if (pod === undefined) return fail(ctx, `Error from server (NotFound): pod "${name}" not found`);
      const m = podMetrics(view, server, pod);
      if (m === undefined) return fail(ctx, `Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${name}" not found`);
      rows = [m];
    } else {
      const pods = podsIn(view, all ? undefined : ctx.namespace, selector);
      rows = pods.map((p) => podMetrics(view, server, p)).filter((m): m is PodRow => m !== undefined);
      if (rows.length === 0) {
        // verifyEmptyMetrics: looks in the context's namespace (also with -A), as kubectl does.
        // The API server, unlike metrics-server, knows the Pod fields beyond metadata and rejects others.
        const api = parseFieldSelector(fieldText, 'Pod');
        if ('error' in api) return fail(ctx, selectorRefused(resolveTypes('pods')![0], str(ctx.args, 'selector') ?? '', fieldText, api.error));
        const err = emptyMetricsError(ctx, podsIn(view, ctx.namespace, { labels: b.selector, fields: api.terms }, true));
        if (err !== undefined) return fail(ctx, err);
        return { cluster: ctx.cluster, stdout: '', stderr: all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`, exitCode: 0 };
      }
    }
    const sortBy = str(ctx.args, 'sort-by') ?? '';
    const total = (r: PodRow, k: 'cpuMillis' | 'memoryBytes') => r.containers.reduce((s, c) => s + c.usage[k], 0);
    const sorted = [...rows].sort(sortBy === 'cpu' ? (a, c) => total(c, 'cpuMillis') - total(a, 'cpuMillis')
      : sortBy === 'memory' ? (a, c) => total(c, 'memoryBytes') - total(a, 'memoryBytes')
        : (a, c) => (all && a.namespace !== c.namespace ? (a.namespace < c.namespace ? -1 : 1) : byName(a, c)));
    const containers = bool(ctx.args, 'containers');
    const withSortedContainers = containers ? sorted.map((r) => ({ ...r, containers: [...r.containers].sort(sortBy === 'cpu'
      ? (a, c) => c.usage.cpuMillis - a.usage.cpuMillis : sortBy === 'memory' ? (a, c) => c.usage.memoryBytes - a.usage.memoryBytes : byName) })) : sorted;
    const stdout = printPods(withSortedContainers, { containers, withNamespace: all, noHeaders: bool(ctx.args, 'no-headers'), sum: bool(ctx.args, 'sum'), showSwap: bool(ctx.args, 'show-swap') });
    return { cluster: ctx.cluster, stdout, stderr: '', exitCode: 0 };
  },
};

interface PodSelector { readonly labels?: readonly Requirement[]; readonly fields: readonly FieldTerm[] }

/** metrics-server matches field selectors against a Pod's ObjectMeta fields only; any other field reads "". */
function metaFieldsMatch(p: Pod, terms: readonly FieldTerm[]): boolean {
  for (const t of terms) {
    const v = t.field === 'metadata.name' ? p.metadata.name : t.field === 'metadata.namespace' ? p.metadata.namespace ?? 'default' : '';
    if ((v === t.value) !== t.equal) return false;
  }
  return true;
}

/** Pods of a namespace (all when undefined) matching the selectors, by namespace and name as the API lists them. */
function podsIn(view: ClusterView, namespace: string | undefined, selector: PodSelector, apiServer = false): Pod[] {
  const namespaces = namespace === undefined ? [...view.namespacesOf('Pod')].sort() : [namespace];
  return namespaces.flatMap((ns) => [...view.list<Pod>('Pod', ns)].sort((a, b) => byName(a.metadata, b.metadata)))
    .filter((p) => (selector.labels === undefined || matchesQuery(p.metadata.labels, selector.labels)) && (apiServer ? matchesFields(p, selector.fields) : metaFieldsMatch(p, selector.fields)));
}

/** top_pod.go checkPodAge: a Pod older than metricsCreationDelay (2 minutes) without metrics is an error. */
function emptyMetricsError(ctx: CommandContext, pods: readonly Pod[]): string | undefined {
  if (pods.length === 0) return undefined;
  for (const p of pods) {
    const ageMs = ctx.nowMs - Date.parse(p.metadata.creationTimestamp);
    if (ageMs > 2 * 60_000) return `error: Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${goDuration(ageMs)}`;
  }
  return 'error: metrics not available yet';
}

/** Go's time.Duration.String for whole milliseconds: 2m5s, 1h0m30.5s, 800ms. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const secs = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h > 0) return `${h}h${m}m${secs}`;
  if (m > 0) return `${m}m${secs}`;
  return secs;
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const TOP_HELP = `Display resource (CPU/memory) usage.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export const top: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  flags: [],
  subcommands: { node: topNode, nodes: topNode, no: topNode, pod: topPod, pods: topPod, po: topPod },
  // cmdutil.DefaultSubCommandRun: unknown words are an error; none prints the help and exits 1.
  run: (ctx) => {
    const word = ctx.args.positional[0];
    if (word !== undefined) return fail(ctx, `error: unknown command "${word}"\nSee 'kubectl top -h' for help and examples`);
    return { cluster: ctx.cluster, stdout: '', stderr: TOP_HELP, exitCode: 1 };
  },
};
