import { listOf, mapOf, struct, type FieldType, type Struct } from './types';

// The fields of the kinds the simulator serves, from k8s.io/api core/v1 and apps/v1 (v1.34).
// Subtrees the simulator does not read are `any` (never an unknown-field error there).

const strings = listOf('string');
const stringMap = mapOf('string');
const quantities = mapOf('quantity');

export const objectMeta = struct('ObjectMeta', {
  name: 'string', generateName: 'string', namespace: 'string', selfLink: 'string', uid: 'string', resourceVersion: 'string',
  generation: 'int64', creationTimestamp: 'any', deletionTimestamp: 'any', deletionGracePeriodSeconds: 'int64',
  labels: stringMap, annotations: stringMap, ownerReferences: 'any', finalizers: strings, managedFields: 'any',
});

const labelSelector = struct('LabelSelector', {
  matchLabels: stringMap,
  matchExpressions: listOf(struct('LabelSelectorRequirement', { key: 'string', operator: 'string', values: strings })),
});

const probe = struct('Probe', {
  exec: struct('ExecAction', { command: strings }),
  httpGet: struct('HTTPGetAction', { path: 'string', port: 'intstr', host: 'string', scheme: 'string', httpHeaders: 'any' }),
  tcpSocket: struct('TCPSocketAction', { port: 'intstr', host: 'string' }),
  grpc: 'any',
  initialDelaySeconds: 'int32', timeoutSeconds: 'int32', periodSeconds: 'int32', successThreshold: 'int32', failureThreshold: 'int32',
  terminationGracePeriodSeconds: 'int64',
});

const container = struct('Container', {
  name: 'string', image: 'string', command: strings, args: strings, workingDir: 'string',
  ports: listOf(struct('ContainerPort', { name: 'string', hostPort: 'int32', containerPort: 'int32', protocol: 'string', hostIP: 'string' })),
  envFrom: 'any',
  env: listOf(struct('EnvVar', { name: 'string', value: 'string', valueFrom: 'any' })),
  resources: struct('ResourceRequirements', { limits: quantities, requests: quantities, claims: 'any' }),
  resizePolicy: 'any', restartPolicy: 'string', restartPolicyRules: 'any',
  volumeMounts: listOf(struct('VolumeMount', {
    name: 'string', readOnly: 'bool', recursiveReadOnly: 'string', mountPath: 'string', subPath: 'string', mountPropagation: 'string', subPathExpr: 'string',
  })),
  volumeDevices: 'any',
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe,
  lifecycle: 'any', terminationMessagePath: 'string', terminationMessagePolicy: 'string', imagePullPolicy: 'string',
  securityContext: 'any', stdin: 'bool', stdinOnce: 'bool', tty: 'bool',
});

const volume = struct('Volume', {
  name: 'string',
  emptyDir: struct('EmptyDirVolumeSource', { medium: 'string', sizeLimit: 'quantity' }),
  hostPath: struct('HostPathVolumeSource', { path: 'string', type: 'string' }),
  persistentVolumeClaim: struct('PersistentVolumeClaimVolumeSource', { claimName: 'string', readOnly: 'bool' }),
  secret: 'any', configMap: 'any', projected: 'any', downwardAPI: 'any', nfs: 'any', ephemeral: 'any', csi: 'any', image: 'any',
  iscsi: 'any', glusterfs: 'any', rbd: 'any', cephfs: 'any', fc: 'any', awsElasticBlockStore: 'any', gcePersistentDisk: 'any',
  azureDisk: 'any', azureFile: 'any', vsphereVolume: 'any', quobyte: 'any', flexVolume: 'any', flocker: 'any', gitRepo: 'any',
  portworxVolume: 'any', scaleIO: 'any', storageos: 'any', photonPersistentDisk: 'any',
});

const toleration = struct('Toleration', { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' });

export const podSpec = struct('PodSpec', {
  volumes: listOf(volume), initContainers: listOf(container), containers: listOf(container), ephemeralContainers: 'any',
  restartPolicy: 'string', terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64', dnsPolicy: 'string',
  nodeSelector: stringMap, serviceAccountName: 'string', serviceAccount: 'string', automountServiceAccountToken: 'bool',
  nodeName: 'string', hostNetwork: 'bool', hostPID: 'bool', hostIPC: 'bool', shareProcessNamespace: 'bool', securityContext: 'any',
  imagePullSecrets: listOf(struct('LocalObjectReference', { name: 'string' })), hostname: 'string', hostnameOverride: 'string', subdomain: 'string',
  affinity: 'any', schedulerName: 'string', tolerations: listOf(toleration), hostAliases: 'any', priorityClassName: 'string',
  priority: 'int32', dnsConfig: 'any', readinessGates: 'any', runtimeClassName: 'string', enableServiceLinks: 'bool',
  preemptionPolicy: 'string', overhead: quantities, topologySpreadConstraints: 'any', setHostnameAsFQDN: 'bool', os: 'any',
  hostUsers: 'bool', schedulingGates: 'any', resourceClaims: 'any', resources: 'any',
});

const podTemplateSpec = struct('PodTemplateSpec', { metadata: objectMeta, spec: podSpec });

const pvc = struct('PersistentVolumeClaim', {
  apiVersion: 'string', kind: 'string', metadata: objectMeta, status: 'any',
  spec: struct('PersistentVolumeClaimSpec', {
    accessModes: strings, selector: labelSelector, resources: struct('VolumeResourceRequirements', { limits: quantities, requests: quantities }),
    volumeName: 'string', storageClassName: 'string', volumeMode: 'string', dataSource: 'any', dataSourceRef: 'any', volumeAttributesClassName: 'string',
  }),
});

const top = (kind: string, spec: FieldType | undefined): Struct => struct(kind, {
  apiVersion: 'string', kind: 'string', metadata: objectMeta, status: 'any', ...(spec !== undefined ? { spec } : {}),
});

const intOrStringRollingUpdate = (go: string) => struct(go, { maxUnavailable: 'intstr', maxSurge: 'intstr' });

/** The schema of each kind, by kind name. */
export const SCHEMAS: Readonly<Record<string, Struct>> = {
  Pod: top('Pod', podSpec),
  Namespace: top('Namespace', struct('NamespaceSpec', { finalizers: strings })),
  Node: top('Node', struct('NodeSpec', {
    podCIDR: 'string', podCIDRs: strings, providerID: 'string', unschedulable: 'bool', configSource: 'any', externalID: 'string',
    taints: listOf(struct('Taint', { key: 'string', value: 'string', effect: 'string', timeAdded: 'any' })),
  })),
  Service: top('Service', struct('ServiceSpec', {
    ports: listOf(struct('ServicePort', { name: 'string', protocol: 'string', appProtocol: 'string', port: 'int32', targetPort: 'intstr', nodePort: 'int32' })),
    selector: stringMap, clusterIP: 'string', clusterIPs: strings, type: 'string', externalIPs: strings, sessionAffinity: 'string',
    loadBalancerIP: 'string', loadBalancerSourceRanges: strings, externalName: 'string', externalTrafficPolicy: 'string',
    healthCheckNodePort: 'int32', publishNotReadyAddresses: 'bool', sessionAffinityConfig: 'any', ipFamilies: strings,
    ipFamilyPolicy: 'string', allocateLoadBalancerNodePorts: 'bool', loadBalancerClass: 'string', internalTrafficPolicy: 'string',
    trafficDistribution: 'string',
  })),
  Deployment: top('Deployment', struct('DeploymentSpec', {
    replicas: 'int32', selector: labelSelector, template: podTemplateSpec,
    strategy: struct('DeploymentStrategy', { type: 'string', rollingUpdate: intOrStringRollingUpdate('RollingUpdateDeployment') }),
    minReadySeconds: 'int32', revisionHistoryLimit: 'int32', paused: 'bool', progressDeadlineSeconds: 'int32',
  })),
  ReplicaSet: top('ReplicaSet', struct('ReplicaSetSpec', { replicas: 'int32', minReadySeconds: 'int32', selector: labelSelector, template: podTemplateSpec })),
  DaemonSet: top('DaemonSet', struct('DaemonSetSpec', {
    selector: labelSelector, template: podTemplateSpec,
    updateStrategy: struct('DaemonSetUpdateStrategy', { type: 'string', rollingUpdate: intOrStringRollingUpdate('RollingUpdateDaemonSet') }),
    minReadySeconds: 'int32', revisionHistoryLimit: 'int32',
  })),
  StatefulSet: top('StatefulSet', struct('StatefulSetSpec', {
    replicas: 'int32', selector: labelSelector, template: podTemplateSpec, volumeClaimTemplates: listOf(pvc), serviceName: 'string',
    podManagementPolicy: 'string',
    updateStrategy: struct('StatefulSetUpdateStrategy', { type: 'string', rollingUpdate: struct('RollingUpdateStatefulSetStrategy', { partition: 'int32', maxUnavailable: 'intstr' }) }),
    revisionHistoryLimit: 'int32', minReadySeconds: 'int32',
    persistentVolumeClaimRetentionPolicy: struct('StatefulSetPersistentVolumeClaimRetentionPolicy', { whenDeleted: 'string', whenScaled: 'string' }),
    ordinals: struct('StatefulSetOrdinals', { start: 'int32' }),
  })),
  Job: top('Job', jobSpec()),
  CronJob: top('CronJob', struct('CronJobSpec', {
    schedule: 'string', timeZone: 'string', startingDeadlineSeconds: 'int64', concurrencyPolicy: 'string', suspend: 'bool',
    jobTemplate: struct('JobTemplateSpec', { metadata: objectMeta, spec: jobSpec() }),
    successfulJobsHistoryLimit: 'int32', failedJobsHistoryLimit: 'int32',
  })),
  // core/v1 Secret and ConfigMap have no spec: data sits at the top (sim/config/kinds.ts).
  Secret: struct('Secret', { apiVersion: 'string', kind: 'string', metadata: objectMeta, immutable: 'bool', data: stringMap, stringData: stringMap, type: 'string' }),
  ConfigMap: struct('ConfigMap', { apiVersion: 'string', kind: 'string', metadata: objectMeta, immutable: 'bool', data: stringMap, binaryData: stringMap }),
  ServiceAccount: struct('ServiceAccount', {
    apiVersion: 'string', kind: 'string', metadata: objectMeta, automountServiceAccountToken: 'bool',
    secrets: listOf('any'), imagePullSecrets: listOf(struct('LocalObjectReference', { name: 'string' })),
  }),
};

/** batch/v1 JobSpec (k8s.io/api/batch/v1 types.go). */
function jobSpec(): Struct {
  return struct('JobSpec', {
    parallelism: 'int32', completions: 'int32', activeDeadlineSeconds: 'int64', podFailurePolicy: 'any', successPolicy: 'any',
    backoffLimit: 'int32', backoffLimitPerIndex: 'int32', maxFailedIndexes: 'int32', selector: labelSelector, manualSelector: 'bool',
    template: podTemplateSpec, ttlSecondsAfterFinished: 'int32', completionMode: 'string', suspend: 'bool',
    podReplacementPolicy: 'string', managedBy: 'string',
  });
}
