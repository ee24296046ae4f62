import { registerKind, type KindInfo } from '../kinds';
import type { KubeObject } from '../types';

// Registers every kind the simulator serves. Defaulting and validation live in
// sim/api/defaults/ and sim/api/validation/, one file per kind.
// PLACEHOLDER registrations (identity defaults, no validation) until those files exist.

const identity = (o: KubeObject): KubeObject => o;
const noErrors = () => [];

function kind(k: string, group: string, versions: string[], plural: string, shortNames: string[], namespaced: boolean): KindInfo {
  return { kind: k, group, apiVersions: versions, plural, singular: k.toLowerCase(), shortNames, namespaced, defaults: identity, validate: noErrors };
}

registerKind(kind('Namespace', '', ['v1'], 'namespaces', ['ns'], false));
registerKind(kind('Node', '', ['v1'], 'nodes', ['no'], false));
registerKind(kind('Pod', '', ['v1'], 'pods', ['po'], true));
registerKind(kind('Service', '', ['v1'], 'services', ['svc'], true));
registerKind(kind('ReplicaSet', 'apps', ['apps/v1'], 'replicasets', ['rs'], true));
registerKind(kind('Deployment', 'apps', ['apps/v1'], 'deployments', ['deploy'], true));
registerKind(kind('DaemonSet', 'apps', ['apps/v1'], 'daemonsets', ['ds'], true));
registerKind(kind('StatefulSet', 'apps', ['apps/v1'], 'statefulsets', ['sts'], true));
