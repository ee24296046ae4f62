import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import { ExecError, TemplateSet } from './exec';
import { ParseError } from './parse';
import { sprigFuncs } from './sprig';

// Bad input never throws anything but Go's errors: any template text either parses or fails with
// a ParseError naming the line, and executing it gives output or an ExecError (DESIGN.md, "Bad input").

const pieces = fc.constantFrom(
  '{{', '}}', '{{-', '-}}', ' ', '\n', 'x', '.', '.Values', '.a.b', '$', '$x', ':=', '=', '|', '(', ')', '"s"', '`r`', '1', '-1', '1.5', "'c'",
  'if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue', 'nil', 'true',
  'default', 'quote', 'printf "%d"', 'len', 'index', 'eq', 'and', 'or', 'not', 'upper', 'toYaml', 'trunc 3', 'nindent 2', 'list 1 2', 'dict "a" 1',
  '{{/* c */}}', '{{ . }}', '{{ end }}', '{{ if . }}', '{{ range . }}', '{{ else }}',
);

test('property: any template text parses or fails with ParseError; executing gives text or ExecError', (t) => {
  checkProperty(t, fc.property(fc.array(pieces, { maxLength: 14 }), fc.jsonValue(), (parts, data) => {
    const set = new TemplateSet(sprigFuncs());
    const text = parts.join('');
    try {
      set.addFile('t', text);
    } catch (e) {
      assert.ok(e instanceof ParseError, `parse of ${JSON.stringify(text)} threw ${String(e)}`);
      assert.match((e as Error).message, /^template: t:\d+: /);
      return;
    }
    try {
      const out = set.execute('t', data as never);
      assert.equal(typeof out, 'string');
    } catch (e) {
      assert.ok(e instanceof ExecError, `execution of ${JSON.stringify(text)} threw ${String(e)}`);
      assert.match((e as Error).message, /^template: t(:\d+:\d+)?: /);
    }
  }), { numRuns: Number(process.env.FC_NUM_RUNS ?? 300), env: process.env, replay: 'node scripts/unit.js template.prop' });
});
