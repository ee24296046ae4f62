import type { UserInfo } from './user-info';

// staging/src/k8s.io/apiserver/pkg/authorization/authorizer.AttributesRecord: what a request asks,
// as the API server's RequestInfo resolver reads it from the URL.

export interface ResourceAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
}

export interface NonResourceAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly path: string;
}

export type Attributes = ResourceAttributes | NonResourceAttributes;

export function isResourceRequest(a: Attributes): a is ResourceAttributes {
  return !('path' in a);
}
