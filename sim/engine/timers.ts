// The timer queue: a binary min-heap of (dueMs, seq) -> (controller, key). A (controller, key)
// holds at most one live timer, the earliest asked for (controller-runtime merges AddAfter the
// same way); a later request while an earlier one is pending is dropped, since the reconcile at
// the earlier time asks again if it still needs to.

export interface Timer {
  readonly dueMs: number;
  readonly seq: number;
  readonly controller: string;
  readonly key: string;
}

export class TimerQueue {
  private constructor(
    private readonly heap: Timer[],
    /** controller -> key -> the live timer's dueMs (nested: no "controller key" string built per call). */
    private readonly due: Map<string, Map<string, number>>,
    private nextSeq: number,
    private frozen: boolean,
  ) {}

  static empty(): TimerQueue { return new TimerQueue([], new Map(), 0, true); }

  /** A writable copy (O(n) once per transaction). */
  clone(): TimerQueue {
    const due = new Map<string, Map<string, number>>();
    for (const [controller, keys] of this.due) due.set(controller, new Map(keys));
    return new TimerQueue(this.heap.slice(), due, this.nextSeq, false);
  }

  freeze(): TimerQueue { this.frozen = true; return this; }

  get size(): number {
    let n = 0;
    for (const keys of this.due.values()) n += keys.size;
    return n;
  }

  peekDueMs(): number | undefined {
    if (this.frozen) return this.pending()[0]?.dueMs;
    this.dropStale();
    return this.heap.length > 0 ? this.heap[0].dueMs : undefined;
  }

  schedule(dueMs: number, controller: string, key: string): void {
    this.assertWritable();
    let keys = this.due.get(controller);
    if (keys === undefined) this.due.set(controller, (keys = new Map()));
    const current = keys.get(key);
    if (current !== undefined && current <= dueMs) return;
    keys.set(key, dueMs);
    this.push({ dueMs, seq: this.nextSeq++, controller, key });
  }

  /** Removes and returns every live timer due at or before `nowMs`, in (dueMs, seq) order. */
  popDue(nowMs: number): Timer[] {
    this.assertWritable();
    const out: Timer[] = [];
    for (;;) {
      this.dropStale();
      if (this.heap.length === 0 || this.heap[0].dueMs > nowMs) return out;
      const t = this.pop();
      this.due.get(t.controller)!.delete(t.key);
      out.push(t);
    }
  }

  /** Pending timers, soonest first (for reports and debugging). */
  pending(): readonly Timer[] {
    return this.heap.filter((t) => this.dueOf(t) === t.dueMs)
      .sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
  }

  private dropStale(): void {
    while (this.heap.length > 0) {
      const t = this.heap[0];
      if (this.dueOf(t) === t.dueMs) return;
      this.pop();
    }
  }

  /** The live dueMs of a timer's (controller, key), if any. */
  private dueOf(t: Timer): number | undefined {
    return this.due.get(t.controller)?.get(t.key);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      const x = h[i]; h[i] = h[parent]; h[parent] = x;
      i = parent;
    }
  }

  private pop(): Timer {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        const x = h[i]; h[i] = h[m]; h[m] = x;
        i = m;
      }
    }
    return top;
  }

  private assertWritable(): void {
    if (this.frozen) throw new Error('timers: write to a frozen queue; this is a simulator bug');
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}
