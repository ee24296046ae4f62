import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LazyFileTree, normalizePath, sortMounts, Vfs, type Tree } from './fs';

const base: Tree = new Map([['/ca.crt', 'CA'], ['/namespace', 'team']]);
/** A LazyFileTree whose file is `text:<arg>`, and how many times it was made. */
function lazy(index: number, arg = 'x'): { tree: LazyFileTree<string>; made: () => number } {
  let made = 0;
  const tree = new LazyFileTree(base, '/token', index, (a: string) => { made++; return `text:${a}`; }, arg);
  return { tree, made: () => made };
}

test('LazyFileTree reads like the Map of the same files, the lazy file at its place in the order', () => {
  const orders = [['/token', '/ca.crt', '/namespace'], ['/ca.crt', '/token', '/namespace'], ['/ca.crt', '/namespace', '/token']];
  orders.forEach((order, index) => {
    const { tree } = lazy(index);
    const all = new Map<string, string | null>([...base, ['/token', 'text:x']]);
    const map = new Map(order.map((k) => [k, all.get(k)!]));
    assert.deepEqual([...tree], [...map]);
    assert.deepEqual([...tree.keys()], order);
    assert.deepEqual([...tree.values()], [...map.values()]);
    assert.deepEqual([...tree.entries()], [...map.entries()]);
    const seen: [string, string | null][] = [];
    tree.forEach((v, k, m) => { assert.equal(m, tree); seen.push([k, v]); });
    assert.deepEqual(seen, [...map]);
    assert.equal(tree.size, 3);
    assert.equal(tree.get('/token'), 'text:x');
    assert.equal(tree.get('/ca.crt'), 'CA');
    assert.equal(tree.get('/nope'), undefined);
    assert.ok(tree.has('/token') && tree.has('/namespace') && !tree.has('/nope'));
    assert.deepEqual(new Map(tree), map);
  });
  assert.deepEqual([...new LazyFileTree(new Map(), '/only', 0, () => 'o', undefined)], [['/only', 'o']]);
});

test('LazyFileTree makes the file only when it is read, and the same text every time', () => {
  const { tree, made } = lazy(0, 'req');
  assert.equal(tree.size, 3);
  assert.ok(tree.has('/token'));
  assert.deepEqual([...tree.keys()].sort(), ['/ca.crt', '/namespace', '/token']);
  assert.equal(tree.get('/namespace'), 'team');
  assert.equal(made(), 0);
  assert.equal(tree.get('/token'), 'text:req');
  assert.equal(tree.get('/token'), 'text:req');
  assert.equal(made(), 2);
});

test('LazyFileTree refuses a base that already holds its path, or a place outside the base', () => {
  assert.throws(() => new LazyFileTree(base, '/ca.crt', 0, () => '', 0), /LazyFileTree: \/ca.crt at 0/);
  assert.throws(() => new LazyFileTree(base, '/token', 3, () => '', 0), /does not fit a base of 2 entries/);
  assert.throws(() => new LazyFileTree(base, '/token', -1, () => '', 0), /simulator bug/);
});

test('a container reads, lists and stats a LazyFileTree volume; a write copies it and leaves it untouched', () => {
  const { tree, made } = lazy(0);
  const mount = { path: '/var/run/secrets', store: 'vol:sa', base: '', readOnly: false };
  const vfs = new Vfs({ 'vol:sa': tree }, [mount]);
  assert.deepEqual(vfs.list('/var/run/secrets'), ['ca.crt', 'namespace', 'token']);
  assert.equal(made(), 0, 'listing reads names only');
  assert.equal(vfs.read('/var/run/secrets/token'), 'text:x');
  assert.equal(vfs.stat('/var/run/secrets/token'), 'file');
  vfs.write('/var/run/secrets/extra', 'e', false);
  const changed = vfs.changed()['vol:sa'];
  assert.deepEqual([...changed], [['/token', 'text:x'], ['/ca.crt', 'CA'], ['/namespace', 'team'], ['/extra', 'e']]);
  assert.deepEqual([...tree.keys()], ['/token', '/ca.crt', '/namespace']);
  assert.deepEqual([...base.keys()], ['/ca.crt', '/namespace']);
});

/** normalizePath as it was before its shortcut for paths already normal: the reference. */
function normalizeReference(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

test('normalizePath returns normal paths as they are and normalizes the rest as before', () => {
  const paths = ['/', '//', '/a', '/a/', '/a//b', '/a/./b', '/a/../b', '/..', '/.', '/a/.', '/a/..', '/.a', '/..a/b', '/a.b/c..', '/a/...', '', '.', '..', 'a', 'a/b/', './a', '../a', '/tmp/healthy', '/var/run/secrets/kubernetes.io/serviceaccount/token'];
  for (const p of paths) {
    for (const cwd of ['/', '/tmp', '/tmp/', 'rel', '']) assert.equal(normalizePath(p, cwd), normalizeReference(p, cwd), `${p} in ${cwd}`);
    assert.equal(normalizePath(p), normalizeReference(p), p);
  }
});

test('a Vfs over a lookup asks for a store only when it reads it, and reads like one over the same trees', () => {
  const trees: Record<string, Tree> = { root: new Map([['/etc/motd', 'hi'], ['/d/f', 'x']]), 'vol:v': new Map([['/a', 'A']]), sandbox: new Map([['/hosts', 'h']]) };
  const mounts = [
    { path: '/mnt/v', store: 'vol:v', base: '', readOnly: true }, { path: '/etc/hosts', store: 'sandbox', base: '/hosts', readOnly: false },
    { path: '/mnt/v/deeper', store: 'vol:w', base: '', readOnly: false },
  ];
  const asked: string[] = [];
  const lazyFs = () => new Vfs((s) => { asked.push(s); return trees[s]; }, sortMounts(mounts), true);
  assert.equal(lazyFs().read('/etc/motd'), 'hi');
  assert.deepEqual(asked, ['root']);
  const paths = ['/', '/etc', '/etc/motd', '/etc/hosts', '/mnt', '/mnt/v', '/mnt/v/a', '/mnt/v/deeper', '/mnt/v/deeper/x', '/d', '/d/f', '/nope', '/tmp', '/dev/null'];
  for (const p of paths) {
    const a = lazyFs();
    const b = new Vfs(trees, mounts);
    assert.deepEqual([a.stat(p), a.read(p), a.isReadOnly(p), a.list(p)], [b.stat(p), b.read(p), b.isReadOnly(p), b.list(p)], p);
  }
  const w = lazyFs();
  w.write('/mnt/v/b', 'B', false);
  w.write('/tmp/x', '1', false);
  w.write('/tmp/x', '2', true);
  assert.deepEqual(Object.keys(w.changed()), ['vol:v', 'root']);
  assert.equal(w.read('/tmp/x'), '12');
  assert.deepEqual([...trees['vol:v'].keys()], ['/a'], 'input trees untouched');
});

test('sortMounts puts longer mount paths first and keeps the order of equal lengths', () => {
  const m = (path: string, store: string) => ({ path, store, base: '', readOnly: false });
  assert.deepEqual(sortMounts([m('/a', '1'), m('/a/b', '2'), m('/c', '3'), m('/abc', '4')]).map((x) => x.store), ['2', '4', '1', '3']);
});
