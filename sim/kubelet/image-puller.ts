// The kubelet's serial image puller on one node: pkg/kubelet/images/puller.go serialImagePuller,
// the default (KubeletConfiguration serializeImagePulls: true). EnsureImageExists records
// `Pulling image "x"` and hands the request to the puller; one worker takes the requests one after
// another (processImagePullRequests) and each waits for its result. The channel holds
// maxImagePullRequests (10); further senders block and are served in order, which is the same FIFO.
//
// Everything about a request is known when it is made (the queue is FIFO and each pull's length is
// fixed), so the queue is two values in the node's row: when the worker is free again, and which
// images a queued request will have landed by then. A request made while a first pull of the same
// image runs still pulls (GetImageRef found nothing), but quickly: containerd finds the layers.
//
// Known gap: a request stays queued when its Pod is deleted; the kubelet cancels the Pod's sync
// context, so the worker would return from that pull at once and take the next one sooner.

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
