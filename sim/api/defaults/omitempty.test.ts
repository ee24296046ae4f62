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

test('LabelSelector: empty matchLabels, matchExpressions and a requirement\'s values are not stored, the selector itself (even {}) is', () => {
  const deploy = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: {
    selector: { matchLabels: { app: 'a' }, matchExpressions: [] },
    template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } } as unknown as KubeObject) as Any;
  assert.deepEqual(deploy.spec.selector, { matchLabels: { app: 'a' } });
  for (const kind of ['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job']) {
    const o = storedForm({ apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector: { matchLabels: {}, matchExpressions: [{ key: 'k', operator: 'Exists', values: [] }] } } } as unknown as KubeObject) as Any;
    assert.deepEqual(o.spec.selector, { matchExpressions: [{ key: 'k', operator: 'Exists' }] }, kind);
  }
  const np = storedForm({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta, spec: { podSelector: { matchLabels: {} },
    ingress: [{ from: [{ podSelector: { matchLabels: {}, matchExpressions: [] }, namespaceSelector: { matchLabels: { a: 'b' }, matchExpressions: [] } }, { ipBlock: { cidr: '10.0.0.0/8', except: [] } }] }],
    egress: [{ to: [{ namespaceSelector: { matchExpressions: [] } }] }] } } as unknown as KubeObject) as Any;
  assert.deepEqual(np.spec.podSelector, {}, 'an empty podSelector (every Pod) stays');
  assert.deepEqual(np.spec.ingress, [{ from: [{ podSelector: {}, namespaceSelector: { matchLabels: { a: 'b' } } }, { ipBlock: { cidr: '10.0.0.0/8' } }] }]);
  assert.deepEqual(np.spec.egress, [{ to: [{ namespaceSelector: {} }] }]);
  const cj = storedForm({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta, spec: { jobTemplate: { spec: { selector: { matchLabels: {} } } } } } as unknown as KubeObject) as Any;
  assert.deepEqual(cj.spec.jobTemplate.spec.selector, {});
  const kept = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta, spec: { selector: { matchLabels: { app: 'a' } } } } as unknown as KubeObject;
  assert.equal(storedForm(kept), kept, 'nothing to drop: the same object');
});

test('PodSpec parts: empty capabilities lists, seLinuxOptions strings, exec command, volume items, affinity and spread term lists are not stored; pointers keep their zeros', () => {
  const spec = defaultPodSpec({
    securityContext: { runAsUser: 0, supplementalGroups: [], sysctls: [], seLinuxOptions: { level: '', user: 'u' } },
    affinity: {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Exists', values: [] }], matchFields: [] }] }, preferredDuringSchedulingIgnoredDuringExecution: [] },
      podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'z', namespaces: [], labelSelector: { matchLabels: { a: 'b' }, matchExpressions: [] }, namespaceSelector: { matchLabels: {} } }] },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'z', matchLabelKeys: [], labelSelector: { matchExpressions: [] } } }] },
    },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'z', whenUnsatisfiable: 'DoNotSchedule', matchLabelKeys: [], labelSelector: { matchLabels: { a: 'b' }, matchExpressions: [] } }],
    volumes: [{ name: 'c', configMap: { name: 'c', items: [] } }, { name: 's', secret: { secretName: 's', items: [] } }, { name: 'd', downwardAPI: { items: [] } },
      { name: 'p', projected: { sources: [{ configMap: { name: 'c', items: [] } }, { secret: { name: 's', items: [] } }] } }],
    containers: [{ name: 'c', image: 'i',
      securityContext: { privileged: false, runAsUser: 0, capabilities: { add: [], drop: ['ALL'] }, seLinuxOptions: { type: '' }, seccompProfile: { type: 'RuntimeDefault' } },
      livenessProbe: { exec: { command: [] } }, lifecycle: { postStart: { exec: { command: [] } }, preStop: { exec: { command: ['x'] } } } }],
  }) as Any;
  assert.deepEqual(spec.securityContext, { runAsUser: 0, seLinuxOptions: { user: 'u' } });
  assert.deepEqual(spec.affinity, {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Exists' }] }] } },
    podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'z', labelSelector: { matchLabels: { a: 'b' } }, namespaceSelector: {} }] },
    podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'z', labelSelector: {} } }] },
  });
  assert.deepEqual(spec.topologySpreadConstraints, [{ maxSkew: 1, topologyKey: 'z', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { a: 'b' } } }]);
  assert.deepEqual(spec.volumes, [{ name: 'c', configMap: { name: 'c', defaultMode: 0o644 } }, { name: 's', secret: { secretName: 's', defaultMode: 0o644 } },
    { name: 'd', downwardAPI: { defaultMode: 0o644 } }, { name: 'p', projected: { sources: [{ configMap: { name: 'c' } }, { secret: { name: 's' } }], defaultMode: 0o644 } }]);
  const [c] = spec.containers;
  assert.deepEqual(c.securityContext, { privileged: false, runAsUser: 0, capabilities: { drop: ['ALL'] }, seLinuxOptions: {}, seccompProfile: { type: 'RuntimeDefault' } });
  assert.deepEqual(c.livenessProbe.exec, {});
  assert.deepEqual(c.lifecycle, { postStart: { exec: {} }, preStop: { exec: { command: ['x'] } } });
  const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'z', labelSelector: { matchLabels: { a: 'b' } } }] } };
  assert.equal(defaultPodSpec({ containers: [], affinity }).affinity, affinity, 'nothing to drop: the same object');
});

test('PersistentVolume and PersistentVolumeClaim: empty accessModes, mountOptions, PV storageClassName "", claimRef strings, claim selector fields; a claim\'s storageClassName "" (a pointer) stays', () => {
  const pv = storedForm({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta, spec: { capacity: { storage: '1Gi' }, accessModes: [], mountOptions: [], storageClassName: '',
    claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'c', uid: '', resourceVersion: '', apiVersion: 'v1', fieldPath: '' }, hostPath: { path: '/x', type: '' }, volumeMode: 'Filesystem' },
    status: { phase: 'Available', message: '', reason: '' } } as unknown as KubeObject) as Any;
  assert.deepEqual(pv.spec, { capacity: { storage: '1Gi' }, claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'c', apiVersion: 'v1' }, hostPath: { path: '/x', type: '' }, volumeMode: 'Filesystem' });
  assert.deepEqual(pv.status, { phase: 'Available' });
  const pvc = storedForm({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta, spec: { accessModes: [], storageClassName: '', volumeName: '',
    selector: { matchLabels: {}, matchExpressions: [] }, resources: { requests: { storage: '1Gi' }, limits: {} } } } as unknown as KubeObject) as Any;
  assert.deepEqual(pvc.spec, { storageClassName: '', selector: {}, resources: { requests: { storage: '1Gi' } } });
  const sts = storedForm({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta, spec: { selector: { matchLabels: { a: 'b' } },
    volumeClaimTemplates: [{ metadata: { name: 'd' }, spec: { accessModes: ['ReadWriteOnce'], selector: { matchExpressions: [] }, resources: { limits: {} } } }] } } as unknown as KubeObject) as Any;
  assert.deepEqual(sts.spec.volumeClaimTemplates[0].spec, { accessModes: ['ReadWriteOnce'], selector: {}, resources: {} });
});

test('RBAC: a rule\'s empty apiGroups, resources, resourceNames and nonResourceURLs are not stored; no rules read back as null; empty subjects and clusterRoleSelectors are dropped', () => {
  const cr = applyDefaults({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta,
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 'b' }, matchExpressions: [] }] },
    rules: [{ apiGroups: [''], resources: ['pods'], resourceNames: [], nonResourceURLs: [], verbs: ['get'] }, { nonResourceURLs: ['/healthz'], apiGroups: [], resources: [], verbs: ['get'] }] } as unknown as KubeObject) as Any;
  assert.deepEqual(cr.rules, [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }, { nonResourceURLs: ['/healthz'], verbs: ['get'] }]);
  assert.deepEqual(cr.aggregationRule, { clusterRoleSelectors: [{ matchLabels: { a: 'b' } }] });
  const aggregated = applyDefaults({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta, aggregationRule: { clusterRoleSelectors: [] }, rules: [] } as unknown as KubeObject) as Any;
  assert.deepEqual(aggregated.aggregationRule, {}, 'a pointer: an empty rule stays {}');
  assert.equal(aggregated.rules, null);
  const role = applyDefaults({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta } as unknown as KubeObject) as Any;
  assert.equal(role.rules, null, 'rules has no omitempty: written as null');
  const rb = applyDefaults({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta, roleRef: { kind: 'Role', name: 'r' }, subjects: [] } as unknown as KubeObject) as Any;
  assert.equal('subjects' in rb, false);
});
