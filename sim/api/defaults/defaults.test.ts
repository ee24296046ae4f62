import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../types';
import { defaultPod, DEFAULT_TOLERATION_SECONDS, rememberDefaultedSpec } from './pod';
import { defaultPodSpec, imageTag, volumeSourcesOf } from './pod-spec';
import { podQOSClass } from './qos';
import { defaultNamespace } from './namespace';
import { defaultNode } from './node';
import { defaultService } from './service';
import { defaultDeployment } from './deployment';
import { defaultReplicaSet } from './replicaset';
import { defaultDaemonSet } from './daemonset';
import { defaultStatefulSet } from './statefulset';

const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), uid: '', resourceVersion: '', creationTimestamp: '' });
const obj = (kind: string, spec: unknown, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: kind === 'Pod' || kind === 'Service' || kind === 'Namespace' || kind === 'Node' ? 'v1' : 'apps/v1', kind, metadata: meta('x', 'default'), spec, ...extra });

test('PodSpec defaults: restartPolicy, grace period, dnsPolicy, scheduler, securityContext', () => {
  const spec = defaultPodSpec({ containers: [{ name: 'c', image: 'nginx' }] });
  assert.equal(spec.restartPolicy, 'Always');
  assert.equal(spec.terminationGracePeriodSeconds, 30);
  assert.equal(spec.dnsPolicy, 'ClusterFirst');
  assert.equal(spec.schedulerName, 'default-scheduler');
  assert.deepEqual(spec.securityContext, {});
  assert.equal(spec.enableServiceLinks, undefined, 'enableServiceLinks is a Pod default, not a PodSpec one');
  const kept = defaultPodSpec({ containers: [], restartPolicy: 'Never', terminationGracePeriodSeconds: 0, dnsPolicy: 'None' });
  assert.equal(kept.restartPolicy, 'Never');
  assert.equal(kept.terminationGracePeriodSeconds, 0, 'an explicit 0 grace period is kept (it is a pointer in Go)');
  assert.equal(kept.dnsPolicy, 'None');
});

test('imagePullPolicy is Always for :latest or no tag, else IfNotPresent', () => {
  const policy = (image: string) => ((defaultPodSpec({ containers: [{ name: 'c', image }] }).containers as { imagePullPolicy: string }[])[0].imagePullPolicy);
  assert.equal(policy('nginx'), 'Always');
  assert.equal(policy('nginx:latest'), 'Always');
  assert.equal(policy('localhost:5000/app'), 'Always');
  assert.equal(policy('nginx:1.7.9'), 'IfNotPresent');
  assert.equal(policy('localhost:5000/app:v2'), 'IfNotPresent');
  assert.equal(policy('nginx@sha256:0123'), 'IfNotPresent');
  assert.equal(imageTag('registry.k8s.io/pause:3.10'), '3.10');
  const explicit = defaultPodSpec({ containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never' }] }).containers as { imagePullPolicy: string }[];
  assert.equal(explicit[0].imagePullPolicy, 'Never');
});

test('container defaults: termination message, port protocol, probe numbers, httpGet path and scheme', () => {
  const [c] = defaultPodSpec({
    containers: [{ name: 'c', image: 'httpd', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
      livenessProbe: { httpGet: { port: 80 } }, readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, initialDelaySeconds: 10 } }],
  }).containers as Record<string, any>[];
  assert.equal(c.terminationMessagePath, '/dev/termination-log');
  assert.equal(c.terminationMessagePolicy, 'File');
  assert.deepEqual(c.ports, [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP' }]);
  assert.deepEqual(c.livenessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.equal(c.readinessProbe.periodSeconds, 5);
  assert.equal(c.readinessProbe.initialDelaySeconds, 10);
  assert.equal(c.readinessProbe.failureThreshold, 3);
});

test('volumes: emptyDir when no source, 0644 modes for secret and configMap', () => {
  const spec = defaultPodSpec({ containers: [], volumes: [{ name: 'a' }, { name: 'b', secret: { secretName: 's' } }, { name: 'c', configMap: { name: 'm', defaultMode: 0o400 } }] });
  assert.deepEqual(spec.volumes, [{ name: 'a', emptyDir: {} }, { name: 'b', secret: { secretName: 's', defaultMode: 420 } }, { name: 'c', configMap: { name: 'm', defaultMode: 256 } }]);
});

test('volumeSourcesOf: the sources set (not null), in the API order whatever the key order', () => {
  assert.deepEqual(volumeSourcesOf({ name: 'a', secret: { secretName: 's' }, emptyDir: {}, nfs: null, csi: undefined }), ['emptyDir', 'secret']);
  assert.deepEqual(volumeSourcesOf({ name: 'a', projected: {} }), ['projected']);
  assert.deepEqual(volumeSourcesOf({ name: 'a' }), []);
});

test('Pod: SetDefaults_Pod, admission plugins and initial status', () => {
  const pod = defaultPod(obj('Pod', { containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '500m' } } }] }));
  assert.equal(pod.spec.enableServiceLinks, true);
  assert.equal(pod.spec.serviceAccountName, 'default');
  assert.equal(pod.spec.priority, 0);
  assert.deepEqual(pod.spec.containers[0].resources, { limits: { cpu: '500m' }, requests: { cpu: '500m' } });
  assert.deepEqual(pod.spec.tolerations, [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ]);
  assert.deepEqual(pod.status, { phase: 'Pending', qosClass: 'Burstable' });
});

test('DefaultTolerationSeconds keeps tolerations the Pod already has, including an empty key or effect', () => {
  const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 6000 };
  const pod = defaultPod(obj('Pod', { containers: [], tolerations: [own] }));
  assert.deepEqual(pod.spec.tolerations, [own, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]);
  const all = defaultPod(obj('Pod', { containers: [], tolerations: [{ operator: 'Exists' }] }));
  assert.deepEqual(all.spec.tolerations, [{ operator: 'Exists' }], 'a toleration with no key and no effect tolerates everything');
  const daemon = defaultPod(obj('Pod', { containers: [], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] }));
  assert.equal(daemon.spec.tolerations!.length, 2, 'DaemonSet Pods keep their unbounded tolerations');
});

test('hostNetwork Pods get hostPort = containerPort; mirror Pods get no service account', () => {
  const pod = defaultPod({ ...obj('Pod', { hostNetwork: true, containers: [{ name: 'c', image: 'etcd', ports: [{ containerPort: 2379 }] }] }),
    metadata: { ...meta('etcd-m', 'kube-system'), annotations: { 'kubernetes.io/config.mirror': 'abc' } } });
  assert.deepEqual(pod.spec.containers[0].ports, [{ containerPort: 2379, protocol: 'TCP', hostPort: 2379 }]);
  assert.equal(pod.spec.serviceAccountName, undefined);
});

test('new Pods share their initial status by QoS class; any other status is their own', () => {
  const a = defaultPod(obj('Pod', { containers: [] }, { status: { phase: 'Pending' } }));
  const b = defaultPod(obj('Pod', { containers: [{ name: 'c', image: 'i' }] }));
  assert.deepEqual(a.status, { phase: 'Pending', qosClass: 'BestEffort' });
  assert.equal(a.status, b.status);
  assert.ok(Object.isFrozen(a.status));
  const burstable = defaultPod(obj('Pod', { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '1' } } }] }));
  assert.deepEqual(burstable.status, { phase: 'Pending', qosClass: 'Burstable' });
  const own = defaultPod(obj('Pod', { containers: [] }, { status: { phase: 'Pending', message: 'm' } }));
  assert.deepEqual(own.status, { phase: 'Pending', message: 'm', qosClass: 'BestEffort' });
});

test('an existing status is kept (updates do not reset the phase)', () => {
  const pod = defaultPod(obj('Pod', { containers: [] }, { status: { phase: 'Running', qosClass: 'BestEffort', podIP: '10.244.1.2' } }));
  assert.deepEqual(pod.status, { phase: 'Running', qosClass: 'BestEffort', podIP: '10.244.1.2' });
});

test('QoS classes', () => {
  const c = (resources?: unknown) => ({ name: 'c', image: 'i', ...(resources ? { resources } : {}) });
  assert.equal(podQOSClass({ containers: [c()] }), 'BestEffort');
  assert.equal(podQOSClass({ containers: [c({ requests: { cpu: '100m' } })] }), 'Burstable');
  assert.equal(podQOSClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } })] }), 'Guaranteed');
  assert.equal(podQOSClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } })] }), 'Guaranteed', 'equal quantities in other units');
  assert.equal(podQOSClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } })] }), 'Burstable');
  assert.equal(podQOSClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } }), c()] }), 'Burstable', 'every container must be limited');
  assert.equal(defaultPod(obj('Pod', { containers: [c({ limits: { cpu: '1', memory: '1Gi' } })] })).status.qosClass, 'Guaranteed', 'requests default to limits first');
});

test('QoS is worked out per spec object: Pods sharing a spec share it, another spec gets its own', () => {
  const c = (resources: unknown) => ({ name: 'c', image: 'i', resources });
  const guaranteed = Object.freeze({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } })] });
  const burstable = { containers: [c({ requests: { cpu: '100m' } })] };
  assert.equal(podQOSClass(guaranteed), 'Guaranteed');
  assert.equal(podQOSClass(burstable), 'Burstable');
  assert.equal(podQOSClass(guaranteed), 'Guaranteed');
  assert.equal(podQOSClass({ ...guaranteed }), 'Guaranteed', 'a copy is classified on its own');
});

test('an admitted spec, and the same spec bound to a node, are already defaulted: kept as they are', () => {
  const defaulted = defaultPod(obj('Pod', { containers: [{ name: 'c', image: 'busybox' }] })).spec as unknown as Record<string, unknown>;
  // What admission stores: a defaulted spec with new containers (a token mount) and a volume.
  const mounted = (spec: Record<string, unknown>) => [{ ...(spec.containers as object[])[0], volumeMounts: [{ name: 't', mountPath: '/t' }] }];
  const admitted = Object.freeze({ ...defaulted, containers: mounted(defaulted), volumes: [{ name: 't', projected: { defaultMode: 420, sources: [] } }] });
  assert.equal(defaultPod(obj('Pod', admitted)).spec, admitted, 'recognised from the spec it was made from, nothing remembered');
  const bound = Object.freeze({ ...admitted, nodeName: 'n1' });
  assert.equal(defaultPod(obj('Pod', bound)).spec, bound, 'the scheduler binding adds nodeName only');
  const edited = { ...bound, dnsPolicy: '' };
  assert.equal(defaultPod(obj('Pod', edited)).spec.dnsPolicy, 'ClusterFirst', 'any other change is defaulted again');
  const bare = { ...bound, volumes: [...admitted.volumes, { name: 'scratch' }] };
  assert.deepEqual(defaultPod(obj('Pod', bare)).spec.volumes![1], { name: 'scratch', emptyDir: {} }, 'an appended volume is defaulted');

  // Tolerations the Pod brought itself (DefaultTolerationSeconds adds none): remembered by admission.
  const own = defaultPod(obj('Pod', { containers: [{ name: 'c', image: 'busybox' }], tolerations: [{ operator: 'Exists' }] })).spec as unknown as Record<string, unknown>;
  const ownAdmitted = Object.freeze({ ...own, containers: mounted(own) });
  rememberDefaultedSpec(ownAdmitted, false);
  assert.equal(defaultPod(obj('Pod', ownAdmitted)).spec, ownAdmitted);
  const ownBound = Object.freeze({ ...ownAdmitted, nodeName: 'n1' });
  assert.equal(defaultPod(obj('Pod', ownBound)).spec, ownBound);
  const copy = { ...ownBound };
  assert.equal(defaultPod(obj('Pod', copy)).spec, copy, 'a copy too');
  assert.equal(defaultPod(obj('Pod', { ...ownBound, dnsPolicy: '' })).spec.dnsPolicy, 'ClusterFirst');
  // Only init containers mounted: the admitted spec keeps the defaulted spec's containers array.
  const initOnly = Object.freeze({ ...own, initContainers: [], volumes: [{ name: 't', emptyDir: {} }] });
  rememberDefaultedSpec(initOnly, false);
  assert.equal(defaultPod(obj('Pod', initOnly)).spec, initOnly);
  const ownDefaultedBound = { ...own, nodeName: 'n1' };
  assert.equal(defaultPod(obj('Pod', ownDefaultedBound)).spec, ownDefaultedBound, 'the defaulted spec it shares containers with is still known');
  const mirror = defaultPod(obj('Pod', ownAdmitted, { metadata: { ...meta('m', 'default'), annotations: { 'kubernetes.io/config.mirror': 'x' } } }));
  assert.notEqual(mirror.spec, ownAdmitted, 'remembered for non-mirror Pods only');
  assert.deepEqual(mirror.spec, ownAdmitted);
});

test('Namespace: Active, kubernetes finalizer, metadata.name label', () => {
  const ns = defaultNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('team-a') });
  assert.deepEqual(ns.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(ns.status, { phase: 'Active' });
  assert.deepEqual(ns.metadata.labels, { 'kubernetes.io/metadata.name': 'team-a' });
});

test('Node: allocatable defaults to capacity', () => {
  const node = defaultNode({ apiVersion: 'v1', kind: 'Node', metadata: meta('n1'), status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' } } });
  assert.deepEqual(node.status.allocatable, { cpu: '2', memory: '4Gi', pods: '110' });
  assert.deepEqual(node.status.conditions, []);
});

test('Service: ClusterIP, None affinity, TCP, targetPort = port', () => {
  const svc = defaultService(obj('Service', { selector: { app: 'web' }, ports: [{ port: 8080 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }] }));
  assert.equal(svc.spec.type, 'ClusterIP');
  assert.equal(svc.spec.sessionAffinity, 'None');
  assert.deepEqual(svc.spec.ports, [{ port: 8080, protocol: 'TCP', targetPort: 8080 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }]);
  assert.equal(svc.spec.internalTrafficPolicy, 'Cluster');
  assert.equal(svc.spec.externalTrafficPolicy, undefined);
  const np = defaultService(obj('Service', { type: 'NodePort', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }));
  assert.equal(np.spec.externalTrafficPolicy, 'Cluster');
  assert.deepEqual(np.spec.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
});

test('Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600, template defaulted, no admission in templates', () => {
  const d = defaultDeployment(obj('Deployment', { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.7.9' }] } } }));
  assert.equal(d.spec.replicas, 1);
  assert.deepEqual(d.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(d.spec.revisionHistoryLimit, 10);
  assert.equal(d.spec.progressDeadlineSeconds, 600);
  assert.equal('minReadySeconds' in d.spec, false); // an omitempty int32 the API server never shows at 0
  assert.equal(d.spec.template.spec.restartPolicy, 'Always');
  assert.equal(d.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
  assert.equal(d.spec.template.spec.tolerations, undefined);
  assert.equal(d.spec.template.spec.enableServiceLinks, undefined);
  assert.deepEqual(d.status, {});
  const recreate = defaultDeployment(obj('Deployment', { replicas: 0, strategy: { type: 'Recreate' } }));
  assert.equal(recreate.spec.replicas, 0);
  assert.deepEqual(recreate.spec.strategy, { type: 'Recreate' });
  const partial = defaultDeployment(obj('Deployment', { strategy: { rollingUpdate: { maxSurge: 1 } } }));
  assert.deepEqual(partial.spec.strategy.rollingUpdate, { maxSurge: 1, maxUnavailable: '25%' });
});

test('ReplicaSet, DaemonSet, StatefulSet defaults and initial statuses', () => {
  const rs = defaultReplicaSet(obj('ReplicaSet', {}));
  assert.equal(rs.spec.replicas, 1);
  assert.deepEqual(rs.status, { replicas: 0 });
  const ds = defaultDaemonSet(obj('DaemonSet', {}));
  assert.deepEqual(ds.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(ds.spec.revisionHistoryLimit, 10);
  assert.deepEqual(ds.status, { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
  const sts = defaultStatefulSet(obj('StatefulSet', {}));
  assert.equal(sts.spec.replicas, 1);
  assert.equal(sts.spec.podManagementPolicy, 'OrderedReady');
  assert.deepEqual(sts.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.deepEqual(sts.spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(sts.spec.revisionHistoryLimit, 10);
  const explicit = defaultStatefulSet(obj('StatefulSet', { updateStrategy: { type: 'RollingUpdate' } }));
  assert.deepEqual(explicit.spec.updateStrategy, { type: 'RollingUpdate' }, 'SetDefaults_StatefulSet leaves a nil rollingUpdate alone when the type was given');
});

test('defaulting never mutates its input and tolerates wrong shapes', () => {
  const input = obj('Deployment', { template: { spec: { containers: [{ name: 'c', image: 'x', livenessProbe: { exec: { command: ['true'] } } }] } } });
  const frozen = JSON.stringify(input);
  defaultDeployment(input);
  assert.equal(JSON.stringify(input), frozen);
  assert.doesNotThrow(() => defaultPod(obj('Pod', 'not a map')));
  assert.doesNotThrow(() => defaultPod(obj('Pod', { containers: 'nope', tolerations: 3 })));
  assert.doesNotThrow(() => defaultDeployment(obj('Deployment', { template: 7, strategy: [] })));
});

test('a ReplicaSet written back with its defaulted template keeps that template object (idempotent defaulting)', () => {
  const raw = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } };
  const once = defaultReplicaSet(raw as unknown as KubeObject);
  const scaled = defaultReplicaSet({ ...once, spec: { ...once.spec, replicas: 5 } } as unknown as KubeObject);
  assert.equal(scaled.spec.template, once.spec.template);
  assert.equal(JSON.stringify(defaultReplicaSet(JSON.parse(JSON.stringify(once)))), JSON.stringify(once), 'a copy defaults to the same text');
});

test('omitempty zero values are not stored: minReadySeconds 0, paused false, env [], nodeSelector {} (the Go round trip)', () => {
  const template = { metadata: { labels: { app: 'a' } }, spec: { nodeSelector: {}, containers: [{ name: 'c', image: 'nginx', env: [], args: [], resources: {} }] } };
  const d = defaultDeployment(obj('Deployment', { replicas: 0, minReadySeconds: 0, paused: false, template }));
  assert.equal('minReadySeconds' in d.spec, false);
  assert.equal('paused' in d.spec, false);
  assert.equal(d.spec.replicas, 0); // a pointer: 0 is kept
  assert.equal('nodeSelector' in d.spec.template.spec, false);
  const c = d.spec.template.spec.containers[0] as unknown as Record<string, unknown>;
  assert.equal('env' in c, false);
  assert.equal('args' in c, false);
  assert.deepEqual(c.resources, {}); // a struct: kept even when empty
  assert.equal(defaultDeployment(obj('Deployment', { minReadySeconds: 5, paused: true })).spec.minReadySeconds, 5);
  assert.equal('minReadySeconds' in defaultReplicaSet(obj('ReplicaSet', { minReadySeconds: 0 })).spec, false);
  assert.equal('minReadySeconds' in defaultDaemonSet(obj('DaemonSet', {})).spec, false);
  assert.equal('minReadySeconds' in defaultStatefulSet(obj('StatefulSet', { minReadySeconds: 0, volumeClaimTemplates: [] })).spec, false);
  assert.equal('volumeClaimTemplates' in defaultStatefulSet(obj('StatefulSet', { volumeClaimTemplates: [] })).spec, false);
});

test('a container without resources gets resources {}: ResourceRequirements is a struct, written even when empty', () => {
  const spec = defaultPodSpec({ containers: [{ name: 'c', image: 'nginx' }, { name: 'd', image: 'nginx', resources: { limits: { cpu: '1' } } }] });
  const containers = spec.containers as Record<string, unknown>[];
  assert.deepEqual(containers[0].resources, {});
  assert.deepEqual(containers[1].resources, { limits: { cpu: '1' } });
});

test('serviceAccountName is mirrored in the deprecated serviceAccount (v1 conversion), templates included', () => {
  const named = defaultPodSpec({ serviceAccountName: 'web', containers: [] });
  assert.equal(named.serviceAccount, 'web');
  assert.equal(defaultPodSpec({ serviceAccount: 'old', containers: [] }).serviceAccountName, 'old');
  assert.equal(defaultPodSpec({ serviceAccountName: 'web', serviceAccount: 'old', containers: [] }).serviceAccount, 'web');
  const none = defaultPodSpec({ containers: [] });
  assert.equal('serviceAccount' in none || 'serviceAccountName' in none, false);
});
