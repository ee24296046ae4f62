import type { Cluster } from '../engine/types';
import { FlagError, parseArgs, str, type FlagSpec, type ParsedArgs } from './flags';
import { failure, type Command, type CommandContext, type KubectlIo, type KubectlResult } from './context';
import { get } from './commands/get';
import { apply, replace } from './commands/apply';
import { create, run } from './commands/create';
import { del } from './commands/delete';
import { describe } from './commands/describe';
import { scale } from './commands/scale';
import { label } from './commands/label';
import { annotate } from './commands/annotate';
import { edit } from './commands/edit';
import { logs, exec } from './commands/pod-io';
import { apiResources, apiVersions, clusterInfo, version } from './commands/info';
import { attach } from './commands/attach';
import { expose } from './commands/expose';
import { ROLLOUT_COMMANDS } from './commands/rollout';
import { CONFIG_CREATE_SUBCOMMANDS } from './commands/create-config';
import { createServiceCommand } from './commands/create-service';
import { createPriorityClass } from './commands/create-priorityclass';
import { top } from './commands/top';
import { taint } from './commands/taint';
import { cordon, uncordon } from './commands/cordon';
import { drain } from './commands/drain';
import { patch } from './commands/patch';
import { wait } from './commands/wait';
import { events } from './commands/events';
import { config } from './commands/config';
import { diff } from './commands/diff';
import { auth } from './commands/auth';
import { IMPERSONATION_FLAGS, actingUser, refusedRequest } from './impersonation';
import { cp } from './commands/cp';
import { debug } from './commands/debug/debug';
import { adminKubeconfig, type Kubeconfig } from './commands/kubeconfig';
import { CONNECTION_REFUSED, clientNamespace, clientServerError, type ConfigOverrides } from './client-config';

// kubectl over the simulator: `runKubectl(cluster, ['get', 'pods', '-o', 'wide'], io)` returns the
// next cluster and what kubectl would print. Pure: files come through `io.readFile`, time is the
// cluster's virtual time. Commands live in a table (COMMANDS) so new ones (rollout, set image)
// are one entry each.

export type { KubectlIo, KubectlResult, Command, CommandContext } from './context';
export { executeJsonPath, parseJsonPath } from './jsonpath';
export { splitWords } from './flags';
export { humanDuration, shortHumanDuration, parseDuration } from './duration';
export { podSummary, type PodSummary } from './printers/pod-status';
export { eventObjects, eventsFor, type EventObject } from './events';

/** kubectl's persistent flags (accepted everywhere; --namespace, --context, --cluster, --user and --server are read against the kubeconfig). */
const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'v', short: 'v', kind: 'int' },
  { name: 'help', short: 'h', kind: 'bool' },
  ...IMPERSONATION_FLAGS,
];

const COMMANDS = new Map<string, Command>();

/** Real kubectl commands not simulated (yet): they get an honest message, not "unknown command". */
const KUBECTL_COMMANDS = new Set([
  'expose', 'set', 'explain', 'rollout', 'autoscale', 'certificate',
  'port-forward', 'proxy', 'cp', 'debug', 'diff', 'kustomize',
  'annotate', 'completion', 'alpha', 'config', 'plugin', 'options',
]);

/** Adds (or replaces) a top-level kubectl command; issue 3's rollout and set image plug in here. */
export function registerCommand(command: Command): void {
  COMMANDS.set(command.name, command);
}

for (const c of [create, get, run, apply, replace, del, describe, edit, scale, label, annotate, logs, exec, clusterInfo, version, apiResources, apiVersions, expose, attach]) registerCommand(c);
for (const c of ROLLOUT_COMMANDS) registerCommand(c);
registerCommand({ ...create, subcommands: { ...create.subcommands, ...CONFIG_CREATE_SUBCOMMANDS, service: createServiceCommand, svc: createServiceCommand, priorityclass: createPriorityClass, pc: createPriorityClass } }); // create secret generic, create configmap, create service, create priorityclass
registerCommand(top); // kubectl top node|pod over metrics.k8s.io (sim/metrics)
for (const c of [taint, cordon, uncordon, drain]) registerCommand(c); // node maintenance (cmd/taint, cmd/drain)
registerCommand(wait); // --for condition|jsonpath|delete|create, letting virtual time pass
registerCommand(events); // the newer `kubectl events` (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE by time)
registerCommand(config); // view, get-contexts, set-context, use-context...: kubeadm's admin.conf, then the session's copy
registerCommand(auth); // can-i and whoami, answered by sim/auth's authorizer (for the admin or the --as user)
registerCommand(diff); // -f: LIVE against the dry-run apply's MERGED, as diff -u -N prints it
registerCommand(debug); // ephemeral containers, --copy-to, node/NAME (cmd/debug)
registerCommand(cp); // tar through exec, the local files as KubectlResult.writes
registerCommand(patch); // strategic merge, JSON merge and JSON patch (sim/api/strategic-merge-patch.ts, json-patch.ts)

export function runKubectl(cluster: Cluster, argv: readonly string[], io: KubectlIo): KubectlResult {
  const args = argv[0] === 'kubectl' ? argv.slice(1) : argv;
  const found = findCommand(args);
  if ('error' in found) return failure(cluster, found.error);
  if (found.command === undefined) return { cluster, stdout: rootHelp(), stderr: '', exitCode: 0 };
  const { command, path, rest } = found;
  let parsed;
  try {
    parsed = parseArgs(rest, [...command.flags, ...GLOBAL_FLAGS.filter((g) => !command.flags.some((f) => f.name === g.name || (g.short !== undefined && f.short === g.short)))]);
  } catch (e) {
    if (e instanceof FlagError) return command.flagError?.(cluster, path, e.message) ?? failure(cluster, `error: ${e.message}\nSee '${path} --help' for usage.`);
    throw e;
  }
  if (parsed.values.get('help') === true) return { cluster, stdout: commandHelp(command, path), stderr: '', exitCode: 0 };
  const kubeconfig = io.kubeconfig?.() ?? adminKubeconfig(cluster);
  const resolved = resolveNamespace(parsed, path, kubeconfig);
  if ('error' in resolved) return failure(cluster, resolved.error);
  const ctx: CommandContext = {
    cluster,
    args: parsed,
    io,
    path,
    namespace: resolved.namespace,
    namespaceExplicit: resolved.explicit,
    kubeconfig,
    nowMs: cluster.config.epochMs + cluster.nowMs,
    ...(resolved.serverUnreachable !== undefined ? { serverUnreachable: resolved.serverUnreachable } : {}),
  };
  const acting = actingUser(ctx);
  if ('error' in acting) return failure(cluster, acting.error);
  if (!acting.impersonated) return command.run(ctx);
  const refused = refusedRequest(ctx, acting.user);
  return refused !== undefined ? failure(cluster, refused) : command.run({ ...ctx, user: acting.user });
}

const DISCOVERY_ONLY = new Set(['kubectl version', 'kubectl api-resources', 'kubectl api-versions']);

/**
 * The namespace from -n, else the kubeconfig's context (f.ToRawKubeConfigLoader().Namespace(), which
 * every command's Complete calls), and the client config checked before the command talks to the
 * server. `kubectl config` reads the file only (ConfigAccess) and `version --client` no server:
 * they skip both.
 */
function resolveNamespace(parsed: ParsedArgs, path: string, kubeconfig: Kubeconfig): { namespace: string; explicit: boolean; serverUnreachable?: string } | { error: string } {
  const flag = str(parsed, 'namespace');
  const overrides: ConfigOverrides = { context: str(parsed, 'context'), cluster: str(parsed, 'cluster'), user: str(parsed, 'user'), server: str(parsed, 'server'), namespace: flag };
  if (path.startsWith('kubectl config') || (path === 'kubectl version' && parsed.values.get('client') === true)) {
    return flag !== undefined && flag !== '' ? { namespace: flag, explicit: true } : { namespace: 'default', explicit: false };
  }
  // version, api-resources and api-versions build a discovery client (ClientConfig) without asking Namespace().
  const ns = DISCOVERY_ONLY.has(path) ? { namespace: flag || 'default', explicit: flag !== undefined && flag !== '' } : clientNamespace(kubeconfig, overrides);
  if ('error' in ns) return ns;
  const serverError = clientServerError(kubeconfig, overrides);
  // version.go: Complete fails on a bad config, but Run prints the client's lines before the server's error.
  if (serverError === CONNECTION_REFUSED && path === 'kubectl version') return { ...ns, serverUnreachable: serverError };
  return serverError !== undefined ? { error: serverError } : ns;
}

/**
 * cobra's Find: the first word that is not a flag (or a global flag's value) names the command;
 * a subcommand may follow. Returns the command, its path, and the arguments without those words.
 */
function findCommand(args: readonly string[]): { command?: Command; path: string; rest: string[] } | { error: string } {
  const globalsWithValue = new Set(GLOBAL_FLAGS.filter((f) => f.kind !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
  const wordAt = (from: number): number => {
    for (let i = from; i < args.length; i++) {
      const a = args[i];
      if (a === '--') return -1;
      if (a.startsWith('-')) {
        if (globalsWithValue.has(a)) i++;
        continue;
      }
      return i;
    }
    return -1;
  };
  const first = wordAt(0);
  if (first === -1) {
    if (args.some((a) => a === '--help' || a === '-h') || args.length === 0) return { path: 'kubectl', rest: [] };
    const flag = args.find((a) => a.startsWith('-'))!;
    try {
      parseArgs(args, GLOBAL_FLAGS);
    } catch (e) {
      if (e instanceof FlagError) return { error: `error: ${e.message}\nSee 'kubectl --help' for usage.` };
    }
    return { error: `error: unknown command "${flag}" for "kubectl"` };
  }
  const word = args[first];
  const command = COMMANDS.get(word);
  if (command === undefined && KUBECTL_COMMANDS.has(word)) {
    return { error: `error: kubespec does not simulate "kubectl ${word}" yet; supported: ${[...COMMANDS.keys()].sort().join(', ')}` };
  }
  if (command === undefined) return { error: unknownCommand(word) };
  const rest = [...args.slice(0, first), ...args.slice(first + 1)];
  if (command.subcommands !== undefined) {
    const subIndex = wordAt(first + 1);
    const sub = subIndex === -1 ? undefined : command.subcommands[args[subIndex]];
    if (sub !== undefined) {
      return { command: sub, path: `kubectl ${word} ${sub.name}`, rest: [...args.slice(0, first), ...args.slice(first + 1, subIndex), ...args.slice(subIndex + 1)] };
    }
  }
  return { command, path: `kubectl ${word}`, rest };
}

/** cobra's unknown-command error with its "Did you mean this?" suggestions (Levenshtein <= 2 or prefix). */
function unknownCommand(word: string): string {
  const suggestions = [...COMMANDS.keys()].filter((name) => levenshtein(word.toLowerCase(), name) <= 2 || name.startsWith(word.toLowerCase()));
  const did = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `error: unknown command "${word}" for "kubectl"${did}`;
}

function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function rootHelp(): string {
  const lines = [...COMMANDS.values()].map((c) => `  ${c.name.padEnd(15)}${c.short}`);
  return `kubectl controls the Kubernetes cluster manager (simulated by kubespec).\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

function commandHelp(command: Command, path: string): string {
  const subs = command.subcommands === undefined ? '' : `\nAvailable Commands:\n${[...new Set(Object.values(command.subcommands))].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => `  ${s.name.padEnd(15)}${s.short}`).join('\n')}\n`;
  const flags = command.flags.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}`).join('\n');
  return `${command.short}.\n${subs}\nOptions:\n${flags}\n\nUsage:\n  ${path} [options]\n`;
}
