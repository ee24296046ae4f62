import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { advance, applyManifests } from '../../index';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { runKubectl, type KubectlIo } from '../index';
import { cleanPath, extractFileSpec } from './cp';

// kubectl cp (cmd/cp/cp.go): tar in the container, its stderr on kubectl's stdout; local files
// through io (read) and KubectlResult.writes (written).

const pods = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bb}
spec: {containers: [{name: bb, image: busybox, command: [sleep, '3600']}]}
`;

let running: Cluster | undefined;
function cluster(): Cluster {
  if (running !== undefined) return running;
  const r = applyManifests(bootstrapCluster({ nodes: 1, seed: 3 }), pods, { mode: 'apply', source: 'test' });
  assert.deepEqual(r.errors, []);
  return (running = advance(r.cluster, 30_000));
}

const local: Record<string, string> = { 'app.conf': 'listen 8080;\n', 'site/a.html': 'A\n', 'site/b.html': 'B\n' };
const io: KubectlIo = {
  readFile: (p) => local[cleanPath(p)],
  listDir: (p) => (cleanPath(p) === 'site' ? ['a.html', 'b.html'] : undefined),
};
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), io);

test('extractFileSpec: [[namespace/]pod:]file/path', () => {
  assert.deepEqual(extractFileSpec('web:/etc/hosts'), { podName: 'web', file: '/etc/hosts' });
  assert.deepEqual(extractFileSpec('ns/web:etc'), { podNamespace: 'ns', podName: 'web', file: 'etc' });
  assert.deepEqual(extractFileSpec('./out/'), { file: './out' });
  assert.match(extractFileSpec(':x') as string, /canonical format/);
  assert.match(extractFileSpec('a/b/c:x') as string, /canonical format/);
});

test('from a Pod: GNU tar warns about the leading slash on stdout; the file comes back as a write', () => {
  const r = kubectl(cluster(), 'cp web:/etc/nginx/nginx.conf ./nginx.conf');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["tar: Removing leading `/' from member names\n", '', 0]);
  assert.deepEqual(r.writes, [{ path: 'nginx.conf', data: 'user  nginx;\nworker_processes  auto;\n' }]);
  const relative = kubectl(cluster(), 'cp web:etc/nginx/nginx.conf n.conf');
  assert.equal(relative.stdout, '', 'a relative path: no leading slash to remove');
});

test('from a Pod: busybox tar words it its own way; a directory lands below DEST', () => {
  const r = kubectl(cluster(), 'cp bb:/etc/hosts hosts');
  assert.equal(r.stdout, "tar: removing leading '/' from member names\n");
  const dir = kubectl(cluster(), 'cp web:/usr/share/nginx/html out');
  assert.deepEqual(dir.writes?.map((w) => w.path), ['out/50x.html', 'out/index.html']);
});

test('from a Pod: a missing file prints tar\'s errors, writes nothing and still exits 0 (kubectl#980)', () => {
  const gnu = kubectl(cluster(), 'cp web:/no/such x');
  assert.deepEqual([gnu.stdout, gnu.exitCode, gnu.writes], ["tar: Removing leading `/' from member names\ntar: /no/such: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n", 0, []]);
  const bb = kubectl(cluster(), 'cp bb:/no/such x');
  assert.equal(bb.stdout, 'tar: /no/such: No such file or directory\ntar: error exit delayed from previous errors\n');
});

test('from a Pod into a local directory: os.Create fails on it', () => {
  const r = kubectl(cluster(), 'cp web:/etc/nginx/nginx.conf .');
  assert.deepEqual([r.stderr, r.exitCode], ['error: open .: is a directory\n', 1]);
});

test('into a Pod: a directory DEST takes the base name; the file is there for exec', () => {
  const r = kubectl(cluster(), 'cp app.conf bb:/tmp');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', '', 0]);
  assert.equal(kubectl(r.cluster, 'exec bb -- cat /tmp/app.conf').stdout, 'listen 8080;\n');
  const dir = kubectl(cluster(), 'cp site web:/srv');
  assert.equal(dir.exitCode, 0);
  assert.equal(kubectl(dir.cluster, 'exec web -- cat /srv/b.html').stdout, 'B\n');
});

test('into a Pod: a missing directory fails in tar, GNU with status 2, busybox with 1; a missing local file in kubectl', () => {
  assert.deepEqual([kubectl(cluster(), 'cp app.conf web:/no/dir/x').stderr, kubectl(cluster(), 'cp app.conf web:/no/dir/x').exitCode],
    ['tar: /no/dir: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2\n', 2]);
  const bb = kubectl(cluster(), 'cp app.conf bb:/no/dir/x');
  assert.deepEqual([bb.stderr, bb.exitCode], ["tar: can't change directory to '/no/dir': No such file or directory\ncommand terminated with exit code 1\n", 1]);
  const missing = kubectl(cluster(), 'cp nothing.txt bb:/tmp');
  assert.deepEqual([missing.stderr, missing.exitCode], ["error: nothing.txt doesn't exist in local filesystem\n", 1]);
});

test('an image without tar: the runtime cannot start it (exit 126)', () => {
  const c = cluster();
  const etcd = c.store.list('Pod', 'kube-system').find((p) => p.metadata.name.startsWith('etcd-'))!;
  const r = kubectl(c, `cp kube-system/${etcd.metadata.name}:/etc/hosts hosts`);
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in $PATH: unknown\n', 'command terminated with exit code 126\n', 126]);
});

test('filespec errors and a missing Pod', () => {
  assert.equal(kubectl(cluster(), 'cp a b').stderr, 'error: one of src or dest must be a remote file specification\n');
  assert.equal(kubectl(cluster(), 'cp web:/a bb:/b').stderr, 'error: one of src or dest must be a local file specification\n');
  assert.equal(kubectl(cluster(), 'cp web: b').stderr, 'error: filepath can not be empty\n');
  assert.equal(kubectl(cluster(), 'cp a').stderr, 'error: source and destination are required\n');
  assert.equal(kubectl(cluster(), 'cp nope:/x y').stderr, 'Error from server (NotFound): pods "nope" not found\n');
});
