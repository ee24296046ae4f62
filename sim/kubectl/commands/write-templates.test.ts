import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, meta, namespace } from '../test-fixtures';

// The write commands' -o: genericclioptions.PrintFlags (json, yaml, name, and the jsonpath and
// go-template TemplatePrinterFlags), through the printers `kubectl get` uses.

const files: Record<string, string> = {
  'a.yml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n',
  'ab.yml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
};
const deployment = (name: string): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, 'default', 0, { labels: { app: name } }),
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
} as KubeObject);
const kubectl = (c: Cluster, argv: string[]) => runKubectl(c, argv, { readFile: (p) => files[p] });
const cluster = () => clusterWith([namespace('default'), deployment('web')], 0);
const result = (r: ReturnType<typeof kubectl>) => [r.stdout, r.stderr, r.exitCode];

test('apply / create / replace -f print each object through -o jsonpath|go-template; apply prints several as one List', () => {
  assert.deepEqual(result(kubectl(cluster(), ['apply', '-f', 'a.yml', '-o', 'jsonpath={.data.k}'])), ['v', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['apply', '-f', 'ab.yml', '-o', 'go-template={{.kind}}:{{range .items}}{{.metadata.name}},{{end}}'])), ['List:a,b,', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['create', '-f', 'ab.yml', '-o', 'jsonpath={.metadata.name} '])), ['a b ', '', 0]);
  const created = kubectl(cluster(), ['create', '-f', 'ab.yml']);
  assert.deepEqual(result(kubectl(created.cluster, ['replace', '-f', 'ab.yml', '-o', 'template', '--template={{.metadata.name}}'])), ['ab', '', 0]);
});

test('create generators, run and patch take the templates; create --dry-run=client prints the local object through them', () => {
  assert.deepEqual(result(kubectl(cluster(), ['create', 'deployment', 'api', '--image=httpd', '-o', 'go-template={{(index .spec.template.spec.containers 0).image}}'])), ['httpd', '', 0]);
  const dry = kubectl(cluster(), ['create', 'configmap', 'c', '--from-literal=x=y', '--dry-run=client', '-o', 'jsonpath={.data.x}']);
  assert.deepEqual(result(dry), ['y', '', 0]);
  assert.equal(dry.cluster.store.get('ConfigMap', 'default', 'c'), undefined);
  assert.deepEqual(result(kubectl(cluster(), ['run', 'p', '--image=nginx', '-o', 'jsonpath={.kind}'])), ['Pod', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":4}}', '-o', 'jsonpath={.spec.replicas}'])), ['4', '', 0]);
});

test('label / annotate / scale take -o go-template too', () => {
  assert.deepEqual(result(kubectl(cluster(), ['label', 'deployment', 'web', 'tier=x', '-o', 'go-template={{.metadata.labels.tier}}'])), ['x', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['annotate', 'deployment', 'web', 'n=1', '-o', 'go-template={{.metadata.annotations.n}}'])), ['1', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['scale', 'deployment', 'web', '--replicas=2', '-o', 'template', '--template={{.metadata.name}}'])), ['web', '', 0]);
});

test('a template that does not parse: create refuses it before writing (Complete); apply writes, then fails at its print', () => {
  const badCreate = kubectl(cluster(), ['create', '-f', 'a.yml', '-o', 'jsonpath={.x']);
  assert.deepEqual(result(badCreate), ['', 'error: error parsing jsonpath {.x, unclosed action\n', 1]);
  assert.equal(badCreate.cluster.store.get('ConfigMap', 'default', 'a'), undefined);
  const badTemplate = kubectl(cluster(), ['create', 'namespace', 'foo', '-o', 'go-template={{.bad']);
  assert.deepEqual(result(badTemplate), ['', 'error: error parsing template {{.bad, template: output:1: unclosed action\n', 1]);
  assert.equal(badTemplate.cluster.store.get('Namespace', '', 'foo'), undefined);
  // apply.go: ToPrinter only in printObjects, after every object applied
  const badApply = kubectl(cluster(), ['apply', '-f', 'a.yml', '-o', 'jsonpath={.x']);
  assert.deepEqual(result(badApply), ['', 'error: error parsing jsonpath {.x, unclosed action\n', 1]);
  assert.notEqual(badApply.cluster.store.get('ConfigMap', 'default', 'a'), undefined);
  // custom-columns and wide are get's (HumanPrintFlags), not PrintFlags'
  const columns = kubectl(cluster(), ['apply', '-f', 'a.yml', '-o', 'custom-columns=N:.metadata.name']);
  assert.match(columns.stderr, /^error: unable to match a printer suitable for the output format "custom-columns=N:.metadata.name", allowed formats are: go-template,/);
  assert.equal(columns.stdout, '');
  assert.notEqual(columns.cluster.store.get('ConfigMap', 'default', 'a'), undefined);
  assert.match(kubectl(cluster(), ['replace', '-f', 'a.yml', '-o', 'wide']).stderr, /^error: unable to match a printer suitable for the output format "wide"/);
});

test('set image / env / resources and expose print the server response through the templates', () => {
  const image = kubectl(cluster(), ['set', 'image', 'deployment/web', 'c=httpd', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
  assert.deepEqual(result(image), ['httpd', '', 0]);
  assert.match(kubectl(cluster(), ['set', 'image', 'deployment/web', 'c=httpd', '-o', 'yaml']).stdout, /^apiVersion: apps\/v1\nkind: Deployment\n[^]*- image: httpd\n/);
  assert.deepEqual(result(kubectl(cluster(), ['set', 'env', 'deployment/web', 'A=1', '-o', 'go-template={{(index .spec.template.spec.containers 0).env}}'])), ['[map[name:A value:1]]', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['set', 'resources', 'deployment/web', '--limits=cpu=200m', '-o', 'jsonpath={.spec.template.spec.containers[0].resources.limits.cpu}'])), ['200m', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['expose', 'deployment/web', '--port=80', '-o', 'jsonpath={.spec.ports[0].port}'])), ['80', '', 0]);
  assert.deepEqual(result(kubectl(cluster(), ['set', 'image', 'deployment/web', 'c=httpd', '-o', 'name'])), ['deployment.apps/web\n', '', 0]);
});

test('-o jsonpath-file reads the template from the file (JSONPathPrintFlags.ToPrinter), in get as in the writes', () => {
  const withFile = (c: Cluster, argv: string[]) => runKubectl(c, argv, { readFile: (p) => (p === 'name.jsonpath' ? '{.metadata.name}' : files[p]) });
  assert.deepEqual(result(withFile(cluster(), ['apply', '-f', 'a.yml', '-o', 'jsonpath-file=name.jsonpath'])), ['a', '', 0]);
  assert.deepEqual(result(withFile(cluster(), ['get', 'deployment', 'web', '-o', 'jsonpath-file', '--template=name.jsonpath'])), ['web', '', 0]);
  assert.deepEqual(result(withFile(cluster(), ['create', '-f', 'a.yml', '-o', 'jsonpath-file=nope'])), ['', 'error: error reading --template nope, open nope: no such file or directory\n', 1]);
});

test('label / annotate / scale: a template that fails on an object prints what it wrote and fails the command, the write kept', () => {
  const tpl = ['-o', 'go-template={{.metadata.name}}:{{.nope.deeper}}', '--allow-missing-template-keys=false'];
  const error = 'error: error executing template "{{.metadata.name}}:{{.nope.deeper}}": template: output:1:26: executing "output" at <.nope.deeper>: map has no entry for key "nope"\n';
  for (const argv of [['label', 'deployment', 'web', 'x=y'], ['annotate', 'deployment', 'web', 'x=y'], ['scale', 'deployment', 'web', '--replicas=3']]) {
    const r = kubectl(cluster(), [...argv, ...tpl]);
    assert.deepEqual([r.stdout.startsWith('web:Error executing template: '), r.stderr, r.exitCode], [true, error, 1], argv.join(' '));
    assert.notDeepEqual(r.cluster.store.get('Deployment', 'default', 'web'), cluster().store.get('Deployment', 'default', 'web'), argv.join(' '));
  }
});
