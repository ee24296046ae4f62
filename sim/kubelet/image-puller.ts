// The kubelet's serial image puller on one node: pkg/kubelet/images/puller.go serialImagePuller,
// the default (KubeletConfiguration serializeImagePulls: true). EnsureImageExists records
// `Pulling image "x"` and hands the request to the puller; one worker takes the requests one after
// another (processImagePullRequests) and each waits for its result. The channel holds
// maxImagePullRequests (10); further senders block and are served in order, which is the same FIFO.
//
// Everything about a request is known when it is made (the queue is FIFO and each pull's length is
// fixed; only a deleted Pod's cancelled request ahead of it changes that), so the queue is two values in the node's row: when the worker is free again, and which
// images a queued request will have landed by then. A request made while a first pull of the same
// image runs still pulls (GetImageRef found nothing), but quickly: containerd finds the layers.
//
// A deleted Pod's request is cancelled, not dropped (replanPulls): the pod worker cancels the
// sync's context (pod_workers.go UpdatePod, cancelFn once the Pod is terminating), but the request
// stays in the channel and EnsureImageExists keeps waiting on its pullChan. The worker still takes
// it in turn, and PullImage on a cancelled context returns at once (rpc error: code = Canceled);
// a pull in progress returns as soon as its context is cancelled. The requests behind move up.

/** The serial puller's state on one node, kept in the kubelet's node row (KubeletNodeFields.pullQueue). */
export interface PullQueue {
  /** When the worker finishes the last request queued so far. */
  readonly freeMs: number;
  /** Images (canonical references) a queued request pulls successfully: present when a later one starts. */
  readonly landing: ReadonlySet<string>;
}

export interface QueuedPull {
  /** When the worker takes the request (pullResult.pullDuration counts from here). */
  readonly startMs: number;
  /** When the pull's result comes back. */
  readonly dueMs: number;
  readonly queue: PullQueue;
}

export interface PullRequest {
  /** images.ImageSpec.Image as the runtime names it (parseImageRef(image).canonical). */
  readonly canonical: string;
  /** The image is on the node now. */
  readonly present: boolean;
  /** The pull fetches the image (false: the registry has no such image, ErrImagePull). */
  readonly succeeds: boolean;
  /** How long a pull that fetches the layers takes. */
  readonly fetchMs: number;
  /** How long a pull whose layers are there takes (resolving the manifest only). */
  readonly presentMs: number;
}

const NOTHING_LANDING: ReadonlySet<string> = new Set();

/**
 * serialImagePuller.pullImage at nowMs: the request joins the queue behind every earlier one.
 *
 * | queue                         | request                     | startMs | dueMs  |
 * |-------------------------------|-----------------------------|---------|--------|
 * | none (or free before now=0)   | nginx, absent, 3 s          | 0       | 3000   |
 * | free at 3000, nginx landing   | nginx, absent (0.5 s quick) | 3000    | 3500   |
 * | free at 3500, nginx landing   | busybox, absent, 3 s        | 3500    | 6500   |
 */
export function queuePull(queue: PullQueue | undefined, nowMs: number, req: PullRequest): QueuedPull {
  // A worker idle before now has nothing queued: the images it landed are on the node by now.
  const busy = queue !== undefined && queue.freeMs >= nowMs;
  const startMs = busy ? queue.freeMs : nowMs;
  const landing = busy ? queue.landing : NOTHING_LANDING;
  const layersThere = req.succeeds && (req.present || landing.has(req.canonical));
  const dueMs = startMs + (layersThere ? req.presentMs : req.fetchMs);
  const lands = req.succeeds && !layersThere;
  const next = lands ? new Set(landing).add(req.canonical) : landing;
  return { startMs, dueMs, queue: { freeMs: dueMs, landing: next } };
}

/** A request on the node's queue that has not returned yet, with what replanPulls needs to place it again. */
export interface PendingPull {
  readonly req: PullRequest;
  /** When the worker takes it (startMs of queuePull, or of an earlier replan). */
  readonly startMs: number;
  /** When it returns, as planned so far (after nowMs). */
  readonly dueMs: number;
  /** Its Pod's sync context is cancelled (the Pod is being deleted). */
  readonly cancelled: boolean;
}

export interface ReplannedPull {
  readonly startMs: number;
  readonly dueMs: number;
}

/**
 * The serial puller's queue again at nowMs, after some requests' contexts were cancelled: in FIFO
 * order, the request in progress keeps its end (or returns now, cancelled), a queued one starts
 * when the one before it returns and, cancelled, returns then too; the others take the time their
 * pull takes from there (a cancelled pull lands nothing: a later pull of its image fetches it in
 * full). `pulls[i]` is where `pending[i]` is now. Requests already returned are not in `pending`;
 * their images are in each req.present.
 *
 * | pending (3 s fetch, 0.5 s with layers there)    | now | replanned                          |
 * |-------------------------------------------------|-----|------------------------------------|
 * | A 0-3 s cancelled, B (same image) 3-3.5 s        | 1 s | A 1-1 s, B 1-4 s (fetches in full) |
 * | A 0-3 s, B 3-6 s cancelled, C 6-9 s              | 1 s | A 0-3 s, B 3-3 s, C 3-6 s          |
 */
export function replanPulls(pending: readonly PendingPull[], nowMs: number): { pulls: ReplannedPull[]; queue: PullQueue } {
  const order = pending.map((_, i) => i).sort((a, b) => pending[a].startMs - pending[b].startMs || pending[a].dueMs - pending[b].dueMs || a - b);
  const pulls: ReplannedPull[] = new Array(pending.length);
  let freeMs = nowMs;
  const landing = new Set<string>();
  for (const i of order) {
    const p = pending[i];
    let startMs: number;
    let dueMs: number;
    if (p.startMs <= nowMs) { // in progress
      startMs = p.startMs;
      dueMs = p.cancelled ? nowMs : p.dueMs;
    } else {
      startMs = freeMs;
      const layersThere = p.req.succeeds && (p.req.present || landing.has(p.req.canonical));
      dueMs = p.cancelled ? startMs : startMs + (layersThere ? p.req.presentMs : p.req.fetchMs);
    }
    if (!p.cancelled && p.req.succeeds) landing.add(p.req.canonical);
    pulls[i] = { startMs, dueMs };
    freeMs = Math.max(freeMs, dueMs);
  }
  return { pulls, queue: { freeMs, landing } };
}
