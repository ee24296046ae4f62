import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESCRIBE_TABWRITER, GET_TABWRITER, tabwrite } from './tabwriter';

test('get tables: columns are as wide as the widest cell plus 3, at least 6', () => {
  const out = tabwrite('NAME\tREADY\tAGE\nnginx-7854ff8877-abcde\t1/1\t5s\n', GET_TABWRITER);
  assert.equal(out, 'NAME                     READY   AGE\nnginx-7854ff8877-abcde   1/1     5s\n');
});

test('the minimum width of 6 applies to short columns', () => {
  assert.equal(tabwrite('A\tB\nx\ty\n', GET_TABWRITER), 'A     B\nx     y\n');
});

test('the text after the last tab is not a column and is never padded', () => {
  assert.equal(tabwrite('a\tlong message here\nbb\tx\n', DESCRIBE_TABWRITER), 'a   long message here\nbb  x\n');
});

test('a line without a cell in a column ends that column block (describe alignment)', () => {
  const text = 'Name:\tnginx\nNamespace:\tdefault\nIPs:\n  IP:\t10.244.1.2\nControlled By:\tReplicaSet/nginx-1\n';
  assert.equal(tabwrite(text, DESCRIBE_TABWRITER), [
    'Name:       nginx',
    'Namespace:  default',
    'IPs:',
    '  IP:           10.244.1.2',
    'Controlled By:  ReplicaSet/nginx-1',
    '',
  ].join('\n'));
});

test('nested columns align within the lines that have them', () => {
  const text = 'Conditions:\n  Type\tStatus\n  Ready \tTrue \n  PodScheduled \tTrue \n';
  assert.equal(tabwrite(text, DESCRIBE_TABWRITER), 'Conditions:\n  Type           Status\n  Ready          True \n  PodScheduled   True \n');
});
