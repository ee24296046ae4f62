import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/types';
import { storeOf } from './test-store';
import { impersonate } from './impersonation';
import { ADMIN } from './user-info';
import { apiServerRbacObjects, kubeadmRbacObjects } from '../cluster/manifests/rbac/objects';

// filters/impersonation.go WithImpersonation / buildImpersonationRequests: who --as makes a request
// come from, and the requestor's impersonate checks.

const store = storeOf([...apiServerRbacObjects(), ...kubeadmRbacObjects()]);

test('--as USER: system:authenticated added; --as-group: the groups given, system:authenticated added unless (un)authenticated is named', () => {
  assert.deepEqual(impersonate(store, ADMIN, { user: 'jane', groups: [] }), { user: { name: 'jane', groups: ['system:authenticated'] } });
  assert.deepEqual(impersonate(store, ADMIN, { user: 'jane', groups: ['devs', 'ops'], uid: '42' }), { user: { name: 'jane', groups: ['devs', 'ops', 'system:authenticated'], uid: '42' } });
  assert.deepEqual(impersonate(store, ADMIN, { user: 'jane', groups: ['system:unauthenticated'] }), { user: { name: 'jane', groups: ['system:unauthenticated'] } });
  assert.deepEqual(impersonate(store, ADMIN, { user: 'system:anonymous', groups: [] }), { user: { name: 'system:anonymous', groups: ['system:unauthenticated'] } });
});

test('--as a service account: its fixed groups unless groups are given', () => {
  assert.deepEqual(impersonate(store, ADMIN, { user: 'system:serviceaccount:team-a:app', groups: [] }),
    { user: { name: 'system:serviceaccount:team-a:app', groups: ['system:serviceaccounts', 'system:serviceaccounts:team-a', 'system:authenticated'] } });
  assert.deepEqual(impersonate(store, ADMIN, { user: 'system:serviceaccount:team-a:app', groups: ['x'] }), { user: { name: 'system:serviceaccount:team-a:app', groups: ['x', 'system:authenticated'] } });
});

test('a requestor without impersonate is refused on the first thing it asks for; groups without a user are an internal error', () => {
  const jane = { name: 'jane', groups: ['system:authenticated'] };
  assert.deepEqual(impersonate(store, jane, { user: 'bob', groups: [] }),
    { error: 'Error from server (Forbidden): users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope' });
  assert.deepEqual(impersonate(store, jane, { user: 'system:serviceaccount:team-a:app', groups: [] }),
    { error: 'Error from server (Forbidden): serviceaccounts "app" is forbidden: User "jane" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "team-a"' });
  assert.match((impersonate(store, ADMIN, { groups: ['devs'] }) as { error: string }).error, /^Error from server \(InternalError\): Internal error occurred: requested \[.*devs.*\] without impersonating a user$/);
});
