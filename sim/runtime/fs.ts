// A container's file system: immutable trees (path -> file content, or null for a directory) and
// the mounts that place volumes into the container's view. The container's own layer ("root")
// starts from its image's files and is lost when the container restarts; an emptyDir ("vol:<name>")
// lives in the Pod's runtime row (shared by its containers, survives restarts, gone with the Pod);
// hostPath ("host") is the node's hostFiles. Directories may be implicit: a path with files below it
// is a directory.

/** path (absolute, normalised, inside its store) -> file content; null = an (empty) directory. */
export type Tree = ReadonlyMap<string, string | null>;

export const EMPTY_TREE: Tree = new Map();

export interface Mount {
  /** Where the volume appears in the container. */
  readonly path: string;
  /** Which tree holds it: 'vol:<volume name>' or 'host'. */
  readonly store: string;
  /** Prefix inside the store ('' for a volume root; the hostPath for 'host'). */
  readonly base: string;
  readonly readOnly: boolean;
}

export type Stat = 'file' | 'dir' | undefined;

/** Directories every Linux image has (busybox's rootfs). */
const STANDARD_DIRS = new Set(['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/run', '/sbin', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/share', '/var', '/var/log', '/var/run', '/var/tmp', '/mnt', '/opt']);
const DEV_NULL = '/dev/null';

// An empty, '.' or '..' segment, or a trailing slash: what normalizing would change.
const UNNORMALIZED = /\/\.{0,2}(?:\/|$)/;

export function normalizePath(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  // Most paths (probe files, mount paths) are already normal: they come back as they are.
  if (abs.charCodeAt(0) === 47 && !UNNORMALIZED.test(abs)) return abs;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** path === dir, or path lies below dir (`${dir}/` starts it; every absolute path lies below '/'): without building that string. */
function isAtOrUnder(path: string, dir: string): boolean {
  if (!path.startsWith(dir)) return false;
  return path.length === dir.length || dir === '/' || path.charCodeAt(dir.length) === 47;
}

/** Where a Vfs finds a store's tree as the run starts (undefined: an empty store). */
export type TreeLookup = (store: string) => Tree | undefined;

/** Longest mount path first, so /a/b wins over /a (stable: equal lengths keep their order). */
export function sortMounts(mounts: readonly Mount[]): readonly Mount[] {
  return [...mounts].sort((a, b) => b.path.length - a.path.length);
}

/** A writable view over trees and mounts for the length of one run; the input trees are never mutated. */
export class Vfs {
  private readonly lookup: TreeLookup;
  /** The stores this run changed: its own copies, in the order of their first change. */
  private edited: Map<string, Map<string, string | null>> | undefined;
  private readonly mounts: readonly Mount[];

  /**
   * `trees` by store name, or a lookup that finds them (a container's view is built at every
   * probe tick: a lookup makes only the trees it reads). `mountsSorted`: the mounts are
   * already in sortMounts' order (a cached list).
   */
  constructor(trees: Readonly<Record<string, Tree>> | TreeLookup, mounts: readonly Mount[], mountsSorted = false) {
    this.lookup = typeof trees === 'function' ? trees : (store) => (Object.prototype.hasOwnProperty.call(trees, store) ? trees[store] : undefined);
    this.mounts = mountsSorted ? mounts : sortMounts(mounts);
  }

  /** The trees this run changed, by store name. */
  changed(): Record<string, Tree> {
    const out: Record<string, Tree> = {};
    if (this.edited !== undefined) for (const [s, t] of this.edited) out[s] = t;
    return out;
  }

  tree(store: string): Tree { return this.edited?.get(store) ?? this.lookup(store) ?? EMPTY_TREE; }

  private resolve(path: string): { store: string; p: string; mount?: Mount } {
    for (const m of this.mounts) {
      if (isAtOrUnder(path, m.path)) {
        const rest = path.slice(m.path.length);
        return { store: m.store, p: normalizePath(`${m.base}/${rest}`), mount: m };
      }
    }
    return { store: 'root', p: path };
  }

  stat(path: string): Stat {
    if (path === '/') return 'dir';
    if (path === DEV_NULL) return 'file';
    const { store, p, mount } = this.resolve(path);
    // A mount point is a directory, unless a single file is bind-mounted there (/etc/resolv.conf).
    if (mount !== undefined && p === normalizePath(mount.base || '/') && typeof this.tree(store).get(p) !== 'string') return 'dir';
    const tree = this.tree(store);
    const v = tree.get(p);
    if (v === undefined && store === 'root' && STANDARD_DIRS.has(p)) return 'dir';
    if (v === null) return 'dir';
    if (v !== undefined) return 'file';
    const prefix = `${p}/`;
    for (const k of tree.keys()) if (k.startsWith(prefix)) return 'dir';
    // A mount point below path (`${path}/` starts it) makes path a directory.
    for (const m of this.mounts) if (m.path.length > path.length && m.path.charCodeAt(path.length) === 47 && m.path.startsWith(path)) return 'dir';
    return undefined;
  }

  read(path: string): string | undefined {
    if (path === DEV_NULL) return '';
    const { store, p } = this.resolve(path);
    const v = this.tree(store).get(p);
    return v === null ? undefined : v;
  }

  isReadOnly(path: string): boolean {
    return this.resolve(path).mount?.readOnly === true;
  }

  private edit(store: string): Map<string, string | null> {
    const edited = (this.edited ??= new Map());
    let tree = edited.get(store);
    if (tree === undefined) edited.set(store, (tree = new Map(this.tree(store))));
    return tree;
  }

  write(path: string, data: string, append: boolean): void {
    if (path === DEV_NULL) return;
    const { store, p } = this.resolve(path);
    const tree = this.edit(store);
    const old = tree.get(p);
    tree.set(p, append && typeof old === 'string' ? old + data : data);
  }

  mkdir(path: string): void {
    const { store, p } = this.resolve(path);
    const tree = this.edit(store);
    if (!tree.has(p)) tree.set(p, null);
  }

  /** Removes a file, or a directory and everything under it. */
  remove(path: string): void {
    const { store, p } = this.resolve(path);
    const tree = this.edit(store);
    tree.delete(p);
    const prefix = `${p}/`;
    for (const k of [...tree.keys()]) if (k.startsWith(prefix)) tree.delete(k);
  }

  /** Entry names directly inside a directory, sorted. */
  list(path: string): string[] {
    const { store, p } = this.resolve(path);
    const names = new Set<string>();
    const prefix = p === '/' ? '/' : `${p}/`;
    for (const k of this.tree(store).keys()) {
      if (k.startsWith(prefix) && k.length > prefix.length) names.add(k.slice(prefix.length).split('/')[0]);
    }
    for (const m of this.mounts) {
      const mp = path === '/' ? '/' : `${path}/`;
      if (m.path.startsWith(mp) && m.path.length > mp.length) names.add(m.path.slice(mp.length).split('/')[0]);
    }
    return [...names].sort();
  }
}

/**
 * A tree with one file whose content is made only when read (the service-account token: 150,000
 * Pods' tokens cost ~200 MB, and most are never read). `base` holds the other entries and may be
 * shared by many trees; the lazy file comes `index`-th in iteration order. `compute(arg)` must be
 * pure: nothing is cached, so the tree reads the same every time, like any other Tree.
 */
export class LazyFileTree<T> implements ReadonlyMap<string, string | null> {
  constructor(
    private readonly base: Tree, readonly path: string, private readonly index: number,
    private readonly compute: (arg: T) => string, private readonly arg: T,
  ) {
    if (base.has(path) || index < 0 || index > base.size) throw new Error(`LazyFileTree: ${path} at ${index} does not fit a base of ${base.size} entries without it; this is a simulator bug`);
  }

  get size(): number { return this.base.size + 1; }
  has(key: string): boolean { return key === this.path || this.base.has(key); }
  get(key: string): string | null | undefined { return key === this.path ? this.compute(this.arg) : this.base.get(key); }

  *keys(): MapIterator<string> {
    let i = 0;
    for (const k of this.base.keys()) { if (i++ === this.index) yield this.path; yield k; }
    if (i === this.index) yield this.path;
  }

  *entries(): MapIterator<[string, string | null]> {
    for (const k of this.keys()) yield [k, this.get(k) as string | null];
  }

  *values(): MapIterator<string | null> {
    for (const k of this.keys()) yield this.get(k) as string | null;
  }

  [Symbol.iterator](): MapIterator<[string, string | null]> { return this.entries(); }

  forEach(fn: (value: string | null, key: string, map: ReadonlyMap<string, string | null>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}

/** A tree from plain files (directories implied). */
export function treeOf(files: Readonly<Record<string, string>>): Tree {
  return new Map(Object.entries(files).map(([k, v]) => [normalizePath(k), v]));
}
