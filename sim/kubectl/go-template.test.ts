import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeGoTemplate, parseGoTemplate } from './go-template';
import { base64decode, exists } from './go-template-funcs';

// kubectl get -o go-template, with outputs as kubectl v1.34 prints them (GoTemplatePrinter over
// apimachinery's JSON decoding, missingkey=default unless --allow-missing-template-keys=false).

const deployment = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'web', labels: { tier: 'front', app: 'web' }, creationTimestamp: null },
  spec: { replicas: 2, big: 1e21, ratio: 0.5, containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }] },
};

function run(template: string, obj: unknown = deployment, allowMissingKeys = true): string {
  const p = parseGoTemplate(template, allowMissingKeys);
  if ('error' in p) throw new Error(p.error);
  const r = executeGoTemplate(p, obj);
  if ('error' in r) throw new Error(r.error);
  return r.text;
}

function execError(template: string, obj: unknown = deployment, allowMissingKeys = true): string {
  const p = parseGoTemplate(template, allowMissingKeys);
  if ('error' in p) throw new Error(p.error);
  const r = executeGoTemplate(p, obj);
  assert.ok('error' in r, `${template} executed: ${r.text}`);
  return r.error;
}

test('fields, $ and . print as Go prints the decoded JSON: maps sorted by key, slices in brackets', () => {
  assert.equal(run('{{.metadata.name}}'), 'web');
  assert.equal(run('{{.metadata.labels}}'), 'map[app:web tier:front]');
  assert.equal(run('{{range .spec.containers}}{{.name}}={{.image}} {{end}}'), 'a=nginx b=redis ');
  assert.equal(run('{{range .spec.containers}}{{$.metadata.name}}/{{.name}} {{end}}'), 'web/a web/b ');
  assert.equal(run('{{index .spec.containers 1 | printf "%v"}}'), 'map[image:redis name:b]');
  assert.equal(run('{{.spec.containers}}'), '[map[image:nginx name:a] map[image:redis name:b]]');
});

test('integers decode to int64 (apimachinery json.Unmarshal), so eq and %d work; other numbers are float64', () => {
  assert.equal(run('{{.spec.replicas}}'), '2');
  assert.equal(run('{{if eq .spec.replicas 2}}two{{end}}'), 'two');
  assert.equal(run('{{printf "%d|%5d|%-3d|" .spec.replicas .spec.replicas .spec.replicas}}'), '2|    2|2  |');
  assert.equal(run('{{.spec.big}} {{.spec.ratio}}'), '1e+21 0.5');
  assert.equal(execError('{{eq .spec.ratio 1}}'), 'error executing template "{{eq .spec.ratio 1}}": template: output:1:2: executing "output" at <eq .spec.ratio 1>: error calling eq: incompatible types for comparison');
});

test('a missing key prints <no value>, and so does a field of it (missingkey=default); a field of a JSON null is a nil pointer', () => {
  assert.equal(run('{{.metadata.nope}}|{{.metadata.nope.deeper}}|{{.status}}'), '<no value>|<no value>|<no value>');
  assert.equal(run('{{$x := .metadata.creationTimestamp}}{{$x.y}}'), '<no value>');
  assert.equal(execError('{{.metadata.creationTimestamp.y}}'), 'error executing template "{{.metadata.creationTimestamp.y}}": template: output:1:11: executing "output" at <.metadata.creationTimestamp.y>: nil pointer evaluating interface {}.y');
  assert.equal(run('{{if .metadata.nope}}yes{{else}}no{{end}}'), 'no');
  assert.equal(run('{{if eq .metadata.nope "x"}}x{{end}}{{range .metadata.nope}}y{{end}}'), '');
  assert.equal(execError('{{len .status.containerStatuses}}'), 'error executing template "{{len .status.containerStatuses}}": template: output:1:2: executing "output" at <len .status.containerStatuses>: error calling len: reflect: call of reflect.Value.Type on zero Value');
  assert.equal(execError('{{len .metadata.creationTimestamp}}'), 'error executing template "{{len .metadata.creationTimestamp}}": template: output:1:2: executing "output" at <len .metadata.creationTimestamp>: error calling len: len of nil pointer');
});

test('--allow-missing-template-keys=false: a missing key is an error (missingkey=error)', () => {
  assert.equal(execError('{{.metadata.nope}}', deployment, false), 'error executing template "{{.metadata.nope}}": template: output:1:11: executing "output" at <.metadata.nope>: map has no entry for key "nope"');
  assert.equal(run('{{.metadata.name}}', deployment, false), 'web');
});

test('range over a map visits keys in sorted order; $k, $v; range else; if / else if / else; with', () => {
  assert.equal(run('{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}'), 'app=web;tier=front;');
  assert.equal(run('{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}} {{end}}'), '0:a 1:b ');
  assert.equal(run('{{range .metadata.annotations}}x{{else}}none{{end}}'), 'none');
  assert.equal(run('{{if gt .spec.replicas 5}}big{{else if gt .spec.replicas 1}}some{{else}}one{{end}}'), 'some');
  assert.equal(run('{{with .metadata.labels}}{{.tier}}{{end}}{{with .metadata.nope}}x{{else}}-{{end}}'), 'front-');
});

test('trim markers, comments, raw strings, parentheses, variables and pipelines', () => {
  assert.equal(run('a  {{- /* c */ -}}  b'), 'ab');
  assert.equal(run('{{`raw\\n`}}{{"q\\t"}}'), 'raw\\nq\t');
  assert.equal(run('{{$n := len .spec.containers}}{{$n}} {{(index .spec.containers 0).name}}'), '2 a');
  assert.equal(run('{{.metadata.name | printf "%q"}} {{printf "%s|%5s|%-5s|%v|%t" "x" "ab" "ab" 1.5 true}}'), '"web" x|   ab|ab   |1.5|true');
  assert.equal(run('{{print 1 2 "a" "b"}} {{println "x"}}'), '1 2ab x\n');
  assert.equal(run('{{and 1 0}} {{or 0 "x"}} {{not true}} {{ne 1 2}} {{le 1 1}} {{lt "a" "b"}} {{ge 2 1}}'), '0 x false true true true true');
  assert.equal(run('{{html "<a&b>"}} {{urlquery "a b&c(!)"}} {{slice "abcdef" 1 3}}'), '&lt;a&amp;b&gt; a+b%26c%28%21%29 bc');
  // Go 1.21+ JSEscapeString
  assert.equal(run('{{js "it\'s \\"q\\" a<b&c=d\\\\ \\n"}}'), 'it\\\'s \\"q\\" a\\u003Cb\\u0026c\\u003Dd\\\\ \\u000A');
});

test('base64decode decodes secret data; bad base64 fails as kubectl words it', () => {
  const secret = { kind: 'Secret', data: { username: 'YWRtaW4=', bad: 'YWRtaW4' } };
  assert.equal(run('{{.data.username | base64decode}}', secret), 'admin');
  assert.equal(run('{{range $k, $v := .data}}{{if eq $k "username"}}{{base64decode $v}}{{end}}{{end}}', secret), 'admin');
  assert.equal(execError('{{.data.bad | base64decode}}', secret), 'error executing template "{{.data.bad | base64decode}}": template: output:1:14: executing "output" at <base64decode>: error calling base64decode: base64 decode failed: illegal base64 data at input byte 4');
  assert.equal(execError('{{.data.nope | base64decode}}', secret), 'error executing template "{{.data.nope | base64decode}}": template: output:1:15: executing "output" at <base64decode>: invalid value; expected string');
  assert.equal(base64decode('aGk='), 'hi');
});

test('exists: true when index would find a non-nil value', () => {
  assert.equal(run('{{exists .metadata "labels"}} {{exists .metadata "annotations"}} {{exists . "spec" "containers" 1 "image"}} {{exists .spec.containers 2}}'), 'true false true false');
  assert.equal(exists({ a: null }, 'a'), false);
  assert.equal(exists([1], 0.0), false, 'a float64 is no index');
});

test('a template that does not parse: kubectl\'s "error parsing template" with Go\'s parse error', () => {
  assert.deepEqual(parseGoTemplate('{{.metadata.name}', true), { error: 'error parsing template {{.metadata.name}, template: output:1: unexpected "}" in operand' });
  assert.deepEqual(parseGoTemplate('{{range .items}}', true), { error: 'error parsing template {{range .items}}, template: output:1: unexpected EOF' });
  assert.deepEqual(parseGoTemplate('{{nofunc .x}}', true), { error: 'error parsing template {{nofunc .x}}, template: output:1: function "nofunc" not defined' });
});

test('an execution error keeps what was written and adds kubectl\'s debugging text on stdout', () => {
  const p = parseGoTemplate('{{.metadata.name}} {{.metadata.nope}}', false);
  assert.ok(!('error' in p));
  const r = executeGoTemplate(p, { kind: 'Pod', metadata: { name: 'p' } });
  assert.ok('error' in r);
  assert.equal(r.text, 'p Error executing template: template: output:1:30: executing "output" at <.metadata.nope>: map has no entry for key "nope". Printing more information for debugging the template:\n'
    + '\ttemplate was:\n\t\t{{.metadata.name}} {{.metadata.nope}}\n'
    + '\traw data was:\n\t\t{"kind":"Pod","metadata":{"name":"p"}}\n'
    + '\tobject given to template engine was:\n\t\tmap[kind:Pod metadata:map[name:p]]\n\n');
});
