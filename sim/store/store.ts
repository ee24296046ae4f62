import type { KubeObject, LabelSelector, Pod } from '../api/types';
import { matchesSelector } from './labels';
import { objectKey } from './keys';

// The object store: every API object of the cluster, with the indexes controllers need so that no
// look-up scans all objects. A Store is immutable once sealed; `edit()` gives a draft that copies
// each inner map or set only the first time the draft writes to it (copy-on-write), so a change
// costs O(1) amortised and older snapshots never see it.

type Bucket = Map<string, KubeObject>;

// The "kind/ns" bucket keys, made once per pair: a look-up with a string V8 has already hashed costs
// a fraction of one built (and hashed) per call, and every get, list and count asks for one.
const bucketKeys = new Map<string, Map<string, string>>();

let lastKind = '';
let lastNamespace = '';
let lastBucketKey = '/';

export function bucketKeyOf(kind: string, namespace: string): string {
  // Asked in runs for one pair (a kind's Pods in one namespace): the last answer needs no look-up.
  if (kind === lastKind && namespace === lastNamespace) return lastBucketKey;
  let byNs = bucketKeys.get(kind);
  if (byNs === undefined) {
    if (bucketKeys.size > 1_000) bucketKeys.clear(); // a memo of a pure function: bounded
    bucketKeys.set(kind, (byNs = new Map()));
  }
  let key = byNs.get(namespace);
  if (key === undefined) {
    if (byNs.size > 10_000) byNs.clear();
    byNs.set(namespace, (key = `${kind}/${namespace}`));
  }
  lastKind = kind;
  lastNamespace = namespace;
  lastBucketKey = key;
  return key;
}

/** The read side every controller, kubectl and assertion uses. */
export interface StoreView {
  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T | undefined;
  getByKey<T extends KubeObject = KubeObject>(key: string): T | undefined;
  /** Objects of a kind, in one namespace or (namespace undefined) all; insertion order. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): readonly T[];
  count(kind: string, namespace?: string): number;
  namespacesOf(kind: string): readonly string[];
  /** Objects whose ownerReferences name this uid. */
  dependents(ownerUid: string): readonly KubeObject[];
  /** Pods bound to a node (spec.nodeName). */
  podsOnNode(nodeName: string): readonly Pod[];
  /** The first of podsOnNode(nodeName) that passes `test`, resolving no more Pods than it reads. */
  firstPodOnNode(nodeName: string, test: (pod: Pod) => boolean): Pod | undefined;
  /** Objects of a kind in a namespace whose labels match the selector. */
  select<T extends KubeObject = KubeObject>(kind: string, namespace: string, selector: LabelSelector): readonly T[];
  /** How many objects of a kind in a namespace no controller owns (candidates for adoption). */
  orphanCount(kind: string, namespace: string): number;
}

interface Indexes {
  byKindNs: Map<string, Bucket>;          // "kind/ns" -> key -> object
  nsByKind: Map<string, Set<string>>;      // kind -> namespaces holding that kind
  // The two indexes read most (a ReplicaSet's Pods, a node's Pods) hold the objects themselves, kept
  // in step by put(): reading them needs no look-up per key in the kind's (large) bucket.
  byOwner: Map<string, Bucket>;            // owner uid -> dependent key -> object
  byNode: Map<string, Bucket>;             // node name -> pod key -> pod
  byLabel: Map<string, Set<string>>;       // "kind/ns/k=v" -> keys
  orphans: Map<string, Set<string>>;       // "kind/ns" -> keys of objects without a controller ownerReference
}

export class Store implements StoreView {
  protected idx: Indexes;
  private lastPrefix = '\u0000';
  private lastBucket = '';

  constructor(idx?: Indexes) {
    this.idx = idx ?? { byKindNs: new Map(), nsByKind: new Map(), byOwner: new Map(), byNode: new Map(), byLabel: new Map(), orphans: new Map() };
  }

  static empty(): Store { return new Store(); }

  edit(): DraftStore { return new DraftStore(this.idx); }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.idx.byKindNs.get(bucketKeyOf(kind, namespace))?.get(`${kind}/${namespace}/${name}`) as T | undefined;
  }

  getByKey<T extends KubeObject = KubeObject>(key: string): T | undefined {
    // Look-ups come in runs of one kind/namespace (a node's Pods): reuse the last bucket key's string.
    let bucket = this.lastBucket;
    if (!(key.startsWith(this.lastPrefix) && key.indexOf('/', this.lastPrefix.length) === -1)) {
      const second = key.indexOf('/', key.indexOf('/') + 1);
      bucket = key.slice(0, second);
      this.lastBucket = bucket;
      this.lastPrefix = `${bucket}/`;
    }
    return this.idx.byKindNs.get(bucket)?.get(key) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): readonly T[] {
    if (namespace !== undefined) return [...(this.idx.byKindNs.get(bucketKeyOf(kind, namespace))?.values() ?? [])] as T[];
    const out: T[] = [];
    for (const ns of this.namespacesOf(kind)) {
      for (const obj of this.idx.byKindNs.get(bucketKeyOf(kind, ns))?.values() ?? []) out.push(obj as T);
    }
    return out;
  }

  count(kind: string, namespace?: string): number {
    if (namespace !== undefined) return this.idx.byKindNs.get(bucketKeyOf(kind, namespace))?.size ?? 0;
    let n = 0;
    for (const ns of this.namespacesOf(kind)) n += this.idx.byKindNs.get(bucketKeyOf(kind, ns))?.size ?? 0;
    return n;
  }

  namespacesOf(kind: string): readonly string[] {
    return [...(this.idx.nsByKind.get(kind) ?? [])].sort();
  }

  dependents(ownerUid: string): readonly KubeObject[] {
    return valuesOf(this.idx.byOwner.get(ownerUid));
  }

  podsOnNode(nodeName: string): readonly Pod[] {
    return valuesOf(this.idx.byNode.get(nodeName)) as Pod[];
  }

  firstPodOnNode(nodeName: string, test: (pod: Pod) => boolean): Pod | undefined {
    const bucket = this.idx.byNode.get(nodeName);
    if (bucket === undefined) return undefined;
    for (const pod of bucket.values()) if (test(pod as Pod)) return pod as Pod;
    return undefined;
  }

  select<T extends KubeObject = KubeObject>(kind: string, namespace: string, selector: LabelSelector): readonly T[] {
    const pairs = Object.entries(selector.matchLabels ?? {});
    // Narrow by the rarest matchLabels pair, then check the whole selector.
    let candidates: Set<string> | undefined;
    let best = Infinity;
    for (const [k, v] of pairs) {
      const set = this.idx.byLabel.get(`${kind}/${namespace}/${k}=${v}`);
      if (set === undefined) return [];
      if (set.size < best) { best = set.size; candidates = set; }
    }
    const bucket = this.idx.byKindNs.get(bucketKeyOf(kind, namespace));
    const out: T[] = [];
    if (candidates === undefined) {
      for (const obj of bucket?.values() ?? []) if (matchesSelector(obj.metadata.labels, selector)) out.push(obj as T);
      return out;
    }
    // Every key of a "kind/ns/k=v" set lives in the one kind/ns bucket: look it up there directly.
    if (bucket === undefined) return out;
    for (const key of candidates) {
      const obj = bucket.get(key);
      if (obj !== undefined && matchesSelector(obj.metadata.labels, selector)) out.push(obj as T);
    }
    return out;
  }

  orphanCount(kind: string, namespace: string): number {
    return this.idx.orphans.get(bucketKeyOf(kind, namespace))?.size ?? 0;
  }

}

/** A bucket's objects as an exact-size array, in insertion order. */
function valuesOf(bucket: Bucket | undefined): KubeObject[] {
  if (bucket === undefined) return [];
  const out = new Array<KubeObject>(bucket.size);
  let i = 0;
  for (const obj of bucket.values()) out[i++] = obj;
  return out;
}

// The draft that made or copied an inner map or set (a number per draft, so that no draft stays
// reachable from a sealed Store's maps).
const DRAFT = Symbol('draft');
type Stamped = { [DRAFT]?: number };
// On a draft's own index maps: the key and inner map `own` returned last.
const LAST_KEY = Symbol('lastKey');
const LAST = Symbol('last');
type Cached<C> = { [LAST_KEY]?: string; [LAST]?: C };
let drafts = 0;

/** A writable copy of a Store; `seal()` freezes it into a new Store. */
export class DraftStore extends Store {
  /** Marks the inner maps and sets this draft made or copied (see `own`). */
  private readonly stamp = ++drafts;
  private sealed = false;

  constructor(base: Indexes) {
    super({
      byKindNs: new Map(base.byKindNs), nsByKind: new Map(base.nsByKind),
      byOwner: new Map(base.byOwner), byNode: new Map(base.byNode), byLabel: new Map(base.byLabel), orphans: new Map(base.orphans),
    });
  }

  seal(): Store {
    this.sealed = true;
    return new Store(this.idx);
  }

  /**
   * Inserts or replaces an object, keeping every index in step. A caller that has just read the
   * stored version passes it with its key (`known`): no second look-up in what may be a bucket of
   * 300,000 Pods.
   */
  put(obj: KubeObject, known?: { readonly key: string; readonly old: KubeObject | undefined }): void {
    this.assertOpen();
    const key = known?.key ?? objectKey(obj);
    const ns = obj.metadata.namespace ?? '';
    const bucketKey = bucketKeyOf(obj.kind, ns);
    const old = known !== undefined ? known.old : this.idx.byKindNs.get(bucketKey)?.get(key);
    if (old !== undefined && sameIndexEntries(old, obj)) {
      // Same owners, node and labels (a status write): only the object changes; index entries keep
      // their creation order (as an informer's indexer, nothing depends on a write reordering them).
      this.own(this.idx.byKindNs, bucketKey, newBucket).set(key, obj);
      this.replaceIn(key, obj);
      if (obj.kind === 'Pod') {
        const node = (obj as Pod).spec.nodeName;
        if (node) this.own(this.idx.byNode, node, newBucket).set(key, obj);
      }
      return;
    }
    if (old !== undefined && sameOwnersAndLabels(old, obj)) {
      // A binding (only spec.nodeName moved): the owner and label entries keep their order and content.
      this.own(this.idx.byKindNs, bucketKey, newBucket).set(key, obj);
      this.replaceIn(key, obj);
      const before = (old as Pod).spec.nodeName;
      const after = (obj as Pod).spec.nodeName;
      if (before) this.removeFrom(this.idx.byNode, before, key);
      if (after) this.own(this.idx.byNode, after, newBucket).set(key, obj);
      return;
    }
    if (old !== undefined) this.unindex(key, old);
    this.own(this.idx.byKindNs, bucketKey, newBucket).set(key, obj);
    this.own(this.idx.nsByKind, obj.kind, newSet).add(ns);
    this.index(key, obj);
  }

  remove(key: string): KubeObject | undefined {
    this.assertOpen();
    const old = this.getByKey(key);
    if (old === undefined) return undefined;
    this.unindex(key, old);
    const bucketKey = bucketKeyOf(old.kind, old.metadata.namespace ?? '');
    const bucket = this.own(this.idx.byKindNs, bucketKey, newBucket);
    bucket.delete(key);
    if (bucket.size === 0) {
      this.drop(this.idx.byKindNs, bucketKey);
      const namespaces = this.own(this.idx.nsByKind, old.kind, newSet);
      namespaces.delete(old.metadata.namespace ?? '');
    }
    return old;
  }

  /** The new version of an object in its owners' buckets (same owners as before). */
  private replaceIn(key: string, obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences;
    if (refs === undefined) return;
    for (let i = 0; i < refs.length; i++) this.own(this.idx.byOwner, refs[i].uid, newBucket).set(key, obj);
  }

  private index(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) this.own(this.idx.byOwner, ref.uid, newBucket).set(key, obj);
    if (!hasController(obj)) this.addTo(this.idx.orphans, bucketKeyOf(obj.kind, obj.metadata.namespace ?? ''), key);
    if (obj.kind === 'Pod') {
      const node = (obj as Pod).spec.nodeName;
      if (node) this.own(this.idx.byNode, node, newBucket).set(key, obj);
    }
    for (const labelKey of labelKeysOf(obj)) this.addTo(this.idx.byLabel, labelKey, key);
  }

  private unindex(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) this.removeFrom(this.idx.byOwner, ref.uid, key);
    if (!hasController(obj)) this.removeFrom(this.idx.orphans, bucketKeyOf(obj.kind, obj.metadata.namespace ?? ''), key);
    if (obj.kind === 'Pod') {
      const node = (obj as Pod).spec.nodeName;
      if (node) this.removeFrom(this.idx.byNode, node, key);
    }
    for (const labelKey of labelKeysOf(obj)) this.removeFrom(this.idx.byLabel, labelKey, key);
  }

  private addTo(index: Map<string, Set<string>>, indexKey: string, key: string): void {
    this.own(index, indexKey, newSet).add(key);
  }

  private removeFrom<C extends Set<string> | Bucket>(index: Map<string, C>, indexKey: string, key: string): void {
    if ((index as Cached<C>)[LAST_KEY] !== indexKey && index.get(indexKey) === undefined) return;
    const set = this.own(index, indexKey, newBucket as () => C); // there: not created
    set.delete(key);
    if (set.size === 0) this.drop(index, indexKey);
  }

  /**
   * The draft's own copy of parent.get(k), copied from the base snapshot on first write. Whose copy
   * an inner map is is a stamp on it: one property read, where a Set of owned ones was a hash look-up.
   * Writes come in runs (one kind's bucket, one ReplicaSet's Pods): the parent remembers the last
   * inner map it handed out, which then needs no look-up at all.
   */
  private own<C extends Bucket | Set<string>>(parent: Map<string, C>, k: string, create: () => C): C {
    const cached = parent as Cached<C>;
    if (cached[LAST_KEY] === k) return cached[LAST]!;
    let inner = parent.get(k);
    if (inner === undefined || (inner as Stamped)[DRAFT] !== this.stamp) {
      inner = inner === undefined ? create() : (inner instanceof Map ? new Map(inner) : new Set(inner as Set<string>)) as C;
      (inner as Stamped)[DRAFT] = this.stamp;
      parent.set(k, inner);
    }
    cached[LAST_KEY] = k;
    cached[LAST] = inner;
    return inner;
  }

  /** parent.delete(k), forgetting the inner map `own` remembers if it was that one. */
  private drop<C>(parent: Map<string, C>, k: string): void {
    parent.delete(k);
    const cached = parent as Cached<C>;
    if (cached[LAST_KEY] === k) { cached[LAST_KEY] = undefined; cached[LAST] = undefined; }
  }

  private assertOpen(): void {
    if (this.sealed) throw new Error('store: write to a sealed draft; this is a simulator bug');
  }
}

// The byLabel keys of an object ("kind/ns/k=v"), memoised by its labels object: writes that keep
// the labels (status updates) re-index without building strings. Keyed weakly by an immutable object.
const labelKeys = new WeakMap<object, { readonly prefix: string; readonly keys: readonly string[] }>();
const NO_KEYS: readonly string[] = [];

const newBucket = (): Bucket => new Map<string, KubeObject>();
const newSet = (): Set<string> => new Set<string>();

function labelKeysOf(obj: KubeObject): readonly string[] {
  const labels = obj.metadata.labels;
  if (labels === undefined) return NO_KEYS;
  const prefix = `${obj.kind}/${obj.metadata.namespace ?? ''}/`;
  const hit = labelKeys.get(labels);
  if (hit !== undefined && hit.prefix === prefix) return hit.keys;
  const keys: string[] = [];
  for (const k in labels) keys.push(`${prefix}${k}=${labels[k]}`);
  labelKeys.set(labels, { prefix, keys });
  return keys;
}

function hasController(obj: KubeObject): boolean {
  const refs = obj.metadata.ownerReferences;
  if (refs === undefined) return false;
  for (const r of refs) if (r.controller === true) return true;
  return false;
}

/** Whether two versions of one object have the same owner and label index entries. */
function sameOwnersAndLabels(a: KubeObject, b: KubeObject): boolean {
  return a.metadata.labels === b.metadata.labels && a.metadata.ownerReferences === b.metadata.ownerReferences;
}

/** Whether two versions of one object have the same index entries (same owner uids, node and labels). */
function sameIndexEntries(a: KubeObject, b: KubeObject): boolean {
  return sameOwnersAndLabels(a, b) && (a.kind !== 'Pod' || (a as Pod).spec.nodeName === (b as Pod).spec.nodeName);
}
