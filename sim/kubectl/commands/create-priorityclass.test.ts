import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, namespace } from '../test-fixtures';

// kubectl create priorityclass (create_priorityclass.go) and the Priority admission plugin's
// one-default rule on update (admission.go validatePriorityClass).

const files: Record<string, string> = {
  'low.yml': 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: low\nvalue: 10\n',
  'low-default.yml': 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: low\nvalue: 10\nglobalDefault: true\n',
};
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: (f) => files[f] });
const result = (r: ReturnType<typeof kubectl>) => [r.stdout, r.stderr, r.exitCode];
const FORBIDDEN = 'is forbidden: PriorityClass high is already marked as default. Only one default can exist';

test('create priorityclass builds a typed PriorityClass: value always, preemptionPolicy defaulted by the flag', () => {
  const c = clusterWith([namespace('default')], 0);
  assert.equal(kubectl(c, 'create priorityclass high --value=1000 --dry-run=client -o yaml').stdout,
    'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  creationTimestamp: null\n  name: high\npreemptionPolicy: PreemptLowerPriority\nvalue: 1000\n');
  assert.equal(kubectl(c, 'create pc zero --dry-run=client -o json --global-default --description=d --preemption-policy=Never').stdout.includes('"globalDefault": true'), true);
  const r = kubectl(c, 'create priorityclass high --value=1000 --global-default --description=top');
  assert.deepEqual(result(r), ['priorityclass.scheduling.k8s.io/high created\n', '', 0]);
  assert.deepEqual(r.cluster.store.get('PriorityClass', '', 'high'), { ...r.cluster.store.get('PriorityClass', '', 'high')!, value: 1000, globalDefault: true, description: 'top', preemptionPolicy: 'PreemptLowerPriority' });
  assert.deepEqual(result(kubectl(r.cluster, 'create priorityclass other --value=5 --global-default')),
    ['', `error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "other" ${FORBIDDEN}\n`, 1]);
  assert.deepEqual(result(kubectl(c, 'create priorityclass')), ['', "error: exactly one NAME is required, got 0\nSee 'kubectl create priorityclass -h' for help and examples\n", 1]);
});

test('an update making a second class globalDefault is refused, nothing changed; the default itself may be updated', () => {
  let c = clusterWith([namespace('default')], 0);
  c = kubectl(c, 'create priorityclass high --value=1000 --global-default').cluster;
  c = kubectl(c, 'apply -f low.yml').cluster;
  const applied = kubectl(c, 'apply -f low-default.yml');
  assert.equal(applied.exitCode, 1);
  assert.equal(applied.stderr, 'Error from server (Forbidden): error when applying patch:\n'
    + '{"globalDefault":true,"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"scheduling.k8s.io/v1\\",\\"globalDefault\\":true,\\"kind\\":\\"PriorityClass\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"low\\"},\\"value\\":10}\\n"}}}\n'
    + 'to:\nResource: "scheduling.k8s.io/v1, Resource=priorityclasses", GroupVersionKind: "scheduling.k8s.io/v1, Kind=PriorityClass"\n'
    + `Name: "low", Namespace: ""\nfor: "low-default.yml": error when patching "low-default.yml": priorityclasses.scheduling.k8s.io "low" ${FORBIDDEN}\n`);
  assert.equal(applied.cluster, c);
  assert.deepEqual(result(kubectl(c, 'replace -f low-default.yml')), ['', `Error from server (Forbidden): error when replacing "low-default.yml": priorityclasses.scheduling.k8s.io "low" ${FORBIDDEN}\n`, 1]);
  assert.deepEqual(result(kubectl(c, "patch pc low -p {\"globalDefault\":true}")), ['', `Error from server (Forbidden): priorityclasses.scheduling.k8s.io "low" ${FORBIDDEN}\n`, 1]);
  assert.equal(kubectl(c, 'patch pc high -p {"description":"x"}').exitCode, 0);
  c = kubectl(c, 'delete pc high').cluster;
  assert.deepEqual(result(kubectl(c, 'apply -f low-default.yml')), ['priorityclass.scheduling.k8s.io/low configured\n', '', 0]);
});
