import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Cluster, NetworkPlugin, ProxyMode } from '../sim/engine/types';
import type { KubectlIo } from '../sim/kubectl/index';
import type { Kubeconfig } from '../sim/kubectl/commands/kubeconfig';
import { writesOf } from '../sim/kubectl/context';
import { advance } from '../sim/index';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { addNode, failNode, recoverNode } from '../sim/cluster/node-ops';
import { behaviourOf, declareImage } from '../sim/runtime/images';
import { endSession, runLine, runSessionLine, type LineResult, type Session, type ShellDeps } from './shell-session';
import { shellHelmIo } from './shell-helm-io';

// kubespec shell [--seed N] [--nodes N] [--network flannel|calico|canal|none] [--proxy-mode iptables|ipvs] [--json]
//
// Starts a kubeadm-like cluster and reads lines from stdin: `kubectl ...`, `sleep <duration>`
// (virtual time), `node fail|recover|add <name>`, `image <ref> <behaviour>`, `# comments`, `exit`.
// Plain output prints what each command prints; --json prints one object per command line:
// {"line", "command", "time" (virtual seconds), "exitCode", "stdout", "stderr"}.
// Exit status: `exit N` ends with N; otherwise (end of input or a bare `exit`) 1 if any line
// failed, else 0 - so a script works as a CI gate. Bad options: 2, with one message.

export interface ShellOptions {
  readonly seed: number;
  readonly nodes: number;
  readonly network: NetworkPlugin;
  /** kube-proxy's mode (the kube-proxy ConfigMap's `mode`; iptables is kubeadm's default). */
  readonly proxyMode: ProxyMode;
  readonly json: boolean;
}

const USAGE = 'usage: kubespec shell [--seed N] [--nodes N] [--network flannel|calico|canal|none] [--proxy-mode iptables|ipvs] [--json]';
const NETWORKS: readonly NetworkPlugin[] = ['flannel', 'calico', 'canal', 'none'];
const PROXY_MODES: readonly ProxyMode[] = ['iptables', 'ipvs'];
/** Kubernetes' published limit; more workers than this is not a cluster Kubernetes supports. */
const MAX_NODES = 5000;

/** Parses the shell's options; an error text (for stderr, exit 2) when one is wrong. */
export function parseShellOptions(argv: readonly string[]): ShellOptions | { error: string } {
  let seed = 0;
  let nodes = 2;
  let network: NetworkPlugin = 'flannel';
  let proxyMode: ProxyMode = 'iptables';
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string | undefined => (eq !== -1 ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '--json': json = true; break;
      case '--seed': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff) return { error: `kubespec shell: invalid value "${v ?? ''}" for --seed: expected a whole number from 0 to 4294967295\n${USAGE}` };
        seed = Number(v);
        break;
      }
      case '--nodes': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v) || Number(v) > MAX_NODES) return { error: `kubespec shell: invalid value "${v ?? ''}" for --nodes: expected a whole number of worker nodes from 0 to ${MAX_NODES}\n${USAGE}` };
        nodes = Number(v);
        break;
      }
      case '--network': {
        const v = value();
        if (v === undefined || !NETWORKS.includes(v as NetworkPlugin)) return { error: `kubespec shell: invalid value "${v ?? ''}" for --network: expected one of ${NETWORKS.join(', ')}\n${USAGE}` };
        network = v as NetworkPlugin;
        break;
      }
      case '--proxy-mode': {
        const v = value();
        if (v === undefined || !PROXY_MODES.includes(v as ProxyMode)) return { error: `kubespec shell: invalid value "${v ?? ''}" for --proxy-mode: expected one of ${PROXY_MODES.join(', ')}\n${USAGE}` };
        proxyMode = v as ProxyMode;
        break;
      }
      case '--help': case '-h':
        return { error: USAGE };
      default:
        return { error: `kubespec shell: unknown ${arg.startsWith('-') ? 'option' : 'argument'} "${arg}"\n${USAGE}` };
    }
  }
  return { seed, nodes, network, proxyMode, json };
}

/** Files for -f, relative to the current directory; a directory yields its .yaml/.yml/.json files. */
export function fileReader(cwd: string): KubectlIo {
  return {
    readFile(path: string): string | undefined {
      const full = resolve(cwd, path);
      if (!existsSync(full)) return undefined;
      if (statSync(full).isDirectory()) {
        const files = readdirSync(full).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
        return files.map((f) => readFileSync(join(full, f), 'utf8')).join('\n---\n');
      }
      return readFileSync(full, 'utf8');
    },
    listDir(path: string): readonly string[] | undefined {
      const full = resolve(cwd, path);
      if (!existsSync(full) || !statSync(full).isDirectory()) return undefined;
      return readdirSync(full).filter((f) => statSync(join(full, f)).isFile()).sort();
    },
  };
}

export function realDeps(io: KubectlIo, cwd = process.cwd()): ShellDeps {
  let kubeconfig: Kubeconfig | undefined; // the session's ~/.kube/config once kubectl config rewrote it
  // One in-memory overlay over the working directory for what helm and kubectl cp write: kubectl reads it first.
  const helmIo = shellHelmIo(cwd);
  return {
    io: { ...io, readFile: (p) => helmIo.readOverlay(p) ?? io.readFile(p), kubeconfig: () => kubeconfig },
    writeKubeconfig: (config) => { kubeconfig = config; },
    helmIo,
    advance,
    failNode,
    recoverNode,
    addNode,
    behaviourOf: (cluster, image) => behaviourOf(cluster.tables.images, image),
    declareImage,
  };
}

/** Runs the shell over stdin; resolves to the exit status. */
export async function shellMain(argv: readonly string[], makeCluster: (o: ShellOptions) => Cluster = defaultCluster): Promise<number> {
  const opts = parseShellOptions(argv);
  if ('error' in opts) {
    process.stderr.write(`${opts.error}\n`);
    return opts.error === USAGE ? 0 : 2;
  }
  let cluster = makeCluster(opts);
  const deps = realDeps(fileReader(process.cwd()));
  const interactive = process.stdin.isTTY === true && !opts.json;
  const rl = createInterface({ input: process.stdin, terminal: false });
  const prompt = () => { if (interactive) process.stdout.write('kubespec$ '); };
  let failed = false;
  let lineNo = 0;
  // While `kubectl run -i` is attached, lines go to the container's shell until it exits.
  let session: Session | undefined;
  const report = (r: LineResult) => {
    cluster = r.cluster;
    if (r.command === undefined) return;
    if (r.exitCode !== 0 && r.stop === undefined && session === undefined) failed = true;
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ line: lineNo, command: r.command, time: cluster.nowMs / 1000, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr })}\n`);
    } else {
      for (const w of writesOf(r)) process[w.stream].write(w.text);
    }
  };
  prompt();
  for await (const text of rl) {
    lineNo++;
    const r = session !== undefined ? runSessionLine(cluster, text, session) : runLine(cluster, text, lineNo, deps);
    session = r.session; // a failing command inside the attached shell does not fail the script (report)
    report(r);
    if (r.stop !== undefined) { rl.close(); return r.stop.status ?? (failed ? 1 : 0); }
    if (session === undefined) prompt();
  }
  // The end of the input closes an attached shell's stdin too.
  if (session !== undefined) { lineNo++; report(endSession(cluster, session)); session = undefined; }
  if (interactive) process.stdout.write('\n');
  return failed ? 1 : 0;
}

function defaultCluster(o: ShellOptions): Cluster {
  return bootstrapCluster({ nodes: o.nodes, network: o.network, proxyMode: o.proxyMode, seed: o.seed, recordTrace: true });
}
