import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadClaims } from '../claims/catalog';
import { REDACTED, SecretValues, collectSecretValues, redact, redactDeep } from './redact';

// The book's example Secret (ch10): username admin, password 123456.
const bookSecret = `apiVersion: v1
kind: Secret
metadata:
  name: mysecret
data:
  username: YWRtaW4=
  password: MTIzNDU2
`;

test('data and stringData of a kind: Secret YAML are masked, the rest is kept', () => {
  const text = `${bookSecret}---
apiVersion: v1
kind: Secret
metadata: {name: other}
stringData:
  config.yaml: |
    apiUrl: https://my.api.example/v1
    user: someone
  inline: {a: b}
`;
  const out = redact(text);
  assert.doesNotMatch(out, /YWRtaW4=|MTIzNDU2|my\.api\.example|someone/);
  assert.match(out, /username: \[REDACTED\]\n {2}password: \[REDACTED\]/);
  assert.match(out, /name: mysecret/);
  assert.match(out, /metadata: \{name: other\}/);
  assert.match(out, /config\.yaml: \|\n {4}\[REDACTED\]\n {4}\[REDACTED\]/);
});

test('kubectl get secret -o yaml (data before kind) and -o json are masked', () => {
  const yaml = 'apiVersion: v1\ndata:\n  password: MTIzNDU2\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\n';
  assert.equal(redact(yaml), 'apiVersion: v1\ndata:\n  password: [REDACTED]\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\n');
  const json = '{"apiVersion":"v1","kind":"Secret","data":{"password":"MTIzNDU2","username":"YWRtaW4="},"metadata":{"name":"s"}}';
  assert.equal(redact(json), `{"apiVersion":"v1","kind":"Secret","data":{"password":"${REDACTED}","username":"${REDACTED}"},"metadata":{"name":"s"}}`);
});

test('a ConfigMap is not a Secret: its data stays readable', () => {
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  LOG_LEVEL: debug\n';
  assert.equal(redact(cm), cm);
});

test('password=/token: assignments and kubeadm bootstrap tokens are masked; describe sizes and names are kept', () => {
  assert.equal(redact('MYSQL_ROOT_PASSWORD=hunter22 ok'), `MYSQL_ROOT_PASSWORD=${REDACTED} ok`);
  assert.equal(redact('token: "s3cr3t"'), `token: "${REDACTED}"`);
  assert.equal(redact('kubeadm join --token abcdef.0123456789abcdef'), `kubeadm join --token ${REDACTED}`);
  assert.equal(redact('password:  6 bytes\nusername:  5 bytes'), 'password:  6 bytes\nusername:  5 bytes');
  assert.equal(redact('secretName: mysecret'), 'secretName: mysecret');
});

test('values of the Secrets in the features are masked anywhere, decoded or encoded', () => {
  const known = collectSecretValues(bookSecret);
  const out = redact('cat /etc/foo/password printed 123456; user admin; env shows MTIzNDU2', known);
  assert.equal(out, `cat /etc/foo/password printed ${REDACTED}; user ${REDACTED}; env shows ${REDACTED}`);
  const plain = collectSecretValues('kind: Secret\nmetadata: {name: x}\nstringData:\n  key: opensesame\n');
  assert.equal(redact('the value is opensesame (b3BlbnNlc2FtZQ==)', plain), `the value is ${REDACTED} (${REDACTED})`);
});

test('short secret values are only masked in their base64 form', () => {
  const known = new SecretValues();
  known.add('ab');
  assert.equal(redact('a tab and YWI=', known), `a tab and ${REDACTED}`);
});

test('redactDeep masks every string of a report, keys included', () => {
  const known = collectSecretValues(bookSecret);
  const report = { failures: [{ error: 'got 123456', attachments: ['t=0 admin logged in'] }], n: 3, ok: true, byValue: { admin: 1 } };
  assert.deepEqual(redactDeep(report, known), { failures: [{ error: `got ${REDACTED}`, attachments: [`t=0 ${REDACTED} logged in`] }], n: 3, ok: true, byValue: { [REDACTED]: 1 } });
});

test('the claims catalog text passes redact unchanged (no false positives on the book\'s words)', () => {
  for (const c of loadClaims().claims) {
    for (const text of [c.id, c.says, c.truth ?? '']) assert.equal(redact(text), text);
  }
});
