import { LAST_APPLIED, planManifests } from '../../api/apply';
import { fnv32a } from '../../api/naming';
import type { KubeObject } from '../../api/types';
import * as loop from '../../engine/loop';
import { isoAt } from '../../engine/transaction';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { toYaml } from '../printers/objects';
import { unifiedHunks } from '../unified-diff';

// kubectl diff -f (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go): each object of the files is
// written twice as YAML, LIVE (the stored object, empty when there is none) and MERGED (what the
// API server returns for `kubectl apply` sent with dryRun=All: a patch of the live object, or a
// create of the manifest as it is), and `diff -u -N LIVE MERGED` prints what differs. Exit status
// 0: no differences, 1: differences, 2: kubectl failed (cmdutil.CheckDiffErr).

export const diff: Command = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  flags: [
    F.filename, F.recursive, F.selector,
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'server-side', kind: 'bool' },
    { name: 'field-manager', kind: 'string' },
    { name: 'force-conflicts', kind: 'bool' },
    { name: 'prune', kind: 'bool' },
    { name: 'prune-allowlist', kind: 'stringArray' },
    { name: 'concurrency', kind: 'int', default: 1 },
    { name: 'show-managed-fields', kind: 'bool' },
  ],
  run: runDiff,
  // diff.go: "Flag errors exit with code 1, however according to the diff command it means changes
  // were found": SetFlagErrorFunc sends them through CheckDiffErr(UsageErrorf(...)), exit status 2.
  flagError: (cluster, path, message) => failure(cluster, `error: ${message}\nSee '${path} -h' for help and examples`, 2),
};

/** CheckDiffErr: kubectl's error, with exit status 2 (1 means "differences found"). */
const diffError = (ctx: CommandContext, message: string) => failure(ctx.cluster, message.startsWith('error: ') || message.startsWith('Error from server') || message.startsWith('The ') ? message : `error: ${message}`, 2);

interface Version {
  /** InfoObject.Name: `apps.v1.Deployment.default.web`. */
  readonly name: string;
  readonly live: string;
  readonly merged: string;
}

function runDiff(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const files = list(args, 'filename');
  if (str(args, 'kustomize') !== undefined) return diffError(ctx, 'kubespec does not simulate kustomize (-k); diff the rendered manifests with -f');
  if (files.length === 0) return diffError(ctx, 'must specify one of -f and -k');
  if (args.positional.length > 0) return diffError(ctx, `Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl diff -h' for help and examples`);
  if (bool(args, 'force-conflicts') && !bool(args, 'server-side')) return diffError(ctx, '--force-conflicts only works with --server-side');
  if (bool(args, 'server-side')) return diffError(ctx, 'kubespec does not simulate server-side apply; kubectl diff without --server-side compares with what kubectl apply would write');
  if (bool(args, 'prune')) return diffError(ctx, 'kubespec does not simulate kubectl diff --prune');
  if ((str(args, 'selector') ?? '') !== '') return diffError(ctx, 'kubespec does not simulate kubectl diff -l; diff a file with only the objects you want');

  const versions: Version[] = [];
  for (const file of files) {
    const text = ctx.io.readFile(file);
    if (text === undefined) return diffError(ctx, `the path "${file}" does not exist`);
    const plan = planManifests(ctx.cluster.store, text, { mode: 'apply', source: file, namespace: ctx.namespace, namespaceExplicit: ctx.namespaceExplicit });
    // The dry-run request's error, without apply's "error when patching "file": ".
    if (plan.errors.length > 0) return diffError(ctx, plan.errors.map((e) => e.replace(/error when (?:creating|patching|\{verb\}) "[^"]*": /, '')).join('\n'));
    // A new object is created as the manifest says (helper.CreateWithOptions): no last-applied annotation.
    const changes = plan.changes.map((c) => (c.verb === 'create' ? { ...c, object: withoutLastApplied(c.object) } : c));
    // dryRun=All: the write goes through admission and storage's checks, and is then dropped.
    const dry = loop.submit(ctx.cluster, changes, [], 'kubectl');
    if (dry.errors.length > 0) return diffError(ctx, dry.errors.join('\n'));
    for (const c of changes) {
      if (c.verb !== 'create' && c.verb !== 'update') continue;
      const { kind, metadata } = c.object;
      const live = ctx.cluster.store.get(kind, metadata.namespace ?? '', metadata.name);
      const stored = dry.cluster.store.get(kind, metadata.namespace ?? '', metadata.name) ?? c.object;
      // A dry-run write keeps the live resourceVersion (an update) or has none (a create).
      const merged = { ...stored, metadata: { ...stored.metadata, resourceVersion: live?.metadata.resourceVersion } } as KubeObject;
      if (live === undefined) delete (merged.metadata as { resourceVersion?: string }).resourceVersion;
      const showManaged = bool(args, 'show-managed-fields');
      const [from, to] = kind === 'Secret' ? maskSecrets(live, merged) : [live, merged];
      versions.push({
        name: diffName(c.object),
        live: from === undefined ? '' : toYaml(showManaged ? from : withoutManagedFields(from)),
        merged: toYaml(showManaged ? to! : withoutManagedFields(to!)),
      });
    }
  }

  const o = new Output();
  const dirs = tempDirs(ctx);
  for (const v of [...versions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const hunks = unifiedHunks(v.live, v.merged);
    if (hunks === '') continue;
    const liveFile = `${dirs.live}/${v.name}`;
    const mergedFile = `${dirs.merged}/${v.name}`;
    o.write('stdout', `diff -u -N ${liveFile} ${mergedFile}\n--- ${liveFile}\t${dirs.liveTime}\n+++ ${mergedFile}\t${dirs.mergedTime}\n${hunks}`);
  }
  return { ...o.result(ctx.cluster), exitCode: o.stdout === '' ? 0 : 1 };
}

/** InfoObject.Name: group (if any), version, kind, namespace and name, joined with dots. */
export function diffName(obj: KubeObject): string {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  return `${group ? `${group}.` : ''}${version}.${obj.kind}.${obj.metadata.namespace ?? ''}.${obj.metadata.name}`;
}

function withoutLastApplied(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const { annotations: _a, ...meta } = obj.metadata;
  return { ...obj, metadata: Object.keys(annotations).length > 0 ? { ...meta, annotations } : meta } as KubeObject;
}

/** Printer.Print without --show-managed-fields: managedFields are left out. */
function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _m, ...meta } = obj.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return { ...obj, metadata: meta } as KubeObject;
}

/**
 * Masker.run: a v1 Secret's data values print as "***", or "*** (before)" / "*** (after)" where
 * the value changes, so a diff shows which keys change but not to what.
 */
export function maskSecrets(from: KubeObject | undefined, to: KubeObject): [KubeObject | undefined, KubeObject] {
  const dataOf = (o: KubeObject | undefined) => (o as { data?: Record<string, string> } | undefined)?.data;
  const f = dataOf(from) === undefined ? undefined : { ...dataOf(from) };
  const t = dataOf(to) === undefined ? undefined : { ...dataOf(to) };
  for (const k of Object.keys(f ?? {})) {
    if (t !== undefined && k in t) {
      if (f![k] !== t[k]) { f![k] = '*** (before)'; t[k] = '*** (after)'; continue; }
      t[k] = '***';
    }
    f![k] = '***';
  }
  for (const k of Object.keys(t ?? {})) if (f === undefined || !(k in f)) t![k] = '***';
  return [
    from === undefined || f === undefined ? from : ({ ...from, data: f } as KubeObject),
    t === undefined ? to : ({ ...to, data: t } as KubeObject),
  ];
}

/**
 * os.MkdirTemp("", "LIVE-") and ("", "MERGED-"): a random number after the prefix, here drawn from
 * the seed and the virtual time; the files' modification times as GNU diff prints them.
 */
function tempDirs(ctx: CommandContext): { live: string; merged: string; liveTime: string; mergedTime: string } {
  const key = `${ctx.cluster.config.seed}/${ctx.cluster.nowMs}`;
  const liveNs = fnv32a(`LIVE-ns/${key}`) % 1_000_000;
  const mergedNs = liveNs + 3_000_000 + (fnv32a(`MERGED-ns/${key}`) % 1_000_000); // written a few ms later
  const stamp = (extraNs: number) => {
    const ms = ctx.nowMs + Math.floor(extraNs / 1_000_000);
    const iso = isoAt(0, ms); // 2025-01-01T00:00:36Z
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String((ms % 1000) * 1_000_000 + (extraNs % 1_000_000)).padStart(9, '0')} +0000`;
  };
  return {
    live: `/tmp/LIVE-${fnv32a(`LIVE/${key}`)}`,
    merged: `/tmp/MERGED-${fnv32a(`MERGED/${key}`)}`,
    liveTime: stamp(liveNs),
    mergedTime: stamp(mergedNs),
  };
}
