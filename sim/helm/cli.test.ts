import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapCluster } from '../cluster/bootstrap';
import { viewOf } from '../index';
import { runHelm, type HelmIo } from './index';
import { runKubectl } from '../kubectl/index';
import type { Cluster } from '../engine/types';
import type { KubeObject } from '../api/types';

// helm's command line over a simulated cluster: output texts as Helm 3 prints them, releases as
// Secrets, objects created and deleted.

const CHART: Record<string, string> = {
  'c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.2.3\nappVersion: "9.9"\n',
  'c/values.yaml': 'replicas: 1\n',
  'c/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  replicas: {{ .Values.replicas | quote }}\n',
  'c/templates/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ .Release.Name }}-sa\n',
  'c/templates/NOTES.txt': 'Hello from {{ .Release.Name }}\n',
};

function io(files: Record<string, string>): HelmIo {
  return {
    readFile: (p) => files[p.replace(/^\.\//, '')],
    listDir: (d) => {
      const pre = `${d.replace(/^\.\//, '').replace(/\/+$/, '')}/`;
      const names = Object.keys(files).filter((k) => k.startsWith(pre)).map((k) => k.slice(pre.length));
      return names.length > 0 ? names : undefined;
    },
  };
}

function session(): { run: (line: string) => { stdout: string; stderr: string; exitCode: number }; cluster: () => Cluster } {
  let c = bootstrapCluster({ nodes: 1, network: 'flannel', seed: 7, recordTrace: false });
  const files = { ...CHART };
  return {
    run: (line) => {
      const r = runHelm(c, line.split(' '), io(files));
      c = r.cluster;
      for (const w of r.writes) files[w.path] = w.data;
      return r;
    },
    cluster: () => c,
  };
}

test('install prints the status block (ANSIC time) and NOTES, and stores revision 1 as a Secret', () => {
  const s = session();
  const r = s.run('install a c');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /^NAME: a\nLAST DEPLOYED: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\nNAMESPACE: default\nSTATUS: deployed\nREVISION: 1\nTEST SUITE: None\nNOTES:\nHello from a\n$/);
  const secret = viewOf(s.cluster()).get<KubeObject>('Secret', 'default', 'sh.helm.release.v1.a.v1') as unknown as { type: string; metadata: { labels: Record<string, string> } };
  assert.equal(secret.type, 'helm.sh/release.v1');
  assert.deepEqual({ ...secret.metadata.labels, createdAt: undefined }, { createdAt: undefined, name: 'a', owner: 'helm', status: 'deployed', version: '1' });
  const cm = viewOf(s.cluster()).get<KubeObject>('ConfigMap', 'default', 'a-cm')!;
  assert.equal(cm.metadata.labels?.['app.kubernetes.io/managed-by'], 'Helm');
  assert.equal(cm.metadata.annotations?.['meta.helm.sh/release-name'], 'a');
});

test('list is a uitable: cells padded to the column, tab-separated, the last column padded too', () => {
  const s = session();
  s.run('install a c');
  s.run('install bb c');
  const lines = s.run('list').stdout.split('\n');
  assert.match(lines[0], /^NAME\tNAMESPACE\tREVISION\tUPDATED {22}\tSTATUS  \tCHART  \tAPP VERSION$/);
  assert.match(lines[1], /^a   \tdefault  \t1       \t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC *\tdeployed\tc-1\.2\.3\t9\.9        $/);
  assert.match(lines[2], /^bb  \tdefault  \t1       \t/);
});

test('upgrade supersedes, rollback makes a new revision with the old manifest; history shows all', () => {
  const s = session();
  s.run('install a c');
  assert.match(s.run('upgrade a c --set replicas=3').stdout, /^Release "a" has been upgraded\. Happy Helming!\nNAME: a\n[\s\S]*REVISION: 2\n/);
  assert.equal((viewOf(s.cluster()).get<KubeObject>('ConfigMap', 'default', 'a-cm') as unknown as { data: Record<string, string> }).data.replicas, '3');
  assert.equal(s.run('rollback a 1').stdout, 'Rollback was a success! Happy Helming!\n');
  assert.equal((viewOf(s.cluster()).get<KubeObject>('ConfigMap', 'default', 'a-cm') as unknown as { data: Record<string, string> }).data.replicas, '1');
  const h = s.run('history a').stdout.split('\n');
  assert.match(h[0], /^REVISION\tUPDATED {17}\tSTATUS    \tCHART  \tAPP VERSION\tDESCRIPTION     $/);
  assert.match(h[1], /^1       \t.{24}\tsuperseded\tc-1\.2\.3\t9\.9        \tInstall complete$/);
  assert.match(h[3], /^3       \t.{24}\tdeployed  \tc-1\.2\.3\t9\.9        \tRollback to 1   $/);
});

test('uninstall deletes the objects and the records; --keep-history keeps them as uninstalled', () => {
  const s = session();
  s.run('install a c');
  s.run('install b c');
  assert.equal(s.run('uninstall a').stdout, 'release "a" uninstalled\n');
  const v = viewOf(s.cluster());
  assert.equal(v.get('ConfigMap', 'default', 'a-cm'), undefined);
  assert.equal(v.get('ServiceAccount', 'default', 'a-sa'), undefined);
  assert.equal(v.get('Secret', 'default', 'sh.helm.release.v1.a.v1'), undefined);
  s.run('uninstall b --keep-history');
  assert.equal(viewOf(s.cluster()).get<KubeObject>('Secret', 'default', 'sh.helm.release.v1.b.v1')?.metadata.labels?.status, 'uninstalled');
  assert.equal(s.run('uninstall nope').stderr, 'Error: uninstall: Release not loaded: nope: release: not found\n');
});

test("Helm 3's errors: no name, a name in use, an invalid name, an object the release does not own", () => {
  const s = session();
  assert.equal(s.run('install c').stderr, 'Error: INSTALLATION FAILED: must either provide a name or specify --generate-name\n');
  s.run('install a c');
  assert.equal(s.run('install a c').stderr, 'Error: INSTALLATION FAILED: cannot re-use a name that is still in use\n');
  assert.match(s.run('install Bad_Name c').stderr, /^Error: INSTALLATION FAILED: release name "Bad_Name": invalid release name, must match regex/);
  const r = s.run('install b c --set replicas=2');
  assert.equal(r.exitCode, 0);
  // a different release rendering the same object names collides with what release b owns
  const files2 = { ...CHART, 'c/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b-cm\n' };
  const clash = runHelm(s.cluster(), ['install', 'x', 'c'], io(files2));
  assert.equal(clash.stderr, 'Error: INSTALLATION FAILED: rendered manifests contain a resource that already exists. Unable to continue with install: ConfigMap "b-cm" in namespace "default" exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: key "meta.helm.sh/release-name" must equal "x": current value is "b"\n');
});

test('template renders without a cluster write; manifests sorted by kind (ServiceAccount before ConfigMap)', () => {
  const s = session();
  const before = s.cluster();
  const r = s.run('template t c');
  assert.equal(s.cluster(), before);
  assert.equal(r.stdout, '---\n# Source: c/templates/sa.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: t-sa\n---\n# Source: c/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t-cm\ndata:\n  replicas: "1"\n');
});

test('create writes the scaffold; package and install from the .tgz', () => {
  const s = session();
  assert.equal(s.run('create web').stdout, 'Creating web\n');
  assert.equal(s.run('package c').stdout, 'Successfully packaged chart and saved it to: c-1.2.3.tgz\n');
  const r = s.run('install fromtgz c-1.2.3.tgz');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.ok(viewOf(s.cluster()).get('ConfigMap', 'default', 'fromtgz-cm'));
  const w = s.run('install web web');
  assert.equal(w.exitCode, 0, w.stderr);
  assert.ok(viewOf(s.cluster()).get('Deployment', 'default', 'web'), 'the scaffold names objects after the release when it contains the chart name');
});

test('upgrade patches what the chart changed and keeps live changes it did not touch (three-way merge)', () => {
  const s = session();
  s.run('install a c');
  const labelled = runKubectl(s.cluster(), ['label', 'configmap', 'a-cm', 'touched=by-hand'], { readFile: () => undefined });
  assert.equal(labelled.exitCode, 0, labelled.stderr);
  const after = runHelm(labelled.cluster, ['upgrade', 'a', 'c', '--set', 'replicas=2'], io(CHART));
  assert.equal(after.exitCode, 0, after.stderr);
  const cm = viewOf(after.cluster).get<KubeObject>('ConfigMap', 'default', 'a-cm') as unknown as { data: Record<string, string>; metadata: { labels: Record<string, string>; annotations: Record<string, string> } };
  assert.equal(cm.data.replicas, '2');
  assert.equal(cm.metadata.labels.touched, 'by-hand');
  assert.equal(cm.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'], undefined, 'helm is not kubectl apply');
});

test("the release namespace is -n, else the kubeconfig context's (EnvSettings.Namespace), else default", () => {
  const c = bootstrapCluster({ nodes: 1, network: 'flannel', seed: 7, recordTrace: false });
  const set = runKubectl(c, ['config', 'set-context', '--current', '--namespace=kube-system'], { readFile: () => undefined });
  const withContext: HelmIo = { ...io(CHART), kubeconfig: () => set.kubeconfig };
  const installed = runHelm(c, ['install', 'r', './c'], withContext);
  assert.match(installed.stdout, /^NAMESPACE: kube-system$/m);
  assert.ok(installed.cluster.store.get('ConfigMap', 'kube-system', 'r-cm') !== undefined);
  assert.match(runHelm(c, ['install', 'r', './c', '-n', 'default'], withContext).stdout, /^NAMESPACE: default$/m);
  assert.match(runHelm(c, ['install', 'r', './c'], io(CHART)).stdout, /^NAMESPACE: default$/m);
});
