import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, namespace } from '../test-fixtures';

// create / apply / replace -f with -o yaml|json and --dry-run: what kubectl prints (create.go
// RunCreate, apply.go applyOneObject and printObjects, replace.go Run).

const files: Record<string, string> = {
  'cm.yml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  b: "2"\n  a: "1"\n',
  'two.yml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n',
};
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: (f) => files[f] });
const cluster = () => clusterWith([namespace('default')], 0);
const LAST = 'kubectl.kubernetes.io/last-applied-configuration';

test('create -f --dry-run=client -o yaml prints the object as read, namespace set, nothing sent', () => {
  const r = kubectl(cluster(), 'create -f cm.yml --dry-run=client -o yaml');
  assert.equal(r.stdout, 'apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\n');
  assert.equal(r.cluster.store.get('ConfigMap', 'default', 'cfg'), undefined);
  assert.equal(kubectl(cluster(), 'create -f cm.yml --dry-run=client -o name').stdout, 'configmap/cfg\n');
  assert.equal(kubectl(cluster(), 'create -f cm.yml --dry-run=client').stdout, 'configmap/cfg created (dry run)\n');
  // --save-config: CreateOrUpdateAnnotation runs before the dry-run check.
  const saved = JSON.parse(kubectl(cluster(), 'create -f cm.yml --dry-run=client --save-config -o json').stdout);
  assert.equal(saved.metadata.annotations[LAST], '{"apiVersion":"v1","data":{"a":"1","b":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n');
  // Several objects: one printer, `---` between documents.
  assert.equal(kubectl(cluster(), 'create -f two.yml --dry-run=client -o yaml').stdout.split('---\n').length, 2);
});

test('apply -f --dry-run=client -o yaml: a new object with the last-applied annotation; an existing one as the server holds it', () => {
  const fresh = JSON.parse(kubectl(cluster(), 'apply -f cm.yml --dry-run=client -o json').stdout);
  assert.deepEqual(fresh.metadata, { annotations: { [LAST]: '{"apiVersion":"v1","data":{"a":"1","b":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n' }, name: 'cfg', namespace: 'default' });
  const c = kubectl(cluster(), 'apply -f cm.yml').cluster;
  files['cm2.yml'] = files['cm.yml'].replace('"2"', '"3"');
  const existing = JSON.parse(kubectl(c, 'apply -f cm2.yml --dry-run=client -o json').stdout);
  assert.equal(existing.data.b, '2'); // info.Get() replaced the local object with the live one
  assert.equal(existing.metadata.uid, c.store.get('ConfigMap', 'default', 'cfg')!.metadata.uid);
  // No patch is computed: an existing object is always `configured (dry run)`.
  assert.equal(kubectl(c, 'apply -f cm.yml --dry-run=client').stdout, 'configmap/cfg configured (dry run)\n');
  assert.equal(kubectl(c, 'apply -f cm.yml --dry-run=server').stdout, 'configmap/cfg unchanged (server dry run)\n');
});

test('apply -o yaml prints several objects as one List, after all applied (printObjects)', () => {
  const r = kubectl(cluster(), 'apply -f two.yml -o yaml');
  assert.match(r.stdout, /^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: ConfigMap\n/);
  assert.match(r.stdout, /\nkind: List\nmetadata: \{\}\n$/);
  assert.equal(r.stdout.includes('---'), false);
  assert.equal(JSON.parse(kubectl(cluster(), 'apply -f two.yml --dry-run=client -o json').stdout).items.length, 2);
  assert.equal(kubectl(cluster(), 'apply -f cm.yml -o yaml').stdout.startsWith('apiVersion: v1\ndata:\n'), true);
});

test('--dry-run=server -o yaml prints the server\'s defaulted answer and stores nothing', () => {
  files['svc.yml'] = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n';
  const r = kubectl(cluster(), 'create -f svc.yml --dry-run=server -o yaml');
  assert.match(r.stdout, /\n {2}sessionAffinity: None\n/);
  assert.match(r.stdout, /\n {2}uid: /);
  assert.equal(r.cluster.store.get('Service', 'default', 's'), undefined);
});
