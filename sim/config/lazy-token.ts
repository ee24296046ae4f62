import { LazyFileTree, normalizePath, treeOf, type Tree } from '../runtime/fs';
import type { VolumeProjection } from '../runtime/env-hooks';
import { tokenText, type TokenRequest } from '../serviceaccount/token';

// A projected volume's files with its service-account token made only when read. Every Pod's
// kube-api-access volume holds a ~1.2 KB token that the scale runs never read (150,000 Pods: ~200 MB
// and ~10 µs each): the volume keeps the small request instead, and the text is made from it on read.

/**
 * The projection of `files` (relative paths, in order; the token's entry a placeholder holding its
 * position) with the token at `path`: `tree` makes the token when read, `files` makes it now.
 */
export function lazyTokenProjection(files: Readonly<Record<string, string>>, path: string, request: TokenRequest): VolumeProjection {
  return lazyTokenProjector(files, path)(request);
}

/**
 * lazyTokenProjection(files, path, request) for many requests: the tree's other files are worked
 * out once, each call adds only the request. `files` must not change afterwards.
 */
export function lazyTokenProjector(files: Readonly<Record<string, string>>, path: string): (request: TokenRequest) => VolumeProjection {
  const shape = treeShape(files, path);
  // treeOf(files) when another source wrote over the token.
  return (request) => new LazyTokenProjection(
    shape === undefined ? treeOf(files) : new LazyFileTree(shape.base, shape.tokenPath, shape.index, tokenText, request), files, path, request);
}

class LazyTokenProjection {
  constructor(readonly tree: Tree, private readonly placeholders: Readonly<Record<string, string>>, private readonly path: string, private readonly request: TokenRequest) {}
  get files(): Readonly<Record<string, string>> { return { ...this.placeholders, [this.path]: tokenText(this.request) }; }
}

const LAZY = Symbol('token');

/** normalizePath of a path relative to the volume root; a plain name (the usual case) is just prefixed, without splitting. */
const absolute = (k: string) => (k.includes('/') || k === '' || k === '.' || k === '..' ? normalizePath(k) : `/${k}`);

/**
 * The other files' tree, and the token's absolute path and position (paths normalised; on a clash,
 * the first position and the last value win, as in a Map); undefined when another source wrote over the token.
 */
function treeShape(files: Readonly<Record<string, string>>, path: string): { readonly base: Tree; readonly tokenPath: string; readonly index: number } | undefined {
  const entries = new Map<string, string | typeof LAZY>();
  for (const [k, v] of Object.entries(files)) entries.set(absolute(k), k === path ? LAZY : v);
  const base: [string, string][] = [];
  let index = -1;
  let tokenPath = '';
  for (const [k, v] of entries) {
    if (v === LAZY) { index = base.length; tokenPath = k; } else base.push([k, v]);
  }
  return index < 0 ? undefined : { base: internTree(base), tokenPath, index };
}

// The other files (ca.crt, namespace) are the same for every Pod of a namespace: one Map for them all
// (150,000 two-entry Maps cost ~25 MB). A trie over paths and values; cleared when it grows large.
interface TrieNode { readonly next: Map<string, TrieNode>; tree?: Tree }
const MAX_INTERNED = 10_000;
let trie: TrieNode = { next: new Map() };
let interned = 0;

/** A Map of these entries, the same object for the same entries. Never mutated: Vfs copies before writing. */
export function internTree(entries: readonly (readonly [string, string])[]): Tree {
  if (interned >= MAX_INTERNED) { trie = { next: new Map() }; interned = 0; }
  let node = trie;
  for (const [k, v] of entries) node = step(step(node, k), v);
  if (node.tree === undefined) { node.tree = new Map(entries); interned++; }
  return node.tree;
}

function step(node: TrieNode, s: string): TrieNode {
  let next = node.next.get(s);
  if (next === undefined) node.next.set(s, (next = { next: new Map() }));
  return next;
}
