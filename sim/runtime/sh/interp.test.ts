import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSh, runLiteralCat, runSh, runSync, type ShIo, type ShProcess } from './interp';
import { literalCommand, literalCommandOf } from './ast';
import { parseSh } from './parse';
import { Vfs, treeOf, type Tree } from '../fs';

function io(fs: Vfs, nowMs: number, log: string[]): ShIo {
  return { nowMs, epochMs: Date.UTC(2025, 0, 1), fs, hostname: 'pod-1', out: (fd, t) => log.push(`${fd}:${t}`) };
}

/** Runs a process across wake-ups until `untilMs`, returning its state and the wake times seen. */
function runUntil(script: string, fs: Vfs, untilMs: number, log: string[] = []): { proc: ShProcess; wakes: number[] } {
  let proc = startSh(script, { PATH: '/bin' });
  let now = 0;
  const wakes: number[] = [];
  for (;;) {
    proc = runSh(proc, io(fs, now, log));
    if (proc.exitCode !== undefined || proc.wakeMs === undefined || proc.wakeMs > untilMs) return { proc, wakes };
    now = proc.wakeMs;
    wakes.push(now);
  }
}

test("the book's liveness script: /tmp/healthy exists for 30 virtual seconds, then the shell sleeps 600 s", () => {
  const fs = new Vfs({}, []);
  let proc = startSh('touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600', {});
  proc = runSh(proc, io(fs, 0, []));
  assert.equal(fs.stat('/tmp/healthy'), 'file');
  assert.equal(proc.wakeMs, 30_000);
  assert.equal(runSh(proc, io(fs, 29_999, [])), proc, 'not due yet: same state');
  proc = runSh(proc, io(fs, 30_000, []));
  assert.equal(fs.stat('/tmp/healthy'), undefined);
  assert.equal(proc.wakeMs, 630_000);
  proc = runSh(proc, io(fs, 630_000, []));
  assert.equal(proc.exitCode, 0);
});

test('producer and consumer share an emptyDir mounted at different paths', () => {
  const vol: Record<string, Tree> = { 'vol:shared': new Map() };
  const producer = new Vfs(vol, [{ path: '/producer_dir', store: 'vol:shared', base: '', readOnly: false }]);
  const p = runSh(startSh('echo "hello world" > /producer_dir/hello; sleep 30000', {}), io(producer, 0, []));
  assert.equal(p.wakeMs, 30_000_000);
  const consumer = new Vfs({ 'vol:shared': producer.changed()['vol:shared'] }, [{ path: '/consumer_dir', store: 'vol:shared', base: '', readOnly: false }]);
  const log: string[] = [];
  runSh(startSh('cat /consumer_dir/hello; sleep 30000', {}), io(consumer, 0, log));
  assert.deepEqual(log, ['1:hello world\n']);
  assert.equal(vol['vol:shared'].size, 0, 'input tree untouched');
});

test('exit codes, && || and $?', () => {
  const fs = new Vfs({}, []);
  const log: string[] = [];
  const { proc } = runUntil('false || echo a; true && echo b; false; echo $?; exit 3', fs, 0, log);
  assert.deepEqual(log, ['1:a\n', '1:b\n', '1:1\n']);
  assert.equal(proc.exitCode, 3);
});

test('while true with sleep wakes every period; a loop without sleep is stopped as busy', () => {
  const fs = new Vfs({}, []);
  const log: string[] = [];
  const { wakes } = runUntil('i=0; while true; do echo tick; sleep 5; done', fs, 20_000, log);
  assert.deepEqual(wakes, [5000, 10000, 15000, 20000]);
  assert.equal(log.length, 5);
  const busy = runSh(startSh('while true; do :; done', {}), io(fs, 0, []));
  assert.equal(busy.wakeMs, Infinity);
  assert.match(busy.note ?? '', /without sleeping/);
});

test('for, if, test, variables, quotes, redirections', () => {
  const fs = new Vfs({ root: treeOf({ '/etc/motd': 'hi\nthere\n' }) }, []);
  const log: string[] = [];
  runUntil(`for x in a b; do echo "$x-\${x}" >> /out; done; if [ -f /out ]; then echo yes; else echo no; fi; echo 'lit $x'; cat /etc/motd | wc -l; cat /nope 2>&1; ls /zzz 2>/dev/null; mkdir -p /a/b && test -d /a/b && echo dir`, fs, 0, log);
  assert.equal(fs.read('/out'), 'a-a\nb-b\n');
  assert.deepEqual(log, ['1:yes\n', '1:lit $x\n', '1:2\n', "1:cat: can't open '/nope': No such file or directory\n", '1:dir\n']);
});

test('unknown commands: not found, 127; sh -c nests and exit ends only the inner shell', () => {
  const fs = new Vfs({}, []);
  const log: string[] = [];
  const { proc } = runUntil('nosuch; echo $?; sh -c "echo in; exit 4"; echo $?', fs, 0, log);
  assert.deepEqual(log, ['2:sh: nosuch: not found\n', '1:127\n', '1:in\n', '1:4\n']);
  assert.equal(proc.exitCode, 0);
});

test('env from the container, ${X:-default}, command substitution, date in virtual time', () => {
  const fs = new Vfs({}, []);
  const log: string[] = [];
  let proc = startSh('echo $GREETING ${MISSING:-dflt} $(hostname); sleep 90; date', { GREETING: 'hello' });
  proc = runSh(proc, io(fs, 0, log));
  proc = runSh(proc, io(fs, 90_000, log));
  assert.deepEqual(log, ['1:hello dflt pod-1\n', '1:Wed Jan  1 00:01:30 UTC 2025\n']);
});

test('${X-d} defaults only an unset X; ${X:-d} also an empty one', () => {
  const fs = new Vfs({}, []);
  const log: string[] = [];
  runSh(startSh('echo [${EMPTY-d}] [${EMPTY:-d}] [${NONE-d}] [${NONE:-d}]', { EMPTY: '' }), io(fs, 0, log));
  assert.deepEqual(log, ['1:[] [d] [d] [d]\n']);
});

test('runSync bounds sleeps by a timeout (exec probes)', () => {
  const fs = new Vfs({}, []);
  const r = runSync(parseSh('sleep 5; echo done'), {}, 0, io(fs, 0, []), '', true, 1000);
  assert.equal(r.timedOut, true);
  const r2 = runSync(parseSh('sleep 1; echo done'), {}, 0, io(fs, 0, []), '', true, 1000);
  assert.deepEqual([r2.timedOut, r2.stdout, r2.status], [false, 'done\n', 0]);
});

test('syntax errors exit 2 with an ash-like message', () => {
  const fs = new Vfs({}, []);
  const log: string[] = [];
  const { proc } = runUntil('while true; do echo', fs, 0, log);
  assert.equal(proc.exitCode, 2);
  assert.match(log[0], /^2:sh: syntax error/);
});

test('runLiteralCat gives what the interpreter gives for `cat` with absolute operands, and declines anything else', () => {
  const trees = { root: treeOf({ '/tmp/healthy': 'ok\n', '/etc/motd': 'hi', '/d/f': 'x' }), 'vol:v': treeOf({ '/a': 'A' }) };
  const mounts = [{ path: '/mnt/v', store: 'vol:v', base: '', readOnly: true }];
  const argvs = [
    ['cat', '/tmp/healthy'], ['cat', '/tmp/ready'], ['/bin/cat', '/d'], ['/usr/bin/cat', '/etc/motd', '/nope', '/tmp/healthy'],
    ['cat', '/mnt/v/a'], ['cat', '/mnt/v'], ['cat', '/mnt/v/../v/a'], ['cat', '/dev/null'], ['cat', '//tmp//healthy/'], ['/sbin/cat', '/tmp/./healthy'],
  ];
  for (const argv of argvs) {
    const fast = runLiteralCat(argv, io(new Vfs(trees, mounts), 0, []));
    const slow = runSync(literalCommand(argv), { PWD: '/tmp', __STDIN__: 'stdin' }, 0, io(new Vfs(trees, mounts), 0, []));
    assert.deepEqual(fast, { stdout: slow.stdout, stderr: slow.stderr, status: slow.status, timedOut: slow.timedOut }, argv.join(' '));
  }
  assert.equal(runLiteralCat(['cat', '/tmp/ready'], io(new Vfs(trees, mounts), 0, []))?.stderr, "cat: can't open '/tmp/ready': No such file or directory\n");
  for (const argv of [['cat'], ['cat', 'healthy'], ['cat', '-'], ['cat', '-n', '/tmp/healthy'], ['cat', '--', '/tmp/healthy'], ['head', '/tmp/healthy'], ['sh', '-c', 'cat /tmp/healthy'], ['xcat', '/a'], []]) {
    assert.equal(runLiteralCat(argv, io(new Vfs(trees, mounts), 0, [])), undefined, argv.join(' '));
  }
  // A server image whose binary is called cat: the interpreter would start it, so this declines.
  assert.equal(runLiteralCat(['cat', '/a'], { ...io(new Vfs(trees, mounts), 0, []), isServer: () => true }), undefined);
});

test('literalCommandOf makes one node per argv array, equal to literalCommand', () => {
  const argv = ['cat', '/tmp/healthy'];
  assert.equal(literalCommandOf(argv), literalCommandOf(argv));
  assert.deepEqual(literalCommandOf(argv), literalCommand(argv));
  assert.notEqual(literalCommandOf(['cat', '/tmp/healthy']), literalCommandOf(argv));
});
