import type { KubeObject, ObjectMeta } from '../api/types';

/** core/v1 ServiceAccount (the fields the simulator reads). */
export interface ServiceAccount extends KubeObject {
  readonly kind: 'ServiceAccount';
  readonly metadata: ObjectMeta;
  readonly automountServiceAccountToken?: boolean;
  readonly secrets?: readonly { readonly name: string }[];
  readonly imagePullSecrets?: readonly { readonly name: string }[];
}

/** serviceaccount.DefaultServiceAccountName: the account every namespace gets and Pods default to. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';
/** The ConfigMap the root-ca-cert-publisher keeps in every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
/** admission's DefaultAPITokenMountPath. */
export const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** admission's ServiceAccountVolumeName: the prefix of the projected token volume's name. */
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: the token projection's expirationSeconds. */
export const TOKEN_EXPIRATION_SECONDS = 3607;
