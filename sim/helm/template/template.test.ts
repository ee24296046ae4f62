import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet } from './exec';
import { sprigFuncs } from './sprig';
import { ParseError } from './parse';
import type { GoValue } from './values';

// Go text/template semantics, with expected outputs as Go prints them.

function render(text: string, data: GoValue = {}, extra: Record<string, string> = {}): string {
  const set = new TemplateSet(sprigFuncs());
  for (const [n, t] of Object.entries(extra)) set.addFile(n, t);
  set.addFile('t', text);
  return set.execute('t', data);
}

test('{{- and -}} trim the whitespace (including newlines) on their side only', () => {
  assert.equal(render('a  \n  {{- "x" -}}  \n  b'), 'axb');
  assert.equal(render('a {{ "x" -}} b'), 'a xb');
  assert.equal(render('a {{- "x" }} b'), 'ax b');
  assert.equal(render('{{ 3 }} {{- -3 }}'), '3-3', 'a dash without a space after {{ is a negative number');
});

test('comments print nothing and may trim', () => {
  assert.equal(render('a {{/* hi */}} b'), 'a  b');
  assert.equal(render('a {{- /* hi */ -}} b'), 'ab');
});

test('a missing map key is <no value>; a field of it is a nil pointer error', () => {
  assert.equal(render('[{{ .a }}]', {}), '[<no value>]');
  assert.throws(() => render('{{ .a.b }}', {}), { message: 'template: t:1:5: executing "t" at <.a.b>: nil pointer evaluating interface {}.b' }, 'Go positions a field chain at its second field');
});

test('range over a map visits keys in sorted order; $i, $v over lists', () => {
  assert.equal(render('{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}', { b: 2, a: 1, c: 3 }), 'a=1;b=2;c=3;');
  assert.equal(render('{{ range $i, $v := .l }}{{ $i }}:{{ $v }} {{ end }}', { l: ['x', 'y'] }), '0:x 1:y ');
  assert.equal(render('{{ range .l }}{{ . }}{{ else }}empty{{ end }}', { l: [] }), 'empty');
  assert.equal(render('{{ range .l }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}', { l: [1n, 2n, 3n, 4n, 5n] }), '13');
});

test('if / else if / else, with, and variables scoped to their block', () => {
  const t = '{{ if eq .x 1 }}one{{ else if eq .x 2 }}two{{ else }}many{{ end }}';
  assert.equal(render(t, { x: 1n }), 'one');
  assert.equal(render(t, { x: 2n }), 'two');
  assert.equal(render(t, { x: 7n }), 'many');
  assert.equal(render('{{ with .a }}{{ .b }}{{ else }}none{{ end }}', { a: { b: 'B' } }), 'B');
  assert.equal(render('{{ with .a }}{{ .b }}{{ else }}none{{ end }}', { a: {} }), 'none');
  assert.equal(render('{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}'), '2');
  assert.equal(render('{{ range .l }}{{ $.top }}{{ end }}', { l: [1n], top: 'T' }), 'T');
});

test('define, template, include and block share one set', () => {
  const helpers = { '_h.tpl': '{{- define "greet" -}}hello {{ . }}{{- end -}}' };
  assert.equal(render('{{ template "greet" "bob" }}', {}, helpers), 'hello bob');
  assert.equal(render('{{ block "b" . }}default {{ .x }}{{ end }}', { x: 1n }), 'default 1');
});

test('printf verbs behave as Go fmt, including %!d for a float64 from YAML', () => {
  assert.equal(render('{{ printf "%s-%d-%v-%q-%05.1f-%t-%x" "a" 42 1.5 "q" 3.14159 true 255 }}'), 'a-42-1.5-"q"-003.1-true-ff');
  assert.equal(render('{{ printf "%d" .port }}', { port: 80 }), '%!d(float64=80)');
  assert.equal(render('{{ printf "%s" }}'), '%!s(MISSING)');
  assert.equal(render('{{ .n }}', { n: 1000000 }), '1e+06', 'float64 prints with %v: exponent from 1e6 up');
  assert.equal(render('{{ .n }}', { n: 123456 }), '123456');
});

test('and/or return an operand and short-circuit; not, eq across kinds', () => {
  assert.equal(render('{{ and 1 0 2 }}|{{ or 0 "" "x" }}|{{ not "" }}'), '0|x|true');
  assert.equal(render('{{ or true .a.b }}', {}), 'true', 'or stops before evaluating the nil pointer');
  assert.equal(render('{{ eq .missing "x" }}', {}), 'false');
  assert.throws(() => render('{{ eq 1 "1" }}'), /incompatible types for comparison/);
  assert.equal(render('{{ lt 1 2 }} {{ ge "b" "a" }}'), 'true true');
});

test('len, index, print, println', () => {
  assert.equal(render('{{ len .l }} {{ index .l 1 }} {{ index .m "k" }}', { l: ['a', 'b'], m: { k: 'v' } }), '2 b v');
  assert.equal(render('{{ print 1 2 "a" "b" 3 }}'), '1 2ab3', 'Sprint: a space only between two non-strings');
  assert.equal(render('{{ println "a" 1 }}'), 'a 1\n');
  assert.equal(render('{{ . }}', { b: [1n, 'x'], a: null }), 'map[a:<nil> b:[1 x]]');
});

test('sprig: default, quote, trunc, trimSuffix, nindent, toString, dict/set/hasKey, list, ternary, coalesce', () => {
  assert.equal(render('{{ .x | default "d" }}|{{ "" | default "e" }}|{{ 0 | default 5 }}', { x: 'v' }), 'v|e|5');
  assert.equal(render('{{ quote "a" 1 }} {{ squote "b" }}'), '"a" "1" \'b\'');
  assert.equal(render('{{ "release-name-" | trunc 63 | trimSuffix "-" }}'), 'release-name');
  assert.equal(render('{{ "abcdef" | trunc -2 }}'), 'ef');
  assert.equal(render('x:{{ "a: 1\\nb: 2" | nindent 2 }}'), 'x:\n  a: 1\n  b: 2');
  assert.equal(render('{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ hasKey $d "b" }} {{ $d }}'), 'true map[a:1 b:2]');
  assert.equal(render('{{ list 1 "a" | len }} {{ ternary "y" "n" true }} {{ coalesce "" .x "z" }}', {}), '2 y z');
  assert.equal(render('{{ upper "a" }}{{ lower "B" }}{{ title "hello world" }}'), 'AbHello World');
  assert.equal(render('{{ add 1 2 3 }} {{ int "42" }} {{ int 3.9 }}'), '6 42 3');
  assert.equal(render('{{ "aGk=" | b64dec }} {{ "hi" | b64enc }}'), 'hi aGk=');
});

test('sprig string functions refuse a missing value with Go\'s type error', () => {
  assert.throws(() => render('{{ upper .nope }}', {}), { message: 'template: t:1:9: executing "t" at <.nope>: wrong type for value; expected string; got interface {}' }, 'an argument: reported at the argument');
  assert.throws(() => render('{{ .nope | upper }}', {}), { message: 'template: t:1:11: executing "t" at <upper>: wrong type for value; expected string; got interface {}' }, 'the piped value: reported at the function');
  assert.throws(() => render('{{ trunc 2.5 "abc" }}'), { message: 'template: t:1:9: executing "t" at <2.5>: wrong type for value; expected int; got float64' });
});

test('semverCompare: constraints with -0 admit prereleases', () => {
  assert.equal(render('{{ semverCompare ">=1.19-0" "v1.34.0" }} {{ semverCompare "<1.19" "v1.34.0" }} {{ semverCompare "^1.2.0" "1.9.9" }} {{ semverCompare "~1.2.0" "1.3.0" }}'), 'true false true false');
});

test('parse errors name the file and line as Go does', () => {
  assert.throws(() => render('a\n{{ if .x }}'), (e: unknown) => e instanceof ParseError && /^template: t:2: unexpected EOF$/.test((e as Error).message));
  assert.throws(() => render('{{ nosuch 1 }}'), { message: 'template: t:1: function "nosuch" not defined' });
  assert.throws(() => render('{{ end }}'), /unexpected \{\{end\}\}/);
});

test('endless recursion ends in an error, not a crash', () => {
  assert.throws(() => render('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}'), /exceeded maximum template depth \(100000\)/);
});

test('an unknown template in {{ template }} is an execution error', () => {
  assert.throws(() => render('{{ template "x" }}'), /template "x" not defined/);
});
