import type { Pod } from '../../api/types';
import { advanceUntil } from '../../index';
import { podLogs } from '../../runtime/logs';
import { Output, failure, type Attachment, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, str } from '../flags';
import { mostActiveFirst, podForObject } from './pod-io';
import { POD_RUNNING_TIMEOUT_MS, PROMPT_HINT, SESSION_WARNING } from './run-attach';

// kubectl attach (staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go): to a running container's
// main process. With -i the lines typed next go to its stdin (bin/shell-session.ts) until `exit`;
// without it kubectl streams the container's output (here: what it wrote so far).

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
  const found = podForObject(ctx, target, mostActiveFirst, '1m0s');
  if ('error' in found) return failure(found.cluster, found.error);
  // Wait (in virtual time) while the Pod is still Pending.
  const name = found.picked.pod.metadata.name;
  const waited = advanceUntil(found.cluster, POD_RUNNING_TIMEOUT_MS, (v) => v.get<Pod>('Pod', ctx.namespace, name)?.status?.phase !== 'Pending');
  const cluster = waited.cluster;
  const pod = cluster.store.get<Pod>('Pod', ctx.namespace, name);
  if (pod === undefined) return failure(cluster, `Error from server (NotFound): pods "${name}" not found`);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return failure(cluster, `error: cannot attach a container in a completed pod; current phase is ${phase}`);
  if (!waited.reached) return failure(cluster, 'error: timed out waiting for the condition');
  const o = new Output();
  const asked = str(args, 'container');
  const container = asked === undefined ? pod.spec.containers[0] : pod.spec.containers.find((c) => c.name === asked);
  if (container === undefined) return failure(cluster, `error: container ${asked} not found in pod ${name}`);
  const quiet = bool(args, 'quiet');
  if (asked === undefined && pod.spec.containers.length > 1 && !quiet) o.err(`Defaulted container "${container.name}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}`);
  if (bool(args, 'tty') && container.tty !== true && !quiet) o.err(`error: Unable to use a TTY - container ${container.name} did not allocate one`);
  if (!bool(args, 'stdin') || container.stdin !== true) {
    o.write('stdout', podLogs(cluster, ctx.namespace, name, container.name).stdout);
    return o.result(cluster);
  }
  if (!quiet) { o.err(SESSION_WARNING); o.err(PROMPT_HINT); }
  const session: Attachment = {
    mode: 'attach', namespace: ctx.namespace, pod: name, container: container.name, remove: false, restartPolicy: pod.spec.restartPolicy ?? 'Always',
    quiet, stdinOnce: container.stdinOnce === true, waitForExit: false,
  };
  return { ...o.result(cluster), attach: session };
}
