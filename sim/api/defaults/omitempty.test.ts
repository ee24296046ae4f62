import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../types';
import { applyDefaults } from '../kinds/index';
import '../../metrics/kinds'; // registers the RBAC kinds
import { defaultPodSpec } from './pod-spec';
import { defaultService } from './service';
import { storedForm } from './meta';
import { defaultConfigMap, defaultSecret } from '../../config/kinds';

// What the Go round trip (encoding/json, `omitempty`) drops from a stored object: zero scalars,
// empty slices and maps of non-pointer fields. Pointers keep their zero value.

type Any = Record<string, any>;
const meta = { name: 'x', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' };

test('ObjectMeta: empty labels, annotations, finalizers and ownerReferences are not stored, for every kind', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...meta, labels: {}, annotations: {}, finalizers: [], ownerReferences: [] }, data: { a: '1' } } as unknown as KubeObject;
  assert.deepEqual(applyDefaults(cm).metadata, meta);
  const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { ...meta, labels: {} } } as unknown as KubeObject;
  assert.deepEqual(applyDefaults(role).metadata, meta, 'a kind without defaults of its own too');
  const kept = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...meta, labels: { app: 'web' } } } as unknown as KubeObject;
  assert.equal(storedForm(kept), kept, 'nothing to drop: the same object');
});

test('Pod template: empty labels and annotations dropped from its metadata', () => {
  const rs = applyDefaults({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta,
    spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' }, annotations: {} }, spec: { containers: [{ name: 'c', image: 'i' }] } } } } as unknown as KubeObject) as Any;
  assert.deepEqual(rs.spec.template.metadata, { labels: { app: 'a' } });
  assert.equal((applyDefaults(rs as unknown as KubeObject) as Any).spec.template, rs.spec.template, 'written back, the same template object (its memos keep hitting)');
  const job = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { ...meta, labels: {} },
    spec: { template: { metadata: { labels: {}, annotations: {} }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } } } as unknown as KubeObject) as Any;
  assert.deepEqual(job.spec.template.metadata, {});
  assert.equal(job.metadata.labels, undefined, 'no labels of its own, none copied from an empty template');
  const cj = applyDefaults({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta, spec: { schedule: '* * * * *',
    jobTemplate: { metadata: { labels: {}, annotations: { a: 'b' } }, spec: { template: { metadata: { annotations: {} }, spec: { restartPolicy: 'Never', containers: [] } } } } } } as unknown as KubeObject) as Any;
  assert.deepEqual(cj.spec.jobTemplate.metadata, { annotations: { a: 'b' } });
  assert.deepEqual(cj.spec.jobTemplate.spec.template.metadata, {});
});

test('Container: port name "", hostPort 0, hostIP "", env value "", empty limits, mount readOnly false and subPath "" are not stored', () => {
  const [c] = defaultPodSpec({ containers: [{ name: 'c', image: 'i',
    ports: [{ containerPort: 80, hostPort: 0, hostIP: '', name: '' }, { containerPort: 81, hostPort: 8081, hostIP: '10.0.0.1', name: 'alt' }],
    env: [{ name: 'A', value: '' }, { name: 'B', value: 'b' }],
    resources: { limits: {}, requests: { cpu: '1' } },
    volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: false, subPath: '' }, { name: 'w', mountPath: '/w', readOnly: true }] }] }).containers as Any[];
  assert.deepEqual(c.resources, { requests: { cpu: '1' } });
  assert.deepEqual(c.ports, [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 81, hostPort: 8081, hostIP: '10.0.0.1', name: 'alt', protocol: 'TCP' }]);
  assert.deepEqual(c.env, [{ name: 'A' }, { name: 'B', value: 'b' }]);
  assert.deepEqual(c.volumeMounts, [{ name: 'v', mountPath: '/v' }, { name: 'w', mountPath: '/w', readOnly: true }]);
});

test('Probe: initialDelaySeconds 0 (or unset) is not stored; httpGet host "" neither', () => {
  const [c] = defaultPodSpec({ containers: [{ name: 'c', image: 'i',
    livenessProbe: { httpGet: { port: 80, host: '' }, initialDelaySeconds: 0 }, readinessProbe: { tcpSocket: { port: 80 } } }] }).containers as Any[];
  assert.deepEqual(c.livenessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.equal('initialDelaySeconds' in c.readinessProbe, false);
});

test('PodSpec: pointer zeros are kept (terminationGracePeriodSeconds 0, automountServiceAccountToken false); emptyDir medium "" and a toleration\'s key "" are not stored', () => {
  const spec = defaultPodSpec({ terminationGracePeriodSeconds: 0, automountServiceAccountToken: false, nodeName: '', serviceAccountName: '',
    containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'v', emptyDir: { medium: '' } }, { name: 'm', emptyDir: { medium: 'Memory' } }] });
  assert.equal(spec.terminationGracePeriodSeconds, 0);
  assert.equal(spec.automountServiceAccountToken, false);
  assert.equal('nodeName' in spec, false);
  assert.equal('serviceAccountName' in spec, false);
  assert.deepEqual(spec.volumes, [{ name: 'v', emptyDir: {} }, { name: 'm', emptyDir: { medium: 'Memory' } }]);
  const tolerations = [{ key: 'k', operator: 'Exists', tolerationSeconds: 0 }];
  assert.equal(defaultPodSpec({ containers: [], tolerations }).tolerations, tolerations, 'nothing to drop: the same list');
  assert.deepEqual(defaultPodSpec({ containers: [], tolerations: [{ key: '', operator: 'Exists', effect: '', value: '' }] }).tolerations, [{ operator: 'Exists' }]);
});

test('Service: empty selector, externalIPs, loadBalancerSourceRanges, port name and nodePort 0 are not stored', () => {
  const svc = defaultService({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: {
    type: 'NodePort', selector: {}, externalIPs: [], loadBalancerSourceRanges: [], externalName: '', loadBalancerIP: '', clusterIP: '',
    publishNotReadyAddresses: false, healthCheckNodePort: 0, ipFamilies: [],
    ports: [{ port: 80, name: '', nodePort: 0, targetPort: 0 }] } } as unknown as KubeObject);
  const spec = svc.spec as unknown as Any;
  for (const f of ['selector', 'externalIPs', 'loadBalancerSourceRanges', 'externalName', 'loadBalancerIP', 'clusterIP', 'publishNotReadyAddresses', 'healthCheckNodePort']) {
    assert.equal(f in spec, false, f);
  }
  assert.deepEqual(spec.ipFamilies, ['IPv4'], 'an empty list is defaulted as an absent one');
  assert.deepEqual(spec.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  const lb = defaultService({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] } } as unknown as KubeObject);
  assert.equal((lb.spec as unknown as Any).allocateLoadBalancerNodePorts, false, 'a pointer keeps its false');
});

test('ConfigMap and Secret: empty data and binaryData are not stored', () => {
  const cm = defaultConfigMap({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: {}, binaryData: {} } as unknown as KubeObject) as Any;
  assert.equal('data' in cm || 'binaryData' in cm, false);
  const secret = defaultSecret({ apiVersion: 'v1', kind: 'Secret', metadata: meta, data: {}, stringData: {} } as unknown as KubeObject) as Any;
  assert.deepEqual(Object.keys(secret).sort(), ['apiVersion', 'kind', 'metadata', 'type']);
  const full = defaultSecret({ apiVersion: 'v1', kind: 'Secret', metadata: meta, stringData: { a: 'b' } } as unknown as KubeObject) as Any;
  assert.deepEqual(full.data, { a: 'Yg==' });
});
