import type { Pod } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { advanceUntil, submit } from '../../index';
import { podLogs } from '../../runtime/logs';
import { closeStdin } from '../../runtime/attach';
import { resultOf, type Attachment, type KubectlResult } from '../context';
import { typeOfKind } from '../resources';
import { deletedLine } from './delete';

// kubectl run --attach / -i / --rm (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go Run,
// handleAttachPod, waitForPod; cmd/attach/attach.go): wait for the Pod to run and be ready,
// then attach. The session itself (the lines typed until `exit`) belongs to whoever reads stdin:
// `kubespec shell` sends them through kubectl exec and ends it with endAttachSession.

/** --pod-running-timeout's default (run, attach). */
export const POD_RUNNING_TIMEOUT_MS = 60_000;

export const SESSION_WARNING = 'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.';
export const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.";

const podOf = (c: Cluster, ns: string, name: string) => c.store.get('Pod', ns, name) as Pod | undefined;
const completed = (p: Pod | undefined) => p?.status?.phase === 'Succeeded' || p?.status?.phase === 'Failed';

/** podRunningAndReady: Running with Ready=True; Succeeded/Failed end the wait too (ErrPodCompleted). */
function runningAndReady(p: Pod | undefined): boolean {
  if (p === undefined || completed(p)) return true;
  return p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export interface RunAttachOptions {
  readonly namespace: string;
  readonly name: string;
  readonly stdin: boolean;
  readonly tty: boolean;
  readonly remove: boolean;
  readonly quiet: boolean;
  readonly restartPolicy: string;
}

/** After `kubectl run` created the Pod: the attach (or, for a Pod already done, its logs). */
export function attachToRunPod(created: KubectlResult, o: RunAttachOptions): KubectlResult {
  const waited = advanceUntil(created.cluster, POD_RUNNING_TIMEOUT_MS, (v) => runningAndReady(v.get<Pod>('Pod', o.namespace, o.name)));
  let cluster = waited.cluster;
  let stdout = '';
  let stderr = created.stderr;
  if (!waited.reached) {
    const removed = o.remove ? removePod(cluster, o) : { cluster, stdout: '' };
    const failed = 'error: timed out waiting for the condition\n';
    return resultOf(removed.cluster, [{ stream: 'stderr', text: stderr }, { stream: 'stdout', text: removed.stdout }, { stream: 'stderr', text: failed }], 1);
  }
  const pod = podOf(cluster, o.namespace, o.name);
  if (pod !== undefined && !completed(pod) && o.stdin) {
    if (!o.quiet) stderr += `${SESSION_WARNING}\n${PROMPT_HINT}\n`;
    const c = pod.spec.containers[0];
    const attach: Attachment = {
      mode: 'attach', namespace: o.namespace, pod: o.name, container: c.name, remove: o.remove, restartPolicy: o.restartPolicy, quiet: o.quiet,
      stdinOnce: c.stdinOnce === true, waitForExit: o.restartPolicy !== 'Always',
    };
    return { cluster, stdout, stderr, exitCode: 0, attach };
  }
  // Nothing to type into: the output streams until the container stops (logOpts for a completed Pod).
  if (pod !== undefined && !completed(pod)) {
    cluster = advanceUntil(cluster, POD_RUNNING_TIMEOUT_MS, (v) => completed(v.get<Pod>('Pod', o.namespace, o.name)) || restarted(v.get<Pod>('Pod', o.namespace, o.name))).cluster;
  }
  if (pod !== undefined) stdout += podLogs(cluster, o.namespace, o.name).stdout;
  return finish(cluster, { ...o, waitForExit: o.restartPolicy !== 'Always' }, stdout, stderr);
}

const restarted = (p: Pod | undefined) => (p?.status?.containerStatuses ?? []).some((c) => (c.restartCount ?? 0) > 0 || c.state?.terminated !== undefined);

/**
 * `exit [N]` (or the end of the input) in the session. exec: the shell kubectl started ends, and
 * kubectl exits with its status. attach: stdin closes (stdinOnce), kubectl says how to attach
 * again; for kubectl run, then --rm and the exit code.
 */
export function endAttachSession(cluster: Cluster, a: Attachment, exitCode: number): KubectlResult {
  if (a.mode === 'exec') {
    return { cluster, stdout: '', stderr: exitCode !== 0 ? `command terminated with exit code ${exitCode}\n` : '', exitCode };
  }
  const closed = a.stdinOnce ? closeStdin(cluster, a.namespace, a.pod, a.container, exitCode) : cluster;
  const ns = a.namespace === 'default' ? '' : ` -n ${a.namespace}`;
  const when = a.restartPolicy === 'Always' ? ' when the pod is running' : '';
  const stderr = a.quiet ? ''
    : a.ephemeral === true ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${a.pod} -c ${a.container}${ns} -i -t' if it is still running\n`
      : `Session ended, resume using 'kubectl attach ${a.pod} -c ${a.container}${ns} -i -t' command${when}\n`;
  return finish(closed, { namespace: a.namespace, name: a.pod, remove: a.remove, restartPolicy: a.restartPolicy, waitForExit: a.waitForExit }, '', stderr);
}

/** The end of Run: for Never/OnFailure the container's exit code, after the deferred --rm. */
function finish(cluster: Cluster, o: Pick<RunAttachOptions, 'namespace' | 'name' | 'remove' | 'restartPolicy'> & { readonly waitForExit: boolean }, stdout: string, stderr: string): KubectlResult {
  let exitCode = 0;
  let failed = ''; // the returned error, which cmdutil.CheckErr prints after the deferred removal
  if (o.waitForExit) {
    const done = (p: Pod | undefined) => p === undefined || (o.restartPolicy === 'Never' ? completed(p) : p.status?.phase === 'Succeeded');
    const waited = advanceUntil(cluster, POD_RUNNING_TIMEOUT_MS, (v) => done(v.get<Pod>('Pod', o.namespace, o.name)));
    cluster = waited.cluster;
    const pod = podOf(cluster, o.namespace, o.name);
    if (!waited.reached) { failed = 'error: timed out waiting for the condition\n'; exitCode = 1; }
    else if (pod?.status?.phase === 'Failed') {
      const t = pod.status.containerStatuses?.[0]?.state?.terminated;
      if (t === undefined || t.exitCode === 0) { failed = `error: pod ${o.namespace}/${o.name} failed with unknown exit code\n`; exitCode = 1; }
      else {
        // uexec.CodeExitError, printed by cmdutil.CheckErr with one final newline.
        const text = `pod ${o.namespace}/${o.name} terminated (${t.reason ?? ''})\n${t.message ?? ''}`;
        failed = text.endsWith('\n') ? text : `${text}\n`;
        exitCode = t.exitCode;
      }
    }
  }
  // run.go: `defer o.removeCreatedObjects` runs after the attach ended and before the error is printed.
  const removed = o.remove ? removePod(cluster, o) : { cluster, stdout: '' };
  // What the callers wrote to stderr (kubectl run's notices, "Session ended") came before their stdout.
  return resultOf(removed.cluster, [{ stream: 'stderr', text: stderr }, { stream: 'stdout', text: stdout }, { stream: 'stdout', text: removed.stdout }, { stream: 'stderr', text: failed }], exitCode);
}

/** removeCreatedObjects: DeleteOptions with the default grace period, not waiting for the Pod to go. */
function removePod(cluster: Cluster, o: Pick<RunAttachOptions, 'namespace' | 'name'>): { cluster: Cluster; stdout: string } {
  const pod = podOf(cluster, o.namespace, o.name);
  if (pod === undefined) return { cluster, stdout: '' }; // IgnoreNotFound
  const r = submit(cluster, [{ verb: 'delete', ref: { kind: 'Pod', namespace: o.namespace, name: o.name }, reason: 'kubectl run --rm', propagation: 'Background' }], 'kubectl');
  return { cluster: r.cluster, stdout: `${deletedLine(cluster, typeOfKind('Pod')!, pod, 'deleted', 'none')}\n` };
}
