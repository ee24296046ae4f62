import { isResourceRequest, type Attributes } from './attributes';

// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage and
// Forbidden (with apierrors.NewForbidden's "<group resource> [\"<name>\"] is forbidden: ..."): the
// message of the 403 an unauthorized request gets, which kubectl prints after "Error from server (Forbidden): ".

/** forbiddenMessage: `User "jane" cannot list resource "pods" in API group "" in the namespace "default"`. */
export function forbiddenMessage(a: Attributes): string {
  if (!isResourceRequest(a)) return `User "${a.user.name}" cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${a.user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${where}`;
}

/**
 * The Status message of the 403: NewForbidden(GroupResource{group, resource}, name, err) where err is
 * the message with RBAC's reason after ": " when there is one.
 *
 * | request                                | message starts                     |
 * |----------------------------------------|------------------------------------|
 * | list pods in default                   | pods is forbidden: User ...        |
 * | get deployments.apps web               | deployments.apps "web" is forbidden: ... |
 * | get pods/log web                       | pods "web" is forbidden: ... "pods/log" ... |
 * | get /healthz                           | forbidden: User "jane" cannot get path "/healthz" |
 */
export function forbiddenStatusMessage(a: Attributes, reason: string): string {
  const err = reason === '' ? forbiddenMessage(a) : `${forbiddenMessage(a)}: ${reason}`;
  if (!isResourceRequest(a)) return `forbidden: ${err}`;
  const gr = a.apiGroup === '' ? a.resource : `${a.resource}.${a.apiGroup}`;
  return a.name ? `${gr} "${a.name}" is forbidden: ${err}` : `${gr} is forbidden: ${err}`;
}
