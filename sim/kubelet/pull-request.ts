import { DEFAULT_PULL_MS, parseImageRef, type ImageBehaviour } from '../runtime/image-behaviours';
import type { PullRequest } from './image-puller';

/** How long a pull takes when the layers are there (resolving the manifest only), at most the image's own pull time. */
export const PRESENT_IMAGE_PULL_MS = 500;

/** The request EnsureImageExists hands the serial puller for `image` on a node holding `nodeImages`. */
export function pullRequestOf(image: string, b: ImageBehaviour, nodeImages: ReadonlySet<string>): PullRequest {
  const canonical = parseImageRef(image).canonical;
  const fetchMs = b.pullMs ?? DEFAULT_PULL_MS;
  return {
    canonical, present: nodeImages.has(image) || nodeImages.has(canonical), succeeds: b.kind !== 'missing', fetchMs, presentMs: Math.min(PRESENT_IMAGE_PULL_MS, fetchMs),
  };
}
