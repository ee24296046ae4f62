import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import type { KubeObject } from '../types';
import { defaultPod } from './pod';
import { defaultNamespace } from './namespace';
import { defaultNode } from './node';
import { defaultService } from './service';
import { defaultDeployment } from './deployment';
import { defaultReplicaSet } from './replicaset';
import { defaultDaemonSet } from './daemonset';
import { defaultStatefulSet } from './statefulset';

// Defaulting is idempotent and pure: defaults(defaults(x)) equals defaults(x), and x is untouched.
// The API server defaults an object on every write it reads back, so a non-idempotent default
// would change stored objects on every apply (and break "unchanged").

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const name = fc.constantFrom('web', 'db', 'nginx', 'a-b');
const image = fc.constantFrom('nginx', 'nginx:latest', 'nginx:1.7.9', 'busybox', 'localhost:5000/app:v2', 'app@sha256:00ff');
const intOrPct = fc.oneof(fc.constantFrom('25%', '0%', '100%', '30%'), fc.integer({ min: 0, max: 5 }));
const quantity = fc.constantFrom('100m', '1', '0.5', '128Mi', '1Gi', '2');
const probe = fc.record({
  exec: opt(fc.constant({ command: ['cat', '/tmp/healthy'] })),
  httpGet: opt(fc.record({ port: fc.oneof(fc.integer({ min: 1, max: 9000 }), fc.constant('http')), path: opt(fc.constantFrom('/', '/healthy')) }, { requiredKeys: ['port'] })),
  initialDelaySeconds: opt(fc.integer({ min: 0, max: 30 })),
  periodSeconds: opt(fc.integer({ min: 0, max: 30 })),
  timeoutSeconds: opt(fc.integer({ min: 0, max: 5 })),
  successThreshold: opt(fc.integer({ min: 0, max: 3 })),
  failureThreshold: opt(fc.integer({ min: 0, max: 5 })),
}, { requiredKeys: [] });
const container = fc.record({
  name, image,
  imagePullPolicy: opt(fc.constantFrom('Always', 'IfNotPresent', 'Never')),
  ports: opt(fc.array(fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }), protocol: opt(fc.constantFrom('TCP', 'UDP')) }, { requiredKeys: ['containerPort'] }), { maxLength: 2 })),
  resources: opt(fc.record({ limits: opt(fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity)), requests: opt(fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity)) }, { requiredKeys: [] })),
  livenessProbe: opt(probe), readinessProbe: opt(probe),
}, { requiredKeys: ['name', 'image'] });
const toleration = fc.record({
  key: opt(fc.constantFrom('node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'dedicated')),
  operator: opt(fc.constantFrom('Exists', 'Equal')),
  effect: opt(fc.constantFrom('NoExecute', 'NoSchedule')),
  tolerationSeconds: opt(fc.integer({ min: 0, max: 600 })),
}, { requiredKeys: [] });
const podSpec = fc.record({
  containers: fc.array(container, { minLength: 1, maxLength: 2 }),
  initContainers: opt(fc.array(container, { maxLength: 1 })),
  restartPolicy: opt(fc.constantFrom('Always', 'OnFailure', 'Never')),
  terminationGracePeriodSeconds: opt(fc.integer({ min: 0, max: 60 })),
  hostNetwork: opt(fc.boolean()),
  tolerations: opt(fc.array(toleration, { maxLength: 3 })),
  volumes: opt(fc.array(fc.oneof(fc.record({ name }), fc.record({ name, secret: fc.record({ secretName: name }) }), fc.record({ name, hostPath: fc.record({ path: fc.constant('/data') }) })), { maxLength: 2 })),
  serviceAccountName: opt(fc.constantFrom('default', 'builder')),
  enableServiceLinks: opt(fc.boolean()),
}, { requiredKeys: ['containers'] });
const template = fc.record({ metadata: opt(fc.record({ labels: opt(fc.dictionary(fc.constantFrom('app', 'tier'), name)) }, { requiredKeys: [] })), spec: podSpec }, { requiredKeys: ['spec'] });
const selector = fc.record({ matchLabels: fc.dictionary(fc.constantFrom('app', 'tier'), name) });

const meta = (n: string) => ({ name: n, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' });
const wrap = (kind: string, apiVersion: string) => (spec: unknown): KubeObject => ({ apiVersion, kind, metadata: meta('x'), spec });

const cases: [string, (o: KubeObject) => KubeObject, fc.Arbitrary<KubeObject>][] = [
  ['Pod', defaultPod, podSpec.map(wrap('Pod', 'v1'))],
  ['Deployment', defaultDeployment, fc.record({
    replicas: opt(fc.integer({ min: 0, max: 10 })), selector: opt(selector), template: opt(template),
    strategy: opt(fc.oneof(fc.record({ type: fc.constant('Recreate') }), fc.record({ type: opt(fc.constant('RollingUpdate')), rollingUpdate: opt(fc.record({ maxSurge: opt(intOrPct), maxUnavailable: opt(intOrPct) }, { requiredKeys: [] })) }, { requiredKeys: [] }))),
    revisionHistoryLimit: opt(fc.integer({ min: 0, max: 20 })), progressDeadlineSeconds: opt(fc.integer({ min: 1, max: 900 })), minReadySeconds: opt(fc.integer({ min: 0, max: 30 })),
  }, { requiredKeys: [] }).map(wrap('Deployment', 'apps/v1'))],
  ['ReplicaSet', defaultReplicaSet, fc.record({ replicas: opt(fc.integer({ min: 0, max: 10 })), selector: opt(selector), template: opt(template) }, { requiredKeys: [] }).map(wrap('ReplicaSet', 'apps/v1'))],
  ['DaemonSet', defaultDaemonSet, fc.record({ selector: opt(selector), template: opt(template), updateStrategy: opt(fc.record({ type: opt(fc.constantFrom('RollingUpdate', 'OnDelete')), rollingUpdate: opt(fc.record({ maxUnavailable: opt(intOrPct), maxSurge: opt(intOrPct) }, { requiredKeys: [] })) }, { requiredKeys: [] })) }, { requiredKeys: [] }).map(wrap('DaemonSet', 'apps/v1'))],
  ['StatefulSet', defaultStatefulSet, fc.record({ replicas: opt(fc.integer({ min: 0, max: 10 })), serviceName: opt(name), selector: opt(selector), template: opt(template), podManagementPolicy: opt(fc.constantFrom('OrderedReady', 'Parallel')), updateStrategy: opt(fc.record({ type: opt(fc.constantFrom('RollingUpdate', 'OnDelete')), rollingUpdate: opt(fc.record({ partition: opt(fc.integer({ min: 0, max: 3 })) }, { requiredKeys: [] })) }, { requiredKeys: [] })) }, { requiredKeys: [] }).map(wrap('StatefulSet', 'apps/v1'))],
  ['Service', defaultService, fc.record({ type: opt(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName')), sessionAffinity: opt(fc.constantFrom('None', 'ClientIP')), ports: opt(fc.array(fc.record({ port: fc.integer({ min: 1, max: 65535 }), targetPort: opt(fc.oneof(fc.integer({ min: 0, max: 65535 }), fc.constantFrom('', 'http'))), protocol: opt(fc.constantFrom('TCP', 'UDP')) }, { requiredKeys: ['port'] }), { maxLength: 2 })) }, { requiredKeys: [] }).map(wrap('Service', 'v1'))],
  ['Namespace', defaultNamespace, fc.record({ finalizers: opt(fc.constant(['kubernetes'])) }, { requiredKeys: [] }).map((spec) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { ...meta('team'), namespace: undefined }, spec }))],
  ['Node', defaultNode, fc.record({ capacity: opt(fc.record({ cpu: quantity, memory: quantity })) }, { requiredKeys: [] }).map((status) => ({ apiVersion: 'v1', kind: 'Node', metadata: meta('n1'), status }))],
];

for (const [kind, defaults, arb] of cases) {
  test(`${kind} defaulting is idempotent and does not mutate its input`, (t) => {
    checkProperty(t, fc.property(arb, (x) => {
      const before = JSON.stringify(x);
      const once = defaults(x);
      assert.equal(JSON.stringify(x), before, 'input mutated');
      assert.deepEqual(defaults(once), once);
    }), { env: process.env, replay: 'node scripts/unit.js defaults.prop' });
  });
}
