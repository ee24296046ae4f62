import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESCRIBE_TABWRITER, GET_TABWRITER, RememberingTabwriter, tabwrite } from './tabwriter';

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

test('RememberWidths (kubectl get --watch): a later flush keeps the widest column so far, never narrower', () => {
  const tw = new RememberingTabwriter(GET_TABWRITER);
  assert.equal(tw.flush(['NAME\tSTATUS\tAGE', 'web\tPending\t0s']), 'NAME   STATUS    AGE\nweb    Pending   0s\n');
  assert.equal(tw.flush(['web\tContainerCreating\t0s']), 'web    ContainerCreating   0s\n');
  assert.equal(tw.flush(['web\tRunning\t3s']), 'web    Running             3s\n');
  // Without the memory each flush would be laid out on its own.
  assert.equal(tabwrite('web\tRunning\t3s\n', GET_TABWRITER), 'web   Running   3s\n');
});
