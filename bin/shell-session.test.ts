import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../sim/engine/types';
import type { ImageBehaviour } from '../sim/runtime/images';
import { emptyCluster, advance } from '../sim/engine/loop';
import { runLine, type ShellDeps } from './shell-session';

// The shell's line interpreter with injected simulator functions: no bootstrap needed.

function deps(calls: string[] = []): ShellDeps {
  return {
    io: { readFile: (p) => (p === 'ns.yml' ? 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n' : undefined) },
    advance: (c, ms) => advance(c, ms, []),
    failNode: (c, name) => { calls.push(`fail ${name}`); return name === 'ghost' ? { cluster: c, error: 'Error from server (NotFound): nodes "ghost" not found' } : { cluster: c }; },
    recoverNode: (c, name) => { calls.push(`recover ${name}`); return { cluster: c }; },
    addNode: (c, name, opts) => { calls.push(`add ${name} ${JSON.stringify(opts?.labels ?? {})}`); return { cluster: c }; },
    behaviourOf: () => ({ kind: 'server' }),
    declareImage: (c, image, b: ImageBehaviour) => { calls.push(`image ${image} ${JSON.stringify(b)}`); return c; },
  };
}

const start = (): Cluster => emptyCluster({ seed: 1 });

test('blank lines and comments produce no command', () => {
  for (const text of ['', '   ', '# a comment']) {
    const r = runLine(start(), text, 1, deps());
    assert.equal(r.command, undefined);
    assert.equal(r.exitCode, 0);
  }
});

test('kubectl lines run kubectl, with quotes and files; "$ " prompts from the book are accepted', () => {
  const r = runLine(start(), '$ kubectl apply -f ns.yml', 1, deps());
  assert.deepEqual([r.command, r.stdout, r.stderr, r.exitCode], ['kubectl apply -f ns.yml', 'namespace/demo created\n', '', 0]);
  const q = runLine(r.cluster, `kubectl get ns demo -o 'jsonpath={.metadata.name} is here'`, 2, deps());
  assert.equal(q.stdout, 'demo is here');
});

test('sleep moves virtual time', () => {
  const r = runLine(start(), 'sleep 1m30s', 1, deps());
  assert.equal(r.cluster.nowMs, 90_000);
  assert.equal(runLine(start(), 'sleep 45', 1, deps()).cluster.nowMs, 45_000);
  const bad = runLine(start(), 'sleep soon', 3, deps());
  assert.deepEqual([bad.stderr, bad.exitCode], ['kubespec shell: line 3: sleep: invalid duration "soon" (e.g. 30s, 5m, 1h30m)\n', 1]);
});

test('node and image lines call the cluster and runtime functions', () => {
  const calls: string[] = [];
  assert.equal(runLine(start(), 'node fail k8s-node2', 1, deps(calls)).stdout, 'node/k8s-node2 failed\n');
  assert.equal(runLine(start(), 'node recover k8s-node2', 2, deps(calls)).stdout, 'node/k8s-node2 recovered\n');
  assert.equal(runLine(start(), 'node add k8s-node3 disktype=ssd', 3, deps(calls)).stdout, 'node/k8s-node3 added\n');
  const ghost = runLine(start(), 'node fail ghost', 4, deps(calls));
  assert.deepEqual([ghost.stderr, ghost.exitCode], ['Error from server (NotFound): nodes "ghost" not found\n', 1]);
  assert.equal(runLine(start(), 'image myapp:v2 exits with code 1 after 10s', 5, deps(calls)).stdout, 'image myapp:v2: exits with code 1 after 10s\n');
  assert.deepEqual(calls, ['fail k8s-node2', 'recover k8s-node2', 'add k8s-node3 {"disktype":"ssd"}', 'fail ghost', 'image myapp:v2 {"kind":"server","exit":{"afterMs":10000,"code":1}}']);
});

test('a line that is not a command names the line and what is expected', () => {
  const r = runLine(start(), 'foo bar', 3, deps());
  assert.deepEqual([r.command, r.stderr, r.exitCode], ['foo bar', 'kubespec shell: line 3: unknown command "foo"; expected kubectl, helm, sleep, node, image, or exit\n', 1]);
  assert.match(runLine(start(), 'kubectl get pods | grep nginx', 4, deps()).stderr, /^kubespec shell: line 4: "\|" is not supported/);
  assert.match(runLine(start(), 'kubectl get pods -o "jsonpath={.a}', 5, deps()).stderr, /unterminated double quote/);
  assert.doesNotMatch(runLine(start(), "kubectl get pods -l 'app in (a,b)' -o 'jsonpath={.items[?(@.x>1)]}'", 6, deps()).stderr, /not supported/);
});

test('exit stops, with or without a status', () => {
  assert.deepEqual(runLine(start(), 'exit', 1, deps()).stop, { status: undefined });
  assert.deepEqual(runLine(start(), 'exit 3', 1, deps()).stop, { status: 3 });
  assert.equal(runLine(start(), 'exit now', 1, deps()).exitCode, 1);
});
