import { test } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { base64ErrorOffset, decodeBase64, encodeBase64 } from './base64';

test('what kubectl encodes the API server decodes, to the same text', (t) => {
  checkProperty(t, fc.property(fc.string({ unit: 'grapheme' }), (s) => base64ErrorOffset(encodeBase64(s)) === undefined && decodeBase64(encodeBase64(s)) === s), { claims: ['secret.base64'], env: process.env, replay: 'node scripts/unit.js base64.prop' });
});

test('a value with a character outside the alphabet is rejected at or before that character', (t) => {
  checkProperty(t, fc.property(fc.string({ unit: 'grapheme-ascii' }), fc.nat(), fc.constantFrom('!', ' ', '-', '_', '.', ':'), (s, i, bad) => {
    const b64 = encodeBase64(s);
    const at = i % (b64.length + 1);
    const broken = b64.slice(0, at) + bad + b64.slice(at);
    const off = base64ErrorOffset(broken);
    return off !== undefined && off <= at;
  }), { claims: ['secret.base64'], env: process.env, replay: 'node scripts/unit.js base64.prop' });
});
