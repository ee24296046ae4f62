import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LazyFileTree, Vfs, type Tree } from './fs';

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
