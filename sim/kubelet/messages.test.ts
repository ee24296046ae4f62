import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alreadyPresentMessage, createdMessage, pulledMessage, pullingMessage, startedMessage, stoppingMessage } from './messages';

test('the kubelet event texts read as the kubelet writes them', () => {
  assert.equal(pullingMessage('nginx:1.27'), 'Pulling image "nginx:1.27"');
  assert.equal(alreadyPresentMessage('nginx:1.27'), 'Container image "nginx:1.27" already present on machine');
  assert.equal(createdMessage('web'), 'Created container: web');
  assert.equal(startedMessage('web'), 'Started container web');
  assert.equal(stoppingMessage('web'), 'Stopping container web');
  assert.equal(pulledMessage('busybox', '3s', '3s', 4_000_000), 'Successfully pulled image "busybox" in 3s (3s including waiting). Image size: 4000000 bytes.');
  assert.equal(pulledMessage('busybox', '500ms', '3.5s', 4_000_000), 'Successfully pulled image "busybox" in 500ms (3.5s including waiting). Image size: 4000000 bytes.');
});

test('a repeated text is the same text for another image or name, never a stale one', () => {
  assert.equal(pullingMessage('httpd'), 'Pulling image "httpd"');
  assert.equal(pullingMessage('nginx:1.27'), 'Pulling image "nginx:1.27"');
  assert.equal(pulledMessage('busybox', '2.5s', '2.5s', 4_000_000), 'Successfully pulled image "busybox" in 2.5s (2.5s including waiting). Image size: 4000000 bytes.');
  for (let i = 0; i < 10_050; i++) assert.equal(createdMessage(`c${i}`), `Created container: c${i}`);
  assert.equal(createdMessage('web'), 'Created container: web');
});
