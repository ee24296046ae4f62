import type { Pod } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { resolveContainer } from '../../runtime/pod-containers';
import { podLogs } from '../../runtime/logs';
import { Output, failure, type Attachment, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, str } from '../flags';
import { mostActiveFirst, podForObject } from './pod-io';
import { PROMPT_HINT, SESSION_WARNING } from './run-attach';

// kubectl attach (staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go AttachOptions.Run): to a
// running container's main process. With -i the lines typed next go to its stdin
// (bin/shell-session.ts) until `exit`; without it kubectl streams the container's output (here:
// what it wrote so far). A Pod that is not running yet is not waited for: the attach fails.

export const attach: Command = {
  name: 'attach',
  short: 'Attach to a running container',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'pod-running-timeout', kind: 'string', default: '1m0s' },
  ],
  run: runAttach,
};

function runAttach(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const target = args.positional.length === 2 ? `${args.positional[0]}/${args.positional[1]}` : args.positional[0];
  if (target === undefined || args.positional.length > 2) {
    return failure(ctx.cluster, `error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.positional.length}: [${args.positional.join(' ')}]\nSee 'kubectl attach -h' for help and examples`);
  }
  // AttachOptions.Run: the Pod as it is (polymorphichelpers.attachablePodForObject waits
  // --pod-running-timeout only for a workload that has no Pod yet, not for a Pending one to run).
  const found = podForObject(ctx, target, mostActiveFirst, '1m0s');
  if ('error' in found) return failure(found.cluster, found.error);
  const cluster = found.cluster;
  const pod = found.picked.pod;
  const name = pod.metadata.name;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return failure(cluster, `error: cannot attach a container in a completed pod; current phase is ${phase}`);
  const quiet = bool(args, 'quiet');
  const o = new Output();
  const picked = containerToAttachTo(pod, str(args, 'container'), quiet);
  if ('error' in picked) return failure(cluster, `error: cannot attach to the container: ${picked.error}`);
  if (picked.note !== undefined) o.err(picked.note);
  const container = picked.container;
  if (bool(args, 'tty') && container.tty !== true && !quiet) o.err(`error: Unable to use a TTY - container ${container.name} did not allocate one`);
  if (!quiet) { o.err(SESSION_WARNING); o.err(PROMPT_HINT); }
  const unreachable = attachRefused(cluster, pod, container.name);
  if (unreachable !== undefined) {
    o.fail(unreachable);
    return o.result(cluster);
  }
  if (!bool(args, 'stdin') || container.stdin !== true) {
    o.write('stdout', podLogs(cluster, ctx.namespace, name, container.name).stdout);
    return o.result(cluster);
  }
  const session: Attachment = {
    mode: 'attach', namespace: ctx.namespace, pod: name, container: container.name, remove: false, restartPolicy: pod.spec.restartPolicy ?? 'Always',
    quiet, stdinOnce: container.stdinOnce === true, waitForExit: false,
    // reattachMessage: an ephemeral container (kubectl debug) is not restarted.
    ...(pod.spec.containers.includes(container) || (pod.spec.initContainers ?? []).includes(container) ? {} : { ephemeral: true }),
  };
  return { ...o.result(cluster), attach: session };
}

type Container = Pod['spec']['containers'][number];

/**
 * podcmd.FindOrDefaultContainerByName: -c names any container (init ones too); else the
 * kubectl.kubernetes.io/default-container annotation's, else the first, with a note when there was a choice.
 */
export function containerToAttachTo(pod: Pod, asked: string | undefined, quiet: boolean): { container: Container; note?: string } | { error: string } {
  const inits = pod.spec.initContainers ?? [];
  const ephemeral = (pod.spec as { ephemeralContainers?: readonly Container[] }).ephemeralContainers ?? [];
  const byName = (n: string) => pod.spec.containers.find((c) => c.name === n) ?? inits.find((c) => c.name === n) ?? ephemeral.find((c) => c.name === n);
  if (asked !== undefined && asked !== '') {
    const c = byName(asked);
    return c === undefined ? { error: `container ${asked} not found in pod ${pod.metadata.name}` } : { container: c };
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const fromAnnotation = annotated !== undefined && annotated !== '' ? byName(annotated) : undefined;
  if (fromAnnotation !== undefined) return { container: fromAnnotation };
  const first = pod.spec.containers[0];
  if (quiet || (pod.spec.containers.length === 1 && inits.length === 0)) return { container: first };
  const names = [...pod.spec.containers.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)].join(', ');
  return { container: first, note: `Defaulted container "${first.name}" out of: ${names}` };
}

/**
 * The attach request itself, for a container that is not running: the API server's streamLocation
 * refuses a Pod without a node (BadRequest), and the kubelet's GetAttach finds no running container
 * (its plain-text error through the SPDY upgrade, after the WebSocket attempt falls back).
 */
function attachRefused(cluster: Cluster, pod: Pod, container: string): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  if (pod.spec.nodeName === undefined || pod.spec.nodeName === '') return `Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned`;
  const r = resolveContainer(cluster, ns, pod.metadata.name, container);
  const running = !('stderr' in r) && r.crt !== undefined && r.crt.id !== 0 && r.crt.phase === 'running';
  return running ? undefined : `error: unable to upgrade connection: container ${container} not found in pod ${pod.metadata.name}_${ns}`;
}
