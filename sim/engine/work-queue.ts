// The engine's work queue: (controller, key) pairs in FIFO order, each at most once while it waits
// (client-go's workqueue dirty set), and how often each key has been reconciled at this instant
// (the loop's settle guard).

/**
 * One (controller, key)'s entry at the current instant. `state` is twice the key's reconciles
 * since the last endInstant(), plus 1 while it waits in the queue. The entry itself is what the
 * queue holds, so a dequeue needs no look-up and an enqueue one.
 */
export interface QueueItem {
  readonly controller: string;
  readonly key: string;
  state: number;
  /** Reconciles of the key at this instant, the one it is dequeued for included (set by dequeue()). */
  runs: number;
}

export class WorkQueue {
  private queue: QueueItem[] = [];
  private head = 0;
  /** Per controller (no string built per enqueue), per key: its entry at this instant. */
  private readonly items = new Map<string, Map<string, QueueItem>>();

  get length(): number { return this.queue.length - this.head; }

  /** Queues (controller, key) unless it already waits. */
  enqueue(controller: string, key: string): void {
    let items = this.items.get(controller);
    if (items === undefined) this.items.set(controller, (items = new Map()));
    let item = items.get(key);
    if (item === undefined) items.set(key, (item = { controller, key, state: 1, runs: 0 }));
    else if ((item.state & 1) === 0) item.state++;
    else return;
    this.queue.push(item);
  }

  /** The next item, its `runs` counting this reconcile; undefined when the queue is empty. */
  dequeue(): QueueItem | undefined {
    const queue = this.queue;
    if (this.head >= queue.length) {
      queue.length = 0;
      this.head = 0;
      return undefined;
    }
    const item = queue[this.head++];
    const state = item.state + 1; // out of the queue, one reconcile more
    item.state = state;
    item.runs = state >> 1;
    if (this.head > 4096 && this.head * 2 > queue.length) {
      // Drop the consumed front in place (splice would allocate an array of what it removes).
      queue.copyWithin(0, this.head);
      queue.length -= this.head;
      this.head = 0;
    }
    return item;
  }

  /** Forgets the reconcile counts of an instant whose queue is empty. */
  endInstant(): void {
    this.items.clear();
  }
}
