import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlagError, parseArgs, splitWords, type FlagSpec } from './flags';

const specs: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'replicas', short: 'r', kind: 'int' },
  { name: 'cascade', kind: 'string', default: 'background', noOptDefVal: 'background' },
];

const err = (argv: string[]) => { try { parseArgs(argv, specs); } catch (e) { assert.ok(e instanceof FlagError); return (e as Error).message; } return undefined; };

test('flags and arguments interleave; -f repeats; values attach with = or follow', () => {
  const a = parseArgs(['get', '-n', 'kube-system', 'pods', '-f', 'a.yml', '--filename=b.yml', '-A'], specs);
  assert.deepEqual(a.positional, ['get', 'pods']);
  assert.equal(a.values.get('namespace'), 'kube-system');
  assert.deepEqual(a.values.get('filename'), ['a.yml', 'b.yml']);
  assert.equal(a.values.get('all-namespaces'), true);
  assert.equal(a.values.get('cascade'), 'background');
});

test('grouped short booleans and attached short values', () => {
  const a = parseArgs(['-it', '-nkube-system', '-r=3'], specs);
  assert.equal(a.values.get('stdin'), true);
  assert.equal(a.values.get('tty'), true);
  assert.equal(a.values.get('namespace'), 'kube-system');
  assert.equal(a.values.get('replicas'), 3);
});

test('-- ends the flags and records where', () => {
  const a = parseArgs(['pod', '-c', 'x', '--', 'sh', '-c', 'echo hi'], [...specs, { name: 'container', short: 'c', kind: 'string' }]);
  assert.deepEqual(a.positional, ['pod', 'sh', '-c', 'echo hi']);
  assert.equal(a.argsLenAtDash, 1);
});

test('pflag error messages', () => {
  assert.equal(err(['--foo']), 'unknown flag: --foo');
  assert.equal(err(['-z']), "unknown shorthand flag: 'z' in -z");
  assert.equal(err(['--namespace']), 'flag needs an argument: --namespace');
  assert.equal(err(['-n']), "flag needs an argument: 'n' in -n");
  assert.equal(err(['--replicas=abc']), 'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
  assert.equal(err(['--all-namespaces=maybe']), 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
});

test('a flag with NoOptDefVal takes no separate value', () => {
  const a = parseArgs(['--cascade', 'deploy'], specs);
  assert.equal(a.values.get('cascade'), 'background');
  assert.deepEqual(a.positional, ['deploy']);
});

test('shell word splitting with quotes and escapes', () => {
  assert.deepEqual(splitWords(`kubectl get pods -o jsonpath='{.items[*].metadata.name}'`), ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']);
  assert.deepEqual(splitWords(`echo "a \\"b\\" c" d\\ e ''`), ['echo', 'a "b" c', 'd e', '']);
  assert.deepEqual(splitWords(`sh -c 'touch /tmp/healthy; sleep 30'`), ['sh', '-c', 'touch /tmp/healthy; sleep 30']);
  assert.deepEqual(splitWords(`echo 'oops`), { error: 'unterminated single quote' });
});
