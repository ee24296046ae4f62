import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError, formatInvalid, formatKubectlInvalid, invalid, required, notSupported, duplicate, forbidden, notFound, goStringMap } from './field-errors';

test('field.Error.Error() for each error type', () => {
  assert.equal(formatFieldError(required('spec.selector', '')), 'spec.selector: Required value');
  assert.equal(formatFieldError(required('metadata.name', 'name or generateName is required')), 'metadata.name: Required value: name or generateName is required');
  assert.equal(formatFieldError(invalid('spec.replicas', -1, 'must be greater than or equal to 0')), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  assert.equal(formatFieldError(invalid('metadata.name', 'A', 'x')), 'metadata.name: Invalid value: "A": x');
  assert.equal(formatFieldError(invalid('spec.strategy.rollingUpdate.maxSurge', '25', 'x', '25')), 'spec.strategy.rollingUpdate.maxSurge: Invalid value: 25: x');
  assert.equal(formatFieldError(notSupported('spec.type', 'X', ['A', 'B'])), 'spec.type: Unsupported value: "X": supported values: "A", "B"');
  assert.equal(formatFieldError(duplicate('spec.containers[1].name', 'web')), 'spec.containers[1].name: Duplicate value: "web"');
  assert.equal(formatFieldError(forbidden('spec', 'nope')), 'spec: Forbidden: nope');
  assert.equal(formatFieldError(notFound('spec.containers[0].volumeMounts[0].name', 'data')), 'spec.containers[0].volumeMounts[0].name: Not found: "data"');
  assert.equal(goStringMap({ tier: 'web', app: 'nginx' }), 'map[string]string{"app":"nginx", "tier":"web"}');
  assert.equal(goStringMap(undefined), 'map[string]string(nil)');
});

test('the API server joins several errors in brackets; kubectl prints one per line; repeats are dropped', () => {
  const errs = [required('spec.selector', ''), invalid('spec.replicas', -1, 'must be greater than or equal to 0'), required('spec.selector', '')];
  assert.equal(formatInvalid('Deployment.apps', 'web', errs), 'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]');
  assert.equal(formatKubectlInvalid('Deployment', 'web', errs), 'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  assert.equal(formatKubectlInvalid('Pod', 'p', [required('spec.containers', '')]), 'The Pod "p" is invalid: spec.containers: Required value');
});
