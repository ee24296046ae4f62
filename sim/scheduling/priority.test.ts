import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../api/field-errors';
import type { KubeObject, Pod } from '../api/types';
import { defaultPod } from '../api/defaults/pod';
import { viewWith } from '../testing/fixtures';
import { admitPriorityClass, defaultPriorityClass, systemPriorityClasses, validatePriorityClass } from './priority-class';
import { admitPodPriority } from './pod-priority';
import type { PriorityClass } from './types';

const pc = (name: string, value: number, extra: Partial<PriorityClass> = {}): PriorityClass =>
  defaultPriorityClass({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name, uid: `u-${name}`, creationTimestamp: 'x' }, value, ...extra } as KubeObject) as PriorityClass;
const newPod = (spec: Record<string, unknown>): Pod => defaultPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } } as KubeObject);
const messages = (errs: readonly unknown[]) => errs.map((e) => formatFieldError(e as never));
const spec = (r: { obj?: KubeObject }) => r.obj!.spec as { priority?: number; preemptionPolicy?: string; priorityClassName?: string };

test('SystemPriorityClasses: the two built-in classes, valid under the reserved prefix', () => {
  const classes = systemPriorityClasses().map((c) => defaultPriorityClass(c) as PriorityClass);
  assert.deepEqual(classes.map((c) => [c.metadata.name, c.value, c.preemptionPolicy, c.globalDefault]),
    [['system-node-critical', 2000001000, 'PreemptLowerPriority', undefined], ['system-cluster-critical', 2000000000, 'PreemptLowerPriority', undefined]]);
  for (const c of classes) assert.deepEqual(validatePriorityClass(c, undefined), []);
});

test('ValidatePriorityClass: reserved system- names, the user value ceiling, preemptionPolicy; value immutable', () => {
  assert.deepEqual(messages(validatePriorityClass(pc('system-foo', 5), undefined)),
    ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-foo is not a known system priority class"]);
  assert.deepEqual(messages(validatePriorityClass(pc('system-node-critical', 5), undefined)),
    ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000"]);
  assert.deepEqual(messages(validatePriorityClass(pc('big', 1000000001), undefined)), ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']);
  assert.deepEqual(validatePriorityClass(pc('ok', 1000000000), undefined), []);
  assert.deepEqual(validatePriorityClass(pc('neg', -5), undefined), []);
  assert.deepEqual(messages(validatePriorityClass(pc('p', 1, { preemptionPolicy: 'Sometimes' as never }), undefined)),
    ['preemptionPolicy: Unsupported value: "Sometimes": supported values: "Never", "PreemptLowerPriority"']);
  assert.deepEqual(messages(validatePriorityClass(pc('p', 2), pc('p', 1))), ['value: Forbidden: may not be changed in an update.']);
});

test('Priority admission validatePriorityClass: a second globalDefault class is refused', () => {
  const view = viewWith([pc('high', 1000, { globalDefault: true })]);
  assert.equal(admitPriorityClass(pc('other', 5, { globalDefault: true }), view).forbidden,
    'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass high is already marked as default. Only one default can exist');
  assert.equal(admitPriorityClass(pc('other', 5), view).forbidden, undefined);
});

test('Priority admission admitPod: a missing class is refused, a user class gives its value and policy', () => {
  const view = viewWith([pc('high', 1000, { preemptionPolicy: 'Never' })]);
  assert.equal(admitPodPriority(newPod({ priorityClassName: 'foo' }), view).forbidden, 'pods "x" is forbidden: no PriorityClass with name foo was found');
  const admitted = admitPodPriority(newPod({ priorityClassName: 'high' }), view);
  assert.deepEqual([spec(admitted).priority, spec(admitted).preemptionPolicy], [1000, 'Never']);
  assert.equal(admitPodPriority(admitted.obj!, view).obj, admitted.obj); // idempotent
  assert.equal(admitPodPriority(newPod({ priorityClassName: 'high', priority: 7 }), view).forbidden,
    'pods "x" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name');
  assert.equal(admitPodPriority(newPod({ priorityClassName: 'high', preemptionPolicy: 'PreemptLowerPriority' }), view).forbidden,
    'pods "x" is forbidden: the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name');
  // Built-in classes need no store (defaulting resolves them).
  const critical = admitPodPriority(newPod({ priorityClassName: 'system-node-critical' }), viewWith([]));
  assert.equal(spec(critical).priority, 2000001000);
});

test('Priority admission getDefaultPriority: a Pod without a class gets the globalDefault class, else 0', () => {
  assert.equal(spec(admitPodPriority(newPod({}), viewWith([]))).priority, 0);
  const view = viewWith([pc('b', 50, { globalDefault: true }), pc('a', 9)]);
  const admitted = admitPodPriority(newPod({}), view);
  assert.deepEqual([spec(admitted).priorityClassName, spec(admitted).priority, spec(admitted).preemptionPolicy], ['b', 50, 'PreemptLowerPriority']);
});
