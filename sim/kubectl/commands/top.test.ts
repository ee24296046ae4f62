import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuText, memoryText, percentText, printNodes, printPods } from './top-printer';
import { goDuration } from './top';

const MI = 1024 * 1024;

test('usage prints as kubectl prints it: millicores rounded up, whole MiB, int64 percent', () => {
  assert.equal(cpuText(120), '120m');
  assert.equal(cpuText(0.4), '1m'); // Quantity.MilliValue() rounds up
  assert.equal(memoryText(64 * MI + 1), '64Mi'); // Value()/(1024*1024) truncates
  assert.equal(percentText(1069, 2000), '53%');
  assert.equal(percentText(5, 0), '0%');
});

test('kubectl top node: every cell tab-terminated, so the last column is padded too; missing nodes <unknown>', () => {
  const out = printNodes([
    { name: 'k8s-master', usage: { cpuMillis: 148, memoryBytes: 1004 * MI }, available: { cpuMillis: 2000, memoryBytes: 3836 * MI } },
    { name: 'k8s-node2', available: { cpuMillis: 2000, memoryBytes: 3836 * MI } },
  ], { noHeaders: false, showSwap: false });
  assert.equal(out, [
    'NAME         CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   ',
    'k8s-master   148m         7%          1004Mi          26%         ',
    'k8s-node2    <unknown>    <unknown>   <unknown>       <unknown>   ',
    '',
  ].join('\n'));
});

test('kubectl top pod -A --containers --sum: NAMESPACE and POD columns, then the totals under a rule', () => {
  const out = printPods([
    { namespace: 'default', name: 'web', containers: [{ name: 'app', usage: { cpuMillis: 120, memoryBytes: 64 * MI } }, { name: 'side', usage: { cpuMillis: 1, memoryBytes: MI } }] },
  ], { containers: true, withNamespace: true, noHeaders: false, sum: true, showSwap: false });
  assert.equal(out, [
    'NAMESPACE   POD   NAME   CPU(cores)   MEMORY(bytes)   ',
    'default     web   app    120m         64Mi            ',
    'default     web   side   1m           1Mi             ',
    '                         ________     ________        ',
    '                         121m         65Mi            ',
    '',
  ].join('\n'));
});

test('ages print as Go\'s time.Duration', () => {
  assert.equal(goDuration(150_000), '2m30s');
  assert.equal(goDuration(3_723_500), '1h2m3.5s');
  assert.equal(goDuration(500), '500ms');
});
