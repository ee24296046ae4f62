// The kubelet's event texts that repeat across Pods ("Pulling image "nginx:1.27"", "Created
// container: web"), one shared string each: 150,000 Pods would otherwise hold 150,000 copies of
// each. Keyed by the short image or container name, so a repeat costs one small look-up, not the
// hashing of the whole text. Bounded memos of pure functions.

const MAX = 10_000;

function memo(build: (key: string) => string): (key: string) => string {
  const texts = new Map<string, string>();
  return (key) => {
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size >= MAX) texts.clear();
      texts.set(key, (text = build(key)));
    }
    return text;
  };
}

/** image_manager.go: the image is there and the pull policy lets the kubelet use it. */
export const alreadyPresentMessage = memo((image) => `Container image "${image}" already present on machine`);
/** image_manager.go EnsureImageExists, before pulling. */
export const pullingMessage = memo((image) => `Pulling image "${image}"`);
/** kuberuntime_container.go startContainer: events.CreatedContainer. */
export const createdMessage = memo((name) => `Created container: ${name}`);
/** kuberuntime_container.go startContainer: events.StartedContainer. */
export const startedMessage = memo((name) => `Started container ${name}`);
/** kuberuntime_container.go killContainer for a Pod being deleted: events.KillingContainer. */
export const stoppingMessage = memo((name) => `Stopping container ${name}`);

const pulled = new Map<string, string>();

/**
 * image_manager.go pullImage after a pull: the pull itself (pullResult.pullDuration, from when the
 * serial puller's worker took it), then the time since the request (the wait in its queue included).
 */
export function pulledMessage(image: string, took: string, sinceRequest: string, sizeBytes: number): string {
  const key = `${image}\u0000${took}\u0000${sinceRequest}\u0000${sizeBytes}`;
  let text = pulled.get(key);
  if (text === undefined) {
    if (pulled.size >= MAX) pulled.clear();
    pulled.set(key, (text = `Successfully pulled image "${image}" in ${took} (${sinceRequest} including waiting). Image size: ${sizeBytes} bytes.`));
  }
  return text;
}
