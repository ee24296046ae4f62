import { volumeSourcesOf } from '../defaults/pod-spec';
import { isObj, type Json } from '../defaults/util';

// Shape helpers validation shares with defaulting.

export { isObj };
export type { Json };

/** The source keys a volume carries. */
export const volumeSourcesOfSafe = (v: Json): string[] => volumeSourcesOf(v);
