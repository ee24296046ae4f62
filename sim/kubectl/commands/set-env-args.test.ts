import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEnvVarName } from '../../api/validation/names';
import { envVarRefString, keyToEnvName, parseEnv, splitEnvironmentFromResources, updateEnv } from './set-env-args';

// kubectl set env's argument rules (cmd/set/env/env_parse.go, env_resolve.go, set/helper.go updateEnv).

test('SplitEnvironmentFromResources: resources first, then KEY=VALUE and KEY- words', () => {
  assert.deepEqual(splitEnvironmentFromResources(['deploy/web', 'A=1', 'B-']), { resources: ['deploy/web'], envArgs: ['A=1', 'B-'] });
  assert.deepEqual(splitEnvironmentFromResources(['deployment', 'web', 'A=']), { resources: ['deployment', 'web'], envArgs: ['A='] });
  assert.equal(splitEnvironmentFromResources(['A=1', 'deploy/web']), undefined);
  assert.deepEqual(splitEnvironmentFromResources(['=x']), { resources: ['=x'], envArgs: [] }, 'an "=" needs a name before it');
});

test('ParseEnv: KEY=VALUE sets (an empty value is omitted), KEY- removes; kubectl\'s errors', () => {
  assert.deepEqual(parseEnv(['A=1', 'B=', 'C=x=y', 'D-']), { env: [{ name: 'A', value: '1' }, { name: 'B' }, { name: 'C', value: 'x=y' }], remove: ['D'] });
  assert.deepEqual(parseEnv(['A=1', 'A-']), { error: 'can not both modify and remove the same environment variable in the same command' });
  assert.deepEqual(parseEnv(['1A=x']), { error: `"1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnv1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')` });
  assert.deepEqual(parseEnv(['nope']), { error: 'unknown environment variable: nope' });
});

test('IsEnvVarName: the regex, and no "." or ".." prefix', () => {
  assert.deepEqual(isEnvVarName('my.env-name'), []);
  assert.deepEqual(isEnvVarName('..a'), ["must not start with '..'"]);
  assert.equal(isEnvVarName('a b').length, 1);
});

test('updateEnv: existing variables keep their place, new ones follow, removals drop', () => {
  const existing = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }];
  assert.deepEqual(updateEnv(existing, [{ name: 'D', value: '4' }, { name: 'B', value: 'b' }], ['A']),
    [{ name: 'B', value: 'b' }, { name: 'C', value: '3' }, { name: 'D', value: '4' }]);
  assert.deepEqual(updateEnv([], [{ name: 'X', value: '1' }, { name: 'X', value: '2' }], []), [{ name: 'X', value: '1' }], 'each name once, the first wins');
});

test('keyToEnvName and GetEnvVarRefString', () => {
  assert.equal(keyToEnvName('special.how'), 'SPECIAL_HOW');
  assert.equal(keyToEnvName('log-level'), 'LOG_LEVEL');
  assert.equal(envVarRefString({ configMapKeyRef: { name: 'cfg', key: 'a.b' } }), 'configmap cfg, key a.b');
  assert.equal(envVarRefString({ secretKeyRef: { name: 'db', key: 'password' } }), 'secret db, key password');
  assert.equal(envVarRefString({ fieldRef: { fieldPath: 'status.podIP' } }), 'field path status.podIP');
  assert.equal(envVarRefString({ resourceFieldRef: { containerName: 'web', resource: 'limits.cpu' } }), 'resource field web/limits.cpu');
});
