// An append-only log shared between snapshots without copying: each snapshot remembers how many
// entries it owns. Appending to an older snapshot (a branch) copies its prefix first, so no
// snapshot ever sees another's entries. O(1) per append in the common, linear case.

export class AppendLog<T> {
  private constructor(private readonly items: T[], readonly length: number) {}

  static empty<T>(): AppendLog<T> { return new AppendLog<T>([], 0); }

  /** A writable continuation of this log. */
  extend(): LogWriter<T> {
    const items = this.items.length === this.length ? this.items : this.items.slice(0, this.length);
    return new LogWriter(items, (n) => new AppendLog(items, n));
  }

  at(i: number): T | undefined { return i < this.length ? this.items[i] : undefined; }

  /** Entries [from, length). */
  slice(from = 0, to = this.length): readonly T[] { return this.items.slice(from, Math.min(to, this.length)); }

  *[Symbol.iterator](): Iterator<T> { for (let i = 0; i < this.length; i++) yield this.items[i]; }
}

export class LogWriter<T> {
  constructor(private readonly items: T[], private readonly make: (length: number) => AppendLog<T>) {}
  push(item: T): void { this.items.push(item); }
  get length(): number { return this.items.length; }
  seal(): AppendLog<T> { return this.make(this.items.length); }
}
