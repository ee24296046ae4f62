import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { planManifests } from './apply';
import { applyManifests, emptyCluster } from '../index';

// Bad input never throws: whatever the text, planManifests returns either changes and lines, or
// errors and nothing planned (DESIGN.md "Bad input").

const base = applyManifests(emptyCluster({ seed: 3 }), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n', { mode: 'create', source: 'ns.yml' }).cluster;

const kinds = fc.constantFrom('Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Service', 'Namespace', 'Node', 'Event', 'Bogus');
const apiVersion = fc.constantFrom('v1', 'apps/v1', 'extensions/v1beta1');
const junk = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -3, max: 70000 }), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }));

/** A manifest-shaped object whose fields, at random depths, hold junk. */
const manifest = fc.record({
  apiVersion, kind: kinds,
  metadata: fc.record({ name: fc.oneof(fc.constantFrom('web', 'Web', '', 'a.b'), junk), labels: fc.option(fc.dictionary(fc.constantFrom('app', 'bad key'), junk, { maxKeys: 2 }), { nil: undefined }) }, { requiredKeys: [] }),
  spec: fc.oneof(junk, fc.record({
    replicas: junk, selector: fc.oneof(junk, fc.constant({ matchLabels: { app: 'web' } })),
    containers: fc.oneof(junk, fc.array(fc.record({ name: junk, image: junk, ports: junk, livenessProbe: junk, resources: junk }, { requiredKeys: [] }), { maxLength: 2 })),
    template: fc.oneof(junk, fc.record({ metadata: fc.oneof(junk, fc.constant({ labels: { app: 'web' } })), spec: fc.record({ containers: fc.oneof(junk, fc.constant([{ name: 'c', image: 'nginx' }])), restartPolicy: junk, tolerations: junk, volumes: junk }, { requiredKeys: [] }) }, { requiredKeys: [] })),
    strategy: junk, updateStrategy: junk, ports: junk, type: junk, tolerations: junk,
  }, { requiredKeys: [] })),
}, { requiredKeys: ['kind'] });

test('planManifests never throws and never plans alongside an error', (t) => {
  checkProperty(t, fc.property(fc.array(manifest, { minLength: 1, maxLength: 3 }), fc.constantFrom('apply', 'create', 'replace') as fc.Arbitrary<'apply' | 'create' | 'replace'>, (docs, mode) => {
    const text = docs.map((d) => JSON.stringify(d)).join('\n---\n');
    const plan = planManifests(base.store, text, { mode, source: 'fuzz.yml' });
    if (plan.errors.length > 0) {
      assert.deepEqual(plan.changes, []);
      assert.deepEqual(plan.lines, []);
      for (const e of plan.errors) assert.doesNotMatch(e, /simulator bug/, e);
    } else {
      assert.equal(plan.lines.length, docs.length);
    }
  }), { numRuns: 300, env: process.env, replay: 'node scripts/unit.js apply.prop' });
});

test('arbitrary text never throws', (t) => {
  checkProperty(t, fc.property(fc.string({ maxLength: 80 }), (text) => {
    const plan = planManifests(base.store, text, { mode: 'apply', source: 'fuzz.yml' });
    assert.ok(plan.errors.length > 0 || plan.lines.length > 0);
  }), { env: process.env, replay: 'node scripts/unit.js apply.prop' });
});

/** Valid Deployments with optional fields present or not. */
const validDeployment = fc.record({
  name: fc.constantFrom('web', 'api', 'db-1'),
  replicas: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  image: fc.constantFrom('nginx', 'nginx:1.7.9', 'httpd:2.4'),
  port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  probe: fc.boolean(),
  strategy: fc.option(fc.constantFrom('{type: Recreate}', '{rollingUpdate: {maxSurge: 1}}', '{rollingUpdate: {maxSurge: "50%", maxUnavailable: 0}}'), { nil: undefined }),
}).map((d) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${d.name}
spec:
${d.replicas !== undefined ? `  replicas: ${d.replicas}\n` : ''}${d.strategy !== undefined ? `  strategy: ${d.strategy}\n` : ''}  selector: {matchLabels: {app: ${d.name}}}
  template:
    metadata: {labels: {app: ${d.name}}}
    spec:
      containers:
      - name: main
        image: "${d.image}"
${d.port !== undefined ? `        ports: [{containerPort: ${d.port}}]\n` : ''}${d.probe ? '        readinessProbe: {tcpSocket: {port: 80}}\n' : ''}`);

test('applying a valid manifest twice: created, then unchanged (defaulting and merging are stable)', (t) => {
  checkProperty(t, fc.property(validDeployment, (text) => {
    const first = applyManifests(base, text, { mode: 'apply', source: 'd.yml' });
    assert.deepEqual(first.errors, []);
    assert.match(first.lines[0], / created$/);
    const again = planManifests(first.cluster.store, text, { mode: 'apply', source: 'd.yml' });
    assert.deepEqual(again.errors, []);
    assert.deepEqual(again.changes, []);
    assert.match(again.lines[0], / unchanged$/);
  }), { claims: ['manifest.declarative'], numRuns: 50, env: process.env, replay: 'node scripts/unit.js apply.prop' });
});
