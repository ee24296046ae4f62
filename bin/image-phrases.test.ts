import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImageBehaviour } from '../sim/runtime/images';
import { parseImagePhrases } from './image-phrases';

const server: ImageBehaviour = { kind: 'server', ports: [80] };
const ok = (text: string) => {
  const r = parseImagePhrases(server, text);
  if ('error' in r) throw new Error(r.error);
  return r.behaviour;
};

test('each phrase maps to the ImageBehaviour field it names', () => {
  assert.deepEqual(ok('exits with code 1 after 10s'), { kind: 'server', ports: [80], exit: { afterMs: 10_000, code: 1 } });
  assert.deepEqual(ok('exits after 2m').exit, { afterMs: 120_000, code: 0 });
  assert.equal(ok('becomes ready after 30s').startupMs, 30_000);
  assert.equal(ok('takes 30 seconds to start').startupMs, 30_000);
  assert.deepEqual(ok('answers 500 on /healthy').http, [{ status: 500, path: '/healthy' }]);
  assert.deepEqual(ok('answers 500 on /Healthy after 1m').http, [{ status: 500, path: '/Healthy', fromMs: 60_000 }]);
  assert.equal(ok('does not exist').kind, 'missing');
  assert.deepEqual(ok('listens on 8080').ports, [80, 8080]);
  assert.equal(ok('pulls in 20s').pullMs, 20_000);
  assert.equal(ok('runs its command').kind, 'shell');
});

test('phrases combine with "and" or commas, keeping the base behaviour', () => {
  const b = ok('answers 500 on /healthy and takes 10s to start, pulls in 5s');
  assert.deepEqual(b, { kind: 'server', ports: [80], http: [{ status: 500, path: '/healthy' }], startupMs: 10_000, pullMs: 5000 });
});

test('unknown phrases and bad durations are one clear error', () => {
  assert.match((parseImagePhrases(server, 'dances the tango') as { error: string }).error, /^unknown image behaviour "dances the tango" \(e\.g\. /);
  assert.match((parseImagePhrases(server, 'exits after soon') as { error: string }).error, /invalid duration "soon"/);
});
