import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Pod } from '../sim/api/types';
import type { Cluster } from '../sim/engine/types';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { fileReader, realDeps } from './shell';
import { writesOf } from '../sim/kubectl/context';
import { endSession, runLine, runSessionLine, type LineResult, type Session } from './shell-session';

// `kubectl run -it` in the shell: the book's DNS check (chapter 6) typed into a busybox shell.

const deps = realDeps(fileReader(join(__dirname, '..', 'examples')));
const pod = (c: Cluster, name: string) => c.store.get('Pod', 'default', name) as Pod | undefined;

function script(lines: readonly string[], from: Cluster = bootstrapCluster({ nodes: 2, seed: 1 })): { cluster: Cluster; results: LineResult[]; session?: Session } {
  let cluster = from;
  let session: Session | undefined;
  const results: LineResult[] = [];
  for (const [i, text] of lines.entries()) {
    const r = session !== undefined ? runSessionLine(cluster, text, session) : runLine(cluster, text, i + 1, deps);
    cluster = r.cluster;
    session = r.session;
    results.push(r);
  }
  return { cluster, results, session };
}

test('kubectl run --rm -ti busybox /bin/sh: lines go to the container until exit, then the Pod is deleted', () => {
  const run = script(['kubectl apply -f httpd.yml', 'kubectl apply -f httpd-svc.yml', 'sleep 30s', 'kubectl run busybox --rm -ti --image=busybox /bin/sh']);
  const attached = run.results[3];
  assert.deepEqual([attached.stdout, attached.exitCode], ['', 0]); // no `pod/busybox created` when attaching
  assert.equal(attached.stderr, "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n");
  const spec = pod(run.cluster, 'busybox')!.spec.containers[0];
  assert.deepEqual([spec.stdin, spec.stdinOnce, spec.tty, spec.args], [true, true, true, ['/bin/sh']]);
  assert.ok(run.session !== undefined);
  let cluster = run.cluster;
  let session: Session | undefined = run.session;
  const out: LineResult[] = [];
  for (const text of ['wget httpd-svc:8080', 'cat index.html', 'exit']) {
    const r = runSessionLine(cluster, text, session!);
    cluster = r.cluster; session = r.session; out.push(r);
  }
  assert.match(out[0].stderr, /^Connecting to httpd-svc:8080 \(10\.\d+\.\d+\.\d+:8080\)\nsaving to 'index.html'\n/);
  assert.equal(out[1].stdout, '<html><body><h1>It works!</h1></body></html>\n');
  assert.equal(session, undefined);
  assert.equal(out[2].stderr, "Session ended, resume using 'kubectl attach busybox -c busybox -i -t' command when the pod is running\n");
  assert.equal(out[2].stdout, 'pod "busybox" deleted from default namespace\n');
  // run.go defers the removal: a terminal shows "Session ended" first, then the deletion.
  assert.deepEqual(writesOf(out[2]).map((w) => w.stream), ['stderr', 'stdout']);
  const gone = pod(cluster, 'busybox');
  assert.ok(gone === undefined || gone.metadata.deletionTimestamp !== undefined);
});

test('an attached shell waits on its stdin; exit closes it and the kubelet restarts the container (restartPolicy Always)', () => {
  const run = script(['kubectl run shell -it --image=busybox -- sh', 'sleep 2m']);
  const before = pod(run.cluster, 'shell')!;
  assert.equal(before.status?.phase, 'Running');
  assert.equal(before.status?.containerStatuses?.[0].restartCount, 0, 'a shell with stdin open does not exit on its own');
  const ended = endSession(run.cluster, run.session!);
  assert.match(ended.stderr, /command when the pod is running\n$/);
  const after = script(['sleep 30s'], ended.cluster).cluster;
  const s = pod(after, 'shell')!.status!;
  assert.deepEqual([s.phase, s.containerStatuses?.[0].restartCount, s.containerStatuses?.[0].lastState?.terminated?.exitCode], ['Running', 1, 0]);
  // Without -i the same shell reads an empty stdin and exits at once.
  const bare = script(['kubectl run bare --image=busybox -- sh', 'sleep 1m']).cluster;
  assert.ok((pod(bare, 'bare')!.status?.containerStatuses?.[0].restartCount ?? 0) > 0);
});

test('kubectl run -i of a command that finishes prints its output; --restart=Never returns its exit code', () => {
  const r = script(['kubectl run hello -i --rm --restart=Never --image=busybox -- echo hello', 'kubectl run fail -i --restart=Never --image=busybox -- sh -c "exit 3"']);
  assert.deepEqual([r.results[0].stdout, r.results[0].exitCode, r.results[0].session], ['hello\npod "hello" deleted from default namespace\n', 0, undefined]);
  assert.deepEqual([r.results[1].stderr, r.results[1].exitCode], ['pod default/fail terminated (Error)\n', 3]);
  const refused = script(['kubectl run q -t --image=busybox', 'kubectl run q --rm --image=busybox']).results;
  assert.equal(refused[0].stderr, 'error: -i/--stdin is required for containers with -t/--tty=true\n');
  assert.equal(refused[1].stderr, 'error: --rm should only be used for attached containers\n');
});

test('kubectl exec -it POD -- sh opens a shell of its own: exit N ends it with N, the container runs on', () => {
  const r = script(['kubectl run web --image=nginx', 'sleep 30s', 'kubectl exec -it web -- sh', 'hostname', 'exit 5', 'kubectl exec web -- echo still']);
  assert.deepEqual([r.results[2].stdout, r.results[2].stderr, r.results[2].session?.attach.mode], ['', '', 'exec']);
  assert.equal(r.results[3].stdout, 'web\n');
  assert.deepEqual([r.results[4].stderr, r.results[4].exitCode, r.results[4].session], ['command terminated with exit code 5\n', 5, undefined]);
  assert.equal(r.results[5].stdout, 'still\n');
  assert.equal(pod(r.cluster, 'web')!.status?.containerStatuses?.[0].restartCount, 0);
});

test('kubectl attach -it to a shell kubectl run -it left running; without -i it prints the output so far', () => {
  const r = script(['kubectl run s -it --image=busybox -- sh', 'exit', 'sleep 20s', 'kubectl attach s -c s -i -t', 'echo two', 'exit']);
  assert.match(r.results[3].stderr, /If you don't see a command prompt, try pressing enter\.\n$/);
  assert.equal(r.results[3].session?.attach.mode, 'attach');
  assert.equal(r.results[4].stdout, 'two\n');
  assert.equal(r.results[5].stderr, "Session ended, resume using 'kubectl attach s -c s -i -t' command when the pod is running\n");
  const logs = script(['kubectl run once --restart=Never --image=busybox -- echo hi', 'sleep 30s', 'kubectl attach once']).results[2];
  assert.deepEqual([logs.stderr, logs.exitCode], ['error: cannot attach a container in a completed pod; current phase is Succeeded\n', 1]);
  assert.equal(script(['kubectl attach nope -i']).results[0].stderr, 'Error from server (NotFound): pods "nope" not found\n');
});
