import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { executeGoTemplate, parseGoTemplate } from './go-template';

// Text without an action is printed as it is, whatever the object (text/template's TextNode).

test('property: a template without {{ prints itself', (t) => {
  checkProperty(t, fc.property(fc.string().filter((s) => !s.includes('{{')), fc.jsonValue(), (text, data) => {
    const p = parseGoTemplate(text, true);
    assert.ok(!('error' in p), `${JSON.stringify(text)} did not parse`);
    const r = executeGoTemplate(p, { data });
    assert.deepEqual(r, { text });
  }), { numRuns: Number(process.env.FC_NUM_RUNS ?? 300), env: process.env, replay: 'node scripts/unit.js go-template.prop' });
});
