// The API object shapes the simulator stores, after defaulting. Field names are Kubernetes' own.
// Only the fields the simulator reads or writes are typed; anything else a manifest carries is kept
// untouched (the index signature) so `kubectl get -o yaml` shows it back.

export type Labels = Readonly<Record<string, string>>;

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly generateName?: string;
  readonly uid: string;
  readonly resourceVersion: string;
  readonly generation?: number;
  readonly creationTimestamp: string;
  readonly deletionTimestamp?: string;
  readonly deletionGracePeriodSeconds?: number;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly ownerReferences?: readonly OwnerReference[];
  readonly finalizers?: readonly string[];
}

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly spec?: unknown;
  readonly status?: unknown;
  readonly [field: string]: unknown;
}

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}
export interface LabelSelector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

// ---------------------------------------------------------------- core/v1

export interface Quantities {
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  readonly [resource: string]: string | undefined;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: string;
  readonly hostPort?: number;
}

export interface Probe {
  readonly exec?: { readonly command: readonly string[] };
  readonly httpGet?: { readonly path?: string; readonly port: number | string; readonly scheme?: string };
  readonly tcpSocket?: { readonly port: number | string };
  /** An omitempty int32 without a default: absent means 0. */
  readonly initialDelaySeconds?: number;
  readonly timeoutSeconds: number;
  readonly periodSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
  readonly terminationGracePeriodSeconds?: number;
}

export interface VolumeMount {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
  readonly recursiveReadOnly?: string;
  readonly subPath?: string;
}

/** A container status's view of one mount (core/v1 VolumeMountStatus). */
export interface VolumeMountStatus {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
  readonly recursiveReadOnly?: string;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly ports?: readonly ContainerPort[];
  readonly env?: readonly { readonly name: string; readonly value?: string; readonly valueFrom?: unknown }[];
  readonly resources?: { readonly requests?: Quantities; readonly limits?: Quantities };
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly startupProbe?: Probe;
  readonly volumeMounts?: readonly VolumeMount[];
  readonly imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  readonly terminationMessagePath: string;
  readonly terminationMessagePolicy: string;
  /** Sidecar init containers: `Always`. */
  readonly restartPolicy?: 'Always';
  readonly workingDir?: string;
  readonly envFrom?: readonly unknown[];
  readonly lifecycle?: unknown;
  readonly securityContext?: unknown;
  readonly stdin?: boolean;
  readonly stdinOnce?: boolean;
  readonly tty?: boolean;
}

export interface Toleration {
  readonly key?: string;
  readonly operator?: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  readonly tolerationSeconds?: number;
}

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  readonly timeAdded?: string;
}

export interface Volume {
  readonly name: string;
  readonly emptyDir?: { readonly medium?: string; readonly sizeLimit?: string };
  readonly hostPath?: { readonly path: string; readonly type?: string };
  readonly [source: string]: unknown;
}

export interface PodSpec {
  readonly containers: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly restartPolicy: 'Always' | 'OnFailure' | 'Never';
  readonly terminationGracePeriodSeconds: number;
  readonly dnsPolicy: string;
  readonly schedulerName: string;
  readonly nodeName?: string;
  readonly nodeSelector?: Labels;
  readonly affinity?: unknown;
  readonly tolerations?: readonly Toleration[];
  readonly hostNetwork?: boolean;
  readonly hostname?: string;
  readonly subdomain?: string;
  readonly volumes?: readonly Volume[];
  readonly priority?: number;
  readonly serviceAccountName?: string;
  readonly securityContext?: unknown;
  readonly enableServiceLinks?: boolean;
  /** Deprecated alias of serviceAccountName that the v1 API still fills. */
  readonly serviceAccount?: string;
  readonly priorityClassName?: string;
  readonly preemptionPolicy?: string;
  readonly activeDeadlineSeconds?: number;
  readonly automountServiceAccountToken?: boolean;
  readonly imagePullSecrets?: readonly { readonly name: string }[];
}

export interface PodTemplateSpec {
  readonly metadata: { readonly labels?: Labels; readonly annotations?: Labels; readonly name?: string };
  readonly spec: PodSpec;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';
export interface Condition {
  readonly type: string;
  /** PodCondition (v1.34, KEP-5067): the metadata.generation the writer saw; right after `type` in Go's struct. */
  readonly observedGeneration?: number;
  readonly status: ConditionStatus;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime?: string;
  readonly lastUpdateTime?: string;
  readonly lastProbeTime?: string | null;
  readonly lastHeartbeatTime?: string;
}

export interface ContainerStateRunning { readonly startedAt: string }
export interface ContainerStateWaiting { readonly reason: string; readonly message?: string }
export interface ContainerStateTerminated {
  readonly exitCode: number;
  readonly reason: string;
  readonly message?: string;
  readonly startedAt?: string;
  readonly finishedAt: string;
  readonly containerID?: string;
}
export interface ContainerState {
  readonly running?: ContainerStateRunning;
  readonly waiting?: ContainerStateWaiting;
  readonly terminated?: ContainerStateTerminated;
}
export interface ContainerStatus {
  readonly name: string;
  readonly image: string;
  readonly imageID: string;
  readonly containerID?: string;
  readonly ready: boolean;
  readonly started: boolean;
  readonly restartCount: number;
  readonly state: ContainerState;
  readonly lastState: ContainerState;
  readonly volumeMounts?: readonly VolumeMountStatus[];
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
export interface PodStatus {
  /** The metadata.generation of the Pod the kubelet last synced (v1.34, KEP-5067); PodStatus's first field. */
  readonly observedGeneration?: number;
  readonly phase: PodPhase;
  readonly conditions?: readonly Condition[];
  readonly hostIP?: string;
  readonly podIP?: string;
  readonly podIPs?: readonly { readonly ip: string }[];
  readonly startTime?: string;
  readonly containerStatuses?: readonly ContainerStatus[];
  readonly initContainerStatuses?: readonly ContainerStatus[];
  readonly reason?: string;
  readonly message?: string;
  readonly qosClass?: string;
}

export interface Pod extends KubeObject {
  readonly kind: 'Pod';
  readonly spec: PodSpec;
  readonly status: PodStatus;
}

export interface NodeSpec {
  readonly podCIDR?: string;
  readonly unschedulable?: boolean;
  readonly taints?: readonly Taint[];
}
export interface NodeStatus {
  readonly capacity: Quantities;
  readonly allocatable: Quantities;
  readonly conditions: readonly Condition[];
  readonly addresses: readonly { readonly type: string; readonly address: string }[];
  readonly nodeInfo: Readonly<Record<string, string>>;
  readonly daemonEndpoints?: { readonly kubeletEndpoint: { readonly Port: number } };
}
export interface Node extends KubeObject {
  readonly kind: 'Node';
  readonly spec: NodeSpec;
  readonly status: NodeStatus;
}

export interface Namespace extends KubeObject {
  readonly kind: 'Namespace';
  readonly spec: { readonly finalizers?: readonly string[] };
  readonly status: { readonly phase: 'Active' | 'Terminating' };
}

// ---------------------------------------------------------------- apps/v1

export type IntOrString = number | string;

export interface RollingUpdateDeployment {
  readonly maxSurge?: IntOrString;
  readonly maxUnavailable?: IntOrString;
}
export interface DeploymentSpec {
  readonly replicas: number;
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
  readonly strategy: { readonly type: 'RollingUpdate' | 'Recreate'; readonly rollingUpdate?: RollingUpdateDeployment };
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit: number;
  readonly progressDeadlineSeconds: number;
  readonly paused?: boolean;
}
export interface DeploymentStatus {
  readonly observedGeneration?: number;
  readonly replicas?: number;
  readonly updatedReplicas?: number;
  readonly readyReplicas?: number;
  readonly availableReplicas?: number;
  readonly unavailableReplicas?: number;
  readonly conditions?: readonly Condition[];
  readonly collisionCount?: number;
}
export interface Deployment extends KubeObject {
  readonly kind: 'Deployment';
  readonly spec: DeploymentSpec;
  readonly status: DeploymentStatus;
}

export interface ReplicaSetSpec {
  readonly replicas: number;
  readonly minReadySeconds?: number;
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
}
export interface ReplicaSetStatus {
  readonly replicas: number;
  readonly fullyLabeledReplicas?: number;
  readonly readyReplicas?: number;
  readonly availableReplicas?: number;
  readonly observedGeneration?: number;
  readonly conditions?: readonly Condition[];
}
export interface ReplicaSet extends KubeObject {
  readonly kind: 'ReplicaSet';
  readonly spec: ReplicaSetSpec;
  readonly status: ReplicaSetStatus;
}

export interface DaemonSetSpec {
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
  readonly updateStrategy: { readonly type: 'RollingUpdate' | 'OnDelete'; readonly rollingUpdate?: { readonly maxUnavailable?: IntOrString; readonly maxSurge?: IntOrString } };
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit: number;
}
export interface DaemonSetStatus {
  readonly currentNumberScheduled: number;
  readonly numberMisscheduled: number;
  readonly desiredNumberScheduled: number;
  readonly numberReady: number;
  readonly updatedNumberScheduled?: number;
  readonly numberAvailable?: number;
  readonly numberUnavailable?: number;
  readonly observedGeneration?: number;
  readonly collisionCount?: number;
}
export interface DaemonSet extends KubeObject {
  readonly kind: 'DaemonSet';
  readonly spec: DaemonSetSpec;
  readonly status: DaemonSetStatus;
}

/**
 * apps/v1 ControllerRevision: a DaemonSet's or StatefulSet's Pod template at one revision, `data`
 * holding it as the strategic merge patch `{"spec":{"template":{...,"$patch":"replace"}}}`.
 */
export interface ControllerRevision extends KubeObject {
  readonly kind: 'ControllerRevision';
  readonly data?: unknown;
  readonly revision: number;
}

export interface StatefulSetSpec {
  readonly replicas: number;
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
  readonly serviceName?: string;
  readonly podManagementPolicy: 'OrderedReady' | 'Parallel';
  readonly updateStrategy: { readonly type: 'RollingUpdate' | 'OnDelete'; readonly rollingUpdate?: { readonly partition?: number } };
  readonly revisionHistoryLimit: number;
  readonly minReadySeconds?: number;
  readonly volumeClaimTemplates?: readonly KubeObject[];
  readonly persistentVolumeClaimRetentionPolicy?: { readonly whenDeleted: string; readonly whenScaled: string };
}
export interface StatefulSetStatus {
  readonly replicas: number;
  readonly readyReplicas?: number;
  readonly currentReplicas?: number;
  readonly updatedReplicas?: number;
  readonly availableReplicas?: number;
  readonly currentRevision?: string;
  readonly updateRevision?: string;
  readonly observedGeneration?: number;
  readonly collisionCount?: number;
}
export interface StatefulSet extends KubeObject {
  readonly kind: 'StatefulSet';
  readonly spec: StatefulSetSpec;
  readonly status: StatefulSetStatus;
}

export interface ServicePort {
  readonly name?: string;
  readonly protocol: string;
  readonly port: number;
  readonly targetPort: IntOrString;
  readonly nodePort?: number;
  readonly appProtocol?: string;
}
export interface Service extends KubeObject {
  readonly kind: 'Service';
  readonly spec: {
    readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    readonly selector?: Labels;
    readonly ports?: readonly ServicePort[];
    readonly clusterIP?: string;
    readonly clusterIPs?: readonly string[];
    readonly externalName?: string;
    readonly sessionAffinity?: string;
    readonly publishNotReadyAddresses?: boolean;
    readonly [field: string]: unknown;
  };
  readonly status: { readonly loadBalancer?: { readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string }[] } };
}

/** The kinds `kubectl` and the step vocabulary know by name; see sim/api/kinds.ts. */
export type KindName =
  | 'Namespace' | 'Node' | 'Pod' | 'Service' | 'Event'
  | 'ReplicaSet' | 'Deployment' | 'DaemonSet' | 'StatefulSet' | 'ControllerRevision';
