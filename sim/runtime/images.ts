import type { Cluster } from '../engine/types';
import { submit } from '../engine/loop';
import { CONTROLLERS } from '../cluster/controllers';
import { parseImageRef, type ImageBehaviour } from './image-behaviours';

// The public face of image behaviours: the ImageBehaviour type and declareImage. The data and the
// look-ups live in image-behaviours.ts (which the kubelet imports without pulling in the controller list).

export * from './image-behaviours';

/**
 * Declares what an image does, for every later Pod that runs it. Keyed by the reference as given
 * ("myapp:v2"); a reference without a tag ("myapp") applies to every tag.
 */
export function declareImage(cluster: Cluster, image: string, behaviour: ImageBehaviour): Cluster {
  const key = image.includes(':') || image.includes('@') ? image : parseImageRef(image).repo;
  return submit(cluster, [{ verb: 'runtime', table: 'images', key, value: behaviour }], CONTROLLERS, 'runtime').cluster;
}

