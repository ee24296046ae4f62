import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapCluster } from '../cluster/bootstrap';
import { advance } from '../index';
import { runKubectl } from './index';
import { Output, writesOf } from './context';

// A terminal shows kubectl's stdout and stderr in the order they were written: warnings before the
// table, "Found N pods" before the logs, errors after what was printed.

const io = { readFile: () => undefined };
const cluster = bootstrapCluster({ nodes: 1, seed: 1 });

test('Output keeps the order of its writes only when stderr came before some stdout', () => {
  const plain = new Output();
  plain.out('a'); plain.err('b');
  assert.equal(plain.result(cluster).written, undefined);
  const warned = new Output();
  warned.err('Warning: x'); warned.out('table'); warned.err('error: y');
  assert.deepEqual(writesOf(warned.result(cluster)), [
    { stream: 'stderr', text: 'Warning: x\n' }, { stream: 'stdout', text: 'table\n' }, { stream: 'stderr', text: 'error: y\n' },
  ]);
});

test('kubectl get endpoints: the API server\'s deprecation warning comes before the table', () => {
  const r = runKubectl(cluster, ['get', 'endpoints'], io);
  assert.deepEqual(writesOf(r).map((w) => [w.stream, w.text.split('\n')[0]]), [
    ['stderr', 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'],
    ['stdout', 'NAME         ENDPOINTS             AGE'],
  ]);
});

test('kubectl logs of a Deployment: "Found N pods" is written before the logs', () => {
  const created = runKubectl(cluster, ['create', 'deployment', 'hello', '--image=busybox', '--replicas=2', '--', 'sh', '-c', 'echo hi; sleep 3600'], io);
  const r = runKubectl(advance(created.cluster, 30_000), ['logs', 'deployment/hello'], io);
  assert.deepEqual(writesOf(r).map((w) => [w.stream, w.text.replace(/hello-\S+/, 'hello-…')]), [
    ['stderr', 'Found 2 pods, using pod/hello-…\n'], ['stdout', 'hi\n'],
  ]);
});
