import { Then } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { ObjectName } from '../support/queries';
import { expectAccess, serviceAccountNamed, userNamed } from '../support/rbac';

// RBAC: what a user or a service account may do, as `kubectl auth can-i --as` answers. The resource
// is written as in a rule: "pods", "pods/log", "deployments.apps", "deployments/scale".

const sa = (ref: ObjectName) => serviceAccountNamed(ref.namespace ?? 'default', ref.name);

// example: Then user "jane" can list "pods" in namespace "team-a"
Then('user {string} can {word} {string} in namespace {string}', function (this: SimWorld, user: string, verb: string, resource: string, ns: string) {
  expectAccess(this, userNamed(user), true, verb, resource, ns);
});

// example: Then user "jane" cannot delete "pods" in namespace "team-a"
Then('user {string} cannot {word} {string} in namespace {string}', function (this: SimWorld, user: string, verb: string, resource: string, ns: string) {
  expectAccess(this, userNamed(user), false, verb, resource, ns);
});

// example: Then user "alice" can list "deployments.apps" at the cluster scope
Then('user {string} can {word} {string} at the cluster scope', function (this: SimWorld, user: string, verb: string, resource: string) {
  expectAccess(this, userNamed(user), true, verb, resource, '');
});

// example: Then user "jane" cannot list "nodes" at the cluster scope
Then('user {string} cannot {word} {string} at the cluster scope', function (this: SimWorld, user: string, verb: string, resource: string) {
  expectAccess(this, userNamed(user), false, verb, resource, '');
});

// example: Then service account "team-a/app" can get "pods/log" in namespace "team-a"
Then('service account {name} can {word} {string} in namespace {string}', function (this: SimWorld, ref: ObjectName, verb: string, resource: string, ns: string) {
  expectAccess(this, sa(ref), true, verb, resource, ns);
});

// example: Then service account "team-a/app" cannot list "pods" in namespace "default"
Then('service account {name} cannot {word} {string} in namespace {string}', function (this: SimWorld, ref: ObjectName, verb: string, resource: string, ns: string) {
  expectAccess(this, sa(ref), false, verb, resource, ns);
});

// example: Then service account "team-a/auditor" can list "deployments.apps" at the cluster scope
Then('service account {name} can {word} {string} at the cluster scope', function (this: SimWorld, ref: ObjectName, verb: string, resource: string) {
  expectAccess(this, sa(ref), true, verb, resource, '');
});

// example: Then service account "team-a/app" cannot list "pods" at the cluster scope
Then('service account {name} cannot {word} {string} at the cluster scope', function (this: SimWorld, ref: ObjectName, verb: string, resource: string) {
  expectAccess(this, sa(ref), false, verb, resource, '');
});
