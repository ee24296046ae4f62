// ServiceAccounts: the kind, Pod admission, the default account and the root CA ConfigMap per namespace.
export { serviceAccountKind, admitPod } from './kinds';
export { controllers } from './controllers';
export type { ServiceAccount } from './types';
export { API_TOKEN_MOUNT_PATH, DEFAULT_SERVICE_ACCOUNT, ROOT_CA_CONFIGMAP } from './types';
